// `idmerge sql --dbt`: the same plan as dbt models, one file per table, reading the events as a dbt source.
import { generateStatements } from './generate.ts';
import { outputTables } from './names.ts';
import { DIALECT } from './dialects/index.ts';
import { isRepeatedBlock, type ScriptStep, type SqlOptions, type Statement } from './types.ts';

export interface DbtFile {
  /** Path inside the models folder. */
  readonly path: string;
  readonly text: string;
}

const CREATE = /^CREATE (?:OR REPLACE )?TABLE (\S+)(?: ENGINE = [^\n]*?)? AS\n/;

/**
 * dbt models for `options` (its prefix and events table are replaced by dbt's own naming): each table of the script
 * becomes a model materialized as a table, each reference to another becomes `ref()`, the events a `source()`.
 */
export function dbtModels(options: SqlOptions): DbtFile[] {
  const plain = { ...options, prefix: '', events: 'events' };
  const steps = generateStatements(plain);
  const preamble = DIALECT[options.dialect].preamble;
  const loops = (step: ScriptStep) =>
    isRepeatedBlock(step) || (!CREATE.test(step.sql) && !preamble.includes(step.sql));
  if (steps.some(loops))
    throw new RangeError(
      `dbt models are one SELECT each, and ${options.mode} needs ordered rounds (a loop): run the script from idmerge sql instead (for example in a dbt run-operation or a pre-hook)`,
    );
  const statements = steps.filter((s): s is Statement => !isRepeatedBlock(s));
  const names = statements.map((s) => CREATE.exec(s.sql)?.[1] ?? '');
  const settings = options.dialect === 'clickhouse' ? ", settings={'join_use_nulls': 1}" : '';
  const models = statements.map((statement, i) => {
    let select = statement.sql.replace(CREATE, '');
    for (const name of names)
      select = select.replace(new RegExp(`\\b${name}\\b`, 'g'), `{{ ref('${name}') }}`);
    select = select.replace(/\bFROM events\b/g, "FROM {{ source('mixpanel', 'events') }}");
    const config = `{{ config(materialized='table'${settings}) }}`;
    return {
      path: `idmerge/${names[i] ?? ''}.sql`,
      text: `-- ${statement.comment}\n${config}\n\n${select}\n`,
    };
  });
  return [...models, sourcesFile(options), schemaFile()];
}

function sourcesFile(options: SqlOptions): DbtFile {
  const [schema, table] = options.events.includes('.')
    ? [
        options.events.slice(0, options.events.lastIndexOf('.')),
        options.events.slice(options.events.lastIndexOf('.') + 1),
      ]
    : ['mixpanel', options.events];
  return {
    path: 'idmerge/sources.yml',
    text: `version: 2

sources:
  - name: mixpanel
    schema: ${schema}
    tables:
      - name: events
        identifier: ${table}
        description: One row per event in ingestion order; columns as docs/warehouse.md describes.
`,
  };
}

function schemaFile(): DbtFile {
  const out = outputTables('');
  return {
    path: 'idmerge/schema.yml',
    text: `version: 2

models:
  - name: ${out.mappings}
    description: Mixpanel's identity mappings shape (G-6), one hop; LEFT JOIN and COALESCE(resolved_distinct_id, distinct_id).
    columns:
      - name: distinct_id
        tests: [unique, not_null]
      - name: resolved_distinct_id
        tests: [not_null]
  - name: ${out.resolvedEvents}
    description: Every event with its resolved distinct_id (NULL when rejected, '' when non-attributable).
    columns:
      - name: ingestion_order
        tests: [unique, not_null]
`,
  };
}
