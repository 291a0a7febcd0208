import { describe, expect, it } from 'vitest';
import { createAppStore } from './appStore.ts';
import { createDerivations } from './derivations.ts';
import { parseReason } from './explanation.ts';

describe('parseReason', () => {
  it('splits one or more leading rule ids from the text', () => {
    expect(parseReason('S-12: linked to U1')).toEqual({ rules: ['S-12'], text: 'linked to U1' });
    expect(parseReason('O-2, O-3: in a cluster')).toEqual({ rules: ['O-2', 'O-3'], text: 'in a cluster' });
    expect(parseReason('SDK-8: reset sends nothing')).toEqual({
      rules: ['SDK-8'],
      text: 'reset sends nothing',
    });
  });
  it('leaves a line without a rule prefix whole', () => {
    expect(parseReason('Nothing to say: really')).toEqual({ rules: [], text: 'Nothing to say: really' });
  });
});

function derivedAt(scenarioId: string, mode: 'simplified' | 'original', cursor: number) {
  const store = createAppStore({ scenarioId, mode, cursor, stepCount: 99 });
  return { store, derive: createDerivations() };
}

describe('explainSelection', () => {
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
