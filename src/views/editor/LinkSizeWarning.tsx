// "Too large for a link": a scenario whose link payload passes MAX_LINK_PAYLOAD cannot be shared by "Copy link" (the
// app reads no longer links back, and servers and chat tools cut long URLs); the editor says so and offers the file.
import { fitsInLink, MAX_LINK_PAYLOAD } from '../../scenarios/link.ts';
import type { Scenario } from '../../scenarios/types.ts';
import { useAppState } from '../../store/hooks.ts';
import { downloadScenario } from './MyScenarios.tsx';

const count = new Intl.NumberFormat('en-US');

export function LinkSizeWarning({ scenario }: { readonly scenario: Scenario }) {
  const payload = useAppState((state) => state.custom?.payload);
  if (payload === undefined || fitsInLink(payload)) return null;
  return (
    <p className="editor-problem" role="status" data-testid="editor.tooLarge">
      This scenario is too large for a link ({count.format(payload.length)} characters; a link holds up to{' '}
      {count.format(MAX_LINK_PAYLOAD)}), so &ldquo;Copy link&rdquo; would not open it elsewhere. Share the
      file instead:{' '}
      <button type="button" onClick={() => downloadScenario(scenario)}>
        Download scenario JSON
      </button>
    </p>
  );
}
