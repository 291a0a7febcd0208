// `idmerge resolve` on streams the real mixpanel-browser sent for library scenarios agrees with their expectations.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { playableByRealSdk } from '../../e2e/support/realSdk.ts';
import type { Mode } from '../engine/index.ts';
import { findScenario, LIBRARY } from '../scenarios/library/index.ts';
import { describeStep } from '../scenarios/play.ts';
import type { ModeExpectation, Scenario } from '../scenarios/types.ts';
import { cli, tempFile } from './test/runCli.ts';

const FIXTURE_DIR = fileURLToPath(new URL('./fixtures/real-sdk/', import.meta.url));
/** The expectation fields the CLI's output can answer; profiles are passed through, not resolved. */
const CHECKED = ['distinctIds', 'failures', 'clusters'] as const;
/** The mixpanel-browser installed now: fixtures from another version must be refreshed. */
const INSTALLED_SDK = (createRequire(import.meta.url)('mixpanel-browser/package.json') as { version: string })
  .version;
/** Fixtures where a second device or a reset makes the order of device ids worth checking (see below). */
const ORDER_WITNESSES = ['returning-user', 'multiple-users-one-device'];

/** The capture script's sidecar (`<id>.devices.json`). */
interface CaptureNotes {
  readonly scenario: string;
  readonly sdk: string;
  readonly generatedDeviceIds: readonly { device: string; deviceId: string }[];
  readonly steps: readonly { description: string; endRecord: number }[];
}

interface Fixture {
  readonly scenario: Scenario;
  readonly path: string;
  readonly lines: readonly string[];
  readonly notes: CaptureNotes;
}

type Mapping = { distinct_id: string; resolved_distinct_id: string };
type Line = { event?: string; properties?: Record<string, unknown> };
/** What the CLI says, in the shape of a step's expectation. */
interface Observed {
  distinctIds?: (string | null)[];
  failures?: Record<string, string>;
  clusters?: string[][];
}

function loadFixtures(): Fixture[] {
  const names = readdirSync(FIXTURE_DIR).filter((name) => name.endsWith('.ndjson'));
  return names.sort().map((name) => {
    const id = name.slice(0, -'.ndjson'.length);
    const scenario = findScenario(id);
    if (scenario === undefined) throw new Error(`${name}: no library scenario "${id}"`);
    const path = FIXTURE_DIR + name;
    const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
    const notes = JSON.parse(readFileSync(`${FIXTURE_DIR}${id}.devices.json`, 'utf8')) as CaptureNotes;
    return { scenario, path, lines, notes };
  });
}

const FIXTURES = loadFixtures();

/** Every `$device_id` the stream carries, in the order each first appears (events and profile updates). */
function deviceIdsByFirstAppearance(lines: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const line of lines) {
    const record = JSON.parse(line) as Line & { $device_id?: unknown };
    const id = record.properties?.['$device_id'] ?? record.$device_id;
    if (typeof id === 'string') seen.add(id);
  }
  return [...seen];
}

/** The step whose expectation is checked: the last one with something the CLI can answer in this mode. */
function lastCheckedStep(scenario: Scenario, mode: Mode): number {
  const checkable = (e: ModeExpectation | undefined) => CHECKED.some((field) => e?.[field] !== undefined);
  return scenario.steps.findLastIndex((step) => checkable(step.expect?.[mode]));
}

/** The stream as it stood after `step`: the whole file, or its first lines in a temporary file. */
function streamUpTo(fixture: Fixture, step: number): string {
  const end = fixture.notes.steps[step]?.endRecord ?? fixture.lines.length;
  if (end === fixture.lines.length) return fixture.path;
  return tempFile(`${fixture.scenario.id}.ndjson`, fixture.lines.slice(0, end).join('\n') + '\n');
}

async function resolveEvents(mode: Mode, file: string): Promise<Line[]> {
  const run = await cli(['resolve', '--mode', mode, file]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return parse<Line>(run.stdout).filter((line) => line.event !== undefined);
}

async function resolveMappings(mode: Mode, file: string): Promise<Mapping[]> {
  const run = await cli(['resolve', '--mode', mode, '--mappings', file]);
  expect(run.stderr).toBe('');
  return parse<Mapping>(run.stdout);
}

function parse<T>(text: string): T[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);
}

/** Clusters of two or more ids by canonical id, from the mappings table (G-6): every member maps to it. */
function clustersOf(mappings: readonly Mapping[]): Map<string, string[]> {
  const clusters = new Map<string, string[]>();
  for (const { distinct_id: id, resolved_distinct_id: canonical } of mappings) {
    // A canonical id resolves to itself, so it never has a row of its own: no chains.
    expect(
      mappings.some((row) => row.distinct_id === canonical),
      `${canonical} is canonical`,
    ).toBe(false);
    clusters.set(canonical, [...(clusters.get(canonical) ?? [canonical]), id]);
  }
  return clusters;
}

/** Reads ids as the expectations write them, and writes real ids back that way, for readable diffs. */
class IdNames {
  private readonly short = new Map<string, string>();

  constructor(
    private readonly deviceIds: readonly string[],
    private readonly clusters: ReadonlyMap<string, readonly string[]>,
  ) {
    deviceIds.forEach((id, i) => {
      this.short.set(id, `D${i + 1}`);
      this.short.set(`$device:${id}`, `$device:D${i + 1}`);
    });
  }

  /** An expected id → the real id, short again: D1 and $device:D1 as themselves, canon(X) as the CLI's canonical. */
  expected(text: string): string {
    const canon = /^canon\((.+)\)$/.exec(text);
    return this.shown(canon?.[1] === undefined ? this.full(text) : this.canonicalOf(this.full(canon[1])));
  }

  /** A real id as the expectations write it (an arrow, so it can be passed to map). */
  readonly shown = (id: string): string => this.short.get(id) ?? id;

  private full(text: string): string {
    const alias = /^(\$device:)?D([1-9][0-9]*)$/.exec(text);
    if (alias === null) return text;
    const id = this.deviceIds[Number(alias[2]) - 1];
    if (id === undefined)
      throw new RangeError(`${text}: only ${this.deviceIds.length} device ids were captured`);
    return `${alias[1] ?? ''}${id}`;
  }

  /** The canonical id of the cluster holding `id` (itself when alone), checked to be one of its members. */
  private canonicalOf(id: string): string {
    const [canonical, members] = [...this.clusters].find(([, m]) => m.includes(id)) ?? [id, [id]];
    expect(members, `canon(${this.shown(id)})`).toContain(canonical);
    return canonical;
  }
}

function expectedView(e: ModeExpectation, names: IdNames): Observed {
  const view: Observed = {};
  if (e.distinctIds) view.distinctIds = e.distinctIds.map((id) => (id === null ? null : names.expected(id)));
  if (e.failures) view.failures = { ...e.failures };
  if (e.clusters) view.clusters = sortClusters(e.clusters.map((c) => c.map((id) => names.expected(id))));
  return view;
}

function actualView(
  e: ModeExpectation,
  events: readonly Line[],
  clusters: ReadonlyMap<string, readonly string[]>,
  names: IdNames,
): Observed {
  const view: Observed = {};
  const shown = (id: unknown) => (typeof id === 'string' ? names.shown(id) : null);
  if (e.distinctIds) view.distinctIds = events.map((line) => shown(line.properties?.['distinct_id']));
  if (e.failures) view.failures = failuresOf(events);
  if (e.clusters) view.clusters = sortClusters([...clusters.values()].map((c) => c.map(names.shown)));
  return view;
}

/** Event number (1-based) → failure code, as the CLI writes it (G-7 on Simplified, O-16 otherwise). */
function failuresOf(events: readonly Line[]): Record<string, string> {
  const failures: Record<string, string> = {};
  events.forEach((line, i) => {
    const code = line.properties?.['$identity_failure_reason'] ?? line.properties?.['$failure_reason'];
    if (typeof code === 'string') failures[String(i + 1)] = code;
  });
  return failures;
}

function sortClusters(clusters: string[][]): string[][] {
  return clusters.map((c) => [...c].sort()).sort((a, b) => a.join(' ').localeCompare(b.join(' ')));
}

const generatedIds = (notes: CaptureNotes) => notes.generatedDeviceIds.map((g) => g.deviceId);

describe('real mixpanel-browser streams', () => {
  it('has a fixture for every library scenario the real SDK can play, captured from its current steps', () => {
    const playable = LIBRARY.filter(playableByRealSdk).map((s) => s.id);
    expect(FIXTURES.map((f) => f.scenario.id)).toEqual([...playable].sort());
    for (const { scenario, notes } of FIXTURES) {
      const described = scenario.steps.map((step) => describeStep(scenario, step));
      expect(
        notes.steps.map((s) => s.description),
        `${scenario.id}: refresh the fixture`,
      ).toEqual(described);
    }
  });

  it('was captured from the installed mixpanel-browser', () => {
    for (const { scenario, notes } of FIXTURES)
      expect(notes.sdk, `${scenario.id}: refresh the fixture`).toBe(`mixpanel-browser ${INSTALLED_SDK}`);
  });

  it('carries only device ids the SDKs generated, first appearing in the order they were generated', () => {
    for (const { scenario, lines, notes } of FIXTURES) {
      const appeared = deviceIdsByFirstAppearance(lines);
      expect(generatedIds(notes), scenario.id).toEqual(expect.arrayContaining(appeared));
      // D1, D2 … are numbered by generation (the sidecar); here both orders agree, so either reading holds.
      if (ORDER_WITNESSES.includes(scenario.id)) expect(appeared, scenario.id).toEqual(generatedIds(notes));
    }
  });

  describe.each(FIXTURES.map((f) => [f.scenario.id, f] as const))('%s', (_id, fixture) => {
    it.each(fixture.scenario.modes.map((mode) => [mode]))(
      'resolves as the scenario expects: %s',
      async (mode) => {
        const stepIndex = lastCheckedStep(fixture.scenario, mode);
        const expectation = fixture.scenario.steps[stepIndex]?.expect?.[mode];
        if (expectation === undefined) throw new Error(`${fixture.scenario.id} expects nothing of ${mode}`);
        const file = streamUpTo(fixture, stepIndex);
        const [events, mappings] = [await resolveEvents(mode, file), await resolveMappings(mode, file)];
        const clusters = clustersOf(mappings);
        const names = new IdNames(generatedIds(fixture.notes), clusters);
        const step = `after steps[${stepIndex}]`;
        expect(actualView(expectation, events, clusters, names), step).toEqual(
          expectedView(expectation, names),
        );
      },
    );
  });
});
