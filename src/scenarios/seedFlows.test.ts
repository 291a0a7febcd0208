// The three seed flows of DECISIONS.md through simulator and engine together: the guide's tables, step by step.
import { describe, expect, it } from 'vitest';
import { IDENTITY_EVENT_NAMES, resolve, type Resolution } from '../engine/index.ts';
import { retroactiveChanges } from './expectations.ts';
import { findScenario } from './library/index.ts';
import { idLabel, playScenario, type PlayedScenario, type PlayedStep } from './play.ts';

/** One row of the guide's table: $device_id and $user_id as sent, distinct_id as Mixpanel sets it, Notes. */
type Row = readonly [deviceId: string, userId: string, distinctId: string, notes: string];

/** The table after one step, and the rows (1-based) that changed retroactively at that step. */
interface TableAt {
  readonly rows: readonly Row[];
  readonly changedRows: readonly number[];
}

/** The visible (non-identity) rows after `step`, in the D1/U1 labels the app shows. */
function tableAt(played: PlayedScenario, resolution: Resolution, step: PlayedStep): TableAt {
  const label = idLabel(played.aliases);
  const shown = (value: unknown) => (typeof value === 'string' ? label(value) : '');
  const visible = played.records
    .slice(0, step.endRecord)
    .map((record, index) => ({ record, index }))
    .filter(({ record }) => record.kind === 'event' && !IDENTITY_EVENT_NAMES.has(record.event.event));
  const view = resolution.at(step.endRecord - 1);
  const rows = visible.map(({ record, index }): Row => {
    const properties = record.kind === 'event' ? record.event.properties : {};
    return [
      shown(properties['$device_id']),
      shown(properties['$user_id']),
      label(view.outcome(index).resolvedId ?? ''),
      resolution.notes(index, step.endRecord - 1, label).join('; '),
    ];
  });
  const changed = retroactiveChanges(resolution, step);
  const changedRows = visible.flatMap(({ index }, row) => (changed.includes(index) ? [row + 1] : []));
  return { rows, changedRows };
}

function playSeedFlow(id: string) {
  const scenario = findScenario(id);
  if (scenario === undefined) throw new Error(`no library scenario "${id}"`);
  const played = playScenario(scenario);
  const resolution = resolve(played.records, 'simplified', {}, { trackSteps: true });
  return {
    scenario,
    played,
    resolution,
    tables: played.steps.map((step) => tableAt(played, resolution, step)),
  };
}

const ANON1: Row = ['D1', '', '$device:D1', ''];
const ANON2: Row = ['D2', '', '$device:D2', ''];

describe('New User Signup (S-6, S-12)', () => {
  const { scenario, played, tables } = playSeedFlow('new-user-signup');
  const before: TableAt = { rows: [ANON1, ANON1], changedRows: [] };

  it('hides the $identify event the guide does not show, but the stream has it', () => {
    expect(scenario.view?.identityEvents).toBe('hidden');
    const names = played.records.flatMap((r) => (r.kind === 'event' ? [r.event.event] : []));
    expect(names).toEqual(['Page View', 'Viewed Pricing', '$identify', 'Sign Up']);
  });

  it('events 1-2 on D1 resolve to $device:D1, also after identify', () => {
    expect(tables.slice(0, 3)).toEqual([{ rows: [ANON1], changedRows: [] }, before, before]);
  });

  it('event 3 carries D1 and U1: Links D1 ⇒ U1, and events 1-2 are retroactively updated', () => {
    expect(tables[3]).toEqual({
      rows: [
        ['D1', '', 'U1', 'Retroactively updated'],
        ['D1', '', 'U1', 'Retroactively updated'],
        ['D1', 'U1', 'U1', 'Links D1 ⇒ U1'],
      ],
      changedRows: [1, 2],
    });
  });
});

describe('Returning User (S-12, S-13)', () => {
  const { tables } = playSeedFlow('returning-user');
  const signedUp: Row[] = [
    ['D1', '', 'U1', 'Retroactively updated'],
    ['D1', '', 'U1', 'Retroactively updated'],
    ['D1', 'U1', 'U1', 'Links D1 ⇒ U1'],
  ];
  const newDevice: Row = ['D2', '', '$device:D2', 'New device D2'];

  it('replays New User Signup first', () => {
    expect(tables[3]).toEqual({ rows: signedUp, changedRows: [1, 2] });
  });

  it('events 4-5 on the new device D2 resolve to $device:D2 ("New device D2")', () => {
    expect(tables.slice(4, 7)).toEqual([
      { rows: [...signedUp, newDevice], changedRows: [] },
      { rows: [...signedUp, newDevice, ANON2], changedRows: [] },
      { rows: [...signedUp, newDevice, ANON2], changedRows: [] },
    ]);
  });

  it('event 6 carries D2 and U1: Links D2 ⇒ U1, and events 4-5 are retroactively updated', () => {
    expect(tables[7]).toEqual({
      rows: [
        ...signedUp,
        ['D2', '', 'U1', 'New device D2; Retroactively updated'],
        ['D2', '', 'U1', 'Retroactively updated'],
        ['D2', 'U1', 'U1', 'Links D2 ⇒ U1'],
      ],
      changedRows: [4, 5],
    });
  });
});

describe('Multiple Users, One Device (S-10, S-13, SDK-8)', () => {
  const { played, tables } = playSeedFlow('multiple-users-one-device');
  const firstUser: Row[] = [
    ['D1', '', 'U1', 'Retroactively updated'],
    ['D1', 'U1', 'U1', 'Links D1 ⇒ U1'],
  ];
  const afterReset: Row = ['D2', '', '$device:D2', 'Reset generated new ID: D2'];

  it('event 1 on D1; event 2 carries D1 and U1 and updates event 1 retroactively', () => {
    expect(tables.slice(0, 3)).toEqual([
      { rows: [ANON1], changedRows: [] },
      { rows: [ANON1], changedRows: [] },
      { rows: firstUser, changedRows: [1] },
    ]);
  });

  it('reset() sends nothing and gives the device D2', () => {
    const reset = played.steps[3];
    expect(reset?.endRecord).toBe(reset?.firstRecord);
    expect(reset?.devices['A']?.persisted['$device_id']).toBe(played.deviceIds[1]);
    expect(tables[3]).toEqual({ rows: firstUser, changedRows: [] });
  });

  it('events 3-4 on D2 resolve to $device:D2 ("Reset generated new ID: D2")', () => {
    expect(tables.slice(4, 7)).toEqual([
      { rows: [...firstUser, afterReset], changedRows: [] },
      { rows: [...firstUser, afterReset, ANON2], changedRows: [] },
      { rows: [...firstUser, afterReset, ANON2], changedRows: [] },
    ]);
  });

  it('event 5 carries D2 and U2: Links D2 ⇒ U2, events 3-4 move to U2, U1 keeps events 1-2', () => {
    expect(tables[7]).toEqual({
      rows: [
        ...firstUser,
        ['D2', '', 'U2', 'Reset generated new ID: D2; Retroactively updated'],
        ['D2', '', 'U2', 'Retroactively updated'],
        ['D2', 'U2', 'U2', 'Links D2 ⇒ U2'],
      ],
      changedRows: [3, 4],
    });
  });
});
