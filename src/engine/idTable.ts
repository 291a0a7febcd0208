// Every id the stream mentions gets a small integer once; kernels and columns work on integers, not strings.
import { DEVICE_PREFIX } from './ids.ts';

export const NO_ID = -1;

export class IdTable {
  private readonly byText = new Map<string, number>();
  /** Raw `$device_id` values → the id of their `$device:` key, so the prefix is added once per device (S-4). */
  private readonly byRawDevice = new Map<string, number>();
  /** id → its text. */
  readonly text: string[] = [];
  /** id → the first record that mentioned it, or NO_ID while only interned (e.g. by a rejected event). */
  readonly firstSeen: number[] = [];
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

  /** The id for `text`, created on first use. */
  intern(text: string): number {
    if (text === this.lastText && this.lastId !== NO_ID) return this.lastId;
    const id = this.lookupOrAdd(text);
    this.lastText = text;
    this.lastId = id;
    return id;
  }

  private lookupOrAdd(text: string): number {
    const known = this.byText.get(text);
    if (known !== undefined) return known;
    const id = this.text.length;
    this.byText.set(text, id);
    this.text.push(text);
    this.firstSeen.push(NO_ID);
    return id;
  }

  /** The id of `$device:<raw>`: the same id `intern('$device:' + raw)` gives, found with one lookup of `raw`. */
  internDevice(raw: string): number {
    if (raw === this.lastRawDevice && this.lastDeviceId !== NO_ID) return this.lastDeviceId;
    let id = this.byRawDevice.get(raw);
    if (id === undefined) {
      id = this.lookupOrAdd(DEVICE_PREFIX + raw);
      this.byRawDevice.set(raw, id);
    }
    this.lastRawDevice = raw;
    this.lastDeviceId = id;
    return id;
  }

  find(text: string): number | undefined {
    return this.byText.get(text);
  }

  textOf(id: number): string {
    return this.text[id] ?? '';
  }

  see(id: number, index: number): void {
    if (id !== NO_ID && this.firstSeen[id] === NO_ID) this.firstSeen[id] = index;
  }

  isSeen(id: number): boolean {
    return (this.firstSeen[id] ?? NO_ID) !== NO_ID;
  }
}
