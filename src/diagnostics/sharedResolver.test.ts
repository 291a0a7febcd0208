// A linter fed from the caller's own resolver finds exactly what a linter with its own resolver finds.
import { describe, expect, it } from 'vitest';
import { MODES, Resolver } from '../engine/index.ts';
import { LIBRARY } from '../scenarios/library/index.ts';
import { playScenario } from '../scenarios/play.ts';
import { createLinter } from './linter.ts';

describe('createLinter with a shared resolver', () => {
  it.each(MODES)('finds the same as a standalone linter on every library scenario (%s)', (mode) => {
    for (const scenario of LIBRARY) {
      const records = playScenario(scenario).records;
      const standalone = createLinter(mode);
      const resolver = new Resolver(mode);
      const shared = createLinter(mode, {}, {}, resolver);
      records.forEach((record, index) => {
        standalone.observe(record, index);
        resolver.ingest(record);
        shared.observe(record, index);
      });
      expect(shared.finish(resolver.result()), scenario.id).toEqual(standalone.finish());
    }
  });

  it('refuses a resolver for another mode or one that keeps no records', () => {
    expect(() => createLinter('simplified', {}, {}, new Resolver('original'))).toThrow(/mode/);
    expect(() =>
      createLinter('simplified', {}, {}, new Resolver('simplified', {}, { retainRecords: false })),
    ).toThrow(/retain/);
  });
});
