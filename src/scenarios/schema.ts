// The one definition of the scenario format (zod 4). The TypeScript types (types.ts), the published JSON Schema
// (scenario.schema.json, written by scripts/generate-scenario-schema.ts) and the validator (validate.ts) all come
// from here. Rules a JSON Schema cannot state (a step's device is declared, …) are in crossChecks.ts.
import { z } from 'zod';
import { MODES, type Mode } from '../engine/index.ts';
import { DEVICE_KINDS, SDK_CALLS, SERVER_CALLS, type DeviceKind } from '../simulator/index.ts';
import { checkAcrossFields } from './crossChecks.ts';
import { describeValue } from './describe.ts';
import {
  CHANNELS,
  EXPECTATION_FIELDS,
  FAILURE_CODES,
  MAX_REPEAT,
  PROFILE_STATUSES,
  SCENARIO_GROUPS,
  SDK_VERSIONS,
} from './vocabulary.ts';

/**
 * The message a union gives when the value's shape picks one branch: the formatter (problems.ts) then reports that
 * branch's own problems instead of "matches none". Followed by the branch index.
 */
export const PICK_BRANCH = '@branch:';

type Issue = { readonly input?: unknown };
const got = (issue: Issue) => `; got ${describeValue(issue.input)}`;
/** An error function: `message; got <the value>`. */
const saying = (message: string) => (issue: Issue) => message + got(issue);

/** A strict object whose unknown-field message lists the fields it allows. */
function strict<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') return `(expected ${Object.keys(shape).join(', ')})`;
      return issue.code === 'invalid_type' ? saying('must be an object')(issue) : undefined;
    },
  });
}

function text(description?: string) {
  const error = saying('must be a non-empty string');
  const schema = z.string({ error }).min(1, { error }).regex(/\S/, { error });
  return description === undefined ? schema : schema.meta({ description });
}

function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: saying(`must be one of ${values.join(', ')}`) });
}

const tuple = <T extends string>(values: readonly T[]) => values as unknown as readonly [T, ...T[]];
const ALL_CALLS = tuple([...new Set([...SDK_CALLS, ...SERVER_CALLS])]);
const EVENT_NUMBER = /^[1-9][0-9]*$/;
const anyObject = (what = 'must be an object') => z.record(z.string(), z.unknown(), { error: saying(what) });

const mode = choice(tuple<Mode>(MODES)).meta({ id: 'mode' });
const failureCode = choice(tuple(FAILURE_CODES)).meta({ id: 'failureCode' });
const channel = choice(CHANNELS).meta({
  id: 'channel',
  description: 'How the record reached Mixpanel; $merge counts only through import (O-13).',
});
const id = z.string({ error: saying('must be an id') }).meta({
  id: 'id',
  description:
    'An id as written in expectations: literal, or D1 / $device:D1 (the scenario’s generated device ids in order), or canon(X) (the canonical id of X’s cluster).',
});
const idOrNull = z.union([id, z.null()], { error: saying('must be an id (string) or null') });

const device = strict({
  id: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, {
      error: saying('must be a short name of letters, digits, _ or - starting with a letter'),
    })
    .meta({ description: 'What steps name, e.g. "A". Unique.' }),
  label: text('What the learner reads, e.g. "Alice’s laptop".'),
  kind: choice(tuple<DeviceKind>(DEVICE_KINDS)),
}).meta({ id: 'device' });

/** Values keyed by event number (1-based). */
function byEventNumber<T extends z.ZodType>(value: T, description: string) {
  const key = z.string().regex(EVENT_NUMBER, { error: 'keys must be event numbers (1, 2, …)' });
  return z
    .record(key, value, { error: saying('must be an object keyed by event number') })
    .meta({ description })
    .optional();
}

const count = (least: number) =>
  z.int({ error: saying(`must be a whole number of at least ${least}`) }).min(least, {
    error: saying(`must be a whole number of at least ${least}`),
  });

const profileExpectation = strict({
  status: choice(PROFILE_STATUSES),
  properties: anyObject().optional(),
});

const modeExpectationShape = {
  distinctIds: z
    .array(idOrNull, { error: saying('must be a list of ids (null for a rejected event)') })
    .meta({
      description:
        'The resolved distinct_id of every event sent so far, in order (identity events included, profile updates excluded); null = rejected (LIM-1).',
    })
    .optional(),
  distinctIdAt: byEventNumber(
    idOrNull,
    'The resolved distinct_id of some events, by event number (1-based).',
  ),
  failures: byEventNumber(failureCode, 'Every failed identity request so far, event number → failure code.'),
  clusters: z
    .array(z.array(id).min(2, { error: 'must be a list of at least two ids (single ids are not listed)' }), {
      error: saying('must be a list of clusters (lists of ids)'),
    })
    .meta({ description: 'Every cluster of two or more ids, exactly; order does not matter.' })
    .optional(),
  clusterSizes: z
    .record(z.string(), count(1), { error: saying('must be an object keyed by id') })
    .meta({ description: 'The number of ids in the cluster of each id named.' })
    .optional(),
  profiles: z
    .record(z.string(), profileExpectation, { error: saying('must be an object keyed by id') })
    .meta({ description: 'Every profile, by the distinct_id it lives under.' })
    .optional(),
  profileCounts: z
    .partialRecord(choice(PROFILE_STATUSES), count(0), { error: saying('must be an object keyed by status') })
    .meta({
      description:
        'How many profiles have each status named (O-17, where which profile survives depends on the undocumented canonical choice, Q-5).',
    })
    .optional(),
} satisfies Record<(typeof EXPECTATION_FIELDS)[number], z.ZodType>;

const modeExpectation = strict(modeExpectationShape)
  .refine((value) => EXPECTATION_FIELDS.some((field) => value[field] !== undefined), {
    error: `give at least one of ${EXPECTATION_FIELDS.join(', ')}`,
  })
  .meta({ id: 'modeExpectation', minProperties: 1 });

const expectations = strict(
  Object.fromEntries(MODES.map((m) => [m, modeExpectation.optional()])) as Record<
    Mode,
    z.ZodOptional<typeof modeExpectation>
  >,
).meta({ id: 'expectations', description: 'What each mode must show right after the step, keyed by mode.' });

const note = text('Shown to the learner at this step: what happens and why, citing rule ids.').meta({
  id: 'note',
});
const common = { note: note.optional(), expect: expectations.optional() };

const call = z
  .enum(ALL_CALLS, {
    error: (issue) => `unknown call ${describeValue(issue.input)} (expected one of ${ALL_CALLS.join(', ')})`,
  })
  .meta({
    id: 'call',
    description: `SDK calls (web, ios, android): ${SDK_CALLS.join(', ')}. Server calls: ${SERVER_CALLS.join(', ')}.`,
  });
const plainCallShape = {
  device: text(),
  call,
  args: z.array(z.unknown(), { error: saying('must be a list of arguments') }).optional(),
};

const RAW_WHAT = 'must be an event {event, properties} or a profile update {$distinct_id, $set…}';
const rawEvent = strict({
  event: z
    .string({ error: saying('must be a non-empty string') })
    .min(1, { error: saying('must be a non-empty string') }),
  properties: anyObject(),
  channel: channel.optional(),
}).meta({ id: 'rawEvent' });

const profileObject = () => anyObject().optional();
const rawProfile = z
  .looseObject({
    $distinct_id: z.union([z.string().min(1), z.number()], {
      error: saying('must be a non-empty string or a number'),
    }),
    $set: profileObject(),
    $set_once: profileObject(),
    $add: profileObject(),
    $append: profileObject(),
    $union: profileObject(),
    $remove: profileObject(),
    $unset: z.array(z.string(), { error: saying('must be a list of property names') }).optional(),
  })
  .superRefine((value, context) => {
    for (const key of Object.keys(value))
      if (!key.startsWith('$'))
        context.addIssue({
          code: 'custom',
          path: [key],
          message: 'a profile update has only $-fields ($distinct_id, $set, …)',
        });
  })
  .meta({
    id: 'rawProfile',
    description: 'A profile (engage) update: only $-fields.',
    propertyNames: { pattern: '^\\$' },
  });

const rawRecord = z
  .union([rawEvent, rawProfile], {
    error: (issue) => {
      const input = issue.input;
      if (typeof input !== 'object' || input === null || Array.isArray(input)) return RAW_WHAT + got(issue);
      if ('event' in input) return `${PICK_BRANCH}0`;
      if ('$distinct_id' in input) return `${PICK_BRANCH}1`;
      return RAW_WHAT;
    },
  })
  .meta({ id: 'rawRecord' });

const plainRawShape = { raw: rawRecord, channel: channel.optional() };

const plainCallStep = strict(plainCallShape).meta({ id: 'plainCallStep' });
const plainRawStep = strict(plainRawShape).meta({ id: 'plainRawStep' });
const callStep = strict({ ...plainCallShape, ...common }).meta({
  id: 'callStep',
  description:
    'A call on a simulated device: SDK calls on web/ios/android, server-library calls on a server.',
});
const rawStep = strict({ ...plainRawShape, ...common }).meta({
  id: 'rawStep',
  description: 'A record that came from no simulated SDK, sent as is; channel defaults to import.',
});

const STEP_WHAT = 'must be a call {device, call, args?}, a raw record {raw} or a repeat {repeat, steps}';
/** Picks the branch a step's own keys ask for, so its problems are reported rather than "matches none". */
function stepBranch(allowRepeat: boolean) {
  return (issue: Issue): string => {
    const input = issue.input;
    if (typeof input !== 'object' || input === null || Array.isArray(input))
      return saying('must be an object')(issue);
    if ('repeat' in input) return allowRepeat ? `${PICK_BRANCH}2` : 'repeats cannot be nested';
    if ('raw' in input) return `${PICK_BRANCH}1`;
    if ('call' in input || 'device' in input) return `${PICK_BRANCH}0`;
    return STEP_WHAT;
  };
}

const plainStep = z
  .union([plainCallStep, plainRawStep], { error: stepBranch(false) })
  .meta({ id: 'plainStep', description: 'A step inside a repeat: no note or expectation of its own.' });

const repeatError = saying(`must be a whole number from 1 to ${MAX_REPEAT}`);
const repeatStep = strict({
  repeat: z
    .int({ error: repeatError })
    .min(1, { error: repeatError })
    .max(MAX_REPEAT, { error: repeatError }),
  steps: z
    .array(plainStep, { error: saying('must be a non-empty list of call or raw steps') })
    .min(1, { error: saying('must be a non-empty list of call or raw steps') }),
  ...common,
}).meta({
  id: 'repeatStep',
  description:
    'The compact form for long stories (SC-O7): steps played `repeat` times, one step of the timeline.',
});

const step = z.union([callStep, rawStep, repeatStep], { error: stepBranch(true) }).meta({ id: 'step' });

const stepsError = saying('must be a non-empty list of steps');
const modesError = saying(`must be a non-empty list of ${MODES.join(', ')}`);
const ruleError = saying('must be a rule id such as "S-6" or "SC-O7"');

/** The fields of a scenario, without the checks across fields. */
export const scenarioShape = {
  $schema: text().optional(),
  id: z
    .string({ error: saying('must be a non-empty string') })
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
      error: saying('must be kebab-case (lower-case words joined by dashes)'),
    })
    .meta({
      description:
        'Kebab-case id, unique in the library; also the default seed and what `idmerge simulate <id>` accepts.',
    }),
  title: text(),
  lesson: text(
    'Two or three plain sentences: the one thing the scenario teaches. Required in the library.',
  ).optional(),
  group: choice(SCENARIO_GROUPS)
    .meta({ description: 'The lesson group the scenario picker files it under. Required in the library.' })
    .optional(),
  modes: z.array(mode, { error: modesError }).min(1, { error: modesError }).meta({
    uniqueItems: true,
    description:
      'The modes the story is written for and checked in (expectations may name only these). Every scenario still plays in all three modes.',
  }),
  rules: z
    .array(z.string({ error: ruleError }).regex(/^[A-Z]+(-[A-Z0-9]+)+$/, { error: ruleError }), {
      error: saying('must be a list of rule ids such as "S-6"'),
    })
    .meta({ description: 'Spec rules and catalogue entries the scenario illustrates.' })
    .optional(),
  sdkVersion: choice(SDK_VERSIONS)
    .meta({ description: 'current: mixpanel-browser ≥ 2.46 ($device: prefix); legacy: before 2.46 (SDK-1).' })
    .optional(),
  seed: text('Seed of the id generator; default: the scenario id.').optional(),
  view: strict({
    identityEvents: choice(['shown', 'hidden'])
      .meta({
        description:
          'Whether the app shows $identify/$create_alias/$merge rows by default (Mixpanel’s guide tables do not).',
      })
      .optional(),
  }).optional(),
  devices: z.array(device, { error: saying('must be a list of devices {id, label, kind}') }),
  steps: z.array(step, { error: stepsError }).min(1, { error: stepsError }),
};

const SCENARIO_META = {
  title: 'ID Merge Lab scenario',
  description:
    'A story told as SDK calls and raw events, with the distinct_ids each mode must resolve after a step. Generated from src/scenarios/schema.ts, which also checks what a schema cannot: every step’s device is declared, its call is one that device’s kind makes, its number of arguments fits the call, every mode in an expectation is listed in modes, and a raw step’s channel agrees with its event’s.',
};

/**
 * The scenario format, as users write it (a lesson and a group are optional): the validator
 * (`ScenarioSchema.safeParse`), the type (`z.output`) and the published JSON Schema.
 */
export const ScenarioSchema = strict(scenarioShape)
  .superRefine(checkAcrossFields, { when: () => true })
  .meta(SCENARIO_META);

/** A library scenario: the same format, with the lesson and the picker group required. */
export const LibraryScenarioSchema = strict({
  ...scenarioShape,
  lesson: scenarioShape.lesson.unwrap(),
  group: scenarioShape.group.unwrap(),
}).superRefine(checkAcrossFields, { when: () => true });

/** The parts of the format other modules name (types.ts infers their types). */
export const ScenarioParts = {
  device,
  step,
  plainStep,
  callStep,
  rawStep,
  repeatStep,
  plainCallStep,
  plainRawStep,
  rawRecord,
  expectations,
  modeExpectation,
  profileExpectation,
};
