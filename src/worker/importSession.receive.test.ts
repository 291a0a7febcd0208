// Issue #14's split load: one session reads the file and hands its rows over in batches, another resolves them. The
// receiving session must answer exactly as a session that read and resolved the file itself: same summary (report,
// problems, clusters, findings), same resolved id for every record, same table rows.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateStream } from '../../bench/generate.ts';
import {
  isBlockedId,
  MODES,
  readEventFacts,
  type Mode,
  type ResolveOptions,
  type StreamRecord,
} from '../engine/index.ts';
import { importText } from '../io/index.ts';
import { EventStore } from './eventStore.ts';
import { ImportSession, type LoadSettings } from './importSession.ts';

const CORPUS = join(import.meta.dirname, '../io/corpus');

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield await Promise.resolve(text.slice(i, i + size));
}

interface Case {
  readonly text: string;
  readonly settings: LoadSettings;
  readonly mode: Mode;
  readonly options: Partial<ResolveOptions>;
}

/** Reads and resolves in one session, as the worker did before the split. */
async function direct({ text, settings, mode, options }: Case): Promise<ImportSession> {
  const session = new ImportSession();
  await session.load(
    chunked(text, 997),
    settings,
    () => {},
    () => false,
    { mode, options },
  );
  return session;
}

/** Reads in one session, passing its rows after every chunk (as the reader worker does), resolves in another. */
async function split({ text, settings, mode, options }: Case): Promise<ImportSession> {
  const reader = new ImportSession();
  const resolver = new ImportSession();
  const receiver = resolver.receive(settings.rederive, { mode, options });
  await reader.load(
    chunked(text, 997),
    settings,
    () => receiver.rows(reader.store.takeRows()),
    () => false,
  );
  receiver.rows(reader.store.takeRows());
  // Structured clone, as postMessage delivers the end of a read.
  receiver.end(structuredClone(reader.readOutcome()));
  return resolver;
}

function answers(session: ImportSession) {
  const view = session.current.final();
  return {
    summary: session.summary(),
    resolved: Array.from({ length: session.store.size }, (_, i) => view.output(i)),
    rows: Array.from({ length: session.store.size }, (_, i) => session.store.event(i)),
    clusters: session.index.clusters,
  };
}

const line = (event: string, properties: Record<string, unknown>) => JSON.stringify({ event, properties });

/** Ids as numbers, times as strings and in milliseconds, identity events, profile updates, an export's signs. */
const ODD_SHAPES = [
  line('Page', { distinct_id: 42, $device_id: 'D1', time: '1700000000' }),
  line('Page', { distinct_id: '$device:D1', $device_id: 'D1', time: 1_700_000_000_500 }),
  line('$identify', { distinct_id: 'U1', $anon_id: 'D1', $identified_id: 'U1', time: '1700000100' }),
  line('$create_alias', { distinct_id: 'U1', alias: 'alias-1', time: 'soon' }),
  line('$merge', { distinct_id: 'U1', $distinct_ids: ['U1', 'U2'], time: 1_700_000_200 }),
  line('Buy', { distinct_id: 'undefined', $insert_id: 'null', $user_id: 'U2', time: 1_700_000_300 }),
  JSON.stringify({ $distinct_id: 'U1', $set: { name: 'A' } }),
  line('Page', { distinct_id: '', $device_id: '', $user_id: 'U3', mp_processing_time_ms: 1 }),
  line('Page', { distinct_id: { nested: true }, $device_id: 'D2', time: null }),
].join('\n');

const generated = (events: number) =>
  [...generateStream({ events, users: events / 10, devices: events / 5, seed: 7 })]
    .map((event) => JSON.stringify(event))
    .join('\n');

describe('a load split between a reader and a resolver', () => {
  const texts: [string, string][] = [
    ['odd shapes', ODD_SHAPES],
    ['a generated stream of 3,000 events', generated(3_000)],
  ];
  for (const [name, text] of texts)
    for (const mode of MODES)
      for (const options of [{}, { linkOrder: 'event-time' as const }])
        for (const rederive of [false, true])
          it(`${name}, ${mode} ${JSON.stringify(options)}${rederive ? ', re-deriving' : ''}: answers as one session`, async () => {
            const shape: Case = { text, settings: { format: 'auto', rederive }, mode, options };
            expect(answers(await split(shape))).toEqual(answers(await direct(shape)));
          });

  const corpus = readdirSync(CORPUS).filter((file) => /\.(ndjson|json|csv)$/.test(file));
  it.each(corpus)('corpus file %s: answers as one session', async (file) => {
    const text = readFileSync(join(CORPUS, file), 'utf8');
    const shape: Case = {
      text,
      settings: { format: 'auto', rederive: false, fileName: file },
      mode: 'simplified',
      options: {},
    };
    expect(answers(await split(shape))).toEqual(answers(await direct(shape)));
  });

  it('a record rebuilt from the store reads the facts of the parsed one (what the engine and linter read)', () => {
    // $insert_id matters only when it is a placeholder (LIM-1), so the store keeps only those.
    const facts = (record: StreamRecord) => {
      if (record.kind === 'profile') return record.update;
      const { insertId, ...rest } = readEventFacts(record.event);
      return {
        ...rest,
        placeholderInsertId: insertId !== undefined && isBlockedId(insertId, 'case-insensitive'),
      };
    };
    const { records } = importText(ODD_SHAPES, 'ndjson');
    const store = new EventStore();
    records.forEach(({ record, line }) => store.add(record, line));
    expect(records.map((_, i) => facts(store.record(i)))).toEqual(records.map(({ record }) => facts(record)));
    expect(
      records.map(({ record }) => facts(record)).some((f) => 'time' in f && typeof f.time === 'number'),
    ).toBe(true);
  });

  it('every mode resolved later from the received store answers as from the reader’s store', async () => {
    const text = generated(2_000);
    const reader = await direct({
      text,
      settings: { format: 'auto', rederive: false },
      mode: 'simplified',
      options: {},
    });
    const resolver = await split({
      text,
      settings: { format: 'auto', rederive: false },
      mode: 'simplified',
      options: {},
    });
    for (const mode of MODES) {
      reader.resolveAs(mode, {});
      resolver.resolveAs(mode, {});
      expect(answers(resolver)).toEqual(answers(reader));
    }
  });
});
