// `idmerge rules` and the rule footer of `idmerge lint` read the one catalogue (src/rules).
import { describe, expect, it } from 'vitest';
import { cli } from './test/runCli.ts';

describe('idmerge rules', () => {
  it('prints S-9 in plain words with its public source', async () => {
    const { code, stdout } = await cli(['rules', 'S-9']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^S-9: first link wins/);
    expect(stdout).toContain('errAnonDistinctIdAssignedAlready');
    expect(stdout).toContain('Source: MP-IDU-2024 https://github.com/mixpanel/docs/');
  });

  it('says for an open question what the lab assumes and which flag changes it (Q-5)', async () => {
    const { stdout } = await cli(['rules', 'Q-5']);
    expect(stdout).toMatch(/Assumption: .*larger cluster/);
    expect(stdout).toContain('Change it: --canonical');
  });

  it('refuses an unknown id as a usage mistake', async () => {
    const { code, stderr } = await cli(['rules', 'S-99']);
    expect(code).toBe(2);
    expect(stderr).toContain('no rule S-99');
  });
});

describe('idmerge lint', () => {
  it('ends its text report with the rules its findings cite, each with its public page', async () => {
    const stream = ['null', 'anon'].map((id) =>
      JSON.stringify({ event: 'x', properties: { distinct_id: id } }),
    );
    const { stdout } = await cli(['lint', '-'], stream.join('\n') + '\n');
    expect(stdout).toContain('Rules cited');
    expect(stdout).toMatch(/ {2}LIM-1 distinct_id values that are refused: https:\/\/docs\.mixpanel\.com\//);
  });
});
