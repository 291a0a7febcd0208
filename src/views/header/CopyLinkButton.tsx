// Copies the page's URL, which always holds the view; says "Copied", or where to find the link when it cannot.
import { useEffect, useState } from 'react';
import { FLUSH_URL_EVENT } from '../../store/custom.ts';

type CopyState = 'idle' | 'copied' | 'failed';
const CONFIRMATION_MS = 2000;

async function copyLocation(): Promise<boolean> {
  // navigator.clipboard is missing on insecure origins and in some embeds; writeText rejects without permission.
  if (typeof navigator.clipboard?.writeText !== 'function') return false;
  // An edit's URL is written when the user pauses: have it written now.
  window.dispatchEvent(new Event(FLUSH_URL_EVENT));
  try {
    await navigator.clipboard.writeText(window.location.href);
    return true;
  } catch {
    return false;
  }
}

export function CopyLinkButton() {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return undefined;
    const timer = window.setTimeout(() => setState('idle'), CONFIRMATION_MS);
    return () => window.clearTimeout(timer);
  }, [state]);
  return (
    <span className="copy-link">
      <button
        type="button"
        className="header-button"
        data-testid="header.copy"
        onClick={() => void copyLocation().then((ok) => setState(ok ? 'copied' : 'failed'))}
      >
        Copy link
      </button>
      <span className="copy-link-status" role="status" data-testid="header.copy.status">
        {state === 'copied' ? 'Copied' : null}
        {state === 'failed' ? 'Could not copy: the link is in the address bar' : null}
      </span>
    </span>
  );
}
