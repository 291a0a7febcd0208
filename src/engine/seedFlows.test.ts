// The three seed flows of DECISIONS.md, step by step, straight through the engine (Simplified, S-6, S-12, S-13).
import { describe, expect, it } from 'vitest';
import { resolve } from './resolve.ts';
import { ev } from './test/helpers.ts';

const label = (id: string) => id;

function table(events: ReturnType<typeof ev>[], step: number) {
  const resolution = resolve(events, 'simplified', {}, { trackSteps: true });
  const view = resolution.at(step);
  return {
    ids: Array.from({ length: step + 1 }, (_, i) => view.outcome(i).resolvedId),
    notes: Array.from({ length: step + 1 }, (_, i) => resolution.notes(i, step, label).join('; ')),
    changed: view.changedEvents(),
  };
}

describe('New User Signup (S-6, S-12)', () => {
  const events = [
    ev('e1', { $device_id: 'D1' }),
    ev('e2', { $device_id: 'D1' }),
    ev('e3', { $device_id: 'D1', $user_id: 'U1' }),
  ];

  it('events 1-2 on D1 resolve to $device:D1 before the link', () => {
    expect(table(events, 1)).toEqual({ ids: ['$device:D1', '$device:D1'], notes: ['', ''], changed: [] });
  });

  it('event 3 links D1 ⇒ U1 and rewrites events 1-2 retroactively', () => {
    expect(table(events, 2)).toEqual({
      ids: ['U1', 'U1', 'U1'],
      notes: ['Retroactively updated', 'Retroactively updated', 'Links D1 ⇒ U1'],
      changed: [0, 1],
    });
  });
});

describe('Returning User (S-12, S-13)', () => {
  const events = [
    ev('e1', { $device_id: 'D1' }),
    ev('e2', { $device_id: 'D1' }),
    ev('e3', { $device_id: 'D1', $user_id: 'U1' }),
    ev('e4', { $device_id: 'D2' }),
    ev('e5', { $device_id: 'D2' }),
    ev('e6', { $device_id: 'D2', $user_id: 'U1' }),
  ];

  it('events 4-5 on the new device D2 resolve to $device:D2', () => {
    const { ids, notes, changed } = table(events, 4);
    expect(ids.slice(3)).toEqual(['$device:D2', '$device:D2']);
    expect(notes.slice(3)).toEqual(['New device D2', '']);
    expect(changed).toEqual([]);
  });

  it('event 6 links D2 ⇒ U1 and rewrites events 4-5', () => {
    const { ids, notes, changed } = table(events, 5);
    expect(ids).toEqual(['U1', 'U1', 'U1', 'U1', 'U1', 'U1']);
    expect(notes.slice(3)).toEqual([
      'New device D2; Retroactively updated',
      'Retroactively updated',
      'Links D2 ⇒ U1',
    ]);
    expect(changed).toEqual([3, 4]);
  });
});

describe('Multiple Users, One Device (S-10, S-13)', () => {
  const events = [
    ev('e1', { $device_id: 'D1' }),
    ev('e2', { $device_id: 'D1', $user_id: 'U1' }),
    {
      kind: 'event' as const,
      event: ev('e3', { $device_id: 'D2' }),
      origin: { device: 'A', afterReset: true },
    },
    ev('e4', { $device_id: 'D2' }),
    ev('e5', { $device_id: 'D2', $user_id: 'U2' }),
  ];

  it('steps through the guide table', () => {
    const resolution = resolve(events, 'simplified', {}, { trackSteps: true });
    const ids = (step: number) =>
      Array.from({ length: step + 1 }, (_, i) => resolution.at(step).outcome(i).resolvedId);
    expect(ids(1)).toEqual(['U1', 'U1']);
    expect(resolution.at(1).changedEvents()).toEqual([0]);
    expect(ids(3)).toEqual(['U1', 'U1', '$device:D2', '$device:D2']);
    expect(resolution.notes(2, 3)).toEqual(['Reset generated new ID: D2']);
    expect(ids(4)).toEqual(['U1', 'U1', 'U2', 'U2', 'U2']);
    expect(resolution.at(4).changedEvents()).toEqual([2, 3]);
    expect(resolution.notes(4, 4)).toEqual(['Links D2 ⇒ U2']);
  });

  it('keeps the two people in two clusters (S-10)', () => {
    const clusters = resolve(events, 'simplified').final().clusters();
    const members = clusters.map((c) => c.members.map((m) => m.id).sort());
    expect(members).toEqual(
      expect.arrayContaining([
        ['$device:D1', 'U1'],
        ['$device:D2', 'U2'],
      ]),
    );
    expect(clusters).toHaveLength(2);
  });
});
