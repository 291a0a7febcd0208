// One option of the settings panel as a labelled select, marked when it differs from the default.
import { useId } from 'react';

export interface Choice<V extends string> {
  readonly value: V;
  readonly text: string;
}

interface ChoiceFieldProps<V extends string> {
  readonly label: string;
  readonly question: string;
  readonly value: V;
  readonly defaultValue: V;
  readonly choices: readonly Choice<V>[];
  readonly onChange: (value: V) => void;
  readonly testId: string;
  readonly hint?: string;
}

export function ChoiceField<V extends string>(props: ChoiceFieldProps<V>) {
  const id = useId();
  const { label, question, value, defaultValue, choices, onChange, testId, hint } = props;
  return (
    <div className="setting" data-changed={value !== defaultValue}>
      <label htmlFor={id}>
        {label} <span className="setting-question">{question}</span>
      </label>
      <select
        id={id}
        value={value}
        data-testid={testId}
        aria-describedby={hint === undefined ? undefined : `${id}-hint`}
        onChange={(event) => {
          const chosen = choices.find((choice) => choice.value === event.currentTarget.value);
          if (chosen !== undefined) onChange(chosen.value);
        }}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.text}
            {choice.value === defaultValue ? ' (default)' : ''}
          </option>
        ))}
      </select>
      {hint === undefined ? null : (
        <span id={`${id}-hint`} className="setting-hint">
          {hint}
        </span>
      )}
    </div>
  );
}
