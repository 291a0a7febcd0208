// The agreement suite every runnable dialect passes: random streams, engine == SQL for every event and the mappings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Mode, ResolveOptions } from '../../engine/index.ts';
import type { Warehouse } from '../run/warehouse.ts';
import type { DialectName } from '../types.ts';
import { identityStream } from './streams.ts';
import { bothAnswers, sqlOptions } from './runAgreement.ts';

/** Modest by default for CI on 2 cores; SQL_PROPERTY_RUNS=500 for a deeper search. */
export const PROPERTY_RUNS = Number(process.env['SQL_PROPERTY_RUNS'] ?? 30);

/** The modes and engine options each dialect is checked under. */
export const AGREEMENT_CASES: ReadonlyArray<readonly [Mode, Partial<ResolveOptions>]> = [
  ['simplified', {}],
  ['simplified', { linkOrder: 'event-time', devicePrefix: 'strip', blockedIdMatch: 'case-insensitive' }],
  ['legacy', {}],
  ['legacy', { blockedIdMatch: 'case-insensitive' }],
];

export function describeAgreement(
  dialect: DialectName,
  warehouse: () => Warehouse,
  cases: ReadonlyArray<readonly [Mode, Partial<ResolveOptions>]> = AGREEMENT_CASES,
  runs = PROPERTY_RUNS,
): void {
  describe.each(cases)(`${dialect} agrees with the engine: %s %o`, (mode, engine) => {
    it('on every event and on the mappings table, for random streams with every identity edge case', async () => {
      await fc.assert(
        fc.asyncProperty(identityStream, async (records) => {
          const answers = await bothAnswers(warehouse(), records, sqlOptions(mode, dialect, engine));
          expect(answers.sql).toEqual(answers.engine);
        }),
        { numRuns: runs },
      );
    }, 180_000);
  });
}
