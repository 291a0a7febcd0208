// A one-line JSON input (a step's arguments, a raw record): edits land when the text parses to the expected shape;
// until then the field is marked invalid and the scenario keeps its last good value.
import { useState } from 'react';

interface JsonFieldProps {
  readonly label: string;
  readonly value: unknown;
  readonly accepts: (value: unknown) => boolean;
  readonly onChange: (value: unknown) => void;
}

function parse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export function JsonField({ label, value, accepts, onChange }: JsonFieldProps) {
  const external = JSON.stringify(value);
  const [text, setText] = useState(external);
  const [shown, setShown] = useState(external);
  // Undo, redo or the source view changed the value: show it, unless the text already says the same.
  if (shown !== external) {
    setShown(external);
    const mine = parse(text);
    if (!(mine.ok && JSON.stringify(mine.value) === external)) setText(external);
  }
  const parsed = parse(text);
  const valid = parsed.ok && accepts(parsed.value);
  return (
    <input
      autoComplete="off"
      className="editor-json"
      aria-label={label}
      aria-invalid={!valid}
      spellCheck={false}
      value={text}
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        const result = parse(next);
        if (result.ok && accepts(result.value) && JSON.stringify(result.value) !== external)
          onChange(result.value);
      }}
    />
  );
}
