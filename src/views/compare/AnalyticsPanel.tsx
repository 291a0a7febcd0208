// Analytics impact: a funnel the user picks (ordered steps, a conversion window, 30 days by default as in
// Mixpanel's funnels) with conversion per mode; unique users per day as a chart; the counts a product team quotes.
import { lazy, Suspense, useState } from 'react';
import type { CompareOverview, FunnelStep } from '../../compare/index.ts';
import type { CompareSource } from '../../store/useCompareSource.ts';
import { modeLabel, percentChange, share } from './modes.ts';
import { useAnswer } from './useAnswer.ts';
import { ModeHeader } from './ModeHeader.tsx';

/** uPlot is loaded only when the chart is drawn: its own chunk. */
const DailyChart = lazy(() => import('./DailyChart.tsx'));

const DAY = 86_400;

export function AnalyticsPanel(props: {
  source: CompareSource;
  modes: readonly string[];
  overview: CompareOverview;
}) {
  const { source, modes, overview } = props;
  const names = overview.eventNames.map((entry) => entry.name);
  const [steps, setSteps] = useState<readonly string[]>(() => defaultSteps(names));
  const [days, setDays] = useState(30);
  const funnel = steps.length > 0 ? { steps, windowSeconds: days * DAY } : undefined;
  const answer = useAnswer(
    () => source.overview(funnel, modes),
    `${source.key}|${modes.join(',')}|${steps.join('\u0000')}|${days}`,
  );
  return (
    <section className="compare-analytics" aria-label="Analytics impact">
      <h3>Funnel</h3>
      <FunnelPicker names={names} steps={steps} onChange={setSteps} />
      <label className="compare-window">
        Conversion window (days)
        <input
          type="number"
          min={1}
          max={366}
          value={days}
          onChange={(event) => setDays(Math.max(1, Number(event.target.value) || 30))}
        />
      </label>
      {answer.state === 'done' && funnel !== undefined ? (
        <FunnelTable
          modes={modes}
          funnels={modes.map((mode) => answer.value.report.modes[mode]?.funnel ?? [])}
        />
      ) : null}
      {answer.state === 'failed' ? <p role="alert">{answer.error}</p> : null}
      <h3>Unique users per day</h3>
      <Suspense fallback={<p role="status">Loading the chart…</p>}>
        <DailyChart daily={overview.daily} modes={modes} />
      </Suspense>
      <h3>The counts a product team quotes</h3>
      <QuotedCounts overview={overview} />
    </section>
  );
}

/** A sign-up funnel when the stream has one, else its two most frequent events. */
function defaultSteps(names: readonly string[]): string[] {
  const ordinary = names.filter((name) => !name.startsWith('$'));
  const signUp = ordinary.find((name) => /sign ?up/i.test(name));
  const first = ordinary.find((name) => /page view/i.test(name)) ?? ordinary[0];
  if (signUp !== undefined && first !== undefined && first !== signUp) return [first, signUp];
  return ordinary.slice(0, 2);
}

function FunnelPicker(props: {
  names: readonly string[];
  steps: readonly string[];
  onChange: (steps: readonly string[]) => void;
}) {
  const { names, steps, onChange } = props;
  const [adding, setAdding] = useState('');
  return (
    <div className="compare-funnel-picker">
      <ol aria-label="Funnel steps">
        {steps.map((step, at) => (
          <li key={`${step}|${at}`}>
            {step}{' '}
            <button
              type="button"
              aria-label={`Remove step ${at + 1}, ${step}`}
              onClick={() => onChange(steps.filter((_, i) => i !== at))}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      <label>
        Add a step
        <select value={adding} onChange={(event) => setAdding(event.target.value)}>
          <option value="">Choose an event…</option>
          {names.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        disabled={adding === ''}
        onClick={() => {
          onChange([...steps, adding]);
          setAdding('');
        }}
      >
        Add step
      </button>
    </div>
  );
}

function FunnelTable({
  modes,
  funnels,
}: {
  modes: readonly string[];
  funnels: readonly (readonly FunnelStep[])[];
}) {
  const steps = funnels[0] ?? [];
  const last = steps.length - 1;
  return (
    <table className="compare-funnel" data-testid="compare.funnel">
      <caption>Users reaching each step, per mode</caption>
      <ModeHeader first="Step" modes={modes} />
      <tbody>
        {steps.map((step, at) => (
          <tr key={`${step.step}|${at}`} data-testid="compare.funnel.step">
            <th scope="row">
              {at + 1}. {step.step}
            </th>
            {funnels.map((funnel, m) => (
              <td key={modes[m]} data-mode={modes[m]} data-value={funnel[at]?.users ?? 0}>
                {funnel[at]?.users ?? 0}
              </td>
            ))}
          </tr>
        ))}
        <tr data-testid="compare.funnel.conversion">
          <th scope="row">Conversion</th>
          {funnels.map((funnel, m) => (
            <td key={modes[m]} data-mode={modes[m]}>
              {share(funnel[last]?.users ?? 0, funnel[0]?.users ?? 0)}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

function QuotedCounts({ overview }: { overview: CompareOverview }) {
  const modes = overview.variants;
  const base = overview.report.modes[modes[0]!]!;
  const days = overview.daily.days.length;
  const rows: ReadonlyArray<readonly [string, (mode: string) => number]> = [
    ['Unique users', (mode) => overview.report.modes[mode]!.users],
    ['Identified users', (mode) => overview.report.modes[mode]!.identifiedUsers],
    ['Events per user', (mode) => perUser(overview, mode)],
    ['Average daily users', (mode) => averageDaily(overview, mode, days)],
  ];
  return (
    <table className="compare-quoted" data-testid="compare.quoted">
      <caption>Side by side, with the difference from {modeLabel(modes[0]!)} in percent</caption>
      <ModeHeader first="Count" modes={modes} />
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            {modes.map((mode, at) => (
              <td key={mode}>
                {Number(value(mode).toFixed(2)).toLocaleString('en-US')}
                {at > 0 ? ` (${percentChange(value(mode), value(modes[0]!))})` : ''}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={modes.length + 1}>
            {base.events.toLocaleString('en-US')} events over {days} {days === 1 ? 'day' : 'days'}.
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

function perUser(overview: CompareOverview, mode: string): number {
  const summary = overview.report.modes[mode]!;
  return summary.users === 0 ? 0 : (summary.events - summary.rejected) / summary.users;
}

function averageDaily(overview: CompareOverview, mode: string, days: number): number {
  const series = overview.daily.users[mode] ?? [];
  return days === 0 ? 0 : series.reduce((sum, users) => sum + users, 0) / days;
}
