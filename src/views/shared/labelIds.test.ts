import { describe, expect, it } from 'vitest';
import { MODES } from '../../engine/index.ts';
import { LIBRARY } from '../../scenarios/library/index.ts';
import { deviceAliases } from '../../scenarios/play.ts';
import { eventRows, playScenarioMemo, resolvePlayed, stepModel } from '../../store/derive.ts';
import { labelIdsIn } from './labelIds.ts';
import { codeParts } from './codeParts.ts';

const UUID = 'bc65a5a6-9e6a-4626-93be-2e333cc0f300';

describe('labelIdsIn', () => {
  it('replaces whole ids by their aliases, the $device: form first', () => {
    const aliases = deviceAliases([UUID, 'abc']);
    expect(labelIdsIn(`$device:${UUID} is already linked to alice`, aliases)).toBe(
      '$device:D1 is already linked to alice',
    );
    expect(labelIdsIn(`${UUID} and abc, not abcd or x-abc`, aliases)).toBe('D1 and D2, not abcd or x-abc');
    expect(labelIdsIn('nothing here', new Map())).toBe('nothing here');
  });

  it('answers a sentence asked again from memory, the same as the first time, per alias map', () => {
    const aliases = deviceAliases([UUID]);
    const sentence = `${UUID} would make 501 ids`;
    expect(labelIdsIn(sentence, aliases)).toBe('D1 would make 501 ids');
    expect(labelIdsIn(sentence, aliases)).toBe('D1 would make 501 ids');
    // Another scenario's aliases name the same id differently.
    expect(labelIdsIn(sentence, deviceAliases(['x', UUID]))).toBe('D2 would make 501 ids');
    // Past the cache's bound it starts again and still answers right.
    for (let i = 0; i < 600; i++) expect(labelIdsIn(`${UUID} #${i}`, aliases)).toBe(`D1 #${i}`);
    expect(labelIdsIn(sentence, aliases)).toBe('D1 would make 501 ids');
  });

  it('leaves no generated device id in any failure description of the library, in any mode', () => {
    const leaks: string[] = [];
    let rawBefore = 0;
    for (const scenario of LIBRARY) {
      const played = playScenarioMemo(scenario, undefined);
      for (const mode of MODES) {
        const model = stepModel(played, resolvePlayed(played, mode, {}), played.steps.length);
        for (const row of eventRows(model)) {
          const raw = row.outcome.failure?.description ?? '';
          if (played.deviceIds.some((id) => raw.includes(id))) rawBefore++;
          const text = labelIdsIn(raw, played.aliases);
          for (const id of played.deviceIds)
            if (text.includes(id)) leaks.push(`${scenario.id} ${mode}: ${text}`);
        }
      }
    }
    expect(rawBefore).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
  });
});

describe('codeParts (where a code may wrap)', () => {
  it('splits at camel-case humps and after separators, and the parts join back to the code', () => {
    expect(codeParts('errAnonDistinctIdAssignedAlready')).toEqual([
      'err',
      'Anon',
      'Distinct',
      'Id',
      'Assigned',
      'Already',
    ]);
    expect(codeParts('$failure_reason')).toEqual(['$failure_', 'reason']);
    for (const code of ['errAnonDistinctIdAssignedAlready', 'LIM-1', 'a.b:c', 'HTTP2Error', ''])
      expect(codeParts(code).join('')).toBe(code);
  });
});
