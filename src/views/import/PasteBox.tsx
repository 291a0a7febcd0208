// Events pasted as text: NDJSON lines, a JSON array or CSV, previewed like a file.
import { useId, useState } from 'react';
import { useDatasetService } from '../../store/hooks.ts';

export function PasteBox() {
  const service = useDatasetService();
  const [text, setText] = useState('');
  const id = useId();
  return (
    <div className="paste-box">
      <label htmlFor={id}>Or paste events</label>
      <textarea
        id={id}
        rows={5}
        spellCheck={false}
        placeholder={'{"event": "Sign Up", "properties": {"$device_id": "D1", "$user_id": "alice"}}'}
        value={text}
        data-testid="import.pasteText"
        onChange={(event) => setText(event.target.value)}
      />
      <button
        type="button"
        className="button"
        disabled={text.trim() === ''}
        onClick={() => void service.previewText(text)}
      >
        Preview pasted text
      </button>
    </div>
  );
}
