// Checks a step's `expect` block: keyed by a mode the scenario is written for, every id list and count well formed.
import type { Mode } from '../engine/index.ts';
import type { Problems } from './fields.ts';
import {
  checkChoice,
  checkKnownKeys,
  describeValue,
  fieldPath,
  isEventNumberKey,
  isJsonObject,
  type JsonObject,
} from './fields.ts';
import { FAILURE_CODES, PROFILE_STATUSES } from './types.ts';

export const EXPECTATION_FIELDS = [
  'distinctIds',
  'distinctIdAt',
  'failures',
  'clusters',
  'clusterSizes',
  'profiles',
  'profileCounts',
] as const;

/** Checks `expect`: one entry per mode, each mode among `modes`, each entry non-empty and well formed. */
export function checkExpectations(value: unknown, path: string, modes: readonly Mode[], problems: Problems) {
  if (!isJsonObject(value)) {
    problems.add(path, `must be an object keyed by mode; got ${describeValue(value)}`);
    return;
  }
  for (const [mode, expectation] of Object.entries(value)) {
    const at = fieldPath(path, mode);
    if (!(modes as readonly string[]).includes(mode)) {
      problems.add(at, `mode "${mode}" is not in modes (${modes.join(', ')})`);
      continue;
    }
    checkModeExpectation(expectation, at, problems);
  }
}

function checkModeExpectation(value: unknown, path: string, problems: Problems): void {
  if (!isJsonObject(value)) {
    problems.add(path, `must be an object; got ${describeValue(value)}`);
    return;
  }
  checkKnownKeys(value, path, EXPECTATION_FIELDS, problems);
  if (!EXPECTATION_FIELDS.some((field) => value[field] !== undefined))
    problems.add(path, `give at least one of ${EXPECTATION_FIELDS.join(', ')}`);
  if (value['distinctIds'] !== undefined) checkIdList(value['distinctIds'], path, problems);
  checkByEventNumber(value, 'distinctIdAt', path, problems, (v, at) => checkIdOrNull(v, at, problems));
  checkByEventNumber(value, 'failures', path, problems, (v, at) =>
    checkChoice(v, at, FAILURE_CODES, problems),
  );
  if (value['clusters'] !== undefined)
    checkClusters(value['clusters'], fieldPath(path, 'clusters'), problems);
  checkById(value, 'clusterSizes', path, problems, (v, at) => checkSize(v, at, problems));
  checkById(value, 'profiles', path, problems, (v, at) => checkProfile(v, at, problems));
  checkProfileCounts(value['profileCounts'], fieldPath(path, 'profileCounts'), problems);
}

function checkProfileCounts(value: unknown, at: string, problems: Problems): void {
  if (value === undefined) return;
  if (!isJsonObject(value)) {
    problems.add(at, `must be an object keyed by status; got ${describeValue(value)}`);
    return;
  }
  checkKnownKeys(value, at, PROFILE_STATUSES, problems);
  for (const [status, count] of Object.entries(value))
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0)
      problems.add(
        fieldPath(at, status),
        `must be a whole number of at least 0; got ${describeValue(count)}`,
      );
}

function checkIdList(value: unknown, path: string, problems: Problems): void {
  const at = fieldPath(path, 'distinctIds');
  if (!Array.isArray(value)) {
    problems.add(at, `must be a list of ids (null for a rejected event); got ${describeValue(value)}`);
    return;
  }
  value.forEach((id: unknown, i) => checkIdOrNull(id, fieldPath(at, i), problems));
}

function checkIdOrNull(value: unknown, at: string, problems: Problems): void {
  if (value !== null && typeof value !== 'string')
    problems.add(at, `must be an id (string) or null; got ${describeValue(value)}`);
}

function checkByEventNumber(
  parent: JsonObject,
  key: string,
  path: string,
  problems: Problems,
  checkEntry: (value: unknown, at: string) => void,
): void {
  const value = parent[key];
  if (value === undefined) return;
  const at = fieldPath(path, key);
  if (!isJsonObject(value)) {
    problems.add(at, `must be an object keyed by event number; got ${describeValue(value)}`);
    return;
  }
  for (const [number, entry] of Object.entries(value)) {
    const entryAt = fieldPath(at, number);
    if (!isEventNumberKey(number)) problems.add(entryAt, 'keys must be event numbers (1, 2, …)');
    else checkEntry(entry, entryAt);
  }
}

function checkById(
  parent: JsonObject,
  key: string,
  path: string,
  problems: Problems,
  checkEntry: (value: unknown, at: string) => void,
): void {
  const value = parent[key];
  if (value === undefined) return;
  const at = fieldPath(path, key);
  if (!isJsonObject(value)) {
    problems.add(at, `must be an object keyed by id; got ${describeValue(value)}`);
    return;
  }
  for (const [id, entry] of Object.entries(value)) checkEntry(entry, fieldPath(at, id));
}

function checkClusters(value: unknown, at: string, problems: Problems): void {
  if (!Array.isArray(value)) {
    problems.add(at, `must be a list of clusters (lists of ids); got ${describeValue(value)}`);
    return;
  }
  value.forEach((cluster: unknown, i) => {
    const clusterAt = fieldPath(at, i);
    if (!Array.isArray(cluster) || cluster.length < 2) {
      problems.add(clusterAt, 'must be a list of at least two ids (single ids are not listed)');
      return;
    }
    cluster.forEach((id: unknown, j) => {
      if (typeof id !== 'string')
        problems.add(fieldPath(clusterAt, j), `must be an id; got ${describeValue(id)}`);
    });
  });
}

function checkSize(value: unknown, at: string, problems: Problems): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    problems.add(at, `must be a whole number of at least 1; got ${describeValue(value)}`);
}

function checkProfile(value: unknown, at: string, problems: Problems): void {
  if (!isJsonObject(value)) {
    problems.add(at, `must be an object {status, properties?}; got ${describeValue(value)}`);
    return;
  }
  checkKnownKeys(value, at, ['status', 'properties'], problems);
  checkChoice(value['status'], fieldPath(at, 'status'), PROFILE_STATUSES, problems);
  const properties = value['properties'];
  if (properties !== undefined && !isJsonObject(properties))
    problems.add(fieldPath(at, 'properties'), `must be an object; got ${describeValue(properties)}`);
}
