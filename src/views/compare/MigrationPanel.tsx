// The migration walkthrough, Original → Simplified, following Mixpanel's migration guide (MP-MIGR): what changes for
// the same stream, which identity calls stop having effect, and which findings to fix first.
import type { MigrationWalkthrough } from '../../compare/index.ts';
import type { CompareSource } from '../../store/useCompareSource.ts';
import { RuleBadge } from '../shared/RuleBadge.tsx';
import { percentChange } from './modes.ts';
import { useAnswer } from './useAnswer.ts';

export function MigrationPanel({ source }: { source: CompareSource }) {
  const answer = useAnswer(() => source.migration(), source.key);
  if (answer.state === 'loading') return <p role="status">Walking through the migration…</p>;
  if (answer.state === 'failed') return <p role="alert">{answer.error}</p>;
  const walk = answer.value;
  return (
    <section
      className="compare-migration"
      aria-label="Migration from Original to Simplified"
      data-testid="compare.migration"
    >
      <p>
        A project's mode cannot be switched once it has data <RuleBadge rule="G-3" />: migrating means a new
        project on Simplified. For this stream:
      </p>
      <ol>
        <li>
          <h3>What changes</h3>
          <p data-testid="compare.migration.users">
            Unique users: {walk.users.original} on Original, {walk.users.simplified} on Simplified (
            {percentChange(walk.users.simplified, walk.users.original)}); clusters of two or more ids:{' '}
            {walk.clusters.original} → {walk.clusters.simplified}. {walk.changedEvents} events get another
            distinct_id: Simplified's canonical id is always the user id <RuleBadge rule="S-11" />, Original's
            may be a device id <RuleBadge rule="O-3" />.
          </p>
        </li>
        <li>
          <h3>Calls that stop having effect</h3>
          <CallsTable walk={walk} />
          <p>
            On Simplified a link is made only by an ordinary event that carries both <code>$device_id</code>{' '}
            and <code>$user_id</code> <RuleBadge rule="S-6" /> <RuleBadge rule="S-7" />: {walk.pairedEvents}{' '}
            of {walk.ordinaryEvents} ordinary events here do. Original ignores those properties{' '}
            <RuleBadge rule="O-1" />.
          </p>
        </li>
        <li>
          <h3>Fix first</h3>
          {walk.fixFirst.length === 0 ? (
            <p>The linter finds nothing to fix under Simplified.</p>
          ) : (
            <ol data-testid="compare.migration.findings">
              {walk.fixFirst.map((finding) => (
                <li key={finding.id} data-severity={finding.severity}>
                  <strong>{finding.severity}</strong>: {finding.title} ({finding.count} events){' '}
                  {finding.rule.split(/,\s*/).map((rule) => (
                    <RuleBadge key={rule} rule={rule} />
                  ))}
                </li>
              ))}
            </ol>
          )}
        </li>
      </ol>
    </section>
  );
}

function CallsTable({ walk }: { walk: MigrationWalkthrough }) {
  return (
    <table data-testid="compare.migration.calls">
      <thead>
        <tr>
          <th scope="col">Call</th>
          <th scope="col">Sent</th>
          <th scope="col">Links it made on Original</th>
          <th scope="col">On Simplified</th>
        </tr>
      </thead>
      <tbody>
        {walk.calls.map((call) => (
          <tr key={call.call}>
            <th scope="row">
              <code>{call.call}</code>
            </th>
            <td>{call.sent}</td>
            <td>{call.linkedOnOriginal}</td>
            <td>
              no effect <RuleBadge rule={call.rule} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
