// Identity events the engine refused (Original, Legacy), each routed to the finding that explains its cause.
import { modeRules, type EventFacts, type Failure } from '../engine/index.ts';
import { makeFinding, type Check, type CheckContext, type Observation } from './check.ts';
import { explainNotGuid, explainOverCap, explainRefused, type RefusalTally } from './explainIdentity.ts';
import { EventSample, IdSample } from './samples.ts';
import type { Finding } from './types.ts';

/** The id an identity event tried to bring in: the anon id, the alias, or the second id of a `$merge`. */
function joiningId(facts: EventFacts): string | undefined {
  return facts.anonId ?? facts.alias ?? facts.mergeIds?.[1];
}

/** Events and ids of one kind of refusal. */
class RefusalSample {
  readonly events: EventSample;
  readonly ids: IdSample;

  constructor(context: CheckContext) {
    this.events = new EventSample(context.settings.eventSampleSize);
    this.ids = new IdSample(context.settings.idSampleSize);
  }

  add(observation: Observation): void {
    this.events.add(observation.ref);
    const id = joiningId(observation.facts);
    if (id !== undefined) this.ids.add(id);
  }

  body(explanation: string) {
    const { events, ids } = this;
    return { explanation, count: events.count, events: events.events, ids: ids.ids, idCount: ids.size };
  }
}

/**
 * O-7, O-11, O-13, O-15, L-2: every failure the engine records on Original and Legacy. Simplified's only failure is
 * the S-9 refusal, which the shared-device check reports with its cause.
 */
export class RefusalCheck implements Check {
  readonly scope = 'refused';
  private readonly notGuid: RefusalSample;
  private readonly overCap: RefusalSample;
  private readonly other: RefusalSample;
  private readonly byCode = new Map<string, RefusalTally>();
  private userAsAnon = 0;

  constructor(private readonly context: CheckContext) {
    this.notGuid = new RefusalSample(context);
    this.overCap = new RefusalSample(context);
    this.other = new RefusalSample(context);
  }

  observe(observation: Observation): void {
    const failure = observation.outcome.failure;
    if (failure === undefined || modeRules(this.context.mode).queryTimeRefusal !== undefined) return;
    if (failure.code === 'errManyIDs') this.overCap.add(observation);
    else if (failure.code === 'errAnonDistinctIdNonGUIDForm' && !this.namesKnownUser(observation.facts))
      this.notGuid.add(observation);
    else this.noteOther(observation, failure);
  }

  /** SDK-5: identify() for a second user sends the first user's id as the anon id; that is P-1, not P-15. */
  private namesKnownUser(facts: EventFacts): boolean {
    return facts.anonId !== undefined && this.context.knownUsers.has(facts.anonId);
  }

  private noteOther(observation: Observation, failure: Failure): void {
    this.other.add(observation);
    if (failure.code.startsWith('errAnonDistinctId') && this.namesKnownUser(observation.facts))
      this.userAsAnon++;
    const tally = this.byCode.get(failure.code);
    this.byCode.set(failure.code, {
      count: (tally?.count ?? 0) + 1,
      description: tally?.description ?? failure.description,
    });
  }

  finish(): Finding[] {
    const { mode, options } = this.context;
    const findings: Finding[] = [];
    const { notGuid, overCap, other } = this;
    if (overCap.events.count > 0) {
      const explanation = explainOverCap(options.clusterLimit, overCap.ids.ids, overCap.ids.size);
      findings.push(makeFinding('cluster-over-cap', mode, overCap.body(explanation)));
    }
    if (notGuid.events.count > 0) {
      const explanation = explainNotGuid(options, notGuid.ids.ids, notGuid.ids.size);
      findings.push(makeFinding('anon-id-not-guid', mode, notGuid.body(explanation)));
    }
    if (other.events.count > 0) {
      const explanation = explainRefused(mode, this.byCode, this.userAsAnon);
      findings.push(makeFinding('identity-event-refused', mode, other.body(explanation)));
    }
    return findings;
  }
}
