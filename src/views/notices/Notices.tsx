// Notices about the view: a repaired URL, a scenario that could not play. Each can be dismissed.
import { useActions, useAppState } from '../../store/hooks.ts';
import './notices.css';

export function Notices() {
  const notices = useAppState((state) => state.notices);
  const { dismissNotice } = useActions();
  return (
    <div className="notices" role="status" aria-live="polite" data-testid="notices">
      {notices.map((text, index) => (
        <p className="notice" key={`${index}:${text}`} data-testid="notices.item">
          <span>{text}</span>
          <button
            type="button"
            className="notice-dismiss"
            aria-label={`Dismiss notice: ${text}`}
            onClick={() => dismissNotice(index)}
          >
            ×
          </button>
        </p>
      ))}
    </div>
  );
}
