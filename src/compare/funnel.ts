// Funnels per variant: ordered steps within a conversion window, counted per resolved user, as Mixpanel counts them.
import type { ComparisonData } from './data.ts';
import type { FunnelSpec, FunnelStep } from './types.ts';

/**
 * How many users reached each step of `spec` under variant `at`. A user enters at their first occurrence of step 1;
 * each later step must follow the previous one, within `windowSeconds` of entering. An attempt that runs out of
 * window ends, and the user's next step 1 starts a new one; a user counts at the furthest step any attempt reached.
 * Events are taken in time order (ties in stream order); the identity an event is counted under is its resolved
 * distinct_id, which is where the modes differ. Rejected and id-less events count for no one.
 */
export function funnelOf(data: ComparisonData, at: number, spec: FunnelSpec): FunnelStep[] {
  const stepIds = spec.steps.map((name) => data.names.indexOf(name));
  const keys = data.columns[at]!.keys;
  const candidates = funnelEvents(data, new Set(stepIds.filter((id) => id >= 0)));
  const reached = new Uint8Array(data.resolved.size);
  const best = new Uint8Array(data.resolved.size);
  const start = new Float64Array(data.resolved.size);
  const last = stepIds.length;
  for (const index of candidates) {
    const user = keys[index]!;
    if (user < 0 || reached[user] === last) continue;
    const time = data.times[index]!;
    if (reached[user]! > 0 && time - start[user]! > spec.windowSeconds) reached[user] = 0;
    const step = reached[user]!;
    if (stepIds[step] !== data.nameIds[index]) continue;
    if (step === 0) start[user] = time;
    reached[user] = step + 1;
    if (step + 1 > best[user]!) best[user] = step + 1;
  }
  const counts = new Array<number>(last + 1).fill(0);
  for (const furthest of best) counts[furthest]!++;
  // Users who reached step s are those whose furthest step is s or beyond.
  let atLeast = 0;
  const users = new Array<number>(last);
  for (let step = last; step >= 1; step--) {
    atLeast += counts[step]!;
    users[step - 1] = atLeast;
  }
  return spec.steps.map((step, index) => ({ step, users: users[index] ?? 0 }));
}

/** The events named in the funnel, in time order (stable, so ties keep stream order). */
function funnelEvents(data: ComparisonData, names: ReadonlySet<number>): Int32Array {
  const list: number[] = [];
  data.nameIds.forEach((name, index) => {
    if (names.has(name)) list.push(index);
  });
  const order = Int32Array.from(list);
  const { times } = data;
  return order.sort((a, b) => times[a]! - times[b]! || a - b);
}

/**
 * Reads a conversion window: a number with a unit, `30d`, `12h`, `90m`, `45s` or `2w`; a bare number is days.
 * Returns seconds, or undefined when the text is not a window.
 */
export function parseWindow(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$/i.exec(text);
  if (match === null) return undefined;
  const unit = { s: 1, m: 60, h: 3_600, d: 86_400, w: 604_800 }[(match[2] || 'd').toLowerCase()] ?? 86_400;
  const seconds = Number(match[1]) * unit;
  return seconds > 0 ? seconds : undefined;
}
