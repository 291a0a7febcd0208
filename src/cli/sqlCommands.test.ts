// `idmerge sql`, `resolve --engine duckdb`, `load --duckdb`, `reconcile`: run in-process on real files and DuckDB.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODES } from '../engine/index.ts';
import { DuckDbWarehouse } from '../sql/run/duckdb.ts';
import { cli, tempFile } from './test/runCli.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'real-sdk');
const fixtures = readdirSync(FIXTURES).filter((name) => name.endsWith('.ndjson'));

/** A stream with a link, a refused pair (S-9), a placeholder, no identity, a broken line, a profile, an alias. */
const MIXED = [
  '{"event":"view","properties":{"$device_id":"D1","time":1}}',
  '{"event":"login","properties":{"$device_id":"D1","$user_id":"U1","time":2}}',
  '{"event":"login","properties":{"$device_id":"D1","$user_id":"U2","time":3}}',
  '{"event":"view","properties":{"distinct_id":"null"}}',
  '{"event":"view","properties":{}}',
  'not json',
  '{"$distinct_id":"U1","$set":{"plan":"pro"}}',
  '{"event":"$create_alias","properties":{"alias":"U3","distinct_id":"U1"}}',
  '{"event":"view","properties":{"distinct_id":"U3","$device_id":"D2"}}',
].join('\n');

describe('idmerge resolve --engine duckdb prints exactly what idmerge resolve prints', () => {
  const cases = [
    ...fixtures.map((name) => [name, join(FIXTURES, name)] as const),
    ['mixed stream with bad lines', tempFile('mixed.ndjson', MIXED)] as const,
  ];
  it.each(cases)('%s', async (_name, path) => {
    for (const mode of MODES) {
      for (const extra of [[], ['--mappings']]) {
        const lab = await cli(['resolve', '--mode', mode, ...extra, path]);
        const duck = await cli(['resolve', '--mode', mode, '--engine', 'duckdb', ...extra, path]);
        expect(duck).toEqual(lab);
      }
    }
  });

  it('reads CSV through the same readers', async () => {
    const csv = tempFile('e.csv', 'event,$device_id,$user_id\nview,D1,\nlogin,D1,U1\nview,D2,\n');
    expect(await cli(['resolve', '--engine', 'duckdb', csv])).toEqual(await cli(['resolve', csv]));
  });

  it('refuses an engine it does not know', async () => {
    const run = await cli(['resolve', '--engine', 'oracle', tempFile('a.ndjson', MIXED)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--engine must be lab or duckdb');
  });
});

describe('idmerge sql', () => {
  it('prints a script that creates the mappings and the resolved events', async () => {
    const run = await cli([
      'sql',
      '--mode',
      'simplified',
      '--dialect',
      'postgres',
      '--events',
      'raw.events',
      '--out-prefix',
      'lab.idm_',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('CREATE TABLE lab.idm_identity_mappings AS');
    expect(run.stdout).toContain('FROM raw.events');
  });

  it('says in --help which rules SQL cannot express', async () => {
    const run = await cli(['sql', '--help']);
    expect(run.stdout).toMatch(/What SQL cannot express:\n {2}original: /);
  });

  it('asks for a dialect and refuses a table name that is not plain', async () => {
    expect((await cli(['sql', '--mode', 'legacy'])).stderr).toContain('--dialect is required');
    const run = await cli(['sql', '--dialect', 'duckdb', '--events', 'events; DROP TABLE x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('table name must be');
  });

  it('prints Original as ordered rounds: a PL/pgSQL loop, or a block the driver repeats where there is no loop', async () => {
    const postgres = await cli(['sql', '--mode', 'original', '--dialect', 'postgres']);
    expect(postgres.code).toBe(0);
    expect(postgres.stdout).toContain('DO $idmerge$');
    expect(postgres.stdout).toContain("'errAnonDistinctIdAssignedAlready'");
    const duckdb = await cli(['sql', '--mode', 'original', '--dialect', 'duckdb']);
    expect(duckdb.stdout).toMatch(/-- BEGIN REPEAT[\s\S]+-- END REPEAT/);
    const dbt = await cli(['sql', '--mode', 'original', '--dialect', 'duckdb', '--dbt']);
    expect(dbt.code).toBe(2);
    expect(dbt.stderr).toContain('dbt models are one SELECT each');
  });

  it('writes dbt models with refs and a source', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idmerge-dbt-'));
    const run = await cli(['sql', '--dialect', 'snowflake', '--dbt', '--dbt-dir', dir]);
    expect(run.code).toBe(0);
    const model = readFileSync(join(dir, 'idmerge', 'identity_mappings.sql'), 'utf8');
    expect(model).toContain("{{ ref('idm_links') }}");
    expect(readFileSync(join(dir, 'idmerge', 'idm_derived.sql'), 'utf8')).toContain(
      "{{ source('mixpanel', 'events') }}",
    );
    expect(existsSync(join(dir, 'idmerge', 'sources.yml'))).toBe(true);
  });
});

describe('idmerge load --duckdb', () => {
  it('writes a database with the events, the mappings and the resolved events', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'idmerge-load-')), 'lab.duckdb');
    const run = await cli(['load', tempFile('m.ndjson', MIXED), '--duckdb', path]);
    expect(run.stdout).toContain('7 events loaded into events');
    expect(run.code).toBe(1); // the broken line is reported, the rest loaded
    const db = await DuckDbWarehouse.open(path);
    try {
      expect(await db.query('SELECT * FROM identity_mappings')).toEqual([
        { distinct_id: '$device:D1', resolved_distinct_id: 'U1' },
      ]);
      const resolved = await db.query(
        'SELECT resolved_distinct_id FROM resolved_events ORDER BY ingestion_order',
      );
      expect(resolved.map((row) => row['resolved_distinct_id'])).toEqual([
        'U1',
        'U1',
        'U2',
        null,
        '',
        'U1',
        '$device:D2',
      ]);
    } finally {
      await db.close();
    }
  });

  it('needs exactly one target', async () => {
    const run = await cli(['load', tempFile('m.ndjson', MIXED)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('exactly one of --duckdb PATH');
  });
});

describe('idmerge reconcile', () => {
  const events = () => tempFile('r.ndjson', MIXED);

  it('lists each id where the export disagrees, with the rule behind the lab’s answer and its line', async () => {
    const exported = tempFile(
      'mappings.csv',
      'distinct_id,resolved_distinct_id\n$device:D1,U2\nU1,U9\n$device:D2,\n',
    );
    const run = await cli(['reconcile', '--mappings', exported, events()]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '$device:D1: Mixpanel → U2, lab → U1. S-6: the first event carrying both ids linked $device:D1 → U1; $device:D1 resolves to U1 (line 2)',
    );
    expect(run.stdout).toContain('U1: Mixpanel → U9, lab → U1. S-10: a user id is canonical');
    expect(run.stdout).toContain('2 ids disagree.');
  });

  it('says so when every row agrees, and reads JSON exports', async () => {
    const exported = tempFile('m.json', '[{"distinct_id":"$device:D1","resolved_distinct_id":"U1"}]');
    const run = await cli(['reconcile', '--mappings', exported, events()]);
    expect(run.stdout).toContain('All 1 mappings rows agree with the lab.');
  });

  it('explains a Legacy alias and a refusal', async () => {
    const exported = tempFile('m.ndjson', '{"distinct_id":"U3","resolved_distinct_id":"U3x"}\n');
    const run = await cli(['reconcile', '--mode', 'legacy', '--json', '--mappings', exported, events()]);
    const [row] = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(row).toMatchObject({ id: 'U3', mixpanel: 'U3x', lab: 'U1', rule: 'L-1', line: 8 });
  });
});
