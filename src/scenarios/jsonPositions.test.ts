// The JSON position locator places paths at their key (members) or value (items), and syntax errors where they are.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonPositions, JsonSyntaxError, positionAt, syntaxErrorOffset } from './jsonPositions.ts';
import { parseScenarioText } from './validate.ts';

const TEXT = `{
  "a": [1, {"b": "x\\"y"}],
  "c": { "d": null }
}`;

describe('JsonPositions', () => {
  const positions = new JsonPositions(TEXT);

  it('places a member at its key and a list item at its value', () => {
    expect(positions.find(['a'])).toMatchObject({ line: 2, column: 3 });
    expect(positions.find(['a', 0])).toMatchObject({ line: 2, column: 9 });
    expect(positions.find(['a', 1, 'b'])).toMatchObject({ line: 2, column: 13 });
    expect(positions.find(['c', 'd'])).toMatchObject({ line: 3, column: 10 });
  });

  it('places a path that is not in the text at its nearest ancestor', () => {
    expect(positions.find(['c', 'missing'])).toEqual(positions.find(['c']));
    expect(positions.find(['nothing', 3])).toMatchObject({ line: 1, column: 1 });
  });

  it('refuses text that is not JSON, at the first bad character', () => {
    expect(() => new JsonPositions('{"a": tru}')).toThrow(JsonSyntaxError);
    expect(syntaxErrorOffset('{"a": 1,, "b": 2}', new Error('no position given'))).toBe(8);
    expect(positionAt('{\n  "a": }', 9)).toEqual({ line: 2, column: 8, offset: 9 });
  });

  it('agrees with JSON.parse on which texts are JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value, null, 1);
        expect(() => new JsonPositions(text)).not.toThrow();
      }),
    );
  });
});

describe('parseScenarioText', () => {
  it('gives each problem the line and column of its field', () => {
    const text = `{
  "id": "x",
  "title": "X",
  "lesson": "L",
  "group": "Simplified basics",
  "modes": ["simplified"],
  "devices": [{ "id": "A", "label": "Laptop", "kind": "web" }],
  "steps": [{ "device": "A", "call": "idntify" }]
}`;
    const parsed = parseScenarioText(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? [] : parsed.problems).toEqual([
      expect.objectContaining({ path: ['steps', 0, 'call'], line: 8, column: 30 }),
    ]);
  });
});
