// The import report: counts that add up (the line account, as the CLI's --report json), rejections grouped by
// reason, and every rejected line by number.
import { useDataset } from '../../store/hooks.ts';
import type { SessionSummary } from '../../worker/importSession.ts';
import { formatCount } from './format.ts';
import { HarReport } from './HarReport.tsx';
import { LineAccount } from './LineAccount.tsx';

export function ReportPanel() {
  const summary = useDataset((d) => d.summary);
  const fileName = useDataset((d) => d.fileName);
  if (summary === null) return null;
  const { report } = summary;
  return (
    <div className="report-panel" data-testid="report">
      <dl className="report-counts">
        <Count label="File" value={fileName ?? ''} />
        <Count label="Read as" value={`${report.format}: ${report.formatReason}`} />
        <Count label="Lines read" value={formatCount(report.linesRead)} testId="report.linesRead" />
        <Count label="Events loaded" value={formatCount(report.events)} testId="report.events" />
        <Count label="Profile updates" value={formatCount(report.profileUpdates)} />
        <Count label="Lines rejected" value={formatCount(report.rejected)} testId="report.rejected" />
      </dl>
      <HarReport />
      <LineAccount report={report} />
      <Notes summary={summary} />
      {report.rejected === 0 ? (
        <p className="panel-empty">Every line was used.</p>
      ) : (
        <RejectedLines summary={summary} />
      )}
    </div>
  );
}

function Count(props: { readonly label: string; readonly value: string; readonly testId?: string }) {
  return (
    <div>
      <dt>{props.label}</dt>
      <dd data-testid={props.testId}>{props.value}</dd>
    </div>
  );
}

function Notes({ summary }: { readonly summary: SessionSummary }) {
  const notes = summary.report.notes.filter((note) => note.code !== 'format');
  if (notes.length === 0) return null;
  return (
    <>
      <h3 className="panel-heading">Notes</h3>
      <ul className="report-notes">
        {notes.map((note) => (
          <li key={note.code}>
            {note.message}
            {note.count > 1 ? ` (${formatCount(note.count)} lines)` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

function RejectedLines({ summary }: { readonly summary: SessionSummary }) {
  const { report, problems } = summary;
  return (
    <>
      {/* Other formats list their reasons in the line account; a HAR is accounted by entry, so list them here. */}
      {report.format !== 'har' ? null : (
        <>
          <h3 className="panel-heading">Rejected, by reason</h3>
          <ul className="report-notes" data-testid="report.reasons">
            {report.rejectedByReason.map((group) => (
              <li key={group.code}>
                <strong>{group.label}</strong>: {formatCount(group.count)} (entries at lines{' '}
                {group.lines.join(', ')}
                {group.count > group.lines.length ? ', …' : ''})
              </li>
            ))}
          </ul>
        </>
      )}
      <h3 className="panel-heading">
        Rejected lines
        {problems.length < report.rejected ? ` (the first ${formatCount(problems.length)})` : ''}
      </h3>
      <table className="report-lines" data-testid="report.lines">
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Reason</th>
            <th scope="col">Text</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((problem, index) => (
            // Several values of a one-line JSON array can fail on the same line: the position keeps keys unique.
            <tr key={index} data-testid="report.line" data-line={problem.line}>
              <td className="num">{problem.line}</td>
              <td>{problem.reason}</td>
              <td>
                <code>{problem.excerpt}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
