// The app: one store per page, opened on the view the URL names, and the shell that composes the views.
import { useEffect, useState } from 'react';
import { readPlay } from '../store/custom.ts';
import { initialStateFromLink } from './openLink.ts';
import { StoreProvider } from '../store/StoreProvider.tsx';
import { AppShell } from './AppShell.tsx';
import { initialStateFromPage } from './initialState.ts';
import './theme.css';

export function App() {
  const [initial, setInitial] = useState(() =>
    readPlay(window.location.search) === null ? initialStateFromPage() : null,
  );
  useEffect(() => {
    const play = readPlay(window.location.search);
    if (initial === null && play !== null)
      void initialStateFromLink(window.location.search, play).then(setInitial);
  }, [initial]);
  if (initial === null) return <p role="status">Opening the shared scenario…</p>;
  return (
    <StoreProvider initial={initial}>
      <AppShell />
    </StoreProvider>
  );
}
