// The spec's determinate scenario catalogue (section 8) as data: inputs in ingestion order, expected outcomes.
import type { ResolveInput } from '../resolve.ts';
import type { FailureCode, Mode, ResolveOptions } from '../types.ts';
import { DEV, ev, G1, G2, G3 } from './helpers.ts';

/**
 * Expected resolved distinct_id per record: an id, null (rejected), or `canon:X` for "the canonical id of X's
 * cluster" where Mixpanel leaves the choice open (O-3, Q-5), so tests never depend on the strategy.
 */
export type Expected = string | null;

export interface CatalogueCase {
  readonly id: string;
  readonly mode: Mode;
  readonly options?: Partial<ResolveOptions>;
  readonly inputs: readonly ResolveInput[];
  readonly resolved: readonly Expected[];
  /** After record `after` (0-based), the resolved ids of records 0..after. */
  readonly snapshots?: ReadonlyArray<{ readonly after: number; readonly resolved: readonly Expected[] }>;
  /** 1-based record number → failure code. Records not listed must have no failure. */
  readonly failures?: Readonly<Record<number, FailureCode>>;
  /** Clusters that must exist exactly (as member sets). */
  readonly clusters?: ReadonlyArray<readonly string[]>;
}

const S1 = [
  ev('e1', { $device_id: 'D1' }),
  ev('e2', { $device_id: 'D1' }),
  ev('e3', { $device_id: 'D1', $user_id: 'U1' }),
];
const S2 = [
  ...S1,
  ev('e4', { $device_id: 'D2' }),
  ev('e5', { $device_id: 'D2' }),
  ev('e6', { $device_id: 'D2', $user_id: 'U1' }),
];
const S6 = [
  ev('View Anonymous Page', { $device_id: 'anonymous111' }),
  ev('Sign Up', { $device_id: 'anonymous111', $user_id: 'charlie' }),
  ev('View Anonymous Page', { $device_id: 'anonymous222' }),
];
const ANDROID = '13bbf7943e584-0885c2531-5c793977-3e8000-13bbf7943e64cf';
const IOS = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';
const O1 = [
  ev('e1', { distinct_id: DEV(G1) }),
  ev('e2', { distinct_id: DEV(G1) }),
  ev('$identify', { distinct_id: 'U1', $anon_distinct_id: DEV(G1) }),
  ev('e3', { distinct_id: 'U1' }),
];
const L1 = [
  ev('page', { distinct_id: '12345' }),
  ev('$create_alias', { alias: 'sally@gmail.com', distinct_id: '12345' }),
  ev('$identify', { distinct_id: 'sally@gmail.com', $anon_distinct_id: '12345' }),
  ev('event', { distinct_id: '12345' }),
  ev('login elsewhere', { distinct_id: 'sally@gmail.com' }),
];

export const SIMPLIFIED_CASES: readonly CatalogueCase[] = [
  {
    id: 'SC-S1 new user sign-up',
    mode: 'simplified',
    inputs: S1,
    snapshots: [{ after: 1, resolved: ['$device:D1', '$device:D1'] }],
    resolved: ['U1', 'U1', 'U1'],
    clusters: [['$device:D1', 'U1']],
  },
  {
    id: 'SC-S2 returning user on a new device',
    mode: 'simplified',
    inputs: S2,
    snapshots: [{ after: 4, resolved: ['U1', 'U1', 'U1', '$device:D2', '$device:D2'] }],
    resolved: ['U1', 'U1', 'U1', 'U1', 'U1', 'U1'],
    clusters: [['$device:D1', '$device:D2', 'U1']],
  },
  {
    id: 'SC-S3 several users on one device, with reset',
    mode: 'simplified',
    inputs: [
      ev('e1', { $device_id: 'D1' }),
      ev('e2', { $device_id: 'D1', $user_id: 'U1' }),
      ev('e3', { $device_id: 'D2' }),
      ev('e4', { $device_id: 'D2' }),
      ev('e5', { $device_id: 'D2', $user_id: 'U2' }),
    ],
    snapshots: [
      { after: 1, resolved: ['U1', 'U1'] },
      { after: 3, resolved: ['U1', 'U1', '$device:D2', '$device:D2'] },
    ],
    resolved: ['U1', 'U1', 'U2', 'U2', 'U2'],
    clusters: [
      ['$device:D1', 'U1'],
      ['$device:D2', 'U2'],
    ],
  },
  {
    id: 'SC-S4 shared device with no reset, as the SDK sends it',
    mode: 'simplified',
    inputs: [
      ev('e1', { distinct_id: '$device:D1', $device_id: 'D1' }),
      ev('$identify', {
        distinct_id: 'U1',
        $device_id: 'D1',
        $user_id: 'U1',
        $anon_distinct_id: '$device:D1',
      }),
      ev('e2', { distinct_id: 'U1', $device_id: 'D1', $user_id: 'U1' }),
      ev('e3', { distinct_id: 'U1', $device_id: 'D1', $user_id: 'U1' }),
      ev('$identify', { distinct_id: 'U2', $device_id: 'D1', $user_id: 'U2', $anon_distinct_id: 'U1' }),
      ev('e4', { distinct_id: 'U2', $device_id: 'D1', $user_id: 'U2' }),
    ],
    resolved: ['U1', 'U1', 'U1', 'U1', 'U2', 'U2'],
    failures: { 6: 'errAnonDistinctIdAssignedAlready' },
    clusters: [['$device:D1', 'U1'], ['U2']],
  },
  {
    id: "SC-S5 an anonymous user's activity goes to the next user on the device",
    mode: 'simplified',
    inputs: [
      ev('a1', { $device_id: 'D1' }),
      ev('a2', { $device_id: 'D1' }),
      ev('b1', { $device_id: 'D1', $user_id: 'UB' }),
    ],
    resolved: ['UB', 'UB', 'UB'],
    clusters: [['$device:D1', 'UB']],
  },
  {
    id: 'SC-S6 server-side anonymous111/anonymous222, same user',
    mode: 'simplified',
    inputs: [...S6, ev('Sign In', { $device_id: 'anonymous222', $user_id: 'charlie' })],
    snapshots: [{ after: 2, resolved: ['charlie', 'charlie', '$device:anonymous222'] }],
    resolved: ['charlie', 'charlie', 'charlie', 'charlie'],
    clusters: [['$device:anonymous111', '$device:anonymous222', 'charlie']],
  },
  {
    id: 'SC-S6 variant 4b: a different user signs in',
    mode: 'simplified',
    inputs: [...S6, ev('Sign In', { $device_id: 'anonymous222', $user_id: 'taylor' })],
    resolved: ['charlie', 'charlie', 'taylor', 'taylor'],
    clusters: [
      ['$device:anonymous111', 'charlie'],
      ['$device:anonymous222', 'taylor'],
    ],
  },
  {
    id: 'SC-S7 how distinct_id is derived, legacy-style events included',
    mode: 'simplified',
    inputs: [
      ev('Sign Up', { $device_id: 'anonymous111', $user_id: 'charlie' }),
      ev('View Anonymous Page', { $device_id: 'anonymous111' }),
      ev('Message Sent', { distinct_id: 'charlie' }),
      ev('App Install', { distinct_id: '$device:anonymous111' }),
    ],
    resolved: ['charlie', 'charlie', 'charlie', 'charlie'],
  },
  {
    id: 'SC-S8 a phone number sent as $device_id',
    mode: 'simplified',
    inputs: [
      ...S6,
      ev('Sign In', { $device_id: 'anonymous222', $user_id: 'charlie' }),
      ev('Add phone number as user ID', { $device_id: '+6512345678', $user_id: 'charlie' }),
      ev('some event', { $user_id: '+6512345678' }),
    ],
    resolved: ['charlie', 'charlie', 'charlie', 'charlie', 'charlie', '+6512345678'],
    clusters: [
      ['$device:+6512345678', '$device:anonymous111', '$device:anonymous222', 'charlie'],
      ['+6512345678'],
    ],
  },
  {
    id: 'SC-S9 special events are ignored',
    mode: 'simplified',
    inputs: [
      ev('page', { $device_id: 'D1' }),
      ev('$identify', { $identified_id: 'U1', $anon_id: 'D1', $device_id: 'D1', $user_id: 'U1' }),
      ev('$create_alias', { alias: 'U3', distinct_id: 'U1' }),
      ev('$merge', { $distinct_ids: ['U1', 'U2'] }),
      ev('login', { $device_id: 'D1', $user_id: 'U1' }),
    ],
    snapshots: [{ after: 3, resolved: ['$device:D1', 'U1', 'U1', ''] }],
    resolved: ['U1', 'U1', 'U1', '', 'U1'],
    clusters: [['$device:D1', 'U1']],
  },
  {
    id: 'SC-S10 Charlie across Android and iOS',
    mode: 'simplified',
    inputs: [
      ev('open', { $device_id: ANDROID }),
      ev('login', { $device_id: ANDROID, $user_id: 'Charlie' }),
      ev('open', { $device_id: IOS }),
      ev('login', { $device_id: IOS, $user_id: 'Charlie' }),
    ],
    snapshots: [{ after: 2, resolved: ['Charlie', 'Charlie', `$device:${IOS}`] }],
    resolved: ['Charlie', 'Charlie', 'Charlie', 'Charlie'],
    clusters: [[`$device:${ANDROID}`, `$device:${IOS}`, 'Charlie'].sort()],
  },
  {
    id: 'SC-S11 user-only events and late-arriving anonymous events',
    mode: 'simplified',
    inputs: [
      ev('srv1', { $user_id: 'U9', time: 100 }),
      ev('web1', { $device_id: 'D9', time: 50 }),
      ev('web2', { $device_id: 'D9', $user_id: 'U9', time: 110 }),
      ev('web0', { $device_id: 'D9', time: 10 }),
    ],
    snapshots: [{ after: 1, resolved: ['U9', '$device:D9'] }],
    resolved: ['U9', 'U9', 'U9', 'U9'],
    clusters: [['$device:D9', 'U9']],
  },
  {
    id: 'SC-S12 repeated pairs are idempotent and the first link wins',
    mode: 'simplified',
    inputs: [
      ev('a', { $device_id: 'D1', $user_id: 'U1' }),
      ev('b', { $device_id: 'D1', $user_id: 'U1' }),
      ev('c', { $device_id: 'D1', $user_id: 'U2' }),
      ev('d', { $device_id: 'D1' }),
    ],
    resolved: ['U1', 'U1', 'U2', 'U1'],
    failures: { 3: 'errAnonDistinctIdAssignedAlready' },
    clusters: [['$device:D1', 'U1'], ['U2']],
  },
  {
    id: 'SC-S13 the Python server example overrides an empty distinct_id',
    mode: 'simplified',
    inputs: [
      ev('Page View', { distinct_id: '', $device_id: 'S' }),
      ev('Purchase', { distinct_id: '', $device_id: 'S', $user_id: 'alice' }),
    ],
    snapshots: [{ after: 0, resolved: ['$device:S'] }],
    resolved: ['alice', 'alice'],
  },
  {
    id: 'SC-O11 the same SDK payload on Simplified: $device_id beats a custom distinct_id',
    mode: 'simplified',
    inputs: [ev('x', { distinct_id: 'custom', $device_id: 'D1' })],
    resolved: ['$device:D1'],
  },
];

export const ORIGINAL_CASES: readonly CatalogueCase[] = [
  {
    id: 'SC-O1 new user sign-up through the SDK',
    mode: 'original',
    inputs: O1,
    snapshots: [{ after: 1, resolved: [DEV(G1), DEV(G1)] }],
    resolved: ['canon:U1', 'canon:U1', 'canon:U1', 'canon:U1'],
    clusters: [[DEV(G1), 'U1']],
  },
  {
    id: 'SC-O2 returning user',
    mode: 'original',
    inputs: [
      ...O1,
      ev('e4', { distinct_id: DEV(G2) }),
      ev('$identify', { distinct_id: 'U1', $anon_distinct_id: DEV(G2) }),
      ev('e5', { distinct_id: 'U1' }),
    ],
    snapshots: [{ after: 4, resolved: ['canon:U1', 'canon:U1', 'canon:U1', 'canon:U1', DEV(G2)] }],
    resolved: Array<Expected>(7).fill('canon:U1'),
    clusters: [[DEV(G1), DEV(G2), 'U1']],
  },
  {
    id: 'SC-O3 several users on one device, Original style',
    mode: 'original',
    inputs: [
      ev('e1', { distinct_id: DEV(G1) }),
      ev('$identify', { distinct_id: 'U1', $anon_distinct_id: DEV(G1) }),
      ev('e2', { distinct_id: 'U1' }),
      ev('e3', { distinct_id: DEV(G2) }),
      ev('$identify', { distinct_id: 'U2', $anon_distinct_id: DEV(G2) }),
      ev('e4', { distinct_id: 'U2' }),
    ],
    resolved: ['canon:U1', 'canon:U1', 'canon:U1', 'canon:U2', 'canon:U2', 'canon:U2'],
    clusters: [
      [DEV(G1), 'U1'],
      [DEV(G2), 'U2'],
    ],
  },
  {
    id: 'SC-O4a errSameIDs',
    mode: 'original',
    inputs: [ev('$identify', { $identified_id: 'U1', $anon_id: 'U1' })],
    resolved: ['U1'],
    failures: { 1: 'errSameIDs' },
    clusters: [['U1']],
  },
  {
    id: 'SC-O4b errAnonDistinctIdNonGUIDForm',
    mode: 'original',
    inputs: [ev('$identify', { $identified_id: 'U1', $anon_id: 'anon123' })],
    resolved: ['U1'],
    failures: { 1: 'errAnonDistinctIdNonGUIDForm' },
    clusters: [['U1'], ['anon123']],
  },
  {
    id: 'SC-O4c errAnonDistinctIdAssignedAlready',
    mode: 'original',
    inputs: [
      ev('$identify', { $identified_id: 'U1', $anon_id: G1 }),
      ev('$identify', { $identified_id: 'U2', $anon_id: G1 }),
    ],
    resolved: ['canon:U1', 'U2'],
    failures: { 2: 'errAnonDistinctIdAssignedAlready' },
    clusters: [[G1, 'U1'], ['U2']],
  },
  {
    id: 'SC-O4d errManyIDs at the cap (limit 3 for brevity)',
    mode: 'original',
    options: { clusterLimit: 3 },
    inputs: [
      ev('$merge', { $distinct_ids: ['X1', 'X2'] }),
      ev('$merge', { $distinct_ids: ['X1', 'X3'] }),
      ev('$identify', { $identified_id: 'X1', $anon_id: G2 }),
      ev('anon', { distinct_id: G2 }),
    ],
    resolved: ['canon:X1', 'canon:X1', 'canon:X1', G2],
    failures: { 3: 'errManyIDs' },
    clusters: [['X1', 'X2', 'X3'], [G2]],
  },
  {
    id: 'SC-O4e success',
    mode: 'original',
    inputs: [ev('$identify', { $identified_id: 'U1', $anon_id: IOS })],
    resolved: ['canon:U1'],
    clusters: [[IOS, 'U1']],
  },
  {
    id: 'SC-O5 getting round the guardrails with $create_alias and $merge',
    mode: 'original',
    inputs: [
      ev('$identify', { $identified_id: 'U1', $anon_id: G1 }),
      ev('$identify', { $identified_id: 'U2', $anon_id: G1 }),
      ev('$create_alias', { alias: 'U2', distinct_id: G1 }),
      ev('$create_alias', { alias: 'anon123', distinct_id: 'U1' }),
      ev('$create_alias', { alias: 'U2', distinct_id: 'X' }),
      ev('$merge', { $distinct_ids: ['X', 'U9'] }),
      ev('$merge', { $distinct_ids: ['X', 'U1'] }),
    ],
    snapshots: [
      { after: 5, resolved: ['canon:U1', 'canon:U1', 'canon:U1', 'canon:U1', 'canon:X', 'canon:X'] },
    ],
    resolved: Array<Expected>(7).fill('canon:U1'),
    failures: { 2: 'errAnonDistinctIdAssignedAlready', 5: 'errAliasAlreadyExists' },
    clusters: [[G1, 'U1', 'U2', 'U9', 'X', 'anon123'].sort()],
  },
  {
    id: 'SC-O6 a chain of $merge events',
    mode: 'original',
    inputs: [
      ev('e1', { distinct_id: 'A' }),
      ev('e2', { distinct_id: 'B' }),
      ev('e3', { distinct_id: 'C' }),
      ev('e4', { distinct_id: 'D' }),
      ev('$merge', { $distinct_ids: ['B', 'C'] }),
      ev('$merge', { $distinct_ids: ['C', 'D'] }),
      ev('$merge', { $distinct_ids: ['A', 'C'] }),
    ],
    snapshots: [{ after: 3, resolved: ['A', 'B', 'C', 'D'] }],
    resolved: Array<Expected>(7).fill('canon:A'),
    clusters: [['A', 'B', 'C', 'D']],
  },
  {
    id: 'SC-O10 $merge sent to /track merges nothing',
    mode: 'original',
    inputs: [
      ev('$merge', { distinct_id: 'A', $distinct_ids: ['A', 'B'] }, 'track'),
      ev('b', { distinct_id: 'B' }),
    ],
    resolved: ['A', 'B'],
    failures: { 1: 'mergeNotImported' },
    clusters: [['A'], ['B']],
  },
  {
    id: 'SC-O11 the same SDK payload on Original: only distinct_id counts',
    mode: 'original',
    inputs: [ev('x', { distinct_id: 'custom', $device_id: 'D1' })],
    resolved: ['custom'],
  },
  {
    id: 'SC-L5 contrast: on Original the earlier event is re-attributed too',
    mode: 'original',
    inputs: [
      ev('server', { distinct_id: 'U1' }),
      ev('$create_alias', { alias: 'U1', distinct_id: 'E' }),
      ev('server', { distinct_id: 'U1' }),
    ],
    resolved: ['canon:E', 'canon:E', 'canon:E'],
    clusters: [['E', 'U1']],
  },
];

export const LEGACY_CASES: readonly CatalogueCase[] = [
  {
    id: 'SC-L1 Sally signs up on the website',
    mode: 'legacy',
    inputs: L1,
    resolved: ['12345', '12345', '12345', '12345', '12345'],
    clusters: [['12345', 'sally@gmail.com']],
  },
  {
    id: 'SC-L2 Sally on her phone: a second alias fails',
    mode: 'legacy',
    inputs: [
      ...L1,
      ev('phone', { distinct_id: 'P1' }),
      ev('$create_alias', { alias: 'sally@gmail.com', distinct_id: 'P1' }),
      ev('phone after identify', { distinct_id: '12345' }),
    ],
    resolved: ['12345', '12345', '12345', '12345', '12345', 'P1', 'P1', '12345'],
    failures: { 7: 'aliasAlreadyMapped' },
    clusters: [['12345', 'sally@gmail.com'], ['P1']],
  },
  {
    id: 'SC-L3 the alias race: a server event processed before the alias',
    mode: 'legacy',
    inputs: [
      ev('web', { distinct_id: 'W' }),
      ev('server', { distinct_id: 'Charlie' }),
      ev('$create_alias', { alias: 'Charlie', distinct_id: 'W' }),
      ev('server after the alias', { distinct_id: 'Charlie' }),
      ev('app', { distinct_id: 'M' }),
      ev('app after identify', { distinct_id: 'Charlie' }),
    ],
    resolved: ['W', 'Charlie', 'W', 'W', 'M', 'W'],
    clusters: [['Charlie', 'W'], ['M']],
  },
  {
    id: 'SC-L4 alias chains and the invalid pattern',
    mode: 'legacy',
    inputs: [
      ev('$create_alias', { alias: 'new_id', distinct_id: 'existing_id' }),
      ev('$create_alias', { alias: 'newer_id', distinct_id: 'new_id' }),
      ev('$create_alias', { alias: 'new_id', distinct_id: 'newer_id' }),
      ev('a', { distinct_id: 'newer_id' }),
      ev('b', { distinct_id: 'new_id' }),
    ],
    // L-1: each $create_alias is itself stored under its distinct_id, followed through the table at ingestion.
    resolved: ['existing_id', 'existing_id', 'existing_id', 'existing_id', 'existing_id'],
    failures: { 3: 'aliasAlreadyMapped' },
    clusters: [['existing_id', 'new_id', 'newer_id']],
  },
  {
    id: 'SC-L5 Legacy is not retroactive',
    mode: 'legacy',
    inputs: [
      ev('server', { distinct_id: 'U1' }),
      ev('$create_alias', { alias: 'U1', distinct_id: 'E' }),
      ev('server', { distinct_id: 'U1' }),
    ],
    resolved: ['U1', 'E', 'E'],
    clusters: [['E', 'U1']],
  },
  {
    id: 'L-5 $identify and $merge do nothing on Legacy',
    mode: 'legacy',
    inputs: [
      ev('$identify', { distinct_id: 'U1', $anon_distinct_id: DEV(G3) }),
      ev('$merge', { $distinct_ids: ['U1', 'U2'] }),
      ev('a', { distinct_id: DEV(G3) }),
    ],
    resolved: ['U1', '', DEV(G3)],
    clusters: [['U1'], [DEV(G3)]],
  },
];
