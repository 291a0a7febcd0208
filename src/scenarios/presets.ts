// The identity pains people report most on the Mixpanel SDKs' public trackers, each as a starting point for the
// editor: a library scenario where one tells the story, else a small story of its own (no expectations pinned:
// the user watches what each mode does, and may pin what they expect).
import type { Scenario } from './types.ts';

/** A common pain, in users' words, and the scenario that shows it. */
export interface Preset {
  /** The pain, in the words people use. */
  readonly pain: string;
  /** A library scenario that tells it, or the scenario itself. */
  readonly source: { readonly libraryId: string } | { readonly scenario: Scenario };
}

const ALL_MODES = ['simplified', 'original', 'legacy'] as const;

/** The presets the editor offers as start points, one per pain people report. */
export const PRESETS: readonly Preset[] = [
  {
    pain: 'reset() does not give the device a new id',
    source: {
      scenario: {
        id: 'reset-new-device-id',
        title: 'Does reset() give the device a new id?',
        modes: [...ALL_MODES],
        devices: [{ id: 'A', label: 'Shared laptop', kind: 'web' }],
        steps: [
          { device: 'A', call: 'track', args: ['Page View'], note: 'The device has its first anonymous id.' },
          { device: 'A', call: 'identify', args: ['alice'] },
          {
            device: 'A',
            call: 'reset',
            note: 'Logout: reset() should start a new anonymous id on this device.',
          },
          {
            device: 'A',
            call: 'track',
            args: ['Page View'],
            note: 'Which id does this event carry, and whom does it resolve to?',
          },
        ],
      },
    },
  },
  { pain: 'Several people on one device', source: { libraryId: 'multiple-users-one-device' } },
  { pain: 'A shared device that never calls reset()', source: { libraryId: 'shared-device-without-reset' } },
  {
    pain: 'alias() quietly calls identify()',
    source: {
      scenario: {
        id: 'alias-calls-identify',
        title: 'alias() and the identify() inside it',
        modes: [...ALL_MODES],
        devices: [{ id: 'A', label: 'Sign-up page', kind: 'web' }],
        steps: [
          { device: 'A', call: 'track', args: ['Sign-up Started'] },
          {
            device: 'A',
            call: 'alias',
            args: ['new-user@example.com'],
            note: 'Watch the events alias() sends.',
          },
          { device: 'A', call: 'track', args: ['Sign-up Completed'] },
        ],
      },
    },
  },
  { pain: 'alias() works only once', source: { libraryId: 'legacy-alias-chains' } },
  { pain: 'Login and logout cycles', source: { libraryId: 'original-cap-through-reset' } },
  { pain: 'Events sent right after alias() arrive as anonymous', source: { libraryId: 'legacy-alias-race' } },
  { pain: 'Server-side Simplified without a device id', source: { libraryId: 'server-side-anonymous-ids' } },
];
