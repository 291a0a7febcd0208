import { describe, expect, it } from 'vitest';
import { initialTheme, parseStoredTheme } from './themePreference.ts';

describe('theme preference', () => {
  it('accepts only "light" and "dark"', () => {
    expect(parseStoredTheme('dark')).toBe('dark');
    expect(parseStoredTheme('light')).toBe('light');
    expect(parseStoredTheme('Dark')).toBeUndefined();
    expect(parseStoredTheme('{"oops')).toBeUndefined();
    expect(parseStoredTheme(null)).toBeUndefined();
  });
  it('prefers a stored choice, else follows the system', () => {
    expect(initialTheme('light', true)).toBe('light');
    expect(initialTheme(null, true)).toBe('dark');
    expect(initialTheme('garbage', false)).toBe('light');
  });
});
