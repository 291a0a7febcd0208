// Device ids in the two shapes mixpanel-browser has generated (SDK-1), built only from a seeded source.
import { randomBelow, randomHex, type RandomSource } from './random.ts';

/** Since 2.62.0: an RFC 4122 version 4 UUID, lowercase (`crypto.randomUUID`). */
export function uuidV4(source: RandomSource): string {
  const digits = randomHex(source, 32).split('');
  digits[12] = '4'; // version nibble
  digits[16] = '89ab'.charAt(randomBelow(source, 4)); // variant 10xx
  const hex = digits.join('');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
}

/** The screen area part of an old id; the simulated browser has a 1280×720 screen. */
const SCREEN_AREA_HEX = (1280 * 720).toString(16);

/** Time in hex followed by the "ticks per millisecond" count the old generator measured. */
function timeAndTicks(source: RandomSource, nowMs: number): string {
  return nowMs.toString(16) + (0x10 + randomBelow(source, 0xff0)).toString(16);
}

/**
 * Before 2.62.0: five dash-separated hex groups, time+ticks, `Math.random` hex, user-agent hash, screen area,
 * time+ticks (SDK-1, e.g. `13bbf7943e584-0885c2531-5c793977-3e8000-13bbf7943e64cf`). Not RFC 4122.
 */
export function legacyDeviceId(source: RandomSource, nowMs: number, userAgentHash: string): string {
  const randomPart = `0${randomHex(source, 14)}`; // Math.random().toString(16) without its dot
  return [
    timeAndTicks(source, nowMs),
    randomPart,
    userAgentHash,
    SCREEN_AREA_HEX,
    timeAndTicks(source, nowMs),
  ].join('-');
}

/** The user-agent hash of one simulated browser: eight hex digits, constant for the device. */
export function userAgentHash(source: RandomSource): string {
  return (1 + randomBelow(source, 7)).toString(16) + randomHex(source, 7);
}
