// The dataset slice's actions: a load opens the workspace fresh, a re-resolve keeps the selection, jumps count.
import { describe, expect, it } from 'vitest';
import { needsResolve } from '../app/useDatasetResolve.ts';
import type { SessionSummary } from '../worker/importSession.ts';
import type { FilePreview } from '../worker/preview.ts';
import { createAppStore } from './appStore.ts';

const summary = (rejected: number, mode: SessionSummary['mode'] = 'simplified'): SessionSummary =>
  ({
    mode,
    options: {},
    report: { rejected },
    problems: [],
    records: 3,
    clusters: 1,
    findings: [],
  }) as unknown as SessionSummary;

const preview = (exportNote?: string): FilePreview =>
  ({ name: 'f.ndjson', size: 1, exportNote }) as unknown as FilePreview;

describe('the dataset slice', () => {
  it('previews a file in the dialog, ticking re-derive for an export (G-6)', () => {
    const store = createAppStore();
    store.getState().choosePreview(preview('this looks like a Mixpanel export'));
    expect(store.getState().dataset).toMatchObject({ dialogOpen: true, rederive: true, format: 'auto' });
    store.getState().choosePreview(preview());
    expect(store.getState().dataset.rederive).toBe(false);
  });

  it('a load opens the workspace on the report when lines were rejected, else on the findings', () => {
    const store = createAppStore();
    store.getState().datasetWorkStarted('loading');
    store.getState().closeImportDialog();
    expect(store.getState().dataset.status).toBe('loading');
    store.getState().datasetLoaded(summary(2), 'f.ndjson');
    expect(store.getState().dataset).toMatchObject({
      source: 'dataset',
      dialogOpen: false,
      tab: 'report',
      version: 1,
    });
    store.getState().datasetLoaded(summary(0), 'g.ndjson');
    expect(store.getState().dataset).toMatchObject({ tab: 'findings', fileName: 'g.ndjson', version: 2 });
  });

  it('keeps the selection across a re-resolve, and each jump is a new one', () => {
    const store = createAppStore();
    store.getState().datasetLoaded(summary(0), 'f.ndjson');
    store.getState().jumpToEvent(4, 'U1');
    store.getState().jumpToEvent(4, 'U1');
    expect(store.getState().dataset).toMatchObject({
      selectedEvent: 4,
      selectedId: 'U1',
      jump: { index: 4, seq: 2 },
    });
    store.getState().datasetWorkStarted('resolving');
    store.getState().datasetResolved(summary(0, 'original'));
    expect(store.getState().dataset).toMatchObject({ status: 'idle', selectedId: 'U1', version: 2 });
  });

  it('re-resolves when the header mode or options differ from the answer on show, once idle', () => {
    const store = createAppStore();
    expect(needsResolve(store.getState())).toBe(false);
    store.getState().datasetLoaded(summary(0), 'f.ndjson');
    expect(needsResolve(store.getState())).toBe(false);
    store.getState().setMode('original');
    expect(needsResolve(store.getState())).toBe(true);
    store.getState().datasetWorkStarted('resolving');
    expect(needsResolve(store.getState())).toBe(false);
    store.getState().datasetResolved(summary(0, 'original'));
    store.getState().setOption('clusterLimit', 10);
    expect(needsResolve(store.getState())).toBe(true);
  });
});
