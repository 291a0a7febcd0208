// Whether identity events are rows: decided in the store, so explanations number events the way the table does.
export { showsIdentityEvents } from '../../store/identityEvents.ts';
