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
  /** The browser refused to read its storage (privacy settings): nothing was damaged or set aside. */
  readonly blocked?: true;
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
 * Reads the list. Entries that are not saved scenarios are moved to ASIDE_KEY (as a JSON array) and reported, one
 * entry at a time: the readable ones stay. Text that is not a JSON array is set aside whole and the list starts
 * empty. `peek` only reads (no setting aside, the readable entries), for a look before the editor opens.
 */
export function readSaved(storage: Storage | undefined, { peek = false } = {}): SavedList {
  let text: string | null;
  try {
    text = storage?.getItem(SAVED_KEY) ?? null;
  } catch {
    return {
      entries: [],
      notice: 'Your saved scenarios cannot be read here (browser storage is blocked).',
      blocked: true,
    };
  }
  if (text === null) return { entries: [] };
  const json = parseJson(text);
  const entries = Array.isArray(json) ? json.filter(isSaved) : [];
  if (Array.isArray(json) && entries.length === json.length) return { entries };
  if (peek) return { entries };
  if (!Array.isArray(json)) {
    // Cleared only once it is safe elsewhere: the next read finds an empty list, not the same damage again.
    const kept = setAside(storage, text) && writeSaved(storage, []);
    return {
      entries: [],
      notice: `Your saved scenarios could not be read (the stored data is damaged); ${whereKept(kept, 'it was')}`,
    };
  }
  const unreadable = json.filter((entry) => !isSaved(entry));
  const kept = setAside(storage, JSON.stringify(unreadable)) && writeSaved(storage, entries);
  return {
    entries,
    notice: `${unreadable.length} of your ${json.length} saved scenarios could not be read (damaged entries); ${whereKept(kept, unreadable.length === 1 ? 'it was' : 'they were')}`,
  };
}

/** Where the damaged data went: set aside, or (storage full or blocked) left where it was. */
function whereKept(kept: boolean, subject: string): string {
  return kept
    ? `${subject} set aside under "${ASIDE_KEY}" in this browser's storage.`
    : `${subject} left in place, as the browser refused to store a copy (storage full?); your next saved scenario replaces it.`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Moves unreadable text out of the way, so the next save does not overwrite what a user might recover. False when
 * the browser refuses (storage full or blocked): nothing more can be kept.
 */
export function setAside(storage: Storage | undefined, text: string): boolean {
  try {
    storage?.setItem(ASIDE_KEY, text);
    return storage !== undefined;
  } catch {
    return false;
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
export function browserStorage(): globalThis.Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
