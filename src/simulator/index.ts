// Public entry of the simulator: everything outside src/simulator imports from here.
/** The simulator's data types: devices, calls, settings, snapshots. */
export type {
  CallNote,
  DeviceKind,
  DeviceSnapshot,
  SdkCall,
  SdkVersion,
  ServerCall,
  SimulationConfig,
  SimulationStep,
} from './types.ts';
export { DEVICE_KINDS, SDK_CALLS, SERVER_CALLS } from './types.ts';
export { SimulationError } from './errors.ts';
export { Simulation } from './simulation.ts';
