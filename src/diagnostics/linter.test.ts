// The linter as a whole: clean flows stay clean in every mode, every library scenario lints, the catalogue is whole,
// and the API keeps its contract (order, finish, a caller's resolution, the text report).
import { describe, expect, it } from 'vitest';
import { MODES, resolve } from '../engine/index.ts';
import { LIBRARY } from '../scenarios/library/index.ts';
import { playScenario } from '../scenarios/play.ts';
import { catalogueEntry, FINDING_CATALOGUE, forMode } from './catalogue.ts';
import { createLinter, lintStream } from './linter.ts';
import { describeEventRef, formatFindingsText } from './text.ts';
import { scenarioRecords, seriousFindings, track } from './test/streams.ts';
import type { FindingId } from './types.ts';

describe('clean flows', () => {
  const flows = [
    'new-user-signup',
    'returning-user',
    'multiple-users-one-device',
    'original-signup',
    'original-returning-user',
    'original-multiple-users-one-device',
  ];

  it.each(flows.flatMap((flow) => MODES.map((mode) => [flow, mode] as const)))(
    '%s under %s has no warning or error',
    (flow, mode) => {
      expect(seriousFindings(scenarioRecords(flow), mode)).toEqual([]);
    },
  );
});

describe('the library', () => {
  it('lints every scenario in every mode, with findings the catalogue knows for that mode', () => {
    for (const scenario of LIBRARY) {
      const { records } = playScenario(scenario);
      for (const mode of MODES) {
        for (const finding of lintStream(records, mode)) {
          const entry = catalogueEntry(finding.id);
          expect(entry.modes).toContain(mode);
          expect(finding).toMatchObject({ title: entry.title, severity: forMode(entry.severity, mode) });
          expect(finding.count).toBeGreaterThan(0);
          expect(finding.explanation).toMatch(/\(([A-Z]+-\d+|SC-S\d+)[,)]/);
        }
      }
    }
  });
});

describe('the catalogue', () => {
  const every: Record<FindingId, true> = {
    'placeholder-id': true,
    'placeholder-like-id': true,
    'no-usable-identity': true,
    'device-two-users': true,
    'device-users-merged': true,
    'anonymous-handover': true,
    'email-user-id': true,
    'identify-without-event': true,
    'special-event-no-effect': true,
    'identifier-as-device-id': true,
    'device-id-prefixed': true,
    'anon-id-not-guid': true,
    'cluster-near-cap': true,
    'cluster-over-cap': true,
    'identity-event-refused': true,
    'hot-shard': true,
  };

  it('lists every finding id once, with a severity and a rule for every mode it applies to', () => {
    expect(FINDING_CATALOGUE.map((entry) => entry.id).sort()).toEqual(Object.keys(every).sort());
    for (const entry of FINDING_CATALOGUE) {
      for (const mode of entry.modes) {
        expect(['error', 'warning', 'info']).toContain(forMode(entry.severity, mode));
        expect(forMode(entry.rule, mode)).toMatch(/^[A-Z]/);
      }
    }
  });

  it('throws for an unknown id', () => {
    expect(() => catalogueEntry('nope' as FindingId)).toThrow(RangeError);
  });
});

describe('the linter', () => {
  const stream = [
    track({ distinct_id: 'null' }),
    track({ $device_id: 'd1', $user_id: 'u1' }),
    track({ $device_id: 'd1', $user_id: 'a@b.co' }),
  ];

  it('lists errors first, then warnings, then info', () => {
    const severities = lintStream(stream, 'original').map((finding) => finding.severity);
    expect(severities).toEqual([...severities].sort((a, b) => order(a) - order(b)));
    expect(lintStream(stream, 'simplified').map((finding) => finding.id)).toEqual([
      'placeholder-id',
      'device-two-users',
      'email-user-id',
    ]);
  });

  it("echoes the caller's index and line, counts profile updates as records, and refuses records after finish", () => {
    const linter = createLinter('simplified');
    linter.observe({ kind: 'profile', update: { $distinct_id: 'u1', $set: { a: 1 } } }, 0, 1);
    linter.observe(track({ distinct_id: 'null' }), 1, 7);
    expect(linter.finish()[0]?.events).toEqual([{ index: 1, line: 7 }]);
    expect(linter.finish()).toBe(linter.finish());
    expect(() => linter.observe(track({}), 2)).toThrow(/finished/);
  });

  it("asks end-of-stream questions of a caller's resolution of the same mode, and refuses another mode", () => {
    const merged = [
      track({ distinct_id: 'u1', $device_id: 'd1', $user_id: 'u1' }),
      track({ distinct_id: 'u2', $device_id: 'd1', $user_id: 'u2' }),
    ];
    const linter = createLinter('original');
    merged.forEach((record, index) => linter.observe(record, index));
    expect(() => linter.finish(resolve(merged, 'simplified'))).toThrow(RangeError);
    const withMerge = resolve(
      [...merged, { kind: 'event', event: { event: '$merge', properties: { $distinct_ids: ['u1', 'u2'] } } }],
      'original',
    );
    expect(linter.finish(withMerge).map((finding) => finding.id)).toEqual(['device-users-merged']);
  });
});

describe('the text report', () => {
  it("groups by severity and shows each finding's rule, count, explanation, ids and first events", () => {
    const findings = lintStream(
      Array.from({ length: 8 }, (_, k) => track({ distinct_id: k % 2 === 0 ? 'null' : 'undefined' })),
      'original',
    );
    const text = formatFindingsText(findings, { mode: 'original', eventsShown: 3 });
    expect(text.split('\n').slice(0, 3)).toEqual([
      '1 finding (mode: original): 1 error, 0 warnings, 0 info.',
      '',
      'Errors (1)',
    ]);
    expect(text).toContain('[error] Placeholder ids that Mixpanel rejects (placeholder-id)');
    expect(text).toContain('8 events · rule LIM-1, P-9');
    expect(text).toContain('ids: "null", "undefined"');
    expect(text).toContain('events: event #1, event #2, event #3 … and 5 more');
  });

  it('numbers events from 1 and names the line when it is known', () => {
    expect(describeEventRef({ index: 4, line: 9 })).toBe('event #5 (line 9)');
    expect(formatFindingsText([], { mode: 'legacy' })).toBe('No findings (mode: legacy).');
  });
});

function order(severity: string): number {
  return ['error', 'warning', 'info'].indexOf(severity);
}
