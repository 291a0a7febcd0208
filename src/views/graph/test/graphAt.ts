// Test helper: the graph's nodes and edges for a library scenario at a step, from real engine output.
import { resolve, type Mode } from '../../../engine/index.ts';
import { findScenario } from '../../../scenarios/library/index.ts';
import { playScenario } from '../../../scenarios/play.ts';
import type { Selection } from '../../../store/appStore.ts';
import { eventRows, stepModel } from '../../../store/derive.ts';
import { highlightFor } from '../../../store/highlight.ts';
import type { GraphEdge, GraphNode } from '../flowTypes.ts';
import { graphFrame, graphInput } from '../graphModel.ts';
import { eventLabelFor } from '../../../store/explanation.ts';
import { toFlowElements } from '../toFlowElements.ts';

export interface GraphOptions {
  readonly selection?: Selection;
  readonly expansion?: ReadonlyMap<string, number>;
}

/** Plays and resolves a library scenario (with step tracking, as the app does). */
export function played(scenarioId: string, mode: Mode) {
  const scenario = findScenario(scenarioId);
  if (scenario === undefined) throw new Error(`no scenario ${scenarioId}`);
  const playedScenario = playScenario(scenario);
  return {
    played: playedScenario,
    resolution: resolve(playedScenario.records, mode, {}, { trackSteps: true }),
  };
}

export function graphAt(scenarioId: string, mode: Mode, cursor: number, options: GraphOptions = {}) {
  const { played: playedScenario, resolution } = played(scenarioId, mode);
  const model = stepModel(playedScenario, resolution, cursor);
  const frame = graphFrame(resolution, playedScenario, options.expansion ?? new Map(), model.view);
  const selection = options.selection ?? null;
  const rows = eventRows(model);
  const { ids } = highlightFor(model, rows, selection);
  const elements = toFlowElements(graphInput(model, frame, selection, ids, eventLabelFor(rows)));
  return { ...elements, model, frame, played: playedScenario };
}

export const testIdOf = (element: GraphNode | GraphEdge): unknown =>
  (element.domAttributes as Record<string, unknown> | undefined)?.['data-testid'];

/** Finds a node or edge by its test id (graph.node.U1, graph.edge.4 …). */
export function byTestId<T extends GraphNode | GraphEdge>(elements: readonly T[], testId: string): T {
  const found = elements.find((element) => testIdOf(element) === testId);
  if (found === undefined) throw new Error(`no element ${testId} in ${elements.map(testIdOf).join(', ')}`);
  return found;
}

/** A node's corner in flow coordinates, adding its group's corner when it has one. */
export function absolutePosition(nodes: readonly GraphNode[], node: GraphNode): { x: number; y: number } {
  const parent = nodes.find((candidate) => candidate.id === node.parentId);
  return parent === undefined
    ? node.position
    : { x: parent.position.x + node.position.x, y: parent.position.y + node.position.y };
}
