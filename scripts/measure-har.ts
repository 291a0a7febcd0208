// Reads a generated 200 MB HAR (long session, response bodies included) with the streaming HAR reader: time and
// peak memory, to show the log is never held as one string (issue #16).
import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readHar } from '../src/io/har/index.ts';

const TARGET_BYTES = Number(process.env['HAR_MB'] ?? 200) * 1024 * 1024;
/** A response body as a page's script or image would have: the bulk of a real log. */
const BODY = 'x'.repeat(200_000);

function entry(index: number): string {
  const started = new Date(Date.UTC(2026, 11, 7) + index * 50).toISOString();
  const data = encodeURIComponent(
    JSON.stringify({
      event: index % 50 === 0 ? '$identify' : 'Viewed',
      properties: {
        token: 't',
        mp_lib: 'web',
        $lib_version: '2.83.0',
        distinct_id: `$device:d${index % 997}`,
        $device_id: `d${index % 997}`,
        $insert_id: `i${index}`,
      },
    }),
  );
  const data_request = index % 4 === 0;
  return JSON.stringify(
    {
      startedDateTime: started,
      request: {
        method: data_request ? 'POST' : 'GET',
        url: data_request
          ? 'https://api-js.mixpanel.com/track/?ip=1'
          : `https://shop.example/asset-${index}.js`,
        headers: [{ name: 'cookie', value: 'secret' }],
        ...(data_request
          ? { postData: { mimeType: 'application/x-www-form-urlencoded', text: `data=${data}` } }
          : {}),
      },
      response: {
        status: 200,
        content: { mimeType: 'text/javascript', text: data_request ? '1' : BODY },
      },
      _resourceType: data_request ? 'xhr' : 'script',
    },
    null,
    2,
  );
}

async function writeLog(path: string): Promise<number> {
  const file = await open(path, 'w');
  await file.write(
    '{\n  "log": {\n    "version": "1.2",\n    "creator": {"name": "bench", "version": "1"},\n    "entries": [\n',
  );
  let bytes = 0;
  let index = 0;
  while (bytes < TARGET_BYTES) {
    const text = (index === 0 ? '' : ',\n') + entry(index++);
    bytes += text.length;
    await file.write(text);
  }
  await file.write('\n    ]\n  }\n}\n');
  await file.close();
  return index;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'idmerge-har-'));
  const path = join(dir, 'big.har');
  try {
    const entries = await writeLog(path);
    const size = (await stat(path)).size;
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = performance.now();
    const reading = await readHar(
      createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }) as AsyncIterable<string>,
    );
    const seconds = (performance.now() - started) / 1000;
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    console.log(
      `${(size / 1048576).toFixed(0)} MB HAR, ${entries} entries → ${reading.records.length} records, ` +
        `${reading.problems.length} problems in ${seconds.toFixed(2)} s ` +
        `(${(size / 1048576 / seconds).toFixed(0)} MB/s); peak RSS ${(peak / 1048576).toFixed(0)} MB`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
