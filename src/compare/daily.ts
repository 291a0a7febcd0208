// Unique users per UTC day, per variant: the "DAU" line a product team watches, under each identity system.
import type { ComparisonData } from './data.ts';
import type { DailyUsers } from './types.ts';

const DAY = 86_400;

/** Distinct resolved users per day, over the days any event has; events without a time of their own are left out. */
export function dailyUsers(data: ComparisonData): DailyUsers {
  const perVariant = data.columns.map((column) => countPerDay(data, column.keys));
  const days = [...new Set(perVariant.flatMap((counts) => [...counts.keys()]))].sort((a, b) => a - b);
  const users: Record<string, number[]> = {};
  data.variants.forEach((variant, at) => {
    users[variant.key] = days.map((day) => perVariant[at]!.get(day) ?? 0);
  });
  return { days, users };
}

/** One set of (day, user) pairs encoded as numbers: day × ids + user stays exact far beyond any real stream. */
function countPerDay(data: ComparisonData, keys: Int32Array): Map<number, number> {
  const ids = data.resolved.size;
  const pairs = new Set<number>();
  for (let index = 0; index < keys.length; index++) {
    const user = keys[index]!;
    if (user < 0 || data.untimed.has(index)) continue;
    pairs.add(Math.floor(data.times[index]! / DAY) * ids + user);
  }
  const counts = new Map<number, number>();
  for (const pair of pairs) {
    const day = Math.floor(pair / ids);
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  return counts;
}
