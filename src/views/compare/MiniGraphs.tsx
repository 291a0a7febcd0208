// One split's graphs side by side: for each mode, the clusters its ids belong to — ids as nodes, the links that
// joined them as solid edges (labelled with their rule), refused requests dashed.
import type { MiniCluster } from '../../compare/index.ts';
import type { CompareSource } from '../../store/useCompareSource.ts';
import { modeLabel } from './modes.ts';
import { useAnswer } from './useAnswer.ts';

const ROW = 34;
const WIDTH = 300;

export function MiniGraphs({ source, ids }: { source: CompareSource; ids: readonly string[] }) {
  const answer = useAnswer(() => source.graphs(ids), `${source.key}|${ids.join('\u0000')}`);
  if (answer.state === 'loading') return <p role="status">Drawing…</p>;
  if (answer.state === 'failed') return <p role="alert">{answer.error}</p>;
  return (
    <div className="compare-graphs" data-testid="compare.graphs">
      {Object.entries(answer.value).map(([mode, clusters]) => (
        <figure key={mode} className="compare-graph" data-mode={mode}>
          <figcaption>
            {modeLabel(mode)}: {clusters.length === 1 ? 'one user' : `${clusters.length} users`}
          </figcaption>
          {clusters.map((cluster) => (
            <ClusterDrawing key={cluster.canonical} cluster={cluster} />
          ))}
        </figure>
      ))}
    </div>
  );
}

function ClusterDrawing({ cluster }: { cluster: MiniCluster }) {
  const row = new Map(cluster.members.map((member, at) => [member.id, at]));
  const height = Math.max(1, cluster.members.length) * ROW + 8;
  const y = (id: string | undefined) =>
    ((id === undefined ? undefined : row.get(id)) ?? -1) * ROW + ROW / 2 + 4;
  const edges = [
    ...cluster.links.map((link) => ({ from: link.from, to: link.to, label: link.rule, failed: false })),
    ...cluster.failures.map((f) => ({ from: f.from, to: f.to, label: f.failure.rule, failed: true })),
  ].filter((edge) => row.has(edge.from ?? '') && row.has(edge.to ?? ''));
  return (
    <svg
      className="compare-cluster"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={WIDTH}
      height={height}
      role="img"
      aria-label={`${cluster.canonical}: ${cluster.memberCount} ids, ${cluster.links.length} links`}
    >
      {edges.map((edge, at) => {
        const [y1, y2] = [y(edge.from), y(edge.to)];
        const bend = 40 + (at % 4) * 18;
        return (
          <g key={`${edge.from}|${edge.to}|${at}`} className={edge.failed ? 'edge failed' : 'edge'}>
            <path
              d={`M 16 ${y1} C ${16 - bend} ${y1}, ${16 - bend} ${y2}, 16 ${y2}`}
              transform="translate(40 0)"
            />
            <text x={4} y={(y1 + y2) / 2}>
              {edge.label}
            </text>
          </g>
        );
      })}
      {cluster.members.map((member, at) => (
        <g key={member.id} className={member.isDevice ? 'node device' : 'node'}>
          <circle cx={56} cy={at * ROW + ROW / 2 + 4} r={7} />
          <text x={70} y={at * ROW + ROW / 2 + 8}>
            {member.id === cluster.canonical ? '★ ' : ''}
            {member.id.length > 34 ? `${member.id.slice(0, 33)}…` : member.id}
          </text>
        </g>
      ))}
      {cluster.memberCount > cluster.members.length ? (
        <text x={70} y={height - 2}>
          … {cluster.memberCount - cluster.members.length} more ids
        </text>
      ) : null}
    </svg>
  );
}
