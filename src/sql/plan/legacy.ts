import type { Dialect } from '../dialects/index.ts';
import type { SqlOptions, Statement } from '../types.ts';
export function legacyPlan(_options: SqlOptions, _dialect: Dialect): Statement[] {
  throw new RangeError('Legacy is not generated yet');
}
