// The linter's per-number state (issue #14): device numbers and remembered answers.
import { describe, expect, it } from 'vitest';
import { DeviceNumbers, RememberedTest } from './columns.ts';

describe('DeviceNumbers', () => {
  it('gives each device one number, in first-seen order, and its text back', () => {
    const devices = new DeviceNumbers(() => '');
    const sent = ['d1', 'd1', 'd2', 'd1', 'd3', 'd2'];
    const numbers = sent.map((device) => devices.numberOf(device));
    expect(new Set(numbers).size).toBe(3);
    expect(numbers.map((number) => devices.textOf(number))).toEqual(sent);
  });

  it("numbers a device the engine keyed apart from the others, and reads its text from the engine's key", () => {
    const keys = ['$device:k0', '$device:k1'];
    const devices = new DeviceNumbers((key) => keys[key] ?? '');
    const own = devices.numberOf('d1');
    const keyed = [devices.numberOfKey(0), devices.numberOfKey(1)];
    expect(new Set([own, ...keyed]).size).toBe(3);
    expect([own, ...keyed].map((number) => devices.textOf(number))).toEqual(['d1', 'k0', 'k1']);
  });
});

describe('RememberedTest', () => {
  it('knows only what it was told, per number', () => {
    const test = new RememberedTest();
    expect(test.known(3)).toBeUndefined();
    expect(test.remember(3, true)).toBe(true);
    expect(test.remember(4, false)).toBe(false);
    expect([test.known(3), test.known(4), test.known(5)]).toEqual([true, false, undefined]);
  });
});
