// `idmerge sql`: one logical plan per mode, written out in the chosen dialect as a runnable script.
import { modeRules, OPTION_FLAGS, type Mode } from '../engine/index.ts';
import { DIALECT, type Dialect } from './dialects/index.ts';
import { EVENT_COLUMNS } from './eventsTable.ts';
import { checkPrefix, checkTableName, outputTables } from './names.ts';
import { LEGACY_LIMITS, legacyPlan } from './plan/legacy.ts';
import { originalPlan, ORIGINAL_LIMITS } from './plan/original.ts';
import { simplifiedPlan } from './plan/simplified.ts';
import { isRepeatedBlock, type RepeatedBlock, type ScriptStep, type SqlOptions } from './types.ts';

const PLANS: Record<Mode, (options: SqlOptions, dialect: Dialect) => ScriptStep[]> = {
  simplified: simplifiedPlan,
  legacy: legacyPlan,
  original: originalPlan,
};

/** The steps of the script, in order; each runner executes them one by one, repeating blocks while work is pending. */
export function generateStatements(options: SqlOptions): ScriptStep[] {
  return planSteps(options, DIALECT[options.dialect]);
}

/** The same for a given dialect object (the tests pass one without its loop, to parse the loop's body alone). */
export function planSteps(options: SqlOptions, dialect: Dialect): ScriptStep[] {
  checkTableName(options.events);
  checkPrefix(options.prefix);
  const setup = dialect.preamble.map((sql) => ({ comment: 'session setting', sql }));
  return [...setup, ...PLANS[options.mode](options, dialect)];
}

/** Rules a mode/dialect pair cannot express in SQL: printed in the script, `--help` and docs/warehouse.md. */
export function unsupportedRules(mode: Mode): readonly string[] {
  return UNSUPPORTED[mode];
}

const UNSUPPORTED: Record<Mode, readonly string[]> = {
  simplified: [],
  legacy: LEGACY_LIMITS,
  original: ORIGINAL_LIMITS,
};

/** The whole script as text, with a header naming the mode, the tables and what it cannot express. */
export function generateScript(options: SqlOptions): string {
  const statements = generateStatements(options);
  const out = outputTables(options.prefix);
  const header = [
    `-- ID Merge Lab: ${options.mode} identity resolution in ${options.dialect} SQL (idmerge sql).`,
    `-- Reads ${options.events}; creates ${out.mappings} (distinct_id, resolved_distinct_id) and ${out.resolvedEvents}.`,
    `-- Options: ${describeEngineOptions(options)}.`,
    '-- The events table:',
    ...EVENT_COLUMNS.map((column) => `--   ${column.name}: ${column.doc}`),
    ...unsupportedRules(options.mode).map((rule) => `-- NOT EXPRESSED: ${rule}`),
  ];
  const body = statements.map((s) => (isRepeatedBlock(s) ? repeatedText(s) : `-- ${s.comment}\n${s.sql};`));
  return `${header.join('\n')}\n\n${body.join('\n\n')}\n`;
}

/** A block the driver repeats, marked so a person running the script by hand can do the same. */
function repeatedText(block: RepeatedBlock): string {
  return [
    `-- ${block.comment}`,
    '-- REPEAT the statements from BEGIN REPEAT to END REPEAT while this query returns more than 0',
    `-- (this dialect has no loop statement): SELECT COUNT(*) AS pending ${block.pending.replace(/\n/g, ' ')};`,
    '-- BEGIN REPEAT',
    ...block.body.map((s) => `-- ${s.comment}\n${s.sql};`),
    '-- END REPEAT',
  ].join('\n\n');
}

/** The options the mode reads (Q-1 … Q-12), as `--flag value`s without the dashes. */
function describeEngineOptions({ mode, engine }: SqlOptions): string {
  return modeRules(mode)
    .options.map((option) => `${OPTION_FLAGS[option]} ${engine[option]}`)
    .join(', ');
}
