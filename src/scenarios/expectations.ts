// Reads what the engine shows after a played step in the shape of the step's expectation, both sides in short ids.
import type { Mode, Resolution, ResolutionView } from '../engine/index.ts';
import { idLabel, type PlayedScenario, type PlayedStep } from './play.ts';
import type { ModeExpectation, ProfileExpectation, ProfileStatus } from './types.ts';

/** An expectation with every id written the way the app shows it (D1, $device:D1, canon() replaced). */
export interface Observation {
  distinctIds?: (string | null)[];
  distinctIdAt?: Record<string, string | null>;
  failures?: Record<string, string>;
  clusters?: string[][];
  clusterSizes?: Record<string, number>;
  profiles?: Record<string, ProfileExpectation>;
  profileCounts?: Partial<Record<ProfileStatus, number>>;
}

/** The expected and actual observations of one step in one mode; undefined when the step expects nothing there. */
export function observeStep(
  played: PlayedScenario,
  resolution: Resolution,
  step: PlayedStep,
  mode: Mode,
): { expected: Observation; actual: Observation } | undefined {
  const expectation = step.expect?.[mode];
  if (expectation === undefined) return undefined;
  const view = step.endRecord > 0 ? resolution.at(step.endRecord - 1) : undefined;
  const reader = new StepReader(played, view, step.endRecord);
  return { expected: reader.expected(expectation), actual: reader.actual(expectation) };
}

class StepReader {
  private readonly label: (id: string) => string;
  /** Record index of every event sent so far; event number n is events[n - 1]. */
  private readonly events: number[] = [];

  constructor(
    private readonly played: PlayedScenario,
    private readonly view: ResolutionView | undefined,
    endRecord: number,
  ) {
    this.label = idLabel(played.aliases);
    played.records.slice(0, endRecord).forEach((record, index) => {
      if (record.kind === 'event') this.events.push(index);
    });
  }

  expected(e: ModeExpectation): Observation {
    const show = (id: string | null) => (id === null ? null : this.expectedId(id));
    const observed: Observation = {};
    if (e.distinctIds) observed.distinctIds = e.distinctIds.map(show);
    if (e.distinctIdAt) observed.distinctIdAt = mapValues(e.distinctIdAt, show);
    if (e.failures) observed.failures = { ...e.failures };
    if (e.clusters)
      observed.clusters = sortClusters(e.clusters.map((c) => c.map((id) => this.expectedId(id))));
    if (e.clusterSizes) observed.clusterSizes = mapKeys(e.clusterSizes, (id) => this.expectedId(id));
    if (e.profiles) observed.profiles = mapKeys(e.profiles, (id) => this.expectedId(id));
    if (e.profileCounts) observed.profileCounts = { ...e.profileCounts };
    return observed;
  }

  actual(e: ModeExpectation): Observation {
    const observed: Observation = {};
    if (e.distinctIds) observed.distinctIds = this.events.map((index) => this.resolvedId(index));
    if (e.distinctIdAt) observed.distinctIdAt = mapValues(e.distinctIdAt, (_, n) => this.resolvedIdAt(n));
    if (e.failures) observed.failures = this.failures();
    if (e.clusters) observed.clusters = this.clusters();
    if (e.clusterSizes) observed.clusterSizes = this.clusterSizes(Object.keys(e.clusterSizes));
    if (e.profiles) observed.profiles = this.profiles(e.profiles);
    if (e.profileCounts) observed.profileCounts = this.profileCounts(Object.keys(e.profileCounts));
    return observed;
  }

  /** An id as written → as shown: D1 and $device:D1 expand to generated ids; canon(X) asks the engine. */
  private expectedId(text: string): string {
    const canon = /^canon\((.+)\)$/.exec(text);
    if (canon?.[1] === undefined) return this.label(this.fullId(text));
    const member = this.fullId(canon[1]);
    return this.label(this.view?.canonicalOf(member) ?? member);
  }

  private fullId(text: string): string {
    const alias = /^(\$device:)?D([1-9][0-9]*)$/.exec(text);
    if (alias === null) return text;
    const id = this.played.deviceIds[Number(alias[2]) - 1];
    if (id === undefined)
      throw new RangeError(
        `"${text}": the scenario generated only ${this.played.deviceIds.length} device id(s)`,
      );
    return `${alias[1] ?? ''}${id}`;
  }

  private resolvedId(index: number): string | null {
    const id = this.view?.outcome(index).resolvedId ?? null;
    return id === null ? null : this.label(id);
  }

  private resolvedIdAt(eventNumber: string): string | null {
    const index = this.events[Number(eventNumber) - 1];
    return index === undefined ? `(no event #${eventNumber})` : this.resolvedId(index);
  }

  private failures(): Record<string, string> {
    const failures: Record<string, string> = {};
    this.events.forEach((index, i) => {
      const failure = this.view?.outcome(index).failure;
      if (failure !== undefined) failures[String(i + 1)] = failure.code;
    });
    return failures;
  }

  private clusters(): string[][] {
    const clusters = this.view?.clusters() ?? [];
    return sortClusters(
      clusters.filter((c) => c.members.length >= 2).map((c) => c.members.map((m) => this.label(m.id))),
    );
  }

  private clusterSizes(ids: readonly string[]): Record<string, number> {
    const clusters = this.view?.clusters() ?? [];
    const sizes: Record<string, number> = {};
    for (const text of ids) {
      const id = this.fullId(text);
      const cluster = clusters.find((c) => c.members.some((m) => m.id === id));
      sizes[this.label(id)] = cluster?.members.length ?? 1;
    }
    return sizes;
  }

  private profileCounts(statuses: readonly string[]): Partial<Record<ProfileStatus, number>> {
    const profiles = this.view?.profiles() ?? [];
    return Object.fromEntries(
      statuses.map((status) => [status, profiles.filter((p) => p.status === status).length]),
    );
  }

  private profiles(
    expected: Readonly<Record<string, ProfileExpectation>>,
  ): Record<string, ProfileExpectation> {
    const withProperties = new Set(
      Object.entries(expected)
        .filter(([, p]) => p.properties !== undefined)
        .map(([id]) => this.expectedId(id)),
    );
    const profiles: Record<string, ProfileExpectation> = {};
    for (const profile of this.view?.profiles() ?? []) {
      const id = this.label(profile.distinctId);
      profiles[id] = withProperties.has(id)
        ? { status: profile.status, properties: profile.properties }
        : { status: profile.status };
    }
    return profiles;
  }
}

function sortClusters(clusters: string[][]): string[][] {
  return clusters.map((c) => [...c].sort()).sort((a, b) => a.join(' ').localeCompare(b.join(' ')));
}

function mapValues<T, U>(
  record: Readonly<Record<string, T>>,
  f: (value: T, key: string) => U,
): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, f(value, key)]));
}

function mapKeys<T>(record: Readonly<Record<string, T>>, f: (key: string) => string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [f(key), value]));
}

/** Events before a step whose resolved id that step changed: the cells the table highlights (DECISIONS.md). */
export function retroactiveChanges(resolution: Resolution, step: PlayedStep): number[] {
  const changed = new Set<number>();
  for (let record = step.firstRecord; record < step.endRecord; record++)
    for (const index of resolution.at(record).changedEvents())
      if (index < step.firstRecord) changed.add(index);
  return [...changed].sort((a, b) => a - b);
}
