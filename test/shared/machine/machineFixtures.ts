/**
 * Shared fixtures of the case machine tests: the cast of actors, case inputs, and event builders.
 */
import { expect } from 'chai';
import type { CaseInput } from '../../../shared/machine/caseContext.js';
import type {
  Actor,
  CaseEvent,
  CaseEventOf,
  CaseEventPayloads,
  CaseEventType,
} from '../../../shared/machine/caseEvents.js';
import { applyCaseEvent, caseStage, type CaseSnapshot } from '../../../shared/machine/machineApi.js';

/** User ids of the cast. */
export const IDS = {
  complainant: 'u-complainant',
  respondent: 'u-respondent',
  mediator: 'u-mediator',
  mediator2: 'u-mediator2',
  arbitrator: 'u-arbitrator',
  arbitrator2: 'u-arbitrator2',
  investigator: 'u-investigator',
} as const;

const officer = (id: string, orgType: Actor['orgType']): Actor => ({
  id,
  role: 'officer',
  orgId: `org-${id}`,
  orgType,
});

/** The fixed cast every test uses. */
export const ACTORS = {
  complainant: { id: IDS.complainant, role: 'complainant' },
  respondent: { id: IDS.respondent, role: 'respondent' },
  mediator: { id: IDS.mediator, role: 'mediator', orgType: 'mediation' },
  mediator2: { id: IDS.mediator2, role: 'mediator', orgType: 'mediation' },
  arbitrator: { id: IDS.arbitrator, role: 'arbitrator', orgType: 'arbitration' },
  investigator: { id: IDS.investigator, role: 'investigator' },
  court: officer('u-court', 'judicial'),
  center: officer('u-center', 'protectionCenter'),
  enforcement: officer('u-enforcement', 'administrative'),
  mediationOrg: officer('u-mediation-org', 'mediation'),
  arbitrationOrg: officer('u-arbitration-org', 'arbitration'),
  legalAid: officer('u-legal-aid', 'legalServices'),
  supervisor: officer('u-supervisor', 'socialSupervision'),
  association: officer('u-association', 'industrySelfRegulation'),
  admin: { id: 'u-admin', role: 'admin' },
  system: { id: 'system', role: 'system' },
} as const satisfies Record<string, Actor>;

/** A name of an actor of the cast. */
export type ActorName = keyof typeof ACTORS;

/** Every actor name, in a stable order. */
export const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[];

/** The officer of each organisation type. */
export const OFFICER_OF = {
  judicial: 'court',
  protectionCenter: 'center',
  administrative: 'enforcement',
  mediation: 'mediationOrg',
  arbitration: 'arbitrationOrg',
  legalServices: 'legalAid',
  socialSupervision: 'supervisor',
  industrySelfRegulation: 'association',
} as const satisfies Record<string, ActorName>;

/** Filing time of the fixture cases. */
export const FILED_AT = '2024-03-04T01:00:00.000Z';

/** A case input, with overrides. */
export function caseInput(overrides: Partial<CaseInput> = {}): CaseInput {
  return {
    caseId: 'case-1',
    filedAt: FILED_AT,
    complainantId: IDS.complainant,
    respondentId: IDS.respondent,
    ipType: 'inventionPatent',
    track: 'ordinary',
    recommendedChannel: 'mediation',
    ...overrides,
  };
}

/** An ISO instant `days` after filing. */
export function day(days: number): string {
  return new Date(Date.parse(FILED_AT) + days * 86_400_000).toISOString();
}

/** An event of `type` by an actor of the cast (or any actor), at an instant (default: day 1). */
export function ev<T extends CaseEventType>(
  type: T,
  actor: ActorName | Actor,
  payload: CaseEventPayloads[T],
  at: string = day(1),
): CaseEventOf<T> {
  const who = typeof actor === 'string' ? ACTORS[actor] : actor;
  return { ...payload, type, actor: who, at } as unknown as CaseEventOf<T>;
}

/**
 * The platform records the respondent's service (a claimed invitation) at `at`: the answer and
 * consent periods run from it (machine version 3).
 */
export function served(at: string = day(1)): CaseEventOf<'SERVE'> {
  return ev('SERVE', 'system', { means: 'link', servedAt: at }, at);
}

/** Applies events that must all be accepted; returns the final snapshot. */
export function run(snapshot: CaseSnapshot, events: readonly CaseEvent[]): CaseSnapshot {
  let current = snapshot;
  for (const event of events) {
    const result = applyCaseEvent(current, event);
    expect(result.accepted, `${event.type} by ${event.actor.id} in ${caseStage(current)}`).to.equal(true);
    current = result.snapshot;
  }
  return current;
}

/** Asserts an event is refused and leaves the snapshot unchanged. */
export function expectRefused(snapshot: CaseSnapshot, event: CaseEvent): void {
  const result = applyCaseEvent(snapshot, event);
  expect(result.accepted, `${event.type} by ${event.actor.id} in ${caseStage(snapshot)}`).to.equal(false);
  expect(result.snapshot).to.equal(snapshot);
}
