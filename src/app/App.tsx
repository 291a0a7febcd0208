// The app: one store per page, opened on the view the URL names, and the shell that composes the views.
import { useEffect, useState } from 'react';
import type { AppState } from '../store/appStore.ts';
import { readPlay } from '../store/custom.ts';
import { scenarioReadyFor } from '../store/openScenario.ts';
import { initialStateFromLink } from './openLink.ts';
import { StoreProvider } from '../store/StoreProvider.tsx';
import { AppShell } from './AppShell.tsx';
import { initialStateFromPage } from './initialState.ts';
import './theme.css';

/** What the page waits for before it can show the view its URL names: a shared scenario, a library body, or nothing. */
interface Waiting {
  readonly play: string | null;
  /** The body of the library scenario the URL names, unless it came with the page. */
  readonly scenario: Promise<unknown> | null;
}

function waitingFor(search: string): Waiting | null {
  const waiting = { play: readPlay(search), scenario: scenarioReadyFor(search) };
  return waiting.play === null && waiting.scenario === null ? null : waiting;
}

/** The page's state once the URL's scenario body has loaded, or could not (the location then falls back, saying so). */
async function initialStateAfter({ play, scenario }: Waiting): Promise<Partial<AppState>> {
  await scenario?.catch(() => undefined);
  return play === null ? initialStateFromPage() : initialStateFromLink(window.location.search, play);
}

export function App() {
  const [waiting] = useState(() => waitingFor(window.location.search));
  const [initial, setInitial] = useState(() => (waiting === null ? initialStateFromPage() : null));
  useEffect(() => {
    if (initial === null && waiting !== null) void initialStateAfter(waiting).then(setInitial);
  }, [initial, waiting]);
  if (initial === null)
    return (
      <p role="status">
        {waiting !== null && waiting.play !== null ? 'Opening the shared scenario…' : 'Opening the scenario…'}
      </p>
    );
  return (
    <StoreProvider initial={initial}>
      <AppShell />
    </StoreProvider>
  );
}
