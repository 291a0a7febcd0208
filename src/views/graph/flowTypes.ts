// The React Flow node and edge shapes the identity graph draws, and how their ids and test ids are spelled.
import type { Edge, Node } from '@xyflow/react';
import type { IdKind } from './idKind.ts';

export interface IdNodeData extends Record<string, unknown> {
  readonly id: string;
  /** The short alias shown (D1, $device:D1) or the id itself. */
  readonly label: string;
  readonly kind: IdKind;
  /** Marked only in a cluster of two or more: a lone id resolving to itself says nothing. */
  readonly isCanonical: boolean;
  readonly selected: boolean;
  readonly highlighted: boolean;
  /** Its resolved id changed at this step (a link or merge reached it). */
  readonly changed: boolean;
  /** First seen at this step. */
  readonly isNew: boolean;
  /** Read after the visible text, for screen readers: the node's name comes from its content. */
  readonly note: string;
}

export interface ClusterNodeData extends Record<string, unknown> {
  readonly canonicalLabel: string;
  readonly size: number;
  readonly highlighted: boolean;
}

export interface SummaryNodeData extends Record<string, unknown> {
  /** The collapsed region's key (its cluster's final canonical id): what expanding it counts by. */
  readonly regionKey: string;
  /** "+ 476 more $device: ids" */
  readonly text: string;
  /** What activating it does: "show 100 more", or why it does nothing. */
  readonly hint: string;
  readonly canExpand: boolean;
  /** Read after the visible text, for screen readers. */
  readonly note: string;
}

export type IdFlowNode = Node<IdNodeData, 'id'>;
export type ClusterFlowNode = Node<ClusterNodeData, 'cluster'>;
export type SummaryFlowNode = Node<SummaryNodeData, 'summary'>;
export type GraphNode = IdFlowNode | ClusterFlowNode | SummaryFlowNode;

export interface LinkEdgeData extends Record<string, unknown> {
  /** "#4 links", "#2 $identify", "#5 refused", "476 more links". */
  readonly text: string;
  /** The label's test id: its edge's, plus `.label`. */
  readonly labelTestId: string;
  /** A refusal's error code, on a line of its own: codes are long. */
  readonly code: string | undefined;
  /** The spec rule behind it (S-6, O-7 …); empty on a summary edge. */
  readonly rule: string;
  readonly status: 'link' | 'failed' | 'summary';
  /** Made at this step. */
  readonly isNew: boolean;
  readonly highlighted: boolean;
  /** Labels of the many links into a big cluster would pile up on each other; those show on demand only. */
  readonly showLabel: boolean;
  /**
   * How far a second or third edge between the same two nodes bows out (px, 0 for the first), measured to the
   * left of the line from the lower node id to the higher, so edges in opposite directions bow apart too.
   */
  readonly bend: number;
  /** Where the label's centre sits (flow coordinates), chosen clear of ids and other labels (labelPlacement.ts). */
  readonly labelAt?: { readonly x: number; readonly y: number };
}

export type GraphEdge = Edge<LinkEdgeData, 'link'>;

export interface FlowElements {
  readonly nodes: GraphNode[];
  readonly edges: GraphEdge[];
}

/**
 * React Flow ids are namespaced so an id can never clash with a cluster or summary node. They are names only:
 * what a node stands for is read from its typed `data`, never parsed back out of the id.
 */
export const flowId = {
  id: (id: string) => `id:${id}`,
  cluster: (canonical: string) => `cluster:${canonical}`,
  summary: (regionKey: string) => `summary:${regionKey}`,
} as const;

/**
 * Test ids use the label as shown, unsanitised (`graph.node.U1`, `graph.node.$device:D1`,
 * `graph.node.sally@gmail.com`): Playwright matches data-testid exactly, so no character needs escaping.
 */
export const graphTestId = {
  node: (label: string) => `graph.node.${label}`,
  cluster: (canonicalLabel: string) => `graph.cluster.${canonicalLabel}`,
  /** By the final canonical id of the collapsed cluster, like its summary edge. */
  summary: (regionLabel: string) => `graph.summary.${regionLabel}`,
  /** By the event's number in the table (1-based, events only), so a row and its edge share a number. */
  edge: (eventNumber: number) => `graph.edge.${eventNumber}`,
  summaryEdge: (regionLabel: string) => `graph.edge.summary.${regionLabel}`,
} as const;

type DataAttributes = Readonly<Record<`data-${string}`, string>>;

/** React Flow types `domAttributes` without data-* keys; these helpers let test ids through, typed. */
export function nodeDom(
  attributes: DataAttributes & { readonly 'aria-pressed'?: boolean },
): NonNullable<Node['domAttributes']> {
  return attributes;
}

export function edgeDom(attributes: DataAttributes): NonNullable<Edge['domAttributes']> {
  return attributes;
}

/** A class list from a base and named flags: `classNames('graph-node', { 'is-new': true })`. */
export function classNames(base: string, flags: Readonly<Record<string, boolean>>): string {
  return [base, ...Object.keys(flags).filter((name) => flags[name])].join(' ');
}

/** Long ids (GUIDs, emails) keep their start and end, so two of them stay tellable apart in a narrow node. */
export function shortLabel(label: string, max = 18): string {
  if (label.length <= max) return label;
  const tail = Math.floor((max - 1) / 3);
  return `${label.slice(0, max - 1 - tail)}…${label.slice(-tail)}`;
}
