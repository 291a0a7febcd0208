import { beforeAll, describe, expect, it } from 'vitest';
import { fetchLibrary } from '../scenarios/library/shelf.ts';
import { createAppStore } from './appStore.ts';
import { createDerivations } from './derivations.ts';

function derivedAt(scenarioId: string, mode: 'simplified' | 'original', cursor: number) {
  const store = createAppStore({ scenarioId, mode, cursor, stepCount: 99 });
  return { store, derive: createDerivations() };
}

// Library scenarios but the first load on demand, as in the app.
beforeAll(async () => {
  await fetchLibrary();
});

describe('explainSelection', () => {
  it("gives an event's reasons as the engine structured them: kind, rules, the ids and the event they name", () => {
    // S-9: the second user on a linked device is refused, pointing at the event that made the link (S-6).
    const { store, derive } = derivedAt('first-link-wins', 'simplified', 99);
    const rows = derive.rows(store.getState());
    const refused = rows.find((row) => row.outcome.failure?.rule === 'S-9');
    store.getState().select({ kind: 'event', recordIndex: refused?.recordIndex ?? -1 });
    const explanation = derive.explanation(store.getState());
    if (explanation?.kind !== 'event')
      throw new Error(`expected an event explanation, got ${explanation?.kind}`);
    expect(explanation.reasons.map((r) => r.kind)).toEqual(['derivation', 'refusal', 'resolution']);
    const refusal = explanation.reasons[1]!;
    expect(refusal.rules).toEqual(['S-9']);
    expect(refusal.text).not.toMatch(/^S-9/);
    const linking = rows.find((row) => row.outcome.link?.kind === 'device-link');
    expect(refusal.eventIndex).toBe(linking?.recordIndex);
    expect(refusal.ids).toContain(linking?.outcome.link?.from);
  });

  it('explains the failed $identify with errAnonDistinctIdAssignedAlready under O-7', () => {
    const { store, derive } = derivedAt('original-anon-already-identified', 'original', 4);
    const row = derive.rows(store.getState()).find((r) => r.number === 3);
    store.getState().select({ kind: 'event', recordIndex: row?.recordIndex ?? -1 });
    const explanation = derive.explanation(store.getState());
    expect(explanation?.kind).toBe('event');
    if (explanation?.kind !== 'event') return;
    expect(explanation.row.outcome.failure?.code).toBe('errAnonDistinctIdAssignedAlready');
    expect(explanation.reasons.flatMap((r) => r.rules)).toContain('O-7');
  });

  it('gives an id its cluster, with the event that brought each member in', () => {
    const { store, derive } = derivedAt('new-user-signup', 'simplified', 4);
    store.getState().select({ kind: 'id', id: 'U1' });
    const explanation = derive.explanation(store.getState());
    expect(explanation?.kind).toBe('id');
    if (explanation?.kind !== 'id') return;
    expect(explanation.canonical).toBe('U1');
    // The seed flow hides its $identify, so the linking event is row 3, as in Mixpanel's guide.
    expect(explanation.members.map((m) => m.joinedByEvent)).toEqual([undefined, 3]);
    expect(explanation.events.map((row) => row.number)).toEqual([1, 2, 3, 4]);
  });

  it('says an event is not sent yet after stepping back', () => {
    const { store, derive } = derivedAt('new-user-signup', 'simplified', 4);
    store.getState().select({ kind: 'event', recordIndex: 3 });
    store.getState().stepTo(1);
    expect(derive.explanation(store.getState())?.kind).toBe('not-yet');
  });

  it('is the same object while nothing changes, so hooks do not re-render', () => {
    const { store, derive } = derivedAt('new-user-signup', 'simplified', 4);
    store.getState().select({ kind: 'id', id: 'U1' });
    expect(derive.explanation(store.getState())).toBe(derive.explanation(store.getState()));
    expect(derive.highlight(store.getState())).toBe(derive.highlight(store.getState()));
  });
});

describe('highlight', () => {
  it('lights up the selected row cluster ids and every row attributed to it', () => {
    const { store, derive } = derivedAt('new-user-signup', 'simplified', 4);
    store.getState().select({ kind: 'event', recordIndex: 0 });
    const { ids, recordIndexes } = derive.highlight(store.getState());
    expect([...ids]).toContain('U1');
    expect([...ids].some((id) => id.startsWith('$device:'))).toBe(true);
    expect(recordIndexes.size).toBe(4);
  });

  it('lights up nothing without a selection', () => {
    const { store, derive } = derivedAt('new-user-signup', 'simplified', 4);
    expect(derive.highlight(store.getState()).ids.size).toBe(0);
  });
});

describe('event numbers follow the table', () => {
  it('numbers rows among those shown, so a hidden $identify does not leave a gap (Q-7)', () => {
    const { store, derive } = derivedAt('new-user-signup', 'simplified', 4);
    const rows = derive.rows(store.getState());
    expect(rows.map((row) => row.displayNumber)).toEqual([1, 2, undefined, 3]);
    store.getState().setIdentityEvents('shown');
    expect(derive.rows(store.getState()).map((row) => row.displayNumber)).toEqual([1, 2, 3, 4]);
  });

  it('names the linking event by the row the table shows', () => {
    const { store, derive } = derivedAt('new-user-signup', 'simplified', 4);
    const first = derive.rows(store.getState())[0];
    store.getState().select({ kind: 'event', recordIndex: first?.recordIndex ?? -1 });
    const explanation = derive.explanation(store.getState());
    const text = explanation?.kind === 'event' ? explanation.reasons.map((r) => r.text).join(' ') : '';
    expect(text).toContain('by event #3');
  });
});
