// Per-number state without Maps: the linter keys what it keeps per id or device by small integers (issue #14).
import { deviceOfKey, Int32Column } from '../engine/index.ts';

/**
 * Device ids (raw `$device_id` text, or the device a distinct_id stands for) as numbers, so checks keep per-device
 * state in columns and each device's text is looked up once per event, not once per check. Where the engine already
 * numbered the device's `$device:` key (Simplified, S-4: `IngestReceipts.deviceKeyAt`) that number is used, with no
 * lookup at all (issue #14: inserting ~170k new devices into a Map was the biggest per-device cost); other devices
 * are numbered here as first met. Engine keys take the even numbers and the others the odd ones, so both can index
 * one column.
 */
export class DeviceNumbers {
  private readonly numbers = new Map<string, number>();
  private readonly texts: string[] = [];
  /** Events of one device usually come in runs (a session): the last answer is checked first. */
  private lastText: string | undefined;
  private lastNumber = -1;

  /** `keyText` gives the text (`$device:<raw>`) of an engine key number. */
  constructor(private readonly keyText: (key: number) => string) {}

  /** The number of the device whose `$device:` key the engine numbered `key`. */
  numberOfKey(key: number): number {
    return key * 2;
  }

  /** The number of a device the engine did not number, given on first sight. */
  numberOf(device: string): number {
    if (device === this.lastText) return this.lastNumber;
    let number = this.numbers.get(device);
    if (number === undefined) {
      number = this.texts.length * 2 + 1;
      this.numbers.set(device, number);
      this.texts.push(device);
    }
    this.lastText = device;
    this.lastNumber = number;
    return number;
  }

  /** The device text of a number either method gave. */
  textOf(number: number): string {
    if (number % 2 === 0) return deviceOfKey(this.keyText(number / 2));
    return this.texts[(number - 1) / 2] ?? '';
  }
}

const UNKNOWN = 0;
const FAILS = 1;
const PASSES = 2;

/**
 * Answers of a test that depends only on an id's text, remembered by the id's number (an engine id number or a
 * device number, each naming one text): a million events test each distinct id once.
 */
export class RememberedTest {
  private readonly answers = new Int32Column();

  /** The remembered answer for id `number`, or undefined when it was not tested yet. */
  known(number: number): boolean | undefined {
    const answer = this.answers.get(number);
    return answer === UNKNOWN ? undefined : answer === PASSES;
  }

  /** Remembers and returns `answer` for id `number`. */
  remember(number: number, answer: boolean): boolean {
    this.answers.set(number, answer ? PASSES : FAILS);
    return answer;
  }
}
