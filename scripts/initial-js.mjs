// How much JavaScript a first visit loads before anything is lazy-loaded: the scripts and module preloads that
// dist/index.html names, gzipped (issue #14's budget: at most 150 kB). Run after `vite build`:
//   node scripts/initial-js.mjs [distDir] [--budget KB]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const budgetAt = args.indexOf('--budget');
const budgetKb = budgetAt === -1 ? undefined : Number(args.splice(budgetAt, 2)[1]);
const dist = args[0] ?? 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [
  ...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g),
  ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
].map((match) => match[1].replace(/^\//, ''));

const kb = (bytes) => (bytes / 1000).toFixed(2);
let total = 0;
for (const file of new Set(initial)) {
  const bytes = readFileSync(join(dist, file));
  const gzip = gzipSync(bytes).length;
  total += gzip;
  console.log(
    `initial  ${file.padEnd(48)} ${kb(bytes.length).padStart(9)} kB  gzip ${kb(gzip).padStart(8)} kB`,
  );
}
const assets = readdirSync(join(dist, 'assets'));
for (const file of assets.filter((name) => name.endsWith('.js') && !initial.includes(`assets/${name}`))) {
  const bytes = readFileSync(join(dist, 'assets', file));
  console.log(
    `lazy     ${`assets/${file}`.padEnd(48)} ${kb(bytes.length).padStart(9)} kB  gzip ${kb(gzipSync(bytes).length).padStart(8)} kB`,
  );
}
const maps = assets.filter((name) => name.endsWith('.map'));
const mapBytes = maps.reduce((sum, name) => sum + statSync(join(dist, 'assets', name)).size, 0);
console.log(
  `initial JavaScript: ${kb(total)} kB gzip; source maps in dist: ${maps.length} (${kb(mapBytes)} kB)`,
);
if (budgetKb !== undefined && total > budgetKb * 1000) {
  console.error(`over the ${budgetKb} kB budget`);
  process.exitCode = 1;
}
