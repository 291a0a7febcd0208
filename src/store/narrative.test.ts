// Stories per mode (#17): every library scenario × mode × step has a story, and every link, refusal, cluster and
// resolved id a generated story states is what the engine holds at that step, resolved again from scratch.
import { describe, expect, it } from 'vitest';
import { MODES, resolve, type Mode, type ResolutionView } from '../engine/index.ts';
import { LIBRARY } from '../scenarios/library/index.ts';
import type { Scenario } from '../scenarios/types.ts';
import { eventRows, playScenarioMemo, resolvePlayed, stepModel, type StepModel } from './derive.ts';
import { narrate, type Narrative, type NarrativeClaim } from './narrative.ts';

interface State {
  readonly scenario: Scenario;
  readonly mode: Mode;
  readonly cursor: number;
  readonly model: StepModel;
  readonly narrative: Narrative;
}

/** Every scenario × mode × step (after each step; step 0 has no story), with the narrative the app shows. */
function everyState(): State[] {
  const states: State[] = [];
  for (const scenario of LIBRARY) {
    const played = playScenarioMemo(scenario, undefined);
    const writtenMode = scenario.modes[0] ?? 'simplified';
    const written = resolvePlayed(played, writtenMode, {});
    for (const mode of MODES) {
      const resolution = resolvePlayed(played, mode, {});
      for (let cursor = 1; cursor <= played.steps.length; cursor++) {
        const model = stepModel(played, resolution, cursor);
        const rows = eventRows(model, scenario.view?.identityEvents !== 'hidden');
        const narrative = narrate(scenario, model, stepModel(played, written, cursor), rows);
        states.push({ scenario, mode, cursor, model, narrative });
      }
    }
  }
  return states;
}

const STATES = everyState();

/** The engine's answer for the records sent so far in `mode`, resolved from scratch (no step log). */
function fromScratch(state: State, mode: Mode): ResolutionView {
  return resolve(state.model.played.records.slice(0, state.model.recordEnd), mode, {}).final();
}

function check(claim: NarrativeClaim, view: ResolutionView): string | undefined {
  switch (claim.kind) {
    case 'link': {
      const found = view
        .links()
        .some((l) => l.eventIndex === claim.event && l.from === claim.from && l.to === claim.to);
      return found ? undefined : `no link ${claim.from} ⇒ ${claim.to} by record ${claim.event}`;
    }
    case 'refusal': {
      const code = view.outcome(claim.event).failure?.code;
      return code === claim.code ? undefined : `record ${claim.event} failed with ${code}, not ${claim.code}`;
    }
    case 'no-effect': {
      const outcome = view.outcome(claim.event);
      return outcome.link === undefined && outcome.failure === undefined
        ? undefined
        : `record ${claim.event} did have an identity effect`;
    }
    case 'cluster': {
      const wanted = [...claim.members].sort().join(',');
      const found = view.clusters().some(
        (c) =>
          c.members
            .map((m) => m.id)
            .sort()
            .join(',') === wanted,
      );
      return found ? undefined : `no cluster {${wanted}}`;
    }
    case 'resolves': {
      const wrong = claim.events.filter((event) => view.outcome(event).resolvedId !== claim.to);
      return wrong.length === 0 ? undefined : `records ${wrong.join(', ')} do not resolve to ${claim.to}`;
    }
  }
}

const where = (s: State) => `${s.scenario.id} · ${s.mode} · step ${s.cursor}`;

describe('stories per mode', () => {
  it(`cover every library scenario × mode × step (${STATES.length} states)`, () => {
    expect(STATES.length).toBe(LIBRARY.reduce((sum, s) => sum + s.steps.length, 0) * MODES.length);
    for (const state of STATES) expect(state.narrative.lines.length, where(state)).toBeGreaterThan(0);
  });

  it('show the written note only in a mode the scenario was written for', () => {
    for (const state of STATES) {
      const writtenFor = state.scenario.modes.includes(state.mode);
      if (state.narrative.written) expect(writtenFor, where(state)).toBe(true);
      if (!writtenFor) {
        expect(state.narrative.difference?.text, where(state)).toMatch(/^Written for /);
        const note = state.scenario.steps[state.cursor - 1]?.note;
        if (note !== undefined)
          expect(
            state.narrative.lines.map((l) => l.text),
            where(state),
          ).not.toContain(note);
      }
    }
  });

  it('state only links, refusals, clusters and resolved ids the engine holds at that step', () => {
    let claims = 0;
    for (const state of STATES) {
      const lines = [
        ...state.narrative.lines,
        ...(state.narrative.difference ? [state.narrative.difference] : []),
      ];
      const views = new Map<Mode, ResolutionView>();
      for (const claim of lines.flatMap((line) => line.claims)) {
        const view = views.get(claim.mode) ?? fromScratch(state, claim.mode);
        views.set(claim.mode, view);
        expect(check(claim, view), `${where(state)}: ${JSON.stringify(claim)}`).toBeUndefined();
        claims++;
      }
    }
    expect(claims).toBeGreaterThan(STATES.length);
  });

  it('tell "Multiple users, one device" under Legacy what Legacy did, not what Simplified did', () => {
    const state = STATES.find(
      (s) => s.scenario.id === 'multiple-users-one-device' && s.mode === 'legacy' && s.cursor === 8,
    );
    const text = state?.narrative.lines.map((l) => l.text).join(' ') ?? '';
    expect(text).not.toContain('D2 ⇒ U2');
    expect(text).toMatch(/Event #5 resolves to U2 \(G-1\)/);
    expect(state?.narrative.difference?.text).toMatch(
      /^Written for Simplified, where event #5 links D2 ⇒ U2 \(S-6\); 3 of 5 events resolve differently here/,
    );
  });
});

describe('written notes', () => {
  it('name only links the engine holds at that step, in the modes the scenario is written for', () => {
    let checked = 0;
    for (const state of STATES.filter((s) => s.narrative.written)) {
      const note = state.narrative.lines[0]?.text ?? '';
      // A sentence about another mode ("On Original …") is not a claim about this one.
      const sentences = note
        .split(/(?<=\.)\s+/)
        .filter((sentence) => !/\b(Simplified|Original|Legacy)\b/.test(sentence));
      const view = fromScratch(state, state.mode);
      const { label } = state.model;
      // A device is written as D1 or as $device:D1.
      const held = view.links().flatMap((link) => {
        const to = label(link.to);
        return [`${label(link.from)} ⇒ ${to}`, `${label(link.from).replace(/^\$device:/, '')} ⇒ ${to}`];
      });
      for (const [claim] of sentences.join(' ').matchAll(/\$?[\w:-]+ ⇒ [\w$:-]+/g)) {
        expect(held, `${where(state)}: "${note}"`).toContain(claim);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });
});
