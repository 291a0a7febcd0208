// Feeds the projection from the store's step model: the layout of the clusters at the step, focus and changes.
import type { EventLabel, Resolution, ResolutionView } from '../../engine/index.ts';
import type { PlayedScenario } from '../../scenarios/play.ts';
import type { Selection } from '../../store/appStore.ts';
import type { StepModel } from '../../store/derive.ts';
import { changedIdsAt, focusOf } from './graphFocus.ts';
import { idKindsOf, type IdKindOf } from './idKind.ts';
import { layoutGraph, type GraphLayout } from './layout.ts';
import { eventNumbering, type GraphInput } from './toFlowElements.ts';

/** What the graph is drawn from at one step: the clusters as they stand then, laid out. */
export interface GraphFrame {
  readonly layout: GraphLayout;
  readonly kindOf: IdKindOf;
  readonly eventNumber: (recordIndex: number) => number;
}

/**
 * Laid out from the clusters at `view` (the step shown), not the final ones: a cluster's box is then drawn around
 * exactly its members, and an id that joins later moves into the box when its link is made (#17: an unlinked id
 * never straddles a box it does not belong to).
 */
export function graphFrame(
  resolution: Resolution,
  played: Pick<PlayedScenario, 'records' | 'deviceIds'>,
  expansion: ReadonlyMap<string, number>,
  view: ResolutionView | undefined,
): GraphFrame {
  const final = played.records.length === 0 ? undefined : resolution.final();
  return {
    layout: layoutGraph(view, expansion),
    kindOf: final === undefined ? () => 'other' : idKindsOf(final, new Set(played.deviceIds)),
    eventNumber: eventNumbering(played.records),
  };
}

/** `clusterIds`: the ids the store's highlight lights up for the selection (useHighlight().ids). */
export function graphInput(
  model: StepModel,
  frame: GraphFrame,
  selection: Selection | null,
  clusterIds: ReadonlySet<string>,
  eventLabel: EventLabel,
): GraphInput {
  return {
    view: model.view,
    layout: frame.layout,
    label: model.label,
    kindOf: frame.kindOf,
    eventNumber: frame.eventNumber,
    eventLabel,
    focus: focusOf(selection, model.view, model.recordEnd, clusterIds),
    newRecords: model.newRecords,
    changedIds: changedIdsAt(model.view, previousView(model), frame.layout.positions),
  };
}

/** The resolution just before this step's records; none when the step sent nothing or is the first. */
function previousView(model: StepModel): ResolutionView | undefined {
  const first = model.step?.firstRecord ?? 0;
  if (model.newRecords.size === 0 || first === 0) return undefined;
  return model.resolution.at(first - 1);
}
