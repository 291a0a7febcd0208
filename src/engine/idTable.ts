// Every id the stream mentions gets a small integer once; kernels and columns work on integers, not strings.
import { Int32Column } from './columnArrays.ts';
import { DEVICE_PREFIX, isDeviceKey } from './ids.ts';

/** No id: the number of a missing id (an event with no usable identity, an unlinked device). */
export const NO_ID = -1;

/** A caller's number of an id it did not number (see IdTable.intern). */
export const NOT_NUMBERED = -1;

const DEVICE_BIT = 1;
const BLOCK_CHECKED = 2;
const BLOCKED = 4;

/**
 * Interns id texts as small integers, so kernels work on numbers; `$device:` keys are kept apart from raw ids (S-2).
 *
 * A reader that numbers ids itself (the CLI's worker numbers them by their bytes, the browser's store by its own
 * interner) passes its number along with the text: the text is looked up once per number, and after that the number
 * alone finds the id (an Int32Array read instead of hashing a string in a map of a few hundred thousand). The texts
 * stay here, and so does `$device:` handling: a number given for a raw `$device_id` (internDevice) and the same
 * number given for an id (intern) are two ids, as their texts are (S-4).
 */
export class IdTable {
  /** The caller's number of a text given to `intern` → its id, or NO_ID until first seen. */
  private readonly byNumber = new Int32Column(NO_ID);
  /** The caller's number of a raw device id given to `internDevice` → the id of its `$device:` key, or NO_ID. */
  private readonly deviceByNumber = new Int32Column(NO_ID);
  /** Ids that are not `$device:` keys, by text. */
  private readonly byText = new Map<string, number>();
  /**
   * `$device:` keys by the raw device id after the prefix (S-4). `$device_id` values are looked up as they come, so
   * the prefix is added once per device, and each device costs one map entry, not two.
   */
  private readonly byRawDevice = new Map<string, number>();
  /** id → its text. */
  readonly text: string[] = [];
  /** id → the first record that mentioned it, or NO_ID while only interned (e.g. by a rejected event). */
  readonly firstSeen: number[] = [];
  /** id → DEVICE_BIT when its text is a `$device:` key; BLOCK_* once a placeholder check has run. */
  private readonly flags: number[] = [];
  /**
   * The last text looked up and its id. Events come in sessions, so the next event usually names the same device or
   * user: comparing two short strings is far cheaper than a lookup in a map of a few hundred thousand ids.
   */
  private lastText = '';
  private lastId = NO_ID;
  private lastRawDevice = '';
  private lastDeviceId = NO_ID;

  get size(): number {
    return this.text.length;
  }

  /**
   * The id for `text`, created on first use. `number`: the caller's number of `text` (a number always stands for
   * the same text; two numbers may stand for one), or NOT_NUMBERED.
   */
  intern(text: string, number = NOT_NUMBERED): number {
    if (number !== NOT_NUMBERED) return this.internNumbered(text, number);
    if (text === this.lastText && this.lastId !== NO_ID) return this.lastId;
    const id = isDeviceKey(text)
      ? this.internDevice(text.slice(DEVICE_PREFIX.length))
      : this.internOther(text);
    this.lastText = text;
    this.lastId = id;
    return id;
  }

  private internNumbered(text: string, number: number): number {
    const known = this.byNumber.get(number);
    if (known !== NO_ID) return known;
    const id = this.intern(text);
    this.byNumber.set(number, id);
    return id;
  }

  private internOther(text: string): number {
    const known = this.byText.get(text);
    if (known !== undefined) return known;
    const own = ownCopy(text);
    const id = this.add(own, 0);
    this.byText.set(own, id);
    return id;
  }

  /**
   * The id of `$device:<raw>`: the same id `intern('$device:' + raw)` gives (S-4). `number`: the caller's number of
   * `raw` (as for intern), or NOT_NUMBERED.
   */
  internDevice(raw: string, number = NOT_NUMBERED): number {
    if (number !== NOT_NUMBERED) {
      const known = this.deviceByNumber.get(number);
      if (known !== NO_ID) return known;
      const id = this.internDevice(raw);
      this.deviceByNumber.set(number, id);
      return id;
    }
    if (raw === this.lastRawDevice && this.lastDeviceId !== NO_ID) return this.lastDeviceId;
    let id = this.byRawDevice.get(raw);
    if (id === undefined) {
      const own = ownCopy(raw);
      id = this.add(DEVICE_PREFIX + own, DEVICE_BIT);
      this.byRawDevice.set(own, id);
    }
    this.lastRawDevice = raw;
    this.lastDeviceId = id;
    return id;
  }

  private add(text: string, flags: number): number {
    const id = this.text.length;
    this.text.push(text);
    this.firstSeen.push(NO_ID);
    this.flags.push(flags);
    return id;
  }

  find(text: string): number | undefined {
    return isDeviceKey(text) ? this.byRawDevice.get(text.slice(DEVICE_PREFIX.length)) : this.byText.get(text);
  }

  textOf(id: number): string {
    return this.text[id] ?? '';
  }

  /** Whether the id's text starts with `$device:`, without looking at the text again. */
  isDevice(id: number): boolean {
    return ((this.flags[id] ?? 0) & DEVICE_BIT) !== 0;
  }

  /** Whether the id is a placeholder (LIM-1), asking `check` only the first time: an id's text never changes. */
  isBlocked(id: number, check: (text: string) => boolean): boolean {
    const flags = this.flags[id] ?? 0;
    if ((flags & BLOCK_CHECKED) !== 0) return (flags & BLOCKED) !== 0;
    const blocked = check(this.textOf(id));
    this.flags[id] = flags | BLOCK_CHECKED | (blocked ? BLOCKED : 0);
    return blocked;
  }

  see(id: number, index: number): void {
    if (id !== NO_ID && this.firstSeen[id] === NO_ID) this.firstSeen[id] = index;
  }

  isSeen(id: number): boolean {
    return (this.firstSeen[id] ?? NO_ID) !== NO_ID;
  }
}

/**
 * A copy of `text` that holds no reference to a larger string. Readers hand ids over as slices of megabyte-sized
 * chunks, and a kept slice keeps its whole chunk alive; copying once per new id keeps memory proportional to ids.
 */
export function ownCopy(text: string): string {
  // Slicing a fresh concatenation flattens it into a new string the copy then points into, not the chunk.
  return text.length < 13 ? text : (' ' + text).slice(1);
}
