// Profiles keyed by distinct_id (S-16); on Original a merge keeps the canonical id's profile and hides the other (O-17).
import { toIdText } from './ids.ts';
import type { ProfileUpdate } from './types.ts';

/** A user profile as it stands, with the records that shaped it. */
export interface Profile {
  /** The distinct_id the profile lives under. */
  readonly distinctId: string;
  readonly properties: Readonly<Record<string, unknown>>;
  /** Record indexes of the updates applied to it. */
  readonly updatedBy: readonly number[];
  /** O-17: set when a merge hid this profile behind the canonical id's. */
  readonly hidden?: { readonly byEvent: number; readonly behind: string };
}

interface ProfileChange {
  readonly index: number;
  readonly key: string;
  readonly profile: Profile | undefined;
}

/** Applies profile updates; the caller says which key an update lands on (literal on Simplified, resolved elsewhere). */
export class ProfileStore {
  private readonly current = new Map<string, Profile>();
  private readonly hiddenProfiles: Profile[] = [];
  /** Every change in order, kept only when steps are tracked, so profilesAt(step) needs no replay of the engine. */
  private readonly log: ProfileChange[] | undefined;

  constructor(
    /** O-17: a merge hides the merged-away profile (Original); elsewhere a merge leaves profiles where they are. */
    private readonly mergesHideProfiles: boolean,
    trackSteps: boolean,
  ) {
    this.log = trackSteps ? [] : undefined;
  }

  /** True until the first profile update: merges then need not tell the store anything. */
  get isEmpty(): boolean {
    return this.current.size === 0 && this.hiddenProfiles.length === 0;
  }

  /** Applies one update to the profile under `key`. */
  apply(update: ProfileUpdate, key: string, index: number): void {
    const before = this.current.get(key);
    const next = applyOperations(before, update, key, index);
    this.put(key, next, index);
  }

  /** O-17, where merges hide profiles: the ids of `from` now resolve to `to`; their profile moves or is hidden. */
  retarget(from: string, to: string, index: number): void {
    if (!this.mergesHideProfiles) return;
    const moving = this.current.get(from);
    if (moving === undefined) return;
    this.put(from, undefined, index);
    if (this.current.has(to)) {
      const hidden: Profile = { ...moving, hidden: { byEvent: index, behind: to } };
      this.hiddenProfiles.push(hidden);
      this.log?.push({ index, key: `hidden:${from}:${index}`, profile: hidden });
    } else {
      this.put(to, { ...moving, distinctId: to }, index);
    }
  }

  private put(key: string, profile: Profile | undefined, index: number): void {
    if (profile === undefined) this.current.delete(key);
    else this.current.set(key, profile);
    this.log?.push({ index, key, profile });
  }

  /** Visible profiles, then hidden ones, as they stand now. */
  all(): Profile[] {
    return [...this.current.values(), ...this.hiddenProfiles];
  }

  /** The profiles as they stood after record `step` (needs trackSteps). */
  at(step: number): Profile[] {
    if (this.log === undefined) throw new Error('profiles at a step need a resolution made with trackSteps');
    const state = new Map<string, Profile>();
    for (const change of this.log) {
      if (change.index > step) break;
      if (change.profile === undefined) state.delete(change.key);
      else state.set(change.key, change.profile);
    }
    return [...state.values()];
  }
}

/** The distinct_id a profile update names, or undefined. */
export function profileDistinctId(update: ProfileUpdate): string | undefined {
  const id = toIdText(update.$distinct_id);
  return id === '' ? undefined : id;
}

function applyOperations(before: Profile | undefined, update: ProfileUpdate, key: string, index: number) {
  if (update.$delete !== undefined) return undefined;
  // A prototype-free object: property names come from input, so `__proto__` and `constructor` must be ordinary names.
  const props = Object.assign(
    Object.create(null) as Record<string, unknown>,
    before?.properties,
    update.$set,
  );
  for (const [name, value] of Object.entries(update.$set_once ?? {}))
    if (!(name in props)) props[name] = value;
  for (const name of update.$unset ?? []) delete props[name];
  for (const [name, value] of Object.entries(update.$add ?? {}))
    props[name] = toNumber(props[name]) + toNumber(value);
  for (const [name, value] of Object.entries(update.$append ?? {}))
    props[name] = [...toList(props[name]), value];
  for (const [name, values] of Object.entries(update.$union ?? {})) {
    const list = toList(props[name]);
    props[name] = [...list, ...toList(values).filter((v) => !list.includes(v))];
  }
  for (const [name, value] of Object.entries(update.$remove ?? {}))
    props[name] = toList(props[name]).filter((v) => v !== value);
  return { distinctId: key, properties: props, updatedBy: [...(before?.updatedBy ?? []), index] };
}

function toNumber(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function toList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}
