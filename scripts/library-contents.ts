// Writes src/scenarios/library/contents.ts (the library's entries for the app's first load) from the library files.
// Run after adding, removing or retitling a library scenario; src/scenarios/library/contents.test.ts fails until then.
import { writeFileSync } from 'node:fs';
import { CONTENTS_PATH, expectedContents, ROOT } from './libraryContents.ts';

writeFileSync(ROOT + CONTENTS_PATH, await expectedContents());
console.log(`wrote ${CONTENTS_PATH}`);
