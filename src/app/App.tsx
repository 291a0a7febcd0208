// The app: one store per page, opened on the view the URL names, and the shell that composes the views.
import { useEffect, useState } from 'react';
import { readPlay } from '../store/custom.ts';
import { scenarioReadyFor } from '../store/openScenario.ts';
import { initialStateFromLink } from './openLink.ts';
import { StoreProvider } from '../store/StoreProvider.tsx';
import { AppShell } from './AppShell.tsx';
import { initialStateFromPage, initialStateWithoutScenario } from './initialState.ts';
import './theme.css';

/** What the page waits for before it can show the view its URL names, if anything. */
function waitingFor(
  search: string,
): { readonly play: string } | { readonly scenario: Promise<unknown> } | null {
  const play = readPlay(search);
  if (play !== null) return { play };
  // A library scenario other than the first loads its body first (the first comes with the page).
  const scenario = scenarioReadyFor(search);
  return scenario === null ? null : { scenario };
}

export function App() {
  const [waiting] = useState(() => waitingFor(window.location.search));
  const [initial, setInitial] = useState(() => (waiting === null ? initialStateFromPage() : null));
  useEffect(() => {
    if (initial !== null || waiting === null) return;
    if ('play' in waiting) void initialStateFromLink(window.location.search, waiting.play).then(setInitial);
    else
      waiting.scenario.then(
        () => setInitial(initialStateFromPage()),
        (error: unknown) => setInitial(initialStateWithoutScenario(String(error))),
      );
  }, [initial, waiting]);
  if (initial === null)
    return (
      <p role="status">
        {waiting !== null && 'play' in waiting ? 'Opening the shared scenario…' : 'Opening the scenario…'}
      </p>
    );
  return (
    <StoreProvider initial={initial}>
      <AppShell />
    </StoreProvider>
  );
}
