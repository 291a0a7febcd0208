// The Notes cell: the engine's notes as a list, links and failure codes styled as badges.
import type { NoteView } from './projectRows.ts';

export function NotesList({ notes }: { notes: readonly NoteView[] }) {
  if (notes.length === 0) return null;
  return (
    <ul className="notes">
      {notes.map((note, index) => (
        <li key={index} className={`note note-${note.kind}`} data-note={note.kind}>
          {note.text}
        </li>
      ))}
    </ul>
  );
}
