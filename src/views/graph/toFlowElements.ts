// The identity graph at one step as React Flow nodes and edges: a pure projection of the engine's view.
import type {
  EventLabel,
  Cluster,
  ClusterMember,
  IdLabel,
  ResolutionView,
  StreamRecord,
} from '../../engine/index.ts';
import { flowEdges } from './flowEdges.ts';
import type { Box } from '../shared/geometry.ts';
import {
  classNames,
  flowId,
  nodeDom,
  graphTestId,
  type ClusterFlowNode,
  type FlowElements,
  type GraphNode,
  type IdFlowNode,
  type SummaryFlowNode,
} from './flowTypes.ts';
import type { GraphFocus } from './graphFocus.ts';
import type { IdKindOf } from './idKind.ts';
import {
  EXPAND_STEP,
  GROUP_PAD,
  NODE_HEIGHT,
  NODE_WIDTH,
  type GraphLayout,
  type Point,
  type Region,
} from './layout.ts';

export interface GraphInput {
  /** The resolution at this step; undefined before the first record. */
  readonly view: ResolutionView | undefined;
  /** Positions from the final state (layoutGraph), so nodes keep their place from step to step. */
  readonly layout: GraphLayout;
  readonly label: IdLabel;
  readonly kindOf: IdKindOf;
  /** The event's stable number (events only, 1-based): the edges' test ids. */
  readonly eventNumber: (recordIndex: number) => number;
  /** How the table names the event ("#3"; it skips hidden identity events): the edges' visible labels. */
  readonly eventLabel: EventLabel;
  readonly focus: GraphFocus;
  /** Records the current step sent: links they made are new. */
  readonly newRecords: ReadonlySet<number>;
  /** Ids whose resolved id this step changed. */
  readonly changedIds: ReadonlySet<string>;
}

/** The flow node an id's edges attach to: its own, or the summary of the collapsed region hiding it. */
export interface Endpoint {
  readonly flowId: string;
  /** The key of the collapsed region whose summary node stands for the id; undefined when it is drawn. */
  readonly hiddenIn: string | undefined;
}

/** Where each id's edges attach (its own node, or its region's summary), and each flow node's corner. */
export interface Placement {
  readonly endpointOf: ReadonlyMap<string, Endpoint>;
  readonly cornerOf: ReadonlyMap<string, Point>;
  /** What an edge label must not cover: every id and summary node, and each cluster box's title strip. */
  readonly obstacles: readonly Box[];
}

export function toFlowElements(input: GraphInput): FlowElements {
  const { view } = input;
  if (view === undefined) return { nodes: [], edges: [] };
  const clusters = view.clusters();
  const hidden = hiddenByRegion(clusters, input.layout);
  const endpointOf = new Map<string, Endpoint>();
  const cornerOf = new Map<string, Point>();
  const nodes = clusters.flatMap((cluster) => {
    const members = drawnMembers(cluster, input.layout);
    const summaries = [...hidden].filter(([, entry]) => entry.owner === cluster.canonical);
    for (const member of members)
      endpointOf.set(member.id, { flowId: flowId.id(member.id), hiddenIn: undefined });
    for (const [region, entry] of summaries)
      for (const id of entry.ids)
        endpointOf.set(id, { flowId: flowId.summary(region.key), hiddenIn: region.key });
    return clusterNodes(cluster, members, summaries, input, cornerOf);
  });
  const obstacles: Box[] = [...cornerOf.values()].map((c) => ({
    ...c,
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
  }));
  for (const node of nodes)
    if (node.type === 'cluster')
      obstacles.push({ ...node.position, width: node.width ?? 0, height: GROUP_PAD.top });
  return { nodes, edges: flowEdges(view, input, { endpointOf, cornerOf, obstacles }) };
}

/** Numbers events as the table does: profile updates are not rows, so they take no number. */
export function eventNumbering(records: readonly StreamRecord[]): (recordIndex: number) => number {
  const numbers: number[] = [];
  let count = 0;
  for (const record of records) numbers.push(record.kind === 'event' ? ++count : count);
  return (recordIndex) => numbers[recordIndex] ?? recordIndex + 1;
}

interface HiddenEntry {
  readonly ids: string[];
  allDevices: boolean;
  /** The cluster whose group holds the summary: the one its first hidden id is in. */
  readonly owner: string;
}

/** Seen ids of collapsed regions that are not drawn, by region. */
function hiddenByRegion(clusters: readonly Cluster[], layout: GraphLayout): Map<Region, HiddenEntry> {
  const hidden = new Map<Region, HiddenEntry>();
  for (const cluster of clusters) {
    for (const member of cluster.members) {
      const region = layout.regionOf.get(member.id);
      // Ids of undrawn regions (past the node budget) have no summary either.
      if (region?.summaryAt === undefined || layout.positions.has(member.id)) continue;
      const entry = hidden.get(region);
      if (entry === undefined)
        hidden.set(region, { ids: [member.id], allDevices: member.isDevice, owner: cluster.canonical });
      else {
        entry.ids.push(member.id);
        entry.allDevices &&= member.isDevice;
      }
    }
  }
  return hidden;
}

/** Members with a place; an id the final state does not know (never expected) is left out rather than misplaced. */
function drawnMembers(cluster: Cluster, layout: GraphLayout): ClusterMember[] {
  return cluster.members.filter((member) => layout.positions.has(member.id));
}

function clusterNodes(
  cluster: Cluster,
  members: readonly ClusterMember[],
  summaries: ReadonlyArray<readonly [Region, HiddenEntry]>,
  input: GraphInput,
  cornerOf: Map<string, Point>,
): GraphNode[] {
  const corners = [
    ...members.map((m) => input.layout.positions.get(m.id)),
    ...summaries.map(([region]) => region.summaryAt),
  ].filter((corner) => corner !== undefined);
  const group =
    cluster.members.length > 1 && corners.length > 0 ? clusterNode(cluster, corners, input) : undefined;
  const origin = group?.position ?? { x: 0, y: 0 };
  const place = (flowNodeId: string, corner: Point) => {
    cornerOf.set(flowNodeId, corner);
    const position = { x: corner.x - origin.x, y: corner.y - origin.y };
    return group === undefined ? { position } : { position, parentId: group.id };
  };
  const idNodes = members.map((member) => {
    const corner = input.layout.positions.get(member.id) ?? { x: 0, y: 0 };
    return idNode(member, cluster, input, place(flowId.id(member.id), corner));
  });
  const summaryNodes = summaries.map(([region, entry]) => {
    const corner = region.summaryAt ?? { x: 0, y: 0 };
    return summaryNode(region, entry, input, place(flowId.summary(region.key), corner));
  });
  return group === undefined ? [...idNodes, ...summaryNodes] : [group, ...idNodes, ...summaryNodes];
}

type Placed = Pick<GraphNode, 'position'> & { parentId?: string };

const STATIC = { draggable: false, selectable: false, connectable: false, deletable: false } as const;

function clusterNode(cluster: Cluster, corners: readonly Point[], input: GraphInput): ClusterFlowNode {
  const xs = corners.map((c) => c.x);
  const ys = corners.map((c) => c.y);
  const x = Math.min(...xs) - GROUP_PAD.x;
  const y = Math.min(...ys) - GROUP_PAD.top;
  const canonicalLabel = input.label(cluster.canonical);
  const highlighted = input.focus.highlightedCluster === cluster.canonical;
  const size = cluster.members.length;
  return {
    id: flowId.cluster(cluster.canonical),
    type: 'cluster',
    position: { x, y },
    width: Math.max(...xs) + NODE_WIDTH + GROUP_PAD.x - x,
    height: Math.max(...ys) + NODE_HEIGHT + GROUP_PAD.bottom - y,
    data: { canonicalLabel, size, highlighted },
    className: highlighted ? 'graph-cluster is-highlighted' : 'graph-cluster',
    ...STATIC,
    focusable: false,
    ariaRole: 'group',
    ariaLabel: `Cluster of ${size} ids, canonical id ${canonicalLabel}`,
    domAttributes: nodeDom({
      'data-testid': graphTestId.cluster(canonicalLabel),
      'data-cluster-box': flowId.cluster(cluster.canonical),
    }),
  };
}

function idNode(member: ClusterMember, cluster: Cluster, input: GraphInput, placed: Placed): IdFlowNode {
  const label = input.label(member.id);
  const kind = input.kindOf(member.id);
  const isCanonical = cluster.members.length > 1 && member.id === cluster.canonical;
  const selected = input.focus.selectedId === member.id;
  const highlighted = input.focus.highlightedIds.has(member.id);
  const changed = input.changedIds.has(member.id);
  const isNew = input.newRecords.has(member.firstSeen);
  const states = {
    'is-selected': selected,
    'is-highlighted': highlighted,
    'is-changed': changed,
    'is-new': isNew,
  };
  return {
    id: flowId.id(member.id),
    type: 'id',
    ...placed,
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    data: {
      id: member.id,
      label,
      kind,
      isCanonical,
      selected,
      highlighted,
      changed,
      isNew,
      note: clusterNote(member, cluster, input),
    },
    className: classNames(`graph-node graph-node--${kind}`, states),
    ...STATIC,
    ariaRole: 'button',
    domAttributes: nodeDom({
      'data-testid': graphTestId.node(label),
      'aria-pressed': selected,
      // The cluster box it is drawn in, for the overlap check on rendered boxes (e2e/graphOverlap.spec.ts).
      ...(placed.parentId === undefined ? {} : { 'data-cluster': placed.parentId }),
    }),
  };
}

/** What the node's text leaves to the eye (the group box around it), said for screen readers. */
function clusterNote(member: ClusterMember, cluster: Cluster, input: GraphInput): string {
  if (cluster.members.length === 1) return '';
  if (member.id === cluster.canonical) return `in a cluster of ${cluster.members.length} ids`;
  return `resolves to ${input.label(cluster.canonical)}`;
}

function summaryNode(region: Region, entry: HiddenEntry, input: GraphInput, placed: Placed): SummaryFlowNode {
  const owner = input.label(entry.owner);
  const text = `+ ${entry.ids.length} more ${entry.allDevices ? '$device: ids' : 'ids'}`;
  const hint = region.canExpand ? `show ${EXPAND_STEP} more` : 'too many to draw';
  return {
    id: flowId.summary(region.key),
    type: 'summary',
    ...placed,
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    data: { regionKey: region.key, text, hint, canExpand: region.canExpand, note: `in ${owner}'s cluster` },
    className: region.canExpand ? 'graph-summary can-expand' : 'graph-summary',
    ...STATIC,
    ariaRole: 'button',
    domAttributes: nodeDom({
      'data-testid': graphTestId.summary(input.label(region.key)),
      ...(placed.parentId === undefined ? {} : { 'data-cluster': placed.parentId }),
    }),
  };
}
