// One cell's content: a short id alias carries its full id as hover text and accessible description; a value this
// step rewrote shows the old one before it.
import type { CellView } from './projectRows.ts';

export function CellContent({ view }: { view: CellView }) {
  if (view.was === undefined) return <CurrentValue view={view} />;
  // The old value is drawn by CSS from data-was (struck through, then "→"), so the cell's text stays the new
  // value for copying and for the guide-table comparisons; the title (and Chromium's accessible name, which
  // includes generated content) still say both.
  return (
    <span className="cell-was" data-was={view.was} title={`Was ${view.was}; rewritten by this step`}>
      <CurrentValue view={view} />
    </span>
  );
}

function CurrentValue({ view }: { view: CellView }) {
  const className = cellClassName(view);
  if (view.fullId !== undefined) {
    const title = view.hint === undefined ? view.fullId : `${view.fullId}\n${view.hint}`;
    return (
      <abbr className={className} title={title}>
        {view.text}
      </abbr>
    );
  }
  return (
    <span className={className} title={view.hint}>
      {view.text}
    </span>
  );
}

function cellClassName(view: CellView): string {
  const classes = ['cell-text'];
  if (view.tone !== undefined) classes.push(`tone-${view.tone}`);
  if (view.derived) classes.push('derived');
  return classes.join(' ');
}
