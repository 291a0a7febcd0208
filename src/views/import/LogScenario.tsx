// "Open as scenario": the SDK calls inferred from the loaded log, private by default (event names and identity
// fields only; the user ticks any other property to keep), opened in the scenario editor, downloaded or linked.
import { useId, useState } from 'react';
import type { LogScenario as Inferred } from '../../store/datasetService.ts';
import { useDataset, useDatasetService } from '../../store/hooks.ts';
import { baseName, saveBlob } from './download.ts';
import { plural } from './format.ts';

/** How many property names are offered to keep: the most used ones. */
const OFFERED = 24;

export function LogScenario() {
  const service = useDatasetService();
  const fileName = useDataset((d) => d.fileName);
  const [names, setNames] = useState<string[] | null>(null);
  const [keep, setKeep] = useState<readonly string[]>([]);
  const [inferred, setInferred] = useState<Inferred | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();

  const fail = (caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught));
  const infer = async (properties: readonly string[]) => {
    try {
      setInferred(await service.logScenario(properties));
      setError(null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };
  const open = async () => {
    setNames((await service.logPropertyNames()).slice(0, OFFERED));
    await infer(keep);
  };
  const toggle = (name: string, on: boolean) => {
    const next = on ? [...keep, name] : keep.filter((k) => k !== name);
    setKeep(next);
    void infer(next);
  };

  if (names === null)
    return (
      <button type="button" className="ref-button" onClick={() => void open()}>
        Open as scenario
      </button>
    );
  return (
    <section className="log-scenario" aria-labelledby={headingId} data-testid="har.scenario">
      <h3 className="panel-heading" id={headingId}>
        Scenario from this log
      </h3>
      <p>
        {inferred === null
          ? 'Inferring…'
          : `${plural(inferred.scenario.devices.length, 'device')}, ${plural(inferred.scenario.steps.length, 'step')}. It keeps event names and identity fields only; tick a property to keep its values too. The project token, headers and cookies are never included.`}
      </p>
      <fieldset className="log-scenario__keep">
        <legend>Also keep these properties</legend>
        {names.map((name) => (
          <label key={name}>
            <input
              type="checkbox"
              checked={keep.includes(name)}
              onChange={(e) => toggle(name, e.target.checked)}
            />{' '}
            {name}
          </label>
        ))}
      </fieldset>
      {inferred === null ? null : (
        <p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => void service.openInEditor(inferred.scenario).catch(fail)}
          >
            Open in the editor
          </button>{' '}
          <button
            type="button"
            onClick={() =>
              saveBlob(
                new Blob([inferred.json], { type: 'application/json' }),
                `${baseName(fileName)}.scenario.json`,
              )
            }
          >
            Download scenario JSON
          </button>{' '}
          {inferred.link === undefined ? (
            'Too long for a link: download it and open it in the scenario editor.'
          ) : (
            <a href={inferred.link} data-testid="har.scenarioLink">
              Link to this scenario
            </a>
          )}
        </p>
      )}
      {error === null ? null : (
        <p className="import-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
