// The store keeps a step's unchanged table rows as the previous step's objects: the kept rows always hold exactly the
// data a fresh derivation gives, and a change to any field of a row is seen (issue #14).
import { describe, expect, it } from 'vitest';
import { LIBRARY } from '../scenarios/library/index.ts';
import { MODES, type Mode } from '../engine/index.ts';
import { eventRows, playScenarioMemo, resolvePlayed, stepModel, type EventRow } from './derive.ts';
import { createRowKeeper, sameEventRow } from './keepRows.ts';

/** Every cursor forward, then back to 0, then a jump to the end: the orders a person steps in. */
function cursorWalk(steps: number): number[] {
  const forward = Array.from({ length: steps + 1 }, (_, i) => i);
  return [...forward, ...forward.slice(0, -1).reverse(), steps];
}

function rowsAtEveryStep(scenarioIndex: number, mode: Mode, showIdentityEvents: boolean) {
  const scenario = LIBRARY[scenarioIndex];
  if (scenario === undefined) throw new Error('no scenario');
  const played = playScenarioMemo(scenario, undefined);
  const resolution = resolvePlayed(played, mode, {});
  return cursorWalk(played.steps.length).map((cursor) =>
    eventRows(stepModel(played, resolution, cursor), showIdentityEvents),
  );
}

describe('createRowKeeper', () => {
  it('gives exactly the rows a fresh derivation gives, at every step of every library scenario', () => {
    let reused = 0;
    for (let index = 0; index < LIBRARY.length; index++) {
      for (const mode of MODES) {
        for (const showIdentityEvents of [true, false]) {
          const keep = createRowKeeper();
          let previous: readonly EventRow[] = [];
          for (const fresh of rowsAtEveryStep(index, mode, showIdentityEvents)) {
            const kept = keep(fresh);
            expect(kept).toEqual(fresh);
            reused += kept.filter((row) => previous.includes(row)).length;
            previous = kept;
          }
        }
      }
    }
    // Most rows of a step are ones the step before showed unchanged.
    expect(reused).toBeGreaterThan(1000);
  });

  it('keeps a row the next step left unchanged and replaces the ones it rewrote', () => {
    const index = LIBRARY.findIndex((scenario) => scenario.id === 'original-cap-through-reset');
    // Step 2 sends ~500 events; step 3 a few more.
    const [, , , atThree, atFour] = rowsAtEveryStep(index, 'original', true);
    if (atThree === undefined || atFour === undefined) throw new Error('too few steps');
    const keep = createRowKeeper();
    const three = keep(atThree);
    const four = keep(atFour);
    const kept = four.filter((row) => three.includes(row));
    const replaced = four.filter((row) => !three.includes(row));
    expect(kept.length).toBeGreaterThan(450);
    expect(replaced.length).toBeGreaterThan(0);
    // What is derived again is what the step touched: its new rows, the rows it re-attributed, and the previous
    // step's new rows (no longer new).
    const touched = (row: EventRow) =>
      row.isNew || row.changed || three.find((old) => old.recordIndex === row.recordIndex)?.isNew === true;
    expect(replaced.every(touched)).toBe(true);
  });
});

describe('sameEventRow', () => {
  /** A real row with every optional field present, from the cap scenario's retroactive step. */
  function sampleRows(): EventRow[] {
    return LIBRARY.flatMap((_, index) => rowsAtEveryStep(index, 'simplified', true).flat()).slice(0, 400);
  }

  it('is true for a copy and false when any one field differs, down to the outcome, the ids sent and the notes', () => {
    for (const row of sampleRows()) {
      const { failure } = row.outcome;
      const copy = {
        ...row,
        sent: { ...row.sent },
        notes: row.notes.map((note) => ({ ...note })),
        // The link stays the same object: links are the resolution's own log entries, compared by identity.
        outcome: { ...row.outcome, failure: failure && { ...failure } },
      };
      expect(sameEventRow(row, copy)).toBe(true);
      for (const key of Object.keys(row) as Array<keyof EventRow>) {
        if (key === 'outcome' || key === 'sent' || key === 'notes') continue;
        expect(sameEventRow(row, { ...row, [key]: changed(row[key]) }), key).toBe(false);
      }
      for (const key of Object.keys(row.outcome) as Array<keyof EventRow['outcome']>) {
        const outcome = { ...row.outcome, [key]: changed(row.outcome[key]) };
        expect(sameEventRow(row, { ...row, outcome }), `outcome.${key}`).toBe(false);
      }
      for (const key of ['distinctId', 'deviceId', 'userId'] as const) {
        expect(sameEventRow(row, { ...row, sent: { ...row.sent, [key]: 'other' } }), `sent.${key}`).toBe(
          false,
        );
      }
      expect(
        sameEventRow(row, { ...row, notes: [...row.notes, { kind: 'reset', rule: 'SDK-8', text: 'x' }] }),
      ).toBe(false);
      for (let n = 0; n < row.notes.length; n++) {
        for (const field of ['kind', 'rule', 'text'] as const) {
          const notes = row.notes.map((note, i) => (i === n ? { ...note, [field]: 'other' } : note));
          expect(sameEventRow(row, { ...row, notes }), `notes[${n}].${field}`).toBe(false);
        }
      }
    }
  });
});

/** A value of a different content than `value`, whatever its type. */
function changed(value: unknown): unknown {
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'boolean') return !value;
  if (typeof value === 'string') return `${value}·`;
  if (value === undefined || value === null) return 'other';
  return { ...value, changed: true, code: 'other', description: 'other' };
}
