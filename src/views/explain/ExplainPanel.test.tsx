// @vitest-environment jsdom
// The Why panel as a reader sees it: rendered from the store's structured reasons, one rule badge per cited rule.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fetchLibrary } from '../../scenarios/library/shelf.ts';
import { StoreContext, createStoreBundle } from '../../store/StoreProvider.tsx';
import type { AppState } from '../../store/appStore.ts';
import { ExplainPanel } from './ExplainPanel.tsx';

afterEach(cleanup);

function renderPanel(initial: Partial<AppState>) {
  const bundle = createStoreBundle(initial);
  render(
    <StoreContext.Provider value={bundle}>
      <ExplainPanel />
    </StoreContext.Provider>,
  );
  return bundle;
}

// Library scenarios but the first load on demand, as in the app.
beforeAll(async () => {
  await fetchLibrary();
});

describe('Why panel', () => {
  it('asks for a selection before the first event is sent', () => {
    renderPanel({ scenarioId: 'first-link-wins', cursor: 0 });
    expect(screen.getByText('Select a row or a node to see why.')).toBeDefined();
  });

  it('with nothing selected, follows the newest event', () => {
    renderPanel({ scenarioId: 'first-link-wins', cursor: 4 });
    expect(screen.getByTestId('explain.following')).toBeDefined();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Event #4: Page View');
    // S-13 / S-12: a device-only event resolves to the device's first user.
    const reasons = within(screen.getByTestId('explain.reasons')).getAllByRole('listitem');
    expect(reasons[reasons.length - 1]!.textContent).toContain('so this event resolves to U1');
  });

  it("explains S-9: the device's earlier link, the event that made it, and the failure code", () => {
    // first-link-wins, step 3: tablet-42 already belongs to U1, so the U2 login is refused (S-9).
    renderPanel({ scenarioId: 'first-link-wins', cursor: 4, selection: { kind: 'event', recordIndex: 2 } });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Event #3: Log In');
    expect(screen.getByTestId('explain.failure').textContent).toContain('errAnonDistinctIdAssignedAlready');
    const reasons = within(screen.getByTestId('explain.reasons')).getAllByRole('listitem');
    expect(reasons).toHaveLength(3);
    const refusal = reasons[1]!;
    // The rule is a badge (a button that opens it), not part of the sentence.
    expect(within(refusal).getByRole('button', { name: 'S-9' })).toBeDefined();
    expect(refusal.textContent).toMatch(/^S-9\$device:tablet-42 is already linked to U1 by event #1;/);
    // The derivation names S-2 and the resolution S-11 (the canonical id is the user id).
    expect(within(reasons[0]!).getByRole('button', { name: 'S-2' })).toBeDefined();
    expect(within(reasons[2]!).getByRole('button', { name: 'S-11' })).toBeDefined();
  });

  it('cites both rules of an Original cluster reason as two badges, and Q-5 inside the sentence', () => {
    renderPanel({
      scenarioId: 'new-user-signup',
      mode: 'original',
      cursor: 99,
      selection: { kind: 'event', recordIndex: 0 },
    });
    const reasons = within(screen.getByTestId('explain.reasons')).getAllByRole('listitem');
    const last = reasons[reasons.length - 1]!;
    expect(
      within(last)
        .getAllByRole('button')
        .map((badge) => badge.textContent),
    ).toEqual(['O-2', 'O-3', 'Q-5']);
  });

  it('says an event is not sent yet when the step is before it', () => {
    renderPanel({ scenarioId: 'first-link-wins', cursor: 1, selection: { kind: 'event', recordIndex: 2 } });
    expect(screen.getByTestId('explain.not-yet').textContent).toBe(
      'This event has not been sent yet at this step.',
    );
  });
});
