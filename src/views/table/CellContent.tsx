// One cell's content: a short id alias carries its full id as hover text and accessible description.
import type { CellView } from './projectRows.ts';

export function CellContent({ view }: { view: CellView }) {
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
