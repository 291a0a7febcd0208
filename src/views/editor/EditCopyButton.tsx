// "Edit a copy": opens the scenario editor on a copy of the scenario on show (a library scenario, or one opened
// from someone's link, which stays read-only). For the user's own scenario the editor simply reopens.
import { useActions, useAppState } from '../../store/hooks.ts';

export function EditCopyButton() {
  const { setEditorOpen } = useActions();
  const editorOpen = useAppState((state) => state.editorOpen);
  const own = useAppState((state) => state.custom?.editable === true);
  if (editorOpen) return null;
  return (
    <button type="button" className="header-button" onClick={() => setEditorOpen(true)}>
      {own ? 'Open editor' : 'Edit a copy'}
    </button>
  );
}
