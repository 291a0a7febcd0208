// The app: one store per page, and the shell that composes the views.
import { StoreProvider } from '../store/StoreProvider.tsx';
import { AppShell } from './AppShell.tsx';
import './theme.css';

export function App() {
  return (
    <StoreProvider>
      <AppShell />
    </StoreProvider>
  );
}
