// How the import views write numbers, sizes and event times.

const count = new Intl.NumberFormat('en-US');

/** 1234567 → "1,234,567". */
export function formatCount(value: number): string {
  return count.format(value);
}

/** "1 event" / "3 events". */
export function plural(value: number, one: string, many = `${one}s`): string {
  return `${formatCount(value)} ${value === 1 ? one : many}`;
}

/** A file size in B, KB, MB or GB (powers of 1024, one decimal above KB). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${Math.round(bytes / 1024)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/**
 * An event's `time` as UTC date and time. Mixpanel sends seconds; values past the year 2286 in seconds are taken
 * as milliseconds, as the import API does.
 */
export function formatEventTime(time: number | undefined): string {
  if (time === undefined) return '';
  const ms = time > 1e10 ? time : time * 1000;
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return String(time);
  return date
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, '');
}

/**
 * The record index a typed event number names ("1598", "#1598", "event #1,598"), or a sentence saying why it names
 * none. Events are numbered 1…`records`.
 */
export function eventIndexOf(typed: string, records: number): number | string {
  const digits = typed.replace(/^\s*(event\s*)?#?\s*/i, '').replace(/[,\s]/g, '');
  if (!/^\d+$/.test(digits)) return 'Type an event number, as the # column shows it.';
  const number = Number(digits);
  if (number < 1 || number > records)
    return records === 0 ? 'There are no events.' : `Events are numbered 1 to ${formatCount(records)}.`;
  return number - 1;
}
