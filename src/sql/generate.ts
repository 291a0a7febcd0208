// `idmerge sql`: one logical plan per mode, written out in the chosen dialect as a runnable script.
import { modeRules, OPTION_FLAGS, type Mode } from '../engine/index.ts';
import { DIALECT, type Dialect } from './dialects/index.ts';
import { EVENT_COLUMNS } from './eventsTable.ts';
import { checkPrefix, checkTableName, outputTables } from './names.ts';
import { legacyPlan } from './plan/legacy.ts';
import { originalPlan, ORIGINAL_LIMITS } from './plan/original.ts';
import { simplifiedPlan } from './plan/simplified.ts';
import type { SqlOptions, Statement } from './types.ts';

const PLANS: Record<Mode, (options: SqlOptions, dialect: Dialect) => Statement[]> = {
  simplified: simplifiedPlan,
  legacy: legacyPlan,
  original: originalPlan,
};

/** What each mode's plan cannot express (Original's order-dependent rules; the others none). */
const LIMITS: Record<Mode, readonly string[]> = {
  simplified: [],
  legacy: [],
  original: ORIGINAL_LIMITS,
};

/** The statements of the script, in order; each runner executes them one by one. */
export function generateStatements(options: SqlOptions): Statement[] {
  checkTableName(options.events);
  checkPrefix(options.prefix);
  const dialect = DIALECT[options.dialect];
  const setup = dialect.preamble.map((sql) => ({ comment: 'session setting', sql }));
  return [...setup, ...PLANS[options.mode](options, dialect)];
}

/** Rules a mode/dialect pair cannot express in SQL: printed in the script, `--help` and docs/warehouse.md. */
export function unsupportedRules(mode: Mode): readonly string[] {
  return LIMITS[mode];
}

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
  const body = statements.map((s) => `-- ${s.comment}\n${s.sql};`);
  return `${header.join('\n')}\n\n${body.join('\n\n')}\n`;
}

/** The options the mode reads (Q-1 … Q-12), as `--flag value`s without the dashes. */
function describeEngineOptions({ mode, engine }: SqlOptions): string {
  return modeRules(mode)
    .options.map((option) => `${OPTION_FLAGS[option]} ${engine[option]}`)
    .join(', ');
}
