// The link codec: any scenario survives a round trip, every past version stays readable, broken payloads say why.
import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { LIBRARY } from './library/index.ts';
import { decodeScenarioLink, encodeScenarioLink, fitsInLink, LINK_VERSION_FIELD } from './link.ts';
import { parseScenario } from './validate.ts';
import { scenarioArbitrary } from './test/arbitraries.ts';

const pack = (json: unknown) => LZString.compressToEncodedURIComponent(JSON.stringify(json));

describe('scenario links', () => {
  it('generated scenarios are valid, and survive encode → decode unchanged', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        expect(parseScenario(scenario)).toMatchObject({ ok: true });
        const payload = encodeScenarioLink(scenario);
        expect(payload).toMatch(/^[A-Za-z0-9+\-$]*$/);
        expect(decodeScenarioLink(payload)).toEqual({ ok: true, scenario, version: 1 });
      }),
      { numRuns: 100 },
    );
  });

  it('round-trips every library scenario', () => {
    for (const scenario of LIBRARY) {
      const decoded = decodeScenarioLink(encodeScenarioLink(scenario));
      expect(decoded.ok ? decoded.scenario : decoded.reason).toEqual(scenario);
    }
  });

  it('reads a version 1 payload written by hand: the bare scenario JSON, no version field', () => {
    const v1 = pack({
      id: 'kiosk',
      title: 'Kiosk',
      modes: ['simplified'],
      devices: [{ id: 'A', label: 'Kiosk', kind: 'web' }],
      steps: [{ device: 'A', call: 'identify', args: ['U1'] }],
    });
    expect(decodeScenarioLink(v1)).toMatchObject({ ok: true, version: 1, scenario: { id: 'kiosk' } });
  });

  it('names what is wrong with a broken payload', () => {
    const reasonOf = (payload: string) => {
      const decoded = decodeScenarioLink(payload);
      return decoded.ok ? 'decoded' : decoded.reason;
    };
    expect(reasonOf('')).toMatch(/cut short/);
    expect(reasonOf('%%%')).not.toBe('decoded');
    expect(reasonOf(LZString.compressToEncodedURIComponent('{"id":'))).toMatch(/not valid JSON/);
    expect(reasonOf(pack({ id: 'x' }))).toMatch(/not valid: title: is required/);
    expect(reasonOf(pack({ [LINK_VERSION_FIELD]: 99, scenario: {} }))).toMatch(
      /newer ID Merge Lab \(link format 99/,
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (junk) => {
        expect(() => decodeScenarioLink(junk)).not.toThrow();
      }),
    );
  });

  it('says when a payload is too long for a link', () => {
    expect(fitsInLink('x'.repeat(100))).toBe(true);
    expect(fitsInLink('x'.repeat(100_000))).toBe(false);
  });
});
