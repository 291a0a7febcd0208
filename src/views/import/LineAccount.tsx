// Every line of the file accounted for, with the fields and reason groups `idmerge resolve --report json` prints
// (one definition: io/report.ts accountReport and ACCOUNT_FIELDS). A HAR is accounted by entry (HarReport).
import { ACCOUNT_FIELDS, accountReport, type AccountReason } from '../../io/index.ts';
import type { ImportReport } from '../../io/report.ts';
import { formatCount, plural } from './format.ts';

export function LineAccount({ report }: { readonly report: ImportReport }) {
  if (report.format === 'har') return null;
  const account = accountReport(report.format, report.accounting, report.rejectedByReason);
  return (
    <section className="line-account" aria-labelledby="line-account-heading" data-testid="report.account">
      <h3 className="panel-heading" id="line-account-heading">
        Every line accounted for
      </h3>
      <dl className="report-counts">
        {ACCOUNT_FIELDS.map(({ key, label }) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd data-testid={`report.account.${key}`}>{formatCount(account[key])}</dd>
          </div>
        ))}
      </dl>
      <p data-testid="report.account.sum">
        {plural(account.linesRead, 'line')} read = {plural(account.valueLines, 'line')} with values +{' '}
        {formatCount(account.blankLines)} blank + {formatCount(account.otherLines)} other;{' '}
        {plural(account.values, 'value')} = {formatCount(account.loaded)} loaded +{' '}
        {formatCount(account.rejected)} rejected + {formatCount(account.unreadable)} unreadable.
      </p>
      <Reasons
        title="Rejected, by reason"
        testId="report.rejectedByReason"
        groups={account.rejectedByReason}
      />
      <Reasons
        title="Unreadable, by reason"
        testId="report.unreadableByReason"
        groups={account.unreadableByReason}
      />
    </section>
  );
}

function Reasons(props: {
  readonly title: string;
  readonly testId: string;
  readonly groups: readonly AccountReason[];
}) {
  if (props.groups.length === 0) return null;
  return (
    <>
      <h4 className="panel-heading">{props.title}</h4>
      <ul className="report-notes" data-testid={props.testId}>
        {props.groups.map((group) => (
          <li key={group.code}>
            <strong>{group.label}</strong>: {formatCount(group.count)} (
            {group.lines.length === 1 ? 'line' : 'lines'} {group.lines.join(', ')}
            {group.count > group.lines.length ? ', …' : ''})
          </li>
        ))}
      </ul>
    </>
  );
}
