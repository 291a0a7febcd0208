// A rule's statement as the spec writes it (paragraphs, bullets, `code`, **bold**, small tables), rule ids as badges.
import { Fragment, type ReactNode } from 'react';
import { RuleText } from '../shared/RuleText.tsx';

/** `code` and **bold** runs inside one line; everything else is text with rule badges. */
function inline(line: string): ReactNode[] {
  return line.split(/(`[^`]+`|\*\*[^*]+\*\*)/).map((run, index) => {
    if (run.startsWith('`') && run.endsWith('`') && run.length > 1)
      return <code key={index}>{run.slice(1, -1)}</code>;
    if (run.startsWith('**') && run.endsWith('**') && run.length > 3)
      return (
        <strong key={index}>
          <RuleText text={run.slice(2, -2)} />
        </strong>
      );
    return <RuleText key={index} text={run.replace(/\*([^*\s][^*]*)\*/g, '$1')} />;
  });
}

const BULLET = /^(\s*)(?:\*|\d+\.) /;

function Block({ lines }: { lines: readonly string[] }) {
  if (lines.every((line) => line.startsWith('|')))
    return (
      <pre className="rule-table">{lines.filter((line) => !/^\|[\s|:-]+\|$/.test(line)).join('\n')}</pre>
    );
  const out: ReactNode[] = [];
  let items: ReactNode[] = [];
  const flush = () => {
    if (items.length > 0) out.push(<ul key={`ul${out.length}`}>{items}</ul>);
    items = [];
  };
  lines.forEach((line, index) => {
    const bullet = BULLET.exec(line);
    if (bullet) {
      items.push(
        <li key={index} data-depth={Math.min(3, Math.floor((bullet[1] ?? '').length / 2))}>
          {inline(line.slice(bullet[0].length))}
        </li>,
      );
      return;
    }
    flush();
    out.push(<p key={index}>{inline(line)}</p>);
  });
  flush();
  return <>{out}</>;
}

export function RuleStatement({ text }: { readonly text: string }) {
  const blocks = text.split(/\n\s*\n/).map((block) => block.split('\n'));
  return (
    <div className="rule-statement">
      {blocks.map((lines, index) => (
        <Fragment key={index}>
          <Block lines={lines} />
        </Fragment>
      ))}
    </div>
  );
}
