// The validator names the field of every problem (and, in text, its line and column), the committed
// scenario.schema.json is the one generated from the schema, and the whole library passes.
import { describe, expect, it } from 'vitest';
import { MODES } from '../engine/index.ts';
import { DEVICE_KINDS, SDK_CALLS, SERVER_CALLS } from '../simulator/index.ts';
import { LIBRARY_FILES } from './library/index.ts';
import { loadLibrary, LibraryError } from './library/load.ts';
import { scenarioJsonSchema } from './jsonSchema.ts';
import schema from './scenario.schema.json' with { type: 'json' };
import {
  EXPECTATION_FIELDS,
  FAILURE_CODES,
  MAX_REPEAT,
  PROFILE_STATUSES,
  SCENARIO_GROUPS,
  SDK_VERSIONS,
} from './types.ts';
import { parseScenario, parseScenarioText } from './validate.ts';

type Json = Record<string, unknown>;

const defs = schema.$defs as unknown as Record<string, Json>;
const keysOf = (value: unknown) => Object.keys(value as Json);
const enumOf = (value: unknown) => (value as { enum: unknown[] }).enum;

/** A small valid scenario the bad cases start from. */
function base(): Json {
  return {
    id: 'tiny',
    title: 'Tiny',
    lesson: 'A lesson.',
    group: 'Simplified basics',
    modes: ['simplified'],
    devices: [
      { id: 'A', label: 'Laptop', kind: 'web' },
      { id: 'B', label: 'Backend', kind: 'server' },
    ],
    steps: [
      {
        device: 'A',
        call: 'track',
        args: ['Page View'],
        expect: { simplified: { distinctIds: ['$device:D1'] } },
      },
      { device: 'B', call: 'merge', args: ['x', 'y'] },
      { raw: { event: 'Page View', properties: { distinct_id: 'x' } }, channel: 'track' },
    ],
  };
}

/** Applies `change` to a fresh base scenario. */
function broken(change: (s: Json & { devices: Json[]; steps: Json[] }) => void): Json {
  const scenario = base() as Json & { devices: Json[]; steps: Json[] };
  change(scenario);
  return scenario;
}

const ALL_CALLS = [...new Set([...SDK_CALLS, ...SERVER_CALLS])].join(', ');
const CALLS_FOR_SERVER = SERVER_CALLS.join(', ');

/** Bad files: the message the validator must give (schemaSeesIt: whether a plain JSON Schema could see it). */
const BAD_FILES: ReadonlyArray<{ what: string; file: unknown; error: string; schemaSeesIt: boolean }> = [
  {
    what: 'a misspelt call',
    file: broken((s) => (s.steps[0] = { device: 'A', call: 'idntify', args: ['U1'] })),
    error: `steps[0].call: unknown call "idntify" (expected one of ${ALL_CALLS})`,
    schemaSeesIt: true,
  },
  {
    what: 'an unknown device kind',
    file: broken((s) => (s.devices[1] = { id: 'B', label: 'Watch', kind: 'watch' })),
    error: 'devices[1].kind: must be one of web, ios, android, server; got "watch"',
    schemaSeesIt: true,
  },
  {
    what: 'a step on an undeclared device',
    file: broken((s) => (s.steps[2] = { device: 'C', call: 'track', args: ['x'] })),
    error: 'steps[2].device: no device "C" (devices are A, B)',
    schemaSeesIt: false,
  },
  {
    what: 'a browser call on a server',
    file: broken((s) => (s.steps[1] = { device: 'B', call: 'reset' })),
    error: `steps[1].call: "reset" is not a call a server makes (expected one of ${CALLS_FOR_SERVER})`,
    schemaSeesIt: false,
  },
  {
    what: 'a server identify with one id',
    file: broken((s) => (s.steps[1] = { device: 'B', call: 'identify', args: ['U1'] })),
    error: 'steps[1].args: identify on a server takes identify(identified id, anon id); got 1 argument(s)',
    schemaSeesIt: false,
  },
  {
    what: 'a missing title',
    file: broken((s) => delete s['title']),
    error: 'title: is required',
    schemaSeesIt: true,
  },
  {
    what: 'an unknown step field',
    file: broken((s) => (s.steps[0] = { device: 'A', call: 'reset', colour: 'red' })),
    error: 'steps[0].colour: unknown field (expected device, call, args, note, expect)',
    schemaSeesIt: true,
  },
  {
    what: 'a misspelt mode',
    file: broken((s) => (s['modes'] = ['simplfied'])),
    error: 'modes[0]: must be one of simplified, original, legacy; got "simplfied"',
    schemaSeesIt: true,
  },
  {
    what: 'an expectation for a mode the scenario is not written for',
    file: broken(
      (s) => (s.steps[0] = { device: 'A', call: 'reset', expect: { legacy: { distinctIds: [] } } }),
    ),
    error: 'steps[0].expect.legacy: mode "legacy" is not in modes (simplified)',
    schemaSeesIt: false,
  },
  {
    what: 'an unknown failure code',
    file: broken(
      (s) =>
        (s.steps[0] = {
          device: 'A',
          call: 'reset',
          expect: { simplified: { failures: { '3': 'errFoo' } } },
        }),
    ),
    error: `steps[0].expect.simplified.failures["3"]: must be one of ${FAILURE_CODES.join(', ')}; got "errFoo"`,
    schemaSeesIt: true,
  },
  {
    what: 'failures keyed by something other than an event number',
    file: broken(
      (s) =>
        (s.steps[0] = {
          device: 'A',
          call: 'reset',
          expect: { simplified: { failures: { x: 'errSameIDs' } } },
        }),
    ),
    error: 'steps[0].expect.simplified.failures.x: keys must be event numbers (1, 2, …)',
    schemaSeesIt: true,
  },
  {
    what: 'an empty expectation',
    file: broken((s) => (s.steps[0] = { device: 'A', call: 'reset', expect: { simplified: {} } })),
    error: `steps[0].expect.simplified: give at least one of ${EXPECTATION_FIELDS.join(', ')}`,
    schemaSeesIt: true,
  },
  {
    what: 'a cluster of one id',
    file: broken(
      (s) => (s.steps[0] = { device: 'A', call: 'reset', expect: { simplified: { clusters: [['U1']] } } }),
    ),
    error:
      'steps[0].expect.simplified.clusters[0]: must be a list of at least two ids (single ids are not listed)',
    schemaSeesIt: true,
  },
  {
    what: 'a repeat of zero',
    file: broken((s) => (s.steps[0] = { repeat: 0, steps: [{ device: 'A', call: 'reset' }] })),
    error: `steps[0].repeat: must be a whole number from 1 to ${MAX_REPEAT}; got number 0`,
    schemaSeesIt: true,
  },
  {
    what: 'a note inside a repeat',
    file: broken((s) => (s.steps[0] = { repeat: 2, steps: [{ device: 'A', call: 'reset', note: 'x' }] })),
    error: 'steps[0].steps[0].note: unknown field (expected device, call, args)',
    schemaSeesIt: true,
  },
  {
    what: 'a raw record that is neither event nor profile update',
    file: broken((s) => (s.steps[2] = { raw: { name: 'x' } })),
    error: 'steps[2].raw: must be an event {event, properties} or a profile update {$distinct_id, $set…}',
    schemaSeesIt: true,
  },
  {
    what: 'a raw event whose channel contradicts the step',
    file: broken(
      (s) => (s.steps[2] = { raw: { event: 'x', properties: {}, channel: 'import' }, channel: 'track' }),
    ),
    error: 'steps[2].raw.channel: says import but the step\'s channel says "track"',
    schemaSeesIt: false,
  },
  {
    what: 'an id that is not kebab-case',
    file: broken((s) => (s['id'] = 'Tiny Scenario')),
    error: 'id: must be kebab-case (lower-case words joined by dashes); got "Tiny Scenario"',
    schemaSeesIt: true,
  },
  {
    what: 'a device declared twice',
    file: broken((s) => (s.devices[1] = { id: 'A', label: 'Again', kind: 'web' })),
    error: 'devices[1].id: device "A" is declared twice',
    schemaSeesIt: false,
  },
  {
    what: 'a list instead of a scenario',
    file: [],
    error: '(scenario): must be an object; got a list',
    schemaSeesIt: true,
  },
];

describe('parseScenario', () => {
  it('accepts the base scenario', () => {
    expect(parseScenario(base())).toMatchObject({ ok: true });
  });

  it.each(BAD_FILES)('names the field: $what', ({ file, error }) => {
    const parsed = parseScenario(file);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.errors).toContain(error);
  });

  it.each(BAD_FILES)('places the problem in the file: $what', ({ file, error }) => {
    const text = JSON.stringify(file, null, 2);
    const parsed = parseScenarioText(text);
    const problem = parsed.ok ? undefined : parsed.problems[parsed.errors.indexOf(error)];
    const lineText = text.split('\n')[(problem?.line ?? 0) - 1] ?? '';
    const at = lineText.slice((problem?.column ?? 1) - 1);
    // A field in the file is placed at its key; a missing one at the object that lacks it; a list item at its value.
    const key = problem?.path.at(-1);
    if (typeof key === 'string') expect(at.startsWith(`"${key}"`) || at === '{').toBe(true);
    else expect(at).toMatch(/^[[{"\dtfn-]/);
  });

  it('reports every problem at once', () => {
    const parsed = parseScenario({ ...base(), title: '', group: 'Misc', steps: [] });
    expect(parsed.ok ? [] : parsed.errors).toEqual([
      'title: must be a non-empty string; got ""',
      'group: must be one of ' + SCENARIO_GROUPS.join(', ') + '; got "Misc"',
      'steps: must be a non-empty list of steps; got a list',
    ]);
  });

  it('accepts repeats, raw profile updates and every expectation field, as the schema does', () => {
    const rich = broken((s) => {
      s.steps.push(
        {
          repeat: 3,
          steps: [{ device: 'A', call: 'reset' }, { raw: { $distinct_id: 'U1', $set: { a: 1 } } }],
        },
        {
          raw: { $distinct_id: 'U1', $unset: ['a'] },
          expect: {
            simplified: {
              distinctIds: ['U1', null, 'canon(U1)'],
              distinctIdAt: { '2': null },
              failures: { '1': 'errSameIDs' },
              clusters: [['U1', '$device:D1']],
              clusterSizes: { U1: 2 },
              profiles: { U1: { status: 'visible', properties: {} } },
              profileCounts: { hidden: 0 },
            },
          },
        },
      );
    });
    expect(parseScenario(rich)).toMatchObject({ ok: true });
  });

  it('reports JSON syntax errors as a problem of the file', () => {
    const parsed = parseScenarioText('{"id": ');
    expect(parsed.ok ? [] : parsed.errors[0]).toMatch(/^\(file\): not valid JSON: /);
  });
});

describe('scenario.schema.json', () => {
  it('is the schema generated from schema.ts (npm run generate:schema)', () => {
    expect(schema).toEqual(scenarioJsonSchema());
  });

  it('lists the same calls, kinds, modes, groups and codes as the code', () => {
    expect(enumOf(defs['call'])).toEqual([...new Set([...SDK_CALLS, ...SERVER_CALLS])]);
    expect(enumOf((defs['device']?.['properties'] as Json)['kind'])).toEqual(DEVICE_KINDS);
    expect(enumOf(defs['mode'])).toEqual(MODES);
    expect(enumOf(schema.properties.group)).toEqual(SCENARIO_GROUPS);
    expect(enumOf(schema.properties.sdkVersion)).toEqual(SDK_VERSIONS);
    expect(enumOf(defs['failureCode'])).toEqual(FAILURE_CODES);
    expect(keysOf(defs['modeExpectation']?.['properties'])).toEqual(EXPECTATION_FIELDS);
    expect(keysOf(defs['expectations']?.['properties'])).toEqual(MODES);
    const profile = (defs['modeExpectation']?.['properties'] as Json)['profiles'] as Json;
    expect(enumOf(((profile['additionalProperties'] as Json)['properties'] as Json)['status'])).toEqual(
      PROFILE_STATUSES,
    );
  });

  it('states the step fields and limits the validator enforces', () => {
    expect(keysOf(defs['callStep']?.['properties'])).toEqual(['device', 'call', 'args', 'note', 'expect']);
    expect(keysOf(defs['rawStep']?.['properties'])).toEqual(['raw', 'channel', 'note', 'expect']);
    expect(keysOf(defs['repeatStep']?.['properties'])).toEqual(['repeat', 'steps', 'note', 'expect']);
    expect(((defs['repeatStep']?.['properties'] as Json)['repeat'] as Json)['maximum']).toBe(MAX_REPEAT);
  });
});

describe('the library files', () => {
  it.each(LIBRARY_FILES.map(([name, json]) => [name, json] as const))(
    '%s passes the validator',
    (name, json) => {
      expect(parseScenario(json)).toMatchObject({ ok: true });
      expect((json as Json)['$schema']).toBe('../scenario.schema.json');
      expect(`${(json as Json)['id'] as string}.json`).toBe(name);
    },
  );

  it('fails loudly, with the validator messages, when a file is broken', () => {
    const bad = broken((s) => (s.steps[0] = { device: 'A', call: 'idntify' }));
    const load = () => loadLibrary([['tiny.json', bad]]);
    expect(load).toThrow(LibraryError);
    expect(load).toThrow(/tiny\.json: steps\[0\]\.call: unknown call "idntify"/);
  });

  it('refuses two files with one id', () => {
    expect(() =>
      loadLibrary([
        ['tiny.json', base()],
        ['tiny.json', base()],
      ]),
    ).toThrow(/"tiny" is used twice/);
  });
});
