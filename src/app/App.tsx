// The app: one store per page, opened on the view the URL names, and the shell that composes the views.
import { useState } from 'react';
import { StoreProvider } from '../store/StoreProvider.tsx';
import { AppShell } from './AppShell.tsx';
import { initialStateFromPage } from './initialState.ts';
import './theme.css';

export function App() {
  const [initial] = useState(initialStateFromPage);
  return (
    <StoreProvider initial={initial}>
      <AppShell />
    </StoreProvider>
  );
}
