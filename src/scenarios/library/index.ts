// The built-in scenarios in picker order (seed flows first). Shelved without the schema library (shelve.ts) so the
// app's first load stays small; the test suite validates every file against the one schema.
import newUserSignup from './new-user-signup.json' with { type: 'json' };
import returningUser from './returning-user.json' with { type: 'json' };
import multipleUsersOneDevice from './multiple-users-one-device.json' with { type: 'json' };
import androidAndIos from './android-and-ios.json' with { type: 'json' };
import howDistinctIdIsDerived from './how-distinct-id-is-derived.json' with { type: 'json' };
import firstLinkWins from './first-link-wins.json' with { type: 'json' };
import onePayloadThreeReadings from './one-payload-three-readings.json' with { type: 'json' };
import sharedDeviceWithoutReset from './shared-device-without-reset.json' with { type: 'json' };
import resetNewDeviceId from './reset-new-device-id.json' with { type: 'json' };
import anonymousActivityHandedOver from './anonymous-activity-handed-over.json' with { type: 'json' };
import identifyTwiceWithoutReset from './identify-twice-without-reset.json' with { type: 'json' };
import identifyWithoutEvent from './identify-without-event.json' with { type: 'json' };
import emailAsUserId from './email-as-user-id.json' with { type: 'json' };
import phoneNumberAsDeviceId from './phone-number-as-device-id.json' with { type: 'json' };
import specialEventsIgnored from './special-events-ignored.json' with { type: 'json' };
import aliasCallsIdentify from './alias-calls-identify.json' with { type: 'json' };
import serverClientHandoff from './server-client-handoff.json' with { type: 'json' };
import serverSideAnonymousIds from './server-side-anonymous-ids.json' with { type: 'json' };
import lateArrivingEvents from './late-arriving-events.json' with { type: 'json' };
import placeholderIds from './placeholder-ids.json' with { type: 'json' };
import originalSignup from './original-signup.json' with { type: 'json' };
import originalReturningUser from './original-returning-user.json' with { type: 'json' };
import originalMultipleUsersOneDevice from './original-multiple-users-one-device.json' with { type: 'json' };
import originalIdentifySameIds from './original-identify-same-ids.json' with { type: 'json' };
import originalIdentifyNonGuid from './original-identify-non-guid.json' with { type: 'json' };
import originalAnonAlreadyIdentified from './original-anon-already-identified.json' with { type: 'json' };
import originalGuardrailBypass from './original-guardrail-bypass.json' with { type: 'json' };
import originalMergeChain from './original-merge-chain.json' with { type: 'json' };
import originalCapThroughReset from './original-cap-through-reset.json' with { type: 'json' };
import originalMergeViaTrack from './original-merge-via-track.json' with { type: 'json' };
import legacySallySignup from './legacy-sally-signup.json' with { type: 'json' };
import legacySallyPhone from './legacy-sally-phone.json' with { type: 'json' };
import legacyAliasRace from './legacy-alias-race.json' with { type: 'json' };
import legacyNotRetroactive from './legacy-not-retroactive.json' with { type: 'json' };
import legacyAliasChains from './legacy-alias-chains.json' with { type: 'json' };
import profilesWaitForIdentify from './profiles-wait-for-identify.json' with { type: 'json' };
import anonymousProfileStranded from './anonymous-profile-stranded.json' with { type: 'json' };
import originalProfileConflict from './original-profile-conflict.json' with { type: 'json' };
import type { LibraryScenario } from '../types.ts';
import { shelveLibrary, type LibraryFile } from './shelve.ts';

/** Every library file with its name, in the order the picker shows them. */
export const LIBRARY_FILES: readonly LibraryFile[] = [
  ['new-user-signup.json', newUserSignup],
  ['returning-user.json', returningUser],
  ['multiple-users-one-device.json', multipleUsersOneDevice],
  ['android-and-ios.json', androidAndIos],
  ['how-distinct-id-is-derived.json', howDistinctIdIsDerived],
  ['first-link-wins.json', firstLinkWins],
  ['one-payload-three-readings.json', onePayloadThreeReadings],
  ['shared-device-without-reset.json', sharedDeviceWithoutReset],
  ['reset-new-device-id.json', resetNewDeviceId],
  ['anonymous-activity-handed-over.json', anonymousActivityHandedOver],
  ['identify-twice-without-reset.json', identifyTwiceWithoutReset],
  ['identify-without-event.json', identifyWithoutEvent],
  ['email-as-user-id.json', emailAsUserId],
  ['phone-number-as-device-id.json', phoneNumberAsDeviceId],
  ['special-events-ignored.json', specialEventsIgnored],
  ['alias-calls-identify.json', aliasCallsIdentify],
  ['server-client-handoff.json', serverClientHandoff],
  ['server-side-anonymous-ids.json', serverSideAnonymousIds],
  ['late-arriving-events.json', lateArrivingEvents],
  ['placeholder-ids.json', placeholderIds],
  ['original-signup.json', originalSignup],
  ['original-returning-user.json', originalReturningUser],
  ['original-multiple-users-one-device.json', originalMultipleUsersOneDevice],
  ['original-identify-same-ids.json', originalIdentifySameIds],
  ['original-identify-non-guid.json', originalIdentifyNonGuid],
  ['original-anon-already-identified.json', originalAnonAlreadyIdentified],
  ['original-guardrail-bypass.json', originalGuardrailBypass],
  ['original-merge-chain.json', originalMergeChain],
  ['original-cap-through-reset.json', originalCapThroughReset],
  ['original-merge-via-track.json', originalMergeViaTrack],
  ['legacy-sally-signup.json', legacySallySignup],
  ['legacy-sally-phone.json', legacySallyPhone],
  ['legacy-alias-race.json', legacyAliasRace],
  ['legacy-not-retroactive.json', legacyNotRetroactive],
  ['legacy-alias-chains.json', legacyAliasChains],
  ['profiles-wait-for-identify.json', profilesWaitForIdentify],
  ['anonymous-profile-stranded.json', anonymousProfileStranded],
  ['original-profile-conflict.json', originalProfileConflict],
];

/** The library (throws LibraryError when a file's id does not match its name or is used twice). */
export const LIBRARY: readonly LibraryScenario[] = shelveLibrary(LIBRARY_FILES);

/** The library scenario with this id. */
export function findScenario(id: string): LibraryScenario | undefined {
  return LIBRARY.find((scenario) => scenario.id === id);
}

export { LibraryError } from './shelve.ts';
