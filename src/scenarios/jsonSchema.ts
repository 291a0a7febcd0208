// The published JSON Schema of the scenario format, generated from the one schema (schema.ts) for editors:
// scenario.schema.json (written by scripts/generate-scenario-schema.ts) and the app's scenario source view.
import { z } from 'zod';
import { ScenarioSchema } from './schema.ts';

/** Where the schema says it lives; library files point at it with `"$schema": "../scenario.schema.json"`. */
export const SCENARIO_SCHEMA_ID = 'https://id-merge-lab.local/scenario.schema.json';

/** The scenario format as JSON Schema 2020-12 (checks across fields are described, not expressed). */
export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ScenarioSchema, { target: 'draft-2020-12', io: 'input' });
  const { $schema, ...rest } = generated;
  return { $schema, $id: SCENARIO_SCHEMA_ID, ...rest };
}
