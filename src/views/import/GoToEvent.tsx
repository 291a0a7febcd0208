// "Go to event": type the number the table's "#" column shows (the one findings, the identity panel and the CLI
// name), press Enter, and the table selects that row and scrolls to it, clearing its filter if that hides it.
import { useId, useState, type KeyboardEvent } from 'react';
import { useDataset } from '../../store/hooks.ts';
import { eventIndexOf } from './format.ts';
import { useJumpToEvent } from './useJumpToEvent.ts';

export function GoToEvent() {
  const records = useDataset((d) => d.summary?.records ?? 0);
  const jump = useJumpToEvent();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const id = useId();
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const index = eventIndexOf(text, records);
    if (typeof index === 'string') {
      setProblem(index);
      return;
    }
    setProblem(undefined);
    jump(index);
  };
  return (
    <span className="go-to-event">
      <label htmlFor={id}>Go to event</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        placeholder="#"
        size={8}
        value={text}
        aria-describedby={problem === undefined ? undefined : `${id}-problem`}
        aria-invalid={problem !== undefined}
        data-testid="dataset.goTo"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <span id={`${id}-problem`} role="status" className="go-to-event__problem">
        {problem}
      </span>
    </span>
  );
}
