// The scenario editor (loaded lazily): a form and the source on one scenario, undo/redo across both, start points
// (blank, presets, My scenarios, upload), and the live link. Opened by "Edit a copy".
import { useCallback, useState, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { blankScenario } from '../../scenarios/edit.ts';
import { fetchScenario } from '../../scenarios/library/shelf.ts';
import { PRESETS } from '../../scenarios/presets.ts';
import type { Scenario } from '../../scenarios/types.ts';
import { useActions } from '../../store/hooks.ts';
import { Tabs, type TabSpec } from '../shared/Tabs.tsx';
import { DevicesForm } from './DevicesForm.tsx';
import { editScenario } from './document.ts';
import { LinkSizeWarning } from './LinkSizeWarning.tsx';
import { MyScenarios } from './MyScenarios.tsx';
import { SourceView } from './SourceView.tsx';
import { StepsForm } from './StepsForm.tsx';
import { useEditorSession } from './useEditorSession.ts';
import './editor.css';

type View = 'form' | 'source';

export default function ScenarioEditor() {
  const session = useEditorSession();
  const { document } = session;
  const { setEditorOpen, addNotice } = useActions();
  const scenario = useStore(document, (state) => state.scenario);
  const canUndo = useStore(document.temporal, (state) => state.pastStates.length > 0);
  const canRedo = useStore(document.temporal, (state) => state.futureStates.length > 0);
  const [view, setView] = useState<View>('form');
  const undo = useCallback(() => document.temporal.getState().undo(), [document]);
  const redo = useCallback(() => document.temporal.getState().redo(), [document]);
  const edit = useCallback((change: (s: Scenario) => Scenario) => editScenario(document, change), [document]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 'z') return;
    if ((event.target as HTMLElement).closest('.cm-editor') !== null) return; // the source view binds its own
    event.preventDefault();
    if (event.shiftKey) redo();
    else undo();
  };

  const tabs: readonly TabSpec<View>[] = [
    {
      key: 'form',
      label: 'Form',
      content: (
        <div className="editor-form">
          <DevicesForm scenario={scenario} edit={edit} />
          <StepsForm scenario={scenario} edit={edit} />
        </div>
      ),
    },
    { key: 'source', label: 'Source', content: <SourceView document={document} undo={undo} redo={redo} /> },
  ];
  return (
    <div className="editor" onKeyDown={onKeyDown}>
      <div className="editor-toolbar" role="toolbar" aria-label="Scenario editing">
        <button type="button" onClick={undo} disabled={!canUndo} aria-keyshortcuts="Control+Z Meta+Z">
          Undo
        </button>
        <button
          type="button"
          onClick={redo}
          disabled={!canRedo}
          aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
        >
          Redo
        </button>
        <button type="button" onClick={() => session.startFrom(blankScenario())}>
          New blank scenario
        </button>
        <select
          autoComplete="off"
          aria-label="Start from a common pain"
          value=""
          onChange={(event) => {
            const preset = PRESETS[Number(event.target.value)];
            if (preset === undefined) return;
            const { source } = preset;
            const start = (scenario: Scenario | undefined) =>
              scenario === undefined
                ? undefined
                : session.startFrom({ ...scenario, id: `${scenario.id}-mine` });
            // A library preset's body may still be loading (scenarios/library/shelf.ts).
            if ('scenario' in source) start(source.scenario);
            else
              fetchScenario(source.libraryId).then(start, (error: unknown) =>
                addNotice(`The preset "${preset.pain}" could not be loaded (${String(error)}).`),
              );
          }}
        >
          <option value="">Start from a common pain…</option>
          {PRESETS.map((preset, i) => (
            <option key={preset.pain} value={i}>
              {preset.pain}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => setEditorOpen(false)}>
          Close editor
        </button>
      </div>
      <label className="editor-title">
        Title
        <input
          autoComplete="off"
          value={scenario.title}
          onChange={(event) => {
            const title = event.target.value;
            if (title.trim() !== '') edit((s) => ({ ...s, title }));
          }}
        />
      </label>
      <LinkSizeWarning scenario={scenario} />
      {session.playProblem === undefined ? null : (
        <p className="editor-problem" role="alert">
          {session.playProblem} The table shows the last version that played.
        </p>
      )}
      <Tabs
        label="Editor view"
        tabs={tabs}
        selected={view}
        onSelect={setView}
        panelId={(key) => `editor-${key}`}
      />
      <MyScenarios current={session.savedKey} open={session.startFrom} />
    </div>
  );
}
