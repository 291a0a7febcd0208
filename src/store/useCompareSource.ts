// The Compare view's data, wherever the stream lives: a scenario (compared here, in the page, at its step) or an
// imported file (compared in the import worker). Both answer with src/compare through CompareSession.
import { useMemo } from 'react';
import { optionsKey, type ResolveOptions, type StreamRecord } from '../engine/index.ts';
import type {
  AssumptionResult,
  CompareOverview,
  CompareRow,
  CompareRowQuery,
  FunnelSpec,
  MiniCluster,
  MigrationWalkthrough,
} from '../compare/index.ts';
import { carriesBothIds, CompareSession } from '../worker/compareSession.ts';
import { useAppState, useDataset, useDatasetService, useStepModel } from './hooks.ts';

export interface CompareSource {
  /** Changes whenever the stream or the options change, so the view asks again. */
  readonly key: string;
  /** What is compared, for the heading: the scenario at its step, or the file. */
  readonly title: string;
  readonly overview: (funnel: FunnelSpec | undefined, modes: readonly string[]) => Promise<CompareOverview>;
  readonly rows: (query: CompareRowQuery) => Promise<{ total: number; rows: CompareRow[] }>;
  readonly graphs: (ids: readonly string[]) => Promise<Record<string, MiniCluster[]>>;
  readonly assumptions: () => Promise<AssumptionResult[]>;
  readonly migration: () => Promise<MigrationWalkthrough>;
}

/** The source for what the main area shows: the dataset when it is on show and loaded, else the scenario. */
export function useCompareSource(): CompareSource | null {
  const source = useDataset((d) => d.source);
  const loaded = useDataset((d) => d.summary !== null);
  const version = useDataset((d) => d.version);
  const fileName = useDataset((d) => d.fileName);
  const options = useAppState((state) => state.options);
  const service = useDatasetService();
  const model = useStepModel();
  const scenario = useMemo(() => {
    const records = model.played.records.slice(0, model.recordEnd);
    return scenarioSource(
      records,
      options,
      `${model.played.scenario.title}, step ${model.cursor} of ${model.stepCount}`,
    );
  }, [model, options]);
  const dataset = useMemo(() => {
    if (!loaded) return null;
    return datasetSource(service, options, fileName ?? 'the imported file', version);
  }, [loaded, service, options, fileName, version]);
  return source === 'dataset' ? dataset : scenario;
}

function scenarioSource(
  records: readonly StreamRecord[],
  options: Partial<ResolveOptions>,
  title: string,
): CompareSource {
  const session = new CompareSession({ records: () => records, options });
  return {
    key: `scenario|${title}|${optionsKey(options)}|${records.length}`,
    title,
    overview: (funnel, modes) => Promise.resolve(session.overview(funnel, modes)),
    rows: (query) => Promise.resolve(session.rows(query)),
    graphs: (ids) => Promise.resolve(session.graphs(ids)),
    assumptions: () => Promise.resolve(session.assumptions()),
    migration: () => Promise.resolve(session.migration((index) => carriesBothIds(records[index]))),
  };
}

function datasetSource(
  service: ReturnType<typeof useDatasetService>,
  options: Partial<ResolveOptions>,
  fileName: string,
  version: number,
): CompareSource {
  return {
    key: `dataset|${version}|${optionsKey(options)}`,
    title: fileName,
    overview: (funnel, modes) =>
      service.ask('compare', funnel === undefined ? { options, modes } : { options, modes, funnel }),
    rows: (query) => service.ask('compareRows', { ...query, options }),
    graphs: (ids) => service.ask('compareGraphs', { options, ids }),
    assumptions: () => service.ask('compareAssumptions', { options }),
    migration: () => service.ask('compareMigration', { options }),
  };
}
