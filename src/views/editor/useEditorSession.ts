// Binds the editor's document to the app: every valid, playable version of the scenario is shown live (the table
// and graph re-resolve), written into the URL (?play=, replaceState) and autosaved to "My scenarios".
import { useEffect, useMemo, useRef, useState } from 'react';
import { copyOfScenario } from '../../scenarios/edit.ts';
import { encodeScenarioLink } from '../../scenarios/link.ts';
import type { Scenario } from '../../scenarios/types.ts';
import { useActions, useAppState, useScenario } from '../../store/hooks.ts';
import { playProblemOf } from '../../store/playable.ts';
import { browserStorage, readSaved, upsertSaved, writeSaved } from '../../store/savedScenarios.ts';
import { createDocument, type ScenarioDocument } from './document.ts';

/** A key for a new saved scenario. */
function newKey(): string {
  return `s-${Date.now().toString(36)}-${Math.floor(performance.now() * 1000).toString(36)}`;
}

export interface EditorSession {
  readonly document: ScenarioDocument;
  /** Why the latest valid scenario cannot be played (the app keeps the last good one), if it cannot. */
  readonly playProblem: string | undefined;
  /** Starts editing another scenario under a new saved key (a preset, a blank, an upload, a saved one). */
  readonly startFrom: (scenario: Scenario, key?: string) => void;
  readonly savedKey: string;
}

export function useEditorSession(): EditorSession {
  const actions = useActions();
  const current = useScenario();
  const custom = useAppState((state) => state.custom);
  // Read first: damaged saved data is set aside now, with a notice, before autosave writes a fresh list.
  const [savedAtStart] = useState(() => readSaved(browserStorage()));
  // The start point: the user's own scenario, or a copy of what is on show (a library or a shared scenario).
  const [start] = useState(() => {
    if (custom?.editable === true) {
      const saved = savedAtStart.entries.find((entry) => entry.payload === custom.payload);
      return { scenario: custom.scenario, key: saved?.key ?? newKey() };
    }
    return { scenario: copyOfScenario(current), key: newKey() };
  });
  // A ref, so a new start point's first autosave already goes under its new key; the state re-renders the list.
  const keyRef = useRef(start.key);
  const [savedKey, setSavedKey] = useState(start.key);
  const document = useMemo(() => createDocument(start.scenario), [start]);
  const [playProblem, setPlayProblem] = useState<string | undefined>();

  useEffect(() => {
    if (savedAtStart.notice !== undefined) actions.addNotice(savedAtStart.notice);
  }, [savedAtStart, actions]);

  useEffect(() => {
    const saver = debouncedSaver();
    const show = (scenario: Scenario) => {
      const problem = playProblemOf(scenario, undefined);
      setPlayProblem(problem);
      if (problem !== undefined) return;
      const payload = encodeScenarioLink(scenario);
      actions.showCustom({ scenario, payload, editable: true });
      saver.save(keyRef.current, scenario, payload);
    };
    show(document.getState().scenario);
    const unsubscribe = document.subscribe((state, previous) => {
      if (state.scenario !== previous.scenario) show(state.scenario);
    });
    return () => {
      unsubscribe();
      saver.dispose();
    };
  }, [document, actions]);

  const startFrom = (scenario: Scenario, key = newKey()) => {
    keyRef.current = key;
    setSavedKey(key);
    document.setState({ scenario, text: `${JSON.stringify(scenario, null, 2)}\n` });
  };
  return { document, playProblem, startFrom, savedKey };
}

/** How long autosave waits for the edits to pause: reading and writing every saved scenario is not per keystroke. */
const AUTOSAVE_DELAY_MS = 300;

/** Autosave off the edit path: the last version is written once edits pause, and at once when the page is left. */
function debouncedSaver() {
  let pending: (() => void) | undefined;
  let timer: number | undefined;
  const flush = () => {
    window.clearTimeout(timer);
    timer = undefined;
    const write = pending;
    pending = undefined;
    write?.();
  };
  window.addEventListener('pagehide', flush);
  return {
    save(key: string, scenario: Scenario, payload: string) {
      pending = () => autosave(key, scenario, payload);
      window.clearTimeout(timer);
      timer = window.setTimeout(flush, AUTOSAVE_DELAY_MS);
    },
    dispose() {
      flush();
      window.removeEventListener('pagehide', flush);
    },
  };
}

/** Saves the scenario under its key (most recent first); a refusal (storage full or blocked) is not an error here. */
function autosave(key: string, scenario: Scenario, payload: string): void {
  const storage = browserStorage();
  const { entries } = readSaved(storage);
  writeSaved(storage, upsertSaved(entries, { key, title: scenario.title, payload, savedAt: Date.now() }));
}
