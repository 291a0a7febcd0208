// "My scenarios": the user's scenarios autosaved in the browser (localStorage), each kept as its link payload so
// the list needs no schema library to show and a reload can tell the user's own draft from someone else's link.
// Corrupt saved data is set aside under another key with a notice, never thrown at the app.

/** One saved scenario. */
export interface SavedScenario {
  /** Stable key; survives renames. */
  readonly key: string;
  readonly title: string;
  /** The scenario as a link payload (scenarios/link.ts). */
  readonly payload: string;
  readonly savedAt: number;
}

export interface SavedList {
  readonly entries: readonly SavedScenario[];
  /** Set when the stored list could not be read and was set aside. */
  readonly notice?: string;
}

export const SAVED_KEY = 'idmerge.myScenarios.v1';
export const ASIDE_KEY = 'idmerge.myScenarios.setAside';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

function isSaved(value: unknown): value is SavedScenario {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry['key'] === 'string' &&
    typeof entry['title'] === 'string' &&
    typeof entry['payload'] === 'string' &&
    typeof entry['savedAt'] === 'number'
  );
}

/**
 * Reads the list; unreadable data is moved to ASIDE_KEY and reported, and the list starts empty. `peek` only
 * reads (no setting aside), for a look before the editor opens.
 */
export function readSaved(storage: Storage | undefined, { peek = false } = {}): SavedList {
  let text: string | null;
  try {
    text = storage?.getItem(SAVED_KEY) ?? null;
  } catch {
    return { entries: [], notice: 'Your saved scenarios cannot be read here (browser storage is blocked).' };
  }
  if (text === null) return { entries: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (Array.isArray(json) && json.every(isSaved)) return { entries: json };
  if (peek) return { entries: [] };
  setAside(storage, text);
  return {
    entries: [],
    notice: `Your saved scenarios could not be read (the stored data is damaged); it was set aside under "${ASIDE_KEY}" in this browser's storage.`,
  };
}

/** Moves unreadable text out of the way, so the next save does not overwrite what a user might recover. */
export function setAside(storage: Storage | undefined, text: string): void {
  try {
    storage?.setItem(ASIDE_KEY, text);
  } catch {
    // Storage full or blocked: nothing more can be kept.
  }
}

/** Writes the list; false when the browser refuses (full or blocked). */
export function writeSaved(storage: Storage | undefined, entries: readonly SavedScenario[]): boolean {
  try {
    storage?.setItem(SAVED_KEY, JSON.stringify(entries));
    return storage !== undefined;
  } catch {
    return false;
  }
}

/** The list with `entry` added or replaced (by key), most recent first. */
export function upsertSaved(entries: readonly SavedScenario[], entry: SavedScenario): SavedScenario[] {
  return [entry, ...entries.filter((e) => e.key !== entry.key)];
}

/** The browser's storage, or undefined where there is none (tests, some embeds). */
export function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
