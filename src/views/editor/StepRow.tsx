// One step of the form: its device, its call (or a raw record and its channel), arguments, note, and the buttons
// that move, duplicate and delete it. Every control has a name that says which step it belongs to.
// The editor's controls say autoComplete="off": Chromium saves the state of every form control on each history
// write (the URL follows every edit), ~20 ms for a 500-step form, ~2 ms without (scripts/measure-edit.ts).
import { memo, useEffect, useRef } from 'react';
import { newCallStep } from '../../scenarios/edit.ts';
import type { PinKind } from '../../scenarios/pin.ts';
import type { ScenarioDevice, ScenarioStep } from '../../scenarios/types.ts';
import { SDK_CALLS, SERVER_CALLS, type SdkCall, type ServerCall } from '../../simulator/index.ts';
import { JsonField } from './JsonField.tsx';

const RAW = '(raw event)';

export interface StepActions {
  readonly update: (index: number, step: ScenarioStep) => void;
  readonly move: (from: number, to: number) => void;
  readonly duplicate: (index: number) => void;
  readonly remove: (index: number) => void;
  /** Pins what each mode shows after the step (its events' ids, or the clusters) as its `expect`. */
  readonly pin: (index: number, kind: PinKind) => void;
  readonly unpin: (index: number) => void;
}

interface StepRowProps {
  /**
   * The devices and where the row sits (last, only) rather than the step count: a row re-renders when its own step
   * changes, not on every edit (an added step re-rendered all 500 rows of a long story).
   */
  readonly devices: readonly ScenarioDevice[];
  readonly isLast: boolean;
  readonly isOnly: boolean;
  readonly step: ScenarioStep;
  readonly index: number;
  readonly focus: boolean;
  readonly actions: StepActions;
  readonly marks: readonly { readonly mode: string; readonly ok: boolean }[];
}

const isList = (value: unknown) => Array.isArray(value);
const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** One step's row; memoised, so an edit re-renders only the rows it touches (a 500-step story stays live). */
export const StepRow = memo(function StepRow({
  devices,
  isLast,
  isOnly,
  step,
  index,
  focus,
  actions,
  marks,
}: StepRowProps) {
  const n = index + 1;
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (focus) first.current?.focus();
  }, [focus]);
  const common = { ...('note' in step && step.note !== undefined ? { note: step.note } : {}) };
  const expect = 'expect' in step && step.expect !== undefined ? { expect: step.expect } : {};
  const body = () => {
    if ('repeat' in step)
      return <span className="editor-repeat">Repeat ×{step.repeat} (edit it in Source)</span>;
    const device = 'device' in step ? step.device : (devices[0]?.id ?? 'A');
    const kind = devices.find((d) => d.id === device)?.kind ?? 'web';
    const calls: readonly string[] = kind === 'server' ? SERVER_CALLS : SDK_CALLS;
    const call = 'call' in step ? step.call : RAW;
    const setCall = (next: string) => {
      if (next === RAW)
        actions.update(index, {
          raw: { event: 'Custom event', properties: { distinct_id: 'user-1' } },
          channel: 'import',
          ...common,
          ...expect,
        });
      else
        actions.update(index, {
          ...newCallStep({ devices }, device, next as SdkCall | ServerCall),
          ...common,
          ...expect,
        });
    };
    return (
      <>
        <select
          autoComplete="off"
          ref={first}
          aria-label={`Device of step ${n}`}
          value={'device' in step ? step.device : ''}
          disabled={!('device' in step)}
          onChange={(event) => actions.update(index, { ...step, device: event.target.value })}
        >
          {'device' in step ? null : <option value="">(no device)</option>}
          {devices.map((d) => (
            <option key={d.id} value={d.id}>
              {d.id} · {d.label}
            </option>
          ))}
        </select>
        <select
          autoComplete="off"
          aria-label={`Call of step ${n}`}
          value={call}
          onChange={(event) => setCall(event.target.value)}
        >
          {[...calls, RAW].map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        {'raw' in step ? (
          <>
            <JsonField
              label={`Record of step ${n}`}
              value={step.raw}
              accepts={isObject}
              onChange={(raw) => actions.update(index, { ...step, raw } as ScenarioStep)}
            />
            <select
              autoComplete="off"
              aria-label={`Channel of step ${n}`}
              value={step.channel ?? 'import'}
              onChange={(event) =>
                actions.update(index, { ...step, channel: event.target.value as 'track' | 'import' })
              }
            >
              <option value="import">import</option>
              <option value="track">track</option>
            </select>
          </>
        ) : (
          <JsonField
            label={`Arguments of step ${n}`}
            value={'args' in step ? (step.args ?? []) : []}
            accepts={isList}
            onChange={(args) => actions.update(index, { ...step, args } as ScenarioStep)}
          />
        )}
      </>
    );
  };
  return (
    <li
      className="editor-step"
      draggable
      onDragStart={(event) => event.dataTransfer.setData('text/x-step', String(index))}
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        const from = Number(event.dataTransfer.getData('text/x-step'));
        if (Number.isInteger(from)) actions.move(from, index);
      }}
    >
      <span className="editor-step-number">{n}</span>
      {body()}
      <span className="editor-marks">
        {marks.map((mark) => (
          <span
            key={mark.mode}
            className="editor-mark"
            data-ok={mark.ok}
            title={`${mark.mode}: ${mark.ok ? 'as expected' : 'not as expected'}`}
          >
            {mark.ok ? '✓' : '✗'} {mark.mode}
          </span>
        ))}
      </span>
      <span className="editor-step-buttons">
        <button
          type="button"
          aria-label={`Move step ${n} up`}
          disabled={index === 0}
          onClick={() => actions.move(index, index - 1)}
        >
          ↑
        </button>
        <button
          type="button"
          aria-label={`Move step ${n} down`}
          disabled={isLast}
          onClick={() => actions.move(index, index + 1)}
        >
          ↓
        </button>
        <button
          type="button"
          aria-label={`Pin ids at step ${n}`}
          title="Expect, in each mode, the distinct_id this step's events resolve to now"
          onClick={() => actions.pin(index, 'ids')}
        >
          Pin ids
        </button>
        <button
          type="button"
          aria-label={`Pin clusters at step ${n}`}
          title="Expect, in each mode, the clusters as they are after this step"
          onClick={() => actions.pin(index, 'clusters')}
        >
          Pin clusters
        </button>
        {'expect' in step && step.expect !== undefined ? (
          <button type="button" aria-label={`Unpin step ${n}`} onClick={() => actions.unpin(index)}>
            Unpin
          </button>
        ) : null}
        <button type="button" aria-label={`Duplicate step ${n}`} onClick={() => actions.duplicate(index)}>
          ⧉
        </button>
        <button
          type="button"
          aria-label={`Delete step ${n}`}
          disabled={isOnly}
          onClick={() => actions.remove(index)}
        >
          ✕
        </button>
      </span>
    </li>
  );
});
