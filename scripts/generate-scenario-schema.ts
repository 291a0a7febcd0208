// Writes src/scenarios/scenario.schema.json from the one scenario schema (src/scenarios/schema.ts), formatted as
// Prettier formats it. `--check` exits 1 when the committed file is stale (validate.test.ts checks the same).
import { readFile, writeFile } from 'node:fs/promises';
import { format, resolveConfig } from 'prettier';
import { scenarioJsonSchema } from '../src/scenarios/jsonSchema.ts';

const TARGET = new URL('../src/scenarios/scenario.schema.json', import.meta.url);

const options = (await resolveConfig(TARGET.pathname)) ?? {};
const text = await format(JSON.stringify(scenarioJsonSchema()), { ...options, filepath: TARGET.pathname });
if (process.argv.includes('--check')) {
  const committed = await readFile(TARGET, 'utf8');
  if (committed !== text) {
    console.error('src/scenarios/scenario.schema.json is stale: run npm run generate:schema');
    process.exit(1);
  }
} else {
  await writeFile(TARGET, text);
  console.log(`wrote ${TARGET.pathname}`);
}
