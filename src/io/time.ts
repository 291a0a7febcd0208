// Event times as Mixpanel stores them: epoch seconds, whatever form the file wrote them in.
import { readEventTime } from '../engine/index.ts';

const EPOCH_NUMBER = /^[+-]?\d+(\.\d+)?$/;
const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Epoch seconds from epoch seconds, epoch milliseconds (the engine's threshold: above 1e11 is ms) or ISO 8601
 * text; undefined when the value is none of these. ISO text without a zone is read as UTC, because reading it in
 * the machine's zone would make the same file resolve differently on two computers.
 */
export function parseEventTime(value: unknown): number | undefined {
  if (typeof value === 'number') return readEventTime(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (EPOCH_NUMBER.test(text)) return readEventTime(Number(text));
  return parseIsoTime(text);
}

/** ISO 8601 date or date-time (space or T; any fraction; Z, ±HH, ±HHMM or ±HH:MM) → epoch seconds. */
export function parseIsoTime(text: string): number | undefined {
  const match = ISO_8601.exec(text);
  if (match === null) return undefined;
  const part = (group: number): number => Number(match[group] ?? 0);
  const millis = utcMillis(part(1), part(2), part(3), part(4), part(5), part(6));
  if (millis === undefined) return undefined;
  const fraction = match[7] === undefined ? 0 : Number(`0.${match[7]}`);
  return millis / 1000 + fraction - zoneOffsetSeconds(match[8]);
}

/** Milliseconds for a calendar date and time, or undefined when it does not exist (2024-02-30, 25:00). */
function utcMillis(year: number, month: number, day: number, hour: number, minute: number, second: number) {
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  const real = date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? date.getTime() : undefined;
}

function zoneOffsetSeconds(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z' || zone === 'z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 3600 + minutes * 60);
}
