// Writes the rule catalogue (src/rules/catalogue.json) and docs/rules.md from the spec copies in docs/spec.
// `npm run rules` after editing docs/spec; src/rules/catalogue.test.ts fails while either file is stale.
import { writeFileSync } from 'node:fs';
import { expectedFiles, ROOT } from './rulesFiles.ts';

for (const [path, text] of expectedFiles()) {
  writeFileSync(ROOT + path, text);
  console.log(`wrote ${path}`);
}
