// What a network log (HAR) told beyond its events: the other requests by kind, failed requests, retries, SDK
// versions and pages; the failed-requests toggle; and "Open as scenario".
import { useId } from 'react';
import { entryAccountText } from '../../io/har/index.ts';
import { useDataset, useDatasetService } from '../../store/hooks.ts';
import type { SessionSummary } from '../../worker/importSession.ts';
import { formatCount } from './format.ts';
import { LogScenario } from './LogScenario.tsx';

type HarFacts = NonNullable<SessionSummary['har']>;

export function HarReport() {
  const har = useDataset((d) => d.summary?.har);
  if (har === undefined) return null;
  const { summary } = har;
  return (
    <section className="har-report" aria-label="Network log" data-testid="har.report">
      <h3 className="panel-heading">Network log</h3>
      <p>
        {formatCount(summary.entries)} requests: {formatCount(summary.dataRequests)} carried Mixpanel or
        Segment data
        {summary.hosts.length > 0 ? ` (to ${summary.hosts.map((h) => h.host).join(', ')})` : ''}.
      </p>
      <EntryAccount har={har} />
      <OtherRequests summary={summary} />
      <FailedRequests har={har} />
      <Retries summary={summary} />
      <List
        title="SDK and library versions"
        testId="har.libraries"
        items={summary.libraries.map((l) => `${l.name}: ${formatCount(l.events)} events`)}
      />
      <List
        title="Pages the events came from"
        testId="har.pages"
        items={summary.pages.map((p) => `${p.page}: ${formatCount(p.events)} events`)}
      />
      <LogScenario />
    </section>
  );
}

/** Every entry accounted for (a HAR's records are counted by entry, not by line), in the CLI's words. */
function EntryAccount({ har }: { readonly har: HarFacts }) {
  const leftOut = har.includeFailed ? 0 : har.failedRecords;
  return <p data-testid="har.account">{entryAccountText(har.summary.account, leftOut)}</p>;
}

function OtherRequests({ summary }: { readonly summary: HarFacts['summary'] }) {
  return (
    <List
      title="Other requests, by kind (not events)"
      testId="har.other"
      items={summary.otherRequests.map((o) => `${o.kind}: ${formatCount(o.count)}`)}
    />
  );
}

function FailedRequests({ har }: { readonly har: HarFacts }) {
  const service = useDatasetService();
  const busy = useDataset((d) => d.status !== 'idle');
  const id = useId();
  const failed = har.summary.failedRequests;
  if (failed.length === 0) return null;
  return (
    <>
      <h3 className="panel-heading">Failed requests: these events never reached Mixpanel</h3>
      <ul className="report-notes" data-testid="har.failed">
        {failed.map((f) => (
          <li key={f.entry}>
            entry {f.entry}: {f.method} {f.path}, {f.status === 0 ? 'no response' : `HTTP ${f.status}`},{' '}
            {formatCount(f.records)} records
          </li>
        ))}
      </ul>
      <label htmlFor={id} className="har-include">
        <input
          id={id}
          type="checkbox"
          checked={har.includeFailed}
          disabled={busy}
          onChange={(event) => void service.includeFailedRequests(event.target.checked)}
        />{' '}
        Include failed requests in the resolution ({formatCount(har.failedRecords)} records)
      </label>
    </>
  );
}

function Retries({ summary }: { readonly summary: HarFacts['summary'] }) {
  return (
    <List
      title="Events sent more than once (same $insert_id)"
      testId="har.retries"
      items={summary.retries.map((r) => `${r.event} (${r.insertId}): entries ${r.entries.join(', ')}`)}
    />
  );
}

function List(props: { readonly title: string; readonly items: readonly string[]; readonly testId: string }) {
  if (props.items.length === 0) return null;
  return (
    <>
      <h3 className="panel-heading">{props.title}</h3>
      <ul className="report-notes" data-testid={props.testId}>
        {props.items.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ul>
    </>
  );
}
