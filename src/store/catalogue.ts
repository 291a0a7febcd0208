// What the URL reader needs to know about the scenario library: ids, step counts and default modes. The library's
// catalogue reads its entries (contents.ts), so a URL is read before any scenario body has loaded.
import { LIBRARY_CONTENTS, type LibraryEntry } from '../scenarios/library/shelf.ts';
import type { Scenario } from '../scenarios/types.ts';
import type { LocationCatalogue } from './urlState.ts';

type CatalogueEntry = Pick<LibraryEntry, 'id' | 'modes' | 'stepCount'>;

/** A catalogue over entries; the first one is the default. */
function catalogueOfEntries(entries: readonly CatalogueEntry[]): LocationCatalogue {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const first = entries[0];
  if (first === undefined) throw new Error('the scenario library is empty');
  return {
    defaultScenarioId: first.id,
    stepCount: (id) => byId.get(id)?.stepCount,
    defaultMode: (id) => byId.get(id)?.modes[0] ?? 'simplified',
  };
}

/** A catalogue over `scenarios`; the first one is the default. */
export function catalogueOf(scenarios: readonly Scenario[]): LocationCatalogue {
  return catalogueOfEntries(
    scenarios.map((scenario) => ({
      id: scenario.id,
      modes: scenario.modes,
      stepCount: scenario.steps.length,
    })),
  );
}

/** The built-in library's catalogue. */
export const LIBRARY_CATALOGUE: LocationCatalogue = catalogueOfEntries(LIBRARY_CONTENTS);
