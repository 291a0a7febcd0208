// `idmerge simulate` prints a scenario's stream as NDJSON that the importer and the engine read back unchanged.
import { describe, expect, it } from 'vitest';
import { resolve } from '../engine/index.ts';
import { importText } from '../io/index.ts';
import { findScenario } from '../scenarios/library/index.ts';
import { playScenario } from '../scenarios/play.ts';
import { runSimulate, SIMULATE_USAGE } from './simulate.ts';

interface Run {
  readonly code: number;
  readonly out: string[];
  readonly err: string[];
}

async function simulate(argv: string[], files: Record<string, string> = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const readFile = (path: string) => {
    const text = files[path];
    if (text !== undefined) return Promise.resolve(text);
    return Promise.reject(Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' }));
  };
  const code = await runSimulate(argv, { readFile, stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, out, err };
}

const TINY = JSON.stringify({
  id: 'tiny',
  title: 'Tiny',
  lesson: 'One visit, one login.',
  group: 'Simplified basics',
  modes: ['simplified'],
  devices: [
    { id: 'A', label: 'Laptop', kind: 'web' },
    { id: 'S', label: 'Backend', kind: 'server' },
  ],
  steps: [
    { device: 'A', call: 'track', args: ['Page View'] },
    { device: 'A', call: 'people.set', args: [{ plan: 'free' }] },
    { device: 'A', call: 'identify', args: ['U1'] },
    { device: 'S', call: 'merge', args: ['U1', 'U2'] },
  ],
});

describe('idmerge simulate', () => {
  it('prints a library scenario as NDJSON: events with their channel', async () => {
    const run = await simulate(['new-user-signup']);
    expect(run).toMatchObject({ code: 0, err: [] });
    const lines = run.out.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => [l['event'], l['channel']])).toEqual([
      ['Page View', 'track'],
      ['Viewed Pricing', 'track'],
      ['$identify', 'track'],
      ['Sign Up', 'track'],
    ]);
    expect(lines[3]?.['properties']).toMatchObject({ $user_id: 'U1', distinct_id: 'U1' });
  });

  it('prints profile updates as engage objects, and server sends through import', async () => {
    const run = await simulate(['my/tiny.json'], { 'my/tiny.json': TINY });
    expect(run.code).toBe(0);
    const lines = run.out.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatchObject({ $distinct_id: 'U1', $set: { plan: 'free' } });
    expect(lines[1]).not.toHaveProperty('event');
    expect(lines[3]).toMatchObject({
      event: '$merge',
      channel: 'import',
      properties: { $distinct_ids: ['U1', 'U2'] },
    });
  });

  it('is deterministic, and --seed changes the generated ids', async () => {
    const first = await simulate(['new-user-signup']);
    const again = await simulate(['new-user-signup']);
    const reseeded = await simulate(['new-user-signup', '--seed', 'other']);
    const inline = await simulate(['new-user-signup', '--seed=other']);
    expect(again.out).toEqual(first.out);
    expect(reseeded.out).not.toEqual(first.out);
    expect(inline.out).toEqual(reseeded.out);
  });

  it('--sdk legacy sends the device id itself as distinct_id (SDK-1)', async () => {
    const run = await simulate(['new-user-signup', '--sdk', 'legacy']);
    const first = JSON.parse(run.out[0] ?? '{}') as { properties: Record<string, unknown> };
    expect(first.properties['distinct_id']).toBe(first.properties['$device_id']);
  });

  it('round-trips: the importer reads the output back, and the engine resolves it as the played stream', async () => {
    const run = await simulate(['returning-user']);
    const imported = importText(run.out.join('\n'), 'auto');
    expect(imported.problems).toEqual([]);
    const scenario = findScenario('returning-user');
    if (scenario === undefined) throw new Error('returning-user is missing');
    const played = playScenario(scenario);
    const fromCli = resolve(
      imported.records.map((r) => r.record),
      'simplified',
    ).outcomes();
    const direct = resolve(played.records, 'simplified').outcomes();
    expect(fromCli.map((o) => o.resolvedId)).toEqual(direct.map((o) => o.resolvedId));
    expect(new Set(direct.map((o) => o.resolvedId))).toEqual(new Set(['U1']));
  });

  it('rejects a bad file with messages that name the line, column and field, and prints nothing', async () => {
    const bad = JSON.parse(TINY) as {
      steps: Array<Record<string, unknown>>;
      devices: Array<Record<string, unknown>>;
    };
    bad.steps[0] = { device: 'A', call: 'idntify', args: ['U1'] };
    bad.devices[1] = { id: 'S', label: 'Backend', kind: 'mainframe' };
    const text = JSON.stringify(bad, null, 2);
    const run = await simulate(['bad.json'], { 'bad.json': text });
    expect(run.code).toBe(1);
    expect(run.out).toEqual([]);
    const lines = text.split('\n');
    const kindLine = lines.findIndex((line) => line.includes('"mainframe"')) + 1;
    const callLine = lines.findIndex((line) => line.includes('"idntify"')) + 1;
    expect(run.err).toContain(
      `bad.json:${kindLine}:7: devices[1].kind: must be one of web, ios, android, server; got "mainframe"`,
    );
    expect(
      run.err.some((line) =>
        line.startsWith(`bad.json:${callLine}:7: steps[0].call: unknown call "idntify"`),
      ),
    ).toBe(true);
  });

  it('reports invalid JSON and missing files', async () => {
    expect((await simulate(['x.json'], { 'x.json': '{' })).err[0]).toMatch(
      /^x\.json:1:2: \(file\): not valid JSON/,
    );
    const missing = await simulate(['nope']);
    expect(missing.code).toBe(1);
    expect(missing.err).toEqual(['nope: no such file and no library scenario has this id (see --list)']);
  });

  it('reports a call the simulator refuses, naming the step', async () => {
    const file = JSON.parse(TINY) as { steps: unknown[] };
    file.steps[0] = { device: 'A', call: 'identify', args: [{ id: 'U1' }] };
    const run = await simulate(['t.json'], { 't.json': JSON.stringify(file) });
    expect(run.code).toBe(1);
    expect(run.err[0]).toMatch(
      /^t\.json: steps\[0\] \(Device A · identify\(\{"id":"U1"\}\)\): identify: id must be/,
    );
  });

  it('lists the library, prints usage, and refuses bad arguments', async () => {
    const list = await simulate(['--list']);
    expect(list.out[0]).toBe('new-user-signup\tsimplified\tNew user sign-up');
    expect((await simulate(['--help'])).out).toEqual([SIMULATE_USAGE]);
    expect((await simulate([])).code).toBe(2);
    expect((await simulate(['a', 'b'])).err[0]).toBe('idmerge simulate: unexpected argument b');
    expect((await simulate(['a', '--sdk', 'beta'])).err[0]).toBe(
      'idmerge simulate: --sdk must be current or legacy; got beta',
    );
    expect((await simulate(['a', '--seed'])).err[0]).toBe('idmerge simulate: --seed needs a value');
    expect((await simulate(['a', '--colour'])).code).toBe(2);
  });
});

describe('idmerge simulate, user scenarios', () => {
  const USER = JSON.stringify(
    {
      id: 'kiosk',
      title: 'Our kiosk never logs out',
      modes: ['simplified', 'original', 'legacy'],
      devices: [{ id: 'K', label: 'Kiosk', kind: 'web' }],
      steps: [
        { device: 'K', call: 'identify', args: ['alice'] },
        { device: 'K', call: 'identify', args: ['bob'] },
      ],
    },
    null,
    2,
  );

  it('plays a scenario that names no library group or lesson', async () => {
    const run = await simulate(['kiosk.json'], { 'kiosk.json': USER });
    expect(run).toMatchObject({ code: 0, err: [] });
    expect(run.out.length).toBeGreaterThan(0);
  });

  it('--check says ok, or prints each problem with its line and column', async () => {
    const ok = await simulate(['--check', 'kiosk.json'], { 'kiosk.json': USER });
    expect(ok).toMatchObject({ code: 0, err: [], out: ['kiosk.json: ok (1 device(s), 2 step(s))'] });
    const broken = USER.replace('"kind": "web"', '"kind": "watch"').replace('"bob"', '"bob", "extra", 3');
    const bad = await simulate(['--check', 'bad.json'], { 'bad.json': broken });
    expect(bad.code).toBe(1);
    expect(bad.out).toEqual([]);
    expect(bad.err).toEqual([
      'bad.json:13:7: devices[0].kind: must be one of web, ios, android, server; got "watch"',
      'bad.json: 1 problem(s)',
    ]);
    const unplayable = USER.replace('"alice"', '{ "id": "alice" }');
    const refused = await simulate(['--check', 'u.json'], { 'u.json': unplayable });
    expect(refused.code).toBe(1);
    expect(refused.err[0]).toMatch(/^u\.json:17:5: steps\[0\] .*identify/);
  });
});
