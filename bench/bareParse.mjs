// The baseline the CLI is measured against: read the file by lines and JSON.parse each, nothing else.
import { createReadStream } from 'node:fs';

let pending = '';
let lines = 0;
for await (const chunk of createReadStream(process.argv[2], { encoding: 'utf8', highWaterMark: 1 << 20 })) {
  const text = pending + chunk;
  let start = 0;
  for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
    JSON.parse(text.slice(start, newline));
    lines++;
    start = newline + 1;
  }
  pending = text.slice(start);
}
if (pending.trim() !== '') {
  JSON.parse(pending);
  lines++;
}
process.stdout.write(String(lines));
