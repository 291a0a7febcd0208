// Links, merges and refused attempts as edges, each labelled with the event that made it and the rule behind it.
import { MarkerType, type EdgeMarker } from '@xyflow/react';
import { linkNote, type FailedAttempt, type Link, type ResolutionView } from '../../engine/index.ts';
import { classNames, edgeDom, graphTestId, type GraphEdge, type LinkEdgeData } from './flowTypes.ts';
import { placeLabels } from './labelPlacement.ts';
import { NODE_HEIGHT, NODE_WIDTH, type Point } from './layout.ts';
import type { GraphInput, Placement } from './toFlowElements.ts';

const VERB: Readonly<Record<Link['kind'], string>> = {
  'device-link': 'links',
  identify: '$identify',
  alias: '$create_alias',
  merge: '$merge',
  'legacy-alias': 'alias',
};

/** Where an edge attaches: the flow nodes at both ends and the sides facing each other. */
interface Ends {
  readonly source: string;
  readonly target: string;
  readonly sourceHandle: string;
  readonly targetHandle: string;
}

/** An edge's ends, and the collapsed region one of them stands for (a summary node), if any. */
interface Attachment {
  readonly ends: Ends;
  readonly hiddenIn: string | undefined;
}

const STATIC = { focusable: false, selectable: false, deletable: false } as const;

export function flowEdges(view: ResolutionView, input: GraphInput, placement: Placement): GraphEdge[] {
  const edges: GraphEdge[] = [];
  const hiddenLinks = new Map<string, { attached: Attachment; count: number }>();
  for (const link of view.links()) {
    const attached = attach(link.from, link.to, placement);
    if (attached === undefined) continue;
    const { ends } = attached;
    if (attached.hiddenIn === undefined) edges.push(linkEdge(link, ends, input));
    else if (ends.source !== ends.target) {
      // Links to or from ids behind a summary are drawn once, with a count.
      const key = `${ends.source}>${ends.target}`;
      hiddenLinks.set(key, { attached, count: (hiddenLinks.get(key)?.count ?? 0) + 1 });
    }
  }
  for (const attempt of view.failedAttempts()) {
    const attached = attach(attempt.from, attempt.to, placement);
    if (attached !== undefined) edges.push(failedEdge(attempt, attached.ends, input));
  }
  for (const { attached, count } of hiddenLinks.values()) edges.push(summaryEdge(attached, count, input));
  return placeLabels(withBends(edges), placement.cornerOf, placement.obstacles);
}

/** Room for a label between two bowed edges and the straight one. */
const BEND_STEP = 72;

/** Edges that share their two nodes bow out alternately to either side, so their labels do not cover each other. */
function withBends(edges: readonly GraphEdge[]): GraphEdge[] {
  const lanes = new Map<string, number>();
  return edges.map((edge) => {
    const pair = [edge.source, edge.target].sort().join('\n');
    const lane = lanes.get(pair) ?? 0;
    lanes.set(pair, lane + 1);
    if (lane === 0 || edge.data === undefined) return edge;
    const bend = BEND_STEP * Math.ceil(lane / 2) * (lane % 2 === 1 ? 1 : -1);
    return { ...edge, data: { ...edge.data, bend } };
  });
}

function attach(
  from: string | undefined,
  to: string | undefined,
  placement: Placement,
): Attachment | undefined {
  const sourceEnd = from === undefined ? undefined : placement.endpointOf.get(from);
  const targetEnd = to === undefined ? undefined : placement.endpointOf.get(to);
  if (sourceEnd === undefined || targetEnd === undefined) return undefined;
  const source = sourceEnd.flowId;
  const target = targetEnd.flowId;
  const sourceCorner = placement.cornerOf.get(source);
  const targetCorner = placement.cornerOf.get(target);
  if (sourceCorner === undefined || targetCorner === undefined) return undefined;
  return {
    ends: { source, target, ...facingSides(sourceCorner, targetCorner, source === target) },
    hiddenIn: sourceEnd.hiddenIn ?? targetEnd.hiddenIn,
  };
}

/** Ids side by side join left to right, ids above each other top to bottom; an id refused with itself loops. */
function facingSides(
  source: Point,
  target: Point,
  isLoop: boolean,
): Pick<Ends, 'sourceHandle' | 'targetHandle'> {
  if (isLoop) return { sourceHandle: 's-right', targetHandle: 't-top' };
  const dx = target.x - source.x;
  const dy = target.y - source.y;
  if (Math.abs(dx) - NODE_WIDTH >= Math.abs(dy) - NODE_HEIGHT) {
    return dx < 0
      ? { sourceHandle: 's-left', targetHandle: 't-right' }
      : { sourceHandle: 's-right', targetHandle: 't-left' };
  }
  return dy < 0
    ? { sourceHandle: 's-top', targetHandle: 't-bottom' }
    : { sourceHandle: 's-bottom', targetHandle: 't-top' };
}

function arrow(color: string): EdgeMarker {
  return { type: MarkerType.ArrowClosed, width: 16, height: 16, color };
}

function edgeStyle(data: LinkEdgeData): { className: string; markerEnd: EdgeMarker; animated: boolean } {
  const color = data.status === 'failed' ? 'var(--danger)' : data.isNew ? 'var(--accent)' : 'var(--muted)';
  return {
    className: classNames(`graph-edge graph-edge--${data.status}`, {
      'is-new': data.isNew,
      'is-highlighted': data.highlighted,
    }),
    markerEnd: arrow(data.highlighted ? 'var(--fg)' : color),
    // React Flow's own dash animation would hide a failed edge's dashes; those fade in instead.
    animated: data.isNew && data.status === 'link',
  };
}

/** "#4 links"; a hidden identity event, which the table names "($identify, hidden)", is "$identify (hidden)". */
function edgeText(eventName: string, verb: string): string {
  const hidden = /^\((\S+), hidden\)$/.exec(eventName);
  if (hidden === null) return `${eventName} ${verb}`;
  return hidden[1] === verb ? `${verb} (hidden)` : `${hidden[1]} (hidden) ${verb}`;
}

/** Past this many drawn ids, a cluster's older links go unlabelled (their accessible names stay). */
const LABELLED_UP_TO = 8;

function linkEdge(link: Link, ends: Ends, input: GraphInput): GraphEdge {
  const number = input.eventNumber(link.eventIndex);
  const isNew = input.newRecords.has(link.eventIndex);
  const highlighted = input.focus.highlightedEvent === link.eventIndex;
  const crowded = (input.layout.regionOf.get(link.to)?.shown ?? 0) > LABELLED_UP_TO;
  const data: LinkEdgeData = {
    text: edgeText(input.eventLabel(link.eventIndex), VERB[link.kind]),
    labelTestId: `${graphTestId.edge(number)}.label`,
    code: undefined,
    rule: link.rule,
    status: 'link',
    isNew,
    highlighted,
    showLabel: isNew || highlighted || !crowded,
    bend: 0,
  };
  return {
    id: `link:${link.eventIndex}`,
    type: 'link',
    ...ends,
    data,
    ...edgeStyle(data),
    ...STATIC,
    ariaLabel: `Event ${input.eventLabel(link.eventIndex)}: ${linkNote(link, input.label)} (${link.rule})`,
    domAttributes: edgeDom({ 'data-testid': graphTestId.edge(number) }),
  };
}

function failedEdge(attempt: FailedAttempt, ends: Ends, input: GraphInput): GraphEdge {
  const number = input.eventNumber(attempt.eventIndex);
  const { code, rule } = attempt.failure;
  const data: LinkEdgeData = {
    text: edgeText(input.eventLabel(attempt.eventIndex), 'refused'),
    labelTestId: `${graphTestId.edge(number)}.label`,
    code,
    rule,
    status: 'failed',
    isNew: input.newRecords.has(attempt.eventIndex),
    highlighted: input.focus.highlightedEvent === attempt.eventIndex,
    showLabel: true,
    bend: 0,
  };
  const from = input.label(attempt.from ?? '');
  const to = input.label(attempt.to ?? '');
  return {
    id: `failed:${attempt.eventIndex}`,
    type: 'link',
    ...ends,
    data,
    ...edgeStyle(data),
    ...STATIC,
    ariaLabel: `Event ${input.eventLabel(attempt.eventIndex)} did not link ${from} to ${to}: ${code} (${rule})`,
    domAttributes: edgeDom({
      'data-testid': graphTestId.edge(number),
      'data-status': 'failed',
    }),
  };
}

function summaryEdge({ ends, hiddenIn }: Attachment, count: number, input: GraphInput): GraphEdge {
  const regionKey = hiddenIn ?? '';
  const data: LinkEdgeData = {
    text: `${count} more ${count === 1 ? 'link' : 'links'}`,
    labelTestId: '',
    code: undefined,
    rule: '',
    status: 'summary',
    isNew: false,
    highlighted: false,
    // The summary node already says how many ids it stands for.
    showLabel: false,
    bend: 0,
  };
  return {
    id: `summary-edge:${ends.source}>${ends.target}`,
    type: 'link',
    ...ends,
    data,
    ...edgeStyle(data),
    ...STATIC,
    ariaLabel: `${data.text} with ids not drawn`,
    domAttributes: edgeDom({
      'data-testid': graphTestId.summaryEdge(input.label(regionKey)),
    }),
  };
}
