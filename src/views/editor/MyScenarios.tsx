// "My scenarios": the autosaved list (open, duplicate, delete, download .json) and upload of a scenario file.
import { useMemo, useState } from 'react';
import { decodeScenarioLink } from '../../scenarios/link.ts';
import type { Scenario } from '../../scenarios/types.ts';
import { parseScenarioText, problemWithPlace } from '../../scenarios/validate.ts';
import { useActions, useAppState } from '../../store/hooks.ts';
import {
  browserStorage,
  readSaved,
  upsertSaved,
  writeSaved,
  type SavedScenario,
} from '../../store/savedScenarios.ts';
import { sourceOf } from './document.ts';

interface MyScenariosProps {
  /** The key the open scenario autosaves under. */
  readonly current: string;
  readonly open: (scenario: Scenario, key?: string) => void;
}

/** Offers a scenario as a `.json` file (the format `idmerge simulate` reads). */
export function downloadScenario(scenario: Scenario): void {
  const url = URL.createObjectURL(new Blob([sourceOf(scenario)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${scenario.id}.json`;
  link.click();
  URL.revokeObjectURL(url);
}

export function MyScenarios({ current, open }: MyScenariosProps) {
  const { addNotice } = useActions();
  const custom = useAppState((state) => state.custom);
  const [version, setVersion] = useState(0);
  // Re-read after every autosave (the custom scenario changes with each edit) and after every change made here.
  const entries = useMemo(
    () => (custom === undefined || version < 0 ? [] : readSaved(browserStorage(), { peek: true }).entries),
    [custom, version],
  );
  const save = (next: readonly SavedScenario[]) => {
    writeSaved(browserStorage(), next);
    setVersion((v) => v + 1);
  };
  const decode = (entry: SavedScenario) => {
    const decoded = decodeScenarioLink(entry.payload);
    if (!decoded.ok) addNotice(`Saved scenario "${entry.title}" could not be opened: ${decoded.reason}`);
    return decoded.ok ? decoded.scenario : undefined;
  };
  const upload = async (file: File) => {
    const parsed = parseScenarioText(await file.text());
    if (parsed.ok) open(parsed.scenario);
    else
      addNotice(
        `${file.name} is not a scenario: ${parsed.problems
          .slice(0, 3)
          .map((p) => problemWithPlace(file.name, p))
          .join('; ')}`,
      );
  };
  return (
    <section className="editor-saved" aria-label="My scenarios">
      <h3>My scenarios</h3>
      <ul>
        {entries.map((entry) => (
          <li key={entry.key} aria-current={entry.key === current ? 'true' : undefined}>
            <span className="editor-saved-title">{entry.title}</span>
            <button
              type="button"
              disabled={entry.key === current}
              onClick={() => {
                const scenario = decode(entry);
                if (scenario !== undefined) open(scenario, entry.key);
              }}
            >
              Open <span className="visually-hidden">{entry.title}</span>
            </button>
            <button
              type="button"
              onClick={() =>
                save(
                  upsertSaved(entries, {
                    ...entry,
                    key: `${entry.key}-${entries.length}`,
                    title: `${entry.title} (copy)`,
                    savedAt: Date.now(),
                  }),
                )
              }
            >
              Duplicate <span className="visually-hidden">{entry.title}</span>
            </button>
            <button
              type="button"
              disabled={entry.key === current}
              onClick={() => save(entries.filter((e) => e.key !== entry.key))}
            >
              Delete <span className="visually-hidden">{entry.title}</span>
            </button>
            <button
              type="button"
              onClick={() => {
                const scenario = decode(entry);
                if (scenario !== undefined) downloadScenario(scenario);
              }}
            >
              Download <span className="visually-hidden">{entry.title}</span>
            </button>
          </li>
        ))}
      </ul>
      <label className="editor-upload">
        Upload a scenario (.json)
        <input
          autoComplete="off"
          type="file"
          accept=".json,application/json"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file !== undefined) void upload(file);
            event.target.value = '';
          }}
        />
      </label>
    </section>
  );
}
