// The scenario source in CodeMirror 6: JSON with completion, hover help and inline problems from the one schema.
// Undo and redo are the editor document's (shared with the form), not CodeMirror's own history.
import { jsonLanguage, json } from '@codemirror/lang-json';
import { linter, lintGutter } from '@codemirror/lint';
import { Annotation, EditorState, Prec } from '@codemirror/state';
import { EditorView, hoverTooltip, keymap } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { useEffect, useRef } from 'react';
import { editText, type ScenarioDocument } from './document.ts';
import { completeScenario, hoverScenario, lintScenario } from './schemaAssist.ts';

/** How long typing pauses before the text becomes a new version (one undo step) and the scenario re-resolves. */
export const SOURCE_DEBOUNCE_MS = 250;

/** Marks the text changes that came from the document, so they are not sent back to it. */
const external = Annotation.define<boolean>();

interface SourceViewProps {
  readonly document: ScenarioDocument;
  readonly undo: () => void;
  readonly redo: () => void;
}

export function SourceView({ document, undo, redo }: SourceViewProps) {
  const parent = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (parent.current === null) return undefined;
    let timer: number | undefined;
    const commit = (view: EditorView) => {
      window.clearTimeout(timer);
      timer = undefined;
      editText(document, view.state.doc.toString());
    };
    const view = new EditorView({
      parent: parent.current,
      state: EditorState.create({
        doc: document.getState().text,
        extensions: [
          Prec.highest(
            keymap.of([
              { key: 'Mod-z', run: (v) => (commit(v), undo(), true) },
              { key: 'Mod-Shift-z', run: (v) => (commit(v), redo(), true) },
              { key: 'Mod-y', run: (v) => (commit(v), redo(), true) },
            ]),
          ),
          basicSetup,
          json(),
          jsonLanguage.data.of({ autocomplete: completeScenario }),
          linter(lintScenario, { delay: SOURCE_DEBOUNCE_MS }),
          lintGutter(),
          hoverTooltip(hoverScenario),
          EditorView.contentAttributes.of({ 'aria-label': 'Scenario source' }),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged || update.transactions.some((t) => t.annotation(external) === true))
              return;
            window.clearTimeout(timer);
            timer = window.setTimeout(() => commit(update.view), SOURCE_DEBOUNCE_MS);
          }),
        ],
      }),
    });
    // Undo, redo or a form edit changed the text: show it (a pending edit was committed first).
    const unsubscribe = document.subscribe((state) => {
      const shown = view.state.doc.toString();
      if (state.text === shown || timer !== undefined) return;
      view.dispatch({
        changes: { from: 0, to: shown.length, insert: state.text },
        annotations: external.of(true),
      });
    });
    return () => {
      if (timer !== undefined) commit(view);
      unsubscribe();
      view.destroy();
    };
  }, [document, undo, redo]);
  return <div className="editor-source" ref={parent} data-own-keys="" />;
}
