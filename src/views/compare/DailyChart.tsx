// Unique users per day, one line per mode, drawn with uPlot. This module (and uPlot with it) is its own chunk,
// loaded only when the chart is shown; the numbers are also listed in a table for screen readers and copying.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { DailyUsers } from '../../compare/index.ts';
import { modeLabel } from './modes.ts';
import { ModeHeader } from './ModeHeader.tsx';

const DAY = 86_400;
const COLOURS: Readonly<Record<string, string>> = {
  simplified: '#2563eb',
  original: '#d97706',
  legacy: '#7c3aed',
};

export default function DailyChart({ daily, modes }: { daily: DailyUsers; modes: readonly string[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (element === null || daily.days.length === 0) return;
    const data: uPlot.AlignedData = [
      daily.days.map((day) => day * DAY),
      ...modes.map((mode) => [...(daily.users[mode] ?? [])]),
    ];
    const chart = new uPlot(
      {
        width: Math.max(320, element.clientWidth),
        height: 240,
        series: [
          {},
          ...modes.map((mode) => ({ label: modeLabel(mode), stroke: COLOURS[mode] ?? '#444', width: 2 })),
        ],
        axes: [{}, { label: 'users' }],
        scales: { x: { time: true } },
      },
      data,
      element,
    );
    return () => chart.destroy();
  }, [daily, modes]);
  if (daily.days.length === 0) return <p>No event has a time, so there is nothing to count per day.</p>;
  return (
    <figure className="compare-daily" data-testid="compare.daily">
      <div ref={box} aria-hidden="true" />
      <details>
        <summary>Unique users per day, as a table</summary>
        <table>
          <ModeHeader first="Day (UTC)" modes={modes} />
          <tbody>
            {daily.days.slice(0, 400).map((day, at) => (
              <tr key={day}>
                <th scope="row">{new Date(day * DAY * 1000).toISOString().slice(0, 10)}</th>
                {modes.map((mode) => (
                  <td key={mode}>{daily.users[mode]?.[at] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
