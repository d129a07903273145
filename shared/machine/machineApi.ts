/**
 * The pure helpers the server and the client use around the case machine: create, restore, persist
 * and advance snapshots, and read status, stage, clocks and the actions an actor may take.
 */
import {
  createActor,
  initialTransition,
  type AnyActorScope,
  type AnyStateMachine,
  type SnapshotFrom,
  type StateValue,
} from 'xstate';
import { probePayloads } from './actions/actionProbes.js';
import type { CaseContext, CaseInput, ClockEntry } from './caseContext.js';
import { CLOCK_IDS, type ClockId } from '../time/clockIds.js';
import { CASE_EVENT_TYPES, type Actor, type CaseEvent, type CaseEventType } from './caseEvents.js';
import { caseMachine } from './machine.js';
import type { CaseStatus } from '../vocabulary.js';

/** A snapshot of the case machine. */
export type CaseSnapshot = SnapshotFrom<typeof caseMachine>;

/** The JSON-safe form of a snapshot, as stored in the database. */
export interface PersistedCaseSnapshot {
  value: StateValue;
  context: CaseContext;
  status: string;
  [key: string]: unknown;
}

/** The result of offering an event to the machine. */
export interface ApplyResult {
  snapshot: CaseSnapshot;
  /** The machine handled the event (when false, `snapshot` is the one passed in). */
  accepted: boolean;
}

/** A running clock, as read from the context. */
export interface ActiveClock extends ClockEntry {
  clock: ClockId;
}

/** The snapshot of a newly filed case (screening, with the screening clock started at `filedAt`). */
export function initialCaseSnapshot(input: CaseInput): CaseSnapshot {
  const [snapshot] = initialTransition(caseMachine, input);
  return snapshot;
}

/** A snapshot rebuilt from its persisted (possibly JSON-parsed) form. */
export function restoreCaseSnapshot(persisted: unknown): CaseSnapshot {
  if (typeof persisted !== 'object' || persisted === null)
    throw new TypeError('Not a persisted case snapshot');
  const { value, context } = persisted as Partial<PersistedCaseSnapshot>;
  if (value === undefined || typeof context !== 'object' || context === null) {
    throw new TypeError('A persisted case snapshot needs a value and a context');
  }
  return caseMachine.resolveState({ value: value as CaseSnapshot['value'], context });
}

/** The JSON-safe form of a snapshot (store it; restore with `restoreCaseSnapshot`). */
export function persistCaseSnapshot(snapshot: CaseSnapshot): PersistedCaseSnapshot {
  return caseMachine.getPersistedSnapshot(snapshot) as unknown as PersistedCaseSnapshot;
}

let inertScope: AnyActorScope | undefined;

/**
 * The actor scope every step of the machine runs in: inert, as xstate's pure `transition()` makes it
 * (no-op effects, actions discarded). `transition()` builds a new one for each step, and building one
 * computes the machine's initial snapshot: a step took 31–53 µs that way against 25–30 µs in a kept
 * scope (xstate v6 builds it lazily: statelyai/xstate#5632). The case machine invokes and spawns nothing
 * and every action is an `assign`, so the scope holds nothing from one step to the next: one, built on
 * first use, serves all.
 */
function stepScope(): AnyActorScope {
  if (inertScope) return inertScope;
  // as transition() does: an actor of the machine without input (the machine allows it) as `self`
  const self = createActor(caseMachine as AnyStateMachine);
  inertScope = {
    self,
    defer: () => {},
    id: '',
    logger: () => {},
    sessionId: '',
    stopChild: () => {},
    system: self.system,
    emit: () => {},
    actionExecutor: () => {},
  };
  return inertScope;
}

/** Offers an event to the machine; an event it cannot handle now leaves the snapshot as it is. */
export function applyCaseEvent(snapshot: CaseSnapshot, event: CaseEvent): ApplyResult {
  if (!snapshot.can(event)) return { snapshot, accepted: false };
  return { snapshot: caseMachine.transition(snapshot, event, stepScope()), accepted: true };
}

/** Whether this event, as given, would be accepted now. */
export function canApply(snapshot: CaseSnapshot, event: CaseEvent): boolean {
  return snapshot.can(event);
}

/** The event types this actor may send now (probed with minimal valid payloads). */
export function availableActions(snapshot: CaseSnapshot, actor: Actor, at: string): CaseEventType[] {
  return CASE_EVENT_TYPES.filter((type) =>
    probePayloads(type, snapshot.context).some((payload) =>
      snapshot.can({ ...payload, type, actor, at } as CaseEvent),
    ),
  );
}

/** The top-level state: the `status` of a case. */
export function caseStatus(snapshot: Pick<CaseSnapshot, 'value'>): CaseStatus {
  const value: StateValue = snapshot.value;
  return (typeof value === 'string' ? value : Object.keys(value)[0]) as CaseStatus;
}

/** The dotted path of the deepest active state, e.g. `inChannel.mediation.inSession.negotiating`. */
export function caseStage(snapshot: Pick<CaseSnapshot, 'value'>): string {
  const path: string[] = [];
  let value: StateValue | undefined = snapshot.value;
  while (value !== undefined) {
    if (typeof value === 'string') {
      path.push(value);
      break;
    }
    const key: string | undefined = Object.keys(value)[0];
    if (key === undefined) break;
    path.push(key);
    value = value[key];
  }
  return path.join('.');
}

/** The clocks running now, in clock-table order. */
export function activeClocks(snapshot: Pick<CaseSnapshot, 'context'>): ActiveClock[] {
  const clocks = snapshot.context.clocks;
  return CLOCK_IDS.flatMap((clock) => {
    const entry = clocks[clock];
    return entry ? [{ clock, ...entry }] : [];
  });
}
