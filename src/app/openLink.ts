// Opening a `?play=` link: the scenario is decoded and validated by the lazily loaded link codec (zod stays out of
// the first load), must play, and opens read-only, unless it is the user's own autosaved draft (a reload).
import type { AppState } from '../store/appStore.ts';
import { catalogueOf } from '../store/catalogue.ts';
import type { CustomScenario } from '../store/custom.ts';
import { playProblemOf } from '../store/playable.ts';
import { browserStorage, readSaved } from '../store/savedScenarios.ts';
import { readLocation } from '../store/urlState.ts';
import { initialStateFromPage, pageSettings } from './initialState.ts';

type Opened = { readonly custom: CustomScenario } | { readonly problem: string };

/** Decodes and checks a payload; says what is wrong with it instead of throwing. */
export async function openPayload(payload: string): Promise<Opened> {
  const { decodeScenarioLink } = await import('../scenarios/link.ts');
  const decoded = decodeScenarioLink(payload);
  if (!decoded.ok) return { problem: decoded.reason };
  const problem = playProblemOf(decoded.scenario, undefined);
  if (problem !== undefined) return { problem };
  const own = readSaved(browserStorage(), { peek: true }).entries.some((entry) => entry.payload === payload);
  return { custom: { scenario: decoded.scenario, payload, editable: own } };
}

/** The state a page opens in for a `?play=` URL: that scenario at that mode and step, or the default with a notice. */
export async function initialStateFromLink(search: string, payload: string): Promise<Partial<AppState>> {
  const base = initialStateFromPage();
  const opened = await openPayload(payload);
  if ('problem' in opened)
    return {
      ...base,
      notices: [
        ...(base.notices ?? []),
        `This link's scenario could not be opened: ${opened.problem} Showing "${String(base.scenarioId)}" instead.`,
      ],
    };
  const { scenario } = opened.custom;
  const params = new URLSearchParams(search);
  params.delete('play');
  params.set('scenario', scenario.id);
  const { location, notices } = readLocation(params.toString(), catalogueOf([scenario]));
  const settings = pageSettings(search);
  return {
    ...settings,
    ...location,
    custom: opened.custom,
    editorOpen: opened.custom.editable,
    stepCount: scenario.steps.length,
    notices: [...(settings.notices ?? []), ...notices],
  };
}
