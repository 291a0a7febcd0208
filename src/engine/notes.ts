// The short note for a link or merge, as the table and the graph's edges word it.
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
