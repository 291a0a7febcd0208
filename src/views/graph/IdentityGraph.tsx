// The identity graph: ids as nodes, clusters as groups, links and merges as edges.
import { useStepModel } from '../../store/hooks.ts';

export function IdentityGraph() {
  const { view, label } = useStepModel();
  const clusters = view?.clusters() ?? [];
  return (
    <ul>
      {clusters.map((cluster) => (
        <li key={cluster.canonical}>{cluster.members.map((m) => label(m.id)).join(', ')}</li>
      ))}
    </ul>
  );
}
