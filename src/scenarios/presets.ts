// The identity pains people report most on the Mixpanel SDKs' public trackers, each as a starting point for the
// editor. Every pain has a library scenario with its expectations written from the spec; a preset may still carry a
// story of its own (`scenario`) for a pain the library does not tell.
import type { Scenario } from './types.ts';

/** A common pain, in users' words, and the scenario that shows it. */
export interface Preset {
  /** The pain, in the words people use. */
  readonly pain: string;
  /** A library scenario that tells it, or the scenario itself. */
  readonly source: { readonly libraryId: string } | { readonly scenario: Scenario };
}

/** The presets the editor offers as start points, one per pain people report. */
export const PRESETS: readonly Preset[] = [
  { pain: 'reset() does not give the device a new id', source: { libraryId: 'reset-new-device-id' } },
  { pain: 'Several people on one device', source: { libraryId: 'multiple-users-one-device' } },
  { pain: 'A shared device that never calls reset()', source: { libraryId: 'shared-device-without-reset' } },
  { pain: 'alias() quietly calls identify()', source: { libraryId: 'alias-calls-identify' } },
  { pain: 'alias() works only once', source: { libraryId: 'legacy-alias-chains' } },
  { pain: 'Login and logout cycles', source: { libraryId: 'original-cap-through-reset' } },
  { pain: 'Events sent right after alias() arrive as anonymous', source: { libraryId: 'legacy-alias-race' } },
  { pain: 'Server-side Simplified without a device id', source: { libraryId: 'server-side-anonymous-ids' } },
];
