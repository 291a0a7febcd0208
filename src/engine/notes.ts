// Notes: the table's short words for what the engine did to an event, kept structured (kind, rule, text).
import type { Link } from './types.ts';
import { asIs, rawDevice, type IdLabel } from './words.ts';

/** "Links D1 ⇒ U1", "Merges A ⇒ B", "Alias A → B": a link in the words of Mixpanel's guide. */
export function linkNote(link: Link, label: IdLabel = asIs): string {
  switch (link.kind) {
    case 'device-link':
      return `Links ${rawDevice(link.from, label)} ⇒ ${label(link.to)}`;
    case 'identify':
      return `Merges ${label(link.from)} ⇒ ${label(link.to)}`;
    case 'alias':
      return `Aliases ${label(link.from)} ⇒ ${label(link.to)}`;
    case 'merge':
      return `Merges ${label(link.from)} ⇔ ${label(link.to)}`;
    case 'legacy-alias':
      return `Alias ${label(link.from)} → ${label(link.to)}`;
  }
}

/** What a note is about; the app styles and links notes by kind, never by their text. */
export type NoteKind =
  /** The event's device id is one the stream had not shown before (SDK-3). */
  | 'new-device'
  /** The device id is new because the SDK's reset() made one (SDK-8). */
  | 'reset'
  /** The event carries a placeholder id the import API refuses (LIM-1). */
  | 'rejected'
  /** The event has no usable identity (LIM-2, LIM-3). */
  | 'no-identity'
  /** An identity event that does nothing under this mode (S-8, L-5). */
  | 'no-effect'
  /** The link or merge the event made. */
  | 'link'
  /** The failure code of a refused identity request. */
  | 'failure'
  /** Where an event frozen at ingestion was stored (L-3). */
  | 'stored-as'
  /** The event's resolved id changed after it was ingested (S-12, O-5). */
  | 'retroactive';

/** One note of the table's Notes column: its kind, the spec rule behind it, and its words. */
export interface Note {
  readonly kind: NoteKind;
  /** The spec rule id (S-6, LIM-1 …) that the note is an instance of. */
  readonly rule: string;
  readonly text: string;
}
