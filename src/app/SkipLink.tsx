// The page's first Tab stop: "Skip to the event table", past the header, the timeline and the clusters list.
// It focuses the table's row in the Tab order (or the table's region when it has no rows) without touching the
// URL: a #fragment would count as a navigation and reopen the view.

/** The id both the scenario table's and the imported file's table regions carry. */
export const EVENT_TABLE_ID = 'event-table';

function skipToTable(): void {
  const region = document.getElementById(EVENT_TABLE_ID);
  if (region === null) return;
  const row = region.querySelector<HTMLElement>('tbody tr[tabindex="0"]');
  (row ?? region).focus();
}

export function SkipLink() {
  return (
    <a
      href={`#${EVENT_TABLE_ID}`}
      className="skip-link"
      data-testid="skipLink"
      onClick={(event) => {
        event.preventDefault();
        skipToTable();
      }}
    >
      Skip to the event table
    </a>
  );
}
