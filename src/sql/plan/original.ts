// Original ID Merge: placeholder until the plan lands.
import type { Dialect } from '../dialects/index.ts';
import type { SqlOptions, Statement } from '../types.ts';

export const ORIGINAL_LIMITS: readonly string[] = ['Original ID Merge is not generated yet'];

export function originalPlan(_options: SqlOptions, _dialect: Dialect): Statement[] {
  throw new RangeError(ORIGINAL_LIMITS[0]);
}
