// Table names in a generated script: checked, because they are pasted into SQL text.
import type { OutputTables } from './types.ts';

/** A table name, optionally qualified (`db.schema.table`); letters, digits and underscores only. */
const QUALIFIED_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*){0,2}$/;
/** A prefix may end in `.` or `_`, so it can name a schema (`analytics.`) or start a name (`idm_`). */
const PREFIX = /^([A-Za-z_][A-Za-z0-9_]*\.){0,2}[A-Za-z0-9_]*$/;

/** Throws a RangeError naming the bad value; table names are never quoted, so they must be plain. */
export function checkTableName(name: string): string {
  if (!QUALIFIED_NAME.test(name))
    throw new RangeError(`table name must be letters, digits, _ and up to two dots; got "${name}"`);
  return name;
}

export function checkPrefix(prefix: string): string {
  if (!PREFIX.test(prefix))
    throw new RangeError(`prefix must be letters, digits, _ and up to two schema dots; got "${prefix}"`);
  return prefix;
}

/** The tables every script creates, under `prefix`. */
export function outputTables(prefix: string): OutputTables {
  return { mappings: `${prefix}identity_mappings`, resolvedEvents: `${prefix}resolved_events` };
}

/** A working table of the script (dropped at the end by the runners that keep only the outputs). */
export function workTable(prefix: string, name: string): string {
  return `${prefix}idm_${name}`;
}
