// @vitest-environment jsdom
// The mode switch as a user meets it: a radio group named "Mode" whose choice is the store's mode.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fetchLibrary } from '../../scenarios/library/shelf.ts';
import { StoreContext, createStoreBundle } from '../../store/StoreProvider.tsx';
import type { AppState } from '../../store/appStore.ts';
import { ModeSwitch } from './ModeSwitch.tsx';

afterEach(cleanup);

function renderSwitch(initial: Partial<AppState>) {
  const bundle = createStoreBundle(initial);
  render(
    <StoreContext.Provider value={bundle}>
      <ModeSwitch />
    </StoreContext.Provider>,
  );
  return bundle;
}

// Library scenarios but the first load on demand, as in the app.
beforeAll(async () => {
  await fetchLibrary();
});

describe('ModeSwitch', () => {
  it('offers the three modes (G-2) in a group named Mode, the current one checked', () => {
    renderSwitch({ scenarioId: 'new-user-signup', mode: 'original' });
    const group = screen.getByRole('radiogroup', { name: 'Mode' });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((radio) => radio.closest('label')?.textContent)).toEqual([
      'Simplified',
      'Original',
      'Legacy',
    ]);
    expect(within(group).getByRole('radio', { name: 'Original' })).toHaveProperty('checked', true);
    expect(within(group).getByRole('radio', { name: 'Simplified' })).toHaveProperty('checked', false);
  });

  it('switching sets the store mode and moves the check', () => {
    const { store } = renderSwitch({ scenarioId: 'new-user-signup', mode: 'simplified' });
    fireEvent.click(screen.getByRole('radio', { name: 'Legacy' }));
    expect(store.getState().mode).toBe('legacy');
    expect(screen.getByRole('radio', { name: 'Legacy' })).toHaveProperty('checked', true);
  });

  it('marks the modes a scenario was not written for, in words for screen readers', () => {
    // first-link-wins is written for Simplified only.
    renderSwitch({ scenarioId: 'first-link-wins', mode: 'simplified' });
    expect(screen.getByTestId('header.mode-legend').textContent).toBe('* not written for this mode');
    const original = screen.getByRole('radio', { name: 'Original' });
    const hint = document.getElementById(original.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toBe('*not written for this mode');
    expect(screen.getByRole('radio', { name: 'Simplified' }).getAttribute('aria-describedby')).toBeNull();
  });
});
