// Q-2, the Original cluster cap: a whole number of at least 1; a half-typed value waits until it is valid.
import { useId, useState } from 'react';
import { DEFAULT_OPTIONS } from '../../engine/index.ts';

interface ClusterLimitFieldProps {
  readonly value: number;
  readonly onChange: (limit: number | undefined) => void;
}

/** The limit `text` names, or undefined when it is not a whole number of at least 1. */
function parseLimit(text: string): number | undefined {
  const limit = Number(text);
  return text.trim() !== '' && Number.isInteger(limit) && limit >= 1 ? limit : undefined;
}

export function ClusterLimitField({ value, onChange }: ClusterLimitFieldProps) {
  const id = useId();
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  // The value changed from outside (Reset to defaults): show it instead of what was typed.
  if (shown !== value) {
    setShown(value);
    setText(String(value));
  }
  const invalid = parseLimit(text) === undefined;
  return (
    <div className="setting" data-changed={value !== DEFAULT_OPTIONS.clusterLimit}>
      <label htmlFor={id}>
        Cluster limit <span className="setting-question">Q-2</span>
      </label>
      <input
        id={id}
        type="number"
        min={1}
        step={1}
        value={text}
        aria-invalid={invalid}
        aria-describedby={`${id}-hint`}
        data-testid="settings.clusterLimit"
        onChange={(event) => {
          const next = event.currentTarget.value;
          setText(next);
          const limit = parseLimit(next);
          if (limit !== undefined) onChange(limit === DEFAULT_OPTIONS.clusterLimit ? undefined : limit);
        }}
      />
      <span id={`${id}-hint`} className="setting-hint">
        {invalid ? 'A whole number of at least 1.' : 'An Original merge fails beyond this many ids.'}
      </span>
    </div>
  );
}
