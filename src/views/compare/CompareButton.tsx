// Opens and closes the Compare view: every identity system side by side (issue #13). The view itself loads lazily.
import { useActions, useAppState } from '../../store/hooks.ts';

export function CompareButton() {
  const open = useAppState((state) => state.compareOpen);
  const { setCompareOpen } = useActions();
  return (
    <button
      type="button"
      className="header-button"
      aria-pressed={open}
      data-testid="header.compare"
      onClick={() => setCompareOpen(!open)}
    >
      {open ? 'Close compare' : 'Compare modes'}
    </button>
  );
}
