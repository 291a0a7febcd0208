// The failure catalogue: Mixpanel's own codes and descriptions (DEV-IDM table), and the engine's where it has none.
import type { EngineFailureCode, Failure, MixpanelFailureCode } from './types.ts';

/** Builds a failure Mixpanel itself reports, with its `$failure_description` wording. */
export function mixpanelFailure(code: MixpanelFailureCode, value: string, clusterSize?: number): Failure {
  const [rule, description] = MIXPANEL_WORDING[code](value, clusterSize ?? 0);
  return { code, official: true, description, rule };
}

const MIXPANEL_WORDING: Record<MixpanelFailureCode, (value: string, size: number) => [string, string]> = {
  errSameIDs: (v) => ['O-7', `Identified and anon ID are same in the identify request ${v}`],
  errAnonDistinctIdNonGUIDForm: (v) => ['O-7', `$anon_distinct_id didn't match expected GUID pattern: ${v}`],
  errAnonDistinctIdAssignedAlready: (v) => ['O-7', `$anon_distinct_id already identified: ${v}`],
  errManyIDs: (_v, size) => [
    'O-15',
    `too many distinctIDs mapped together, Cluster size: ${size} Max limit: 500`,
  ],
  errAliasAlreadyExists: (v) => ['O-11', `alias already exists with the id ${v}`],
};

/** The cap in the description follows the configured limit, since Q-2 makes it an option. */
export function manyIdsFailure(clusterSize: number, limit: number): Failure {
  return {
    code: 'errManyIDs',
    official: true,
    description: `too many distinctIDs mapped together, Cluster size: ${clusterSize} Max limit: ${limit}`,
    rule: 'O-15',
  };
}

/** S-9: the Simplified variant of errAnonDistinctIdAssignedAlready. */
export function deviceAssignedFailure(deviceKey: string, linkedUser: string): Failure {
  return {
    code: 'errAnonDistinctIdAssignedAlready',
    official: true,
    description: `${deviceKey} is already linked to ${linkedUser}`,
    rule: 'S-9',
  };
}

const ENGINE_FAILURES: Record<EngineFailureCode, [string, string]> = {
  mergeNotImported: [
    'O-13',
    '$merge is honoured only when sent through the import API; this one came through /track',
  ],
  malformedMerge: ['O-13', '$distinct_ids must be a list of exactly two ids'],
  missingAnonId: ['O-6', '$identify carries no $anon_id or $anon_distinct_id'],
  missingIdentifiedId: ['O-6', '$identify carries no $identified_id or distinct_id'],
  missingAlias: ['O-10', '$create_alias carries no alias'],
  aliasEqualsDistinctId: ['Q-14', 'alias and distinct_id are the same id; nothing to link'],
  aliasAlreadyMapped: ['L-2', 'this alias already points at another id; an alias can be created only once'],
  aliasLoop: [
    'DECISIONS',
    'this alias would make the alias table loop, so it is refused like a second alias',
  ],
};

/** Builds a failure Mixpanel gives no code for; the rule names the spec rule or decision assumed. */
export function engineFailure(code: EngineFailureCode, detail?: string): Failure {
  const [rule, description] = ENGINE_FAILURES[code];
  return {
    code,
    official: false,
    description: detail === undefined ? description : `${description}: ${detail}`,
    rule,
  };
}
