import { describe, expect, it } from 'vitest';
import { stepActionFor } from './keyboardStepping.ts';

const none = { altKey: false, ctrlKey: false, metaKey: false };
/** A stand-in for an element: `closest` matches when the selector names one of its tags or roles. */
const element = (...matches: string[]) => ({
  closest: (selector: string) => (matches.some((m) => selector.includes(m)) ? {} : null),
});

describe('stepActionFor', () => {
  it('maps the step keys', () => {
    expect(stepActionFor('ArrowLeft', none, null)).toBe('back');
    expect(stepActionFor('ArrowRight', none, null)).toBe('forward');
    expect(stepActionFor('Home', none, null)).toBe('first');
    expect(stepActionFor('End', none, null)).toBe('last');
    expect(stepActionFor(' ', none, null)).toBe('toggle-play');
    expect(stepActionFor('a', none, null)).toBeUndefined();
  });
  it('leaves keys with a modifier to the browser', () => {
    expect(stepActionFor('ArrowLeft', { ...none, altKey: true }, null)).toBeUndefined();
    expect(stepActionFor('Home', { ...none, ctrlKey: true }, null)).toBeUndefined();
  });
  it('leaves keys to text inputs, selects, sliders and tabs', () => {
    expect(stepActionFor('ArrowRight', none, element('input'))).toBeUndefined();
    expect(stepActionFor('Home', none, element('select'))).toBeUndefined();
    expect(stepActionFor('ArrowLeft', none, element('[role="tab"]'))).toBeUndefined();
  });
  it('leaves Space to buttons but still steps with arrows from them', () => {
    expect(stepActionFor(' ', none, element('button'))).toBeUndefined();
    expect(stepActionFor('ArrowRight', none, element('button'))).toBe('forward');
  });
});
