/**
 * The model the graph tests traverse: concrete driver events for every state, a bounded state
 * serialisation, and the stable leaf states computed from the machine definition.
 */
import type { AnyStateNode } from 'xstate';
import type { CaseContext } from '../../../shared/machine/caseContext.js';
import { CLOCK_IDS } from '../../../shared/time/clockIds.js';
import {
  CASE_EVENT_TYPES,
  type Actor,
  type CaseEvent,
  type CaseEventPayloads,
  type CaseEventType,
} from '../../../shared/machine/caseEvents.js';
import { caseMachine } from '../../../shared/machine/machine.js';
import { caseStage, caseStatus, type CaseSnapshot } from '../../../shared/machine/machineApi.js';
import { CHANNELS, TRACKS, type Channel } from '../../../shared/vocabulary.js';
import { ACTORS, IDS, day } from './machineFixtures.js';

const TRACKED: readonly Channel[] = ['administrative', 'judicial', 'arbitration'];

/** Payload variants the traversal tries for each event type (chosen to reach every state). */
const VARIANTS: { [T in CaseEventType]: (context: CaseContext) => CaseEventPayloads[T][] } = {
  ACCEPT: () => [{}],
  REQUEST_INFO: () => [{ items: ['licence agreement'] }],
  REJECT: () => [{ reason: 'no protectable right' }],
  PROVIDE_INFO: () => [{ note: 'documents attached' }],
  RELEASE_HOLD: () => [{ note: 'no PAE pattern' }],
  ROUTE: () =>
    CHANNELS.flatMap((channel) =>
      TRACKED.includes(channel)
        ? TRACKS.map((track) => ({ channel, track, reason: 'officer choice' }))
        : [{ channel, reason: 'officer choice' }],
    ),
  TRANSFER: (context) =>
    CHANNELS.filter((c) => c !== context.channel).map((channel) => ({ channel, reason: 'better forum' })),
  WITHDRAW: () => [{}],
  LINK_RESPONDENT: () => [{ respondentId: IDS.respondent }],
  DEADLINE: (context) => CLOCK_IDS.filter((clock) => context.clocks[clock]).map((clock) => ({ clock })),
  ASSIGN_MEDIATOR: () => [{ mediatorId: IDS.mediator }, { mediatorId: IDS.mediator2 }],
  ACCEPT_ASSIGNMENT: () => [{}],
  DECLINE_ASSIGNMENT: () => [
    { conflict: true, conflictWith: 'respondent', reason: 'advised the respondent' },
  ],
  CONSENT: () => [{}],
  DECLINE: () => [{ reason: 'not acceptable' }],
  SCHEDULE_SESSION: () => [{ sessionAt: day(10) }],
  RECORD_SESSION: () => [{ notes: 'positions exchanged' }],
  REQUEST_EXTENSION: () => [{ days: 90 }, { days: 7 }, {}],
  APPROVE_EXTENSION: () => [{}],
  PROPOSE_AGREEMENT: () => [{ terms: 'licence fee 10k' }],
  DECLARE_IMPASSE: () => [{}],
  SIGN_AGREEMENT: () => [{}],
  REQUEST_CONFIRMATION: () => [{}],
  CONFIRM_AGREEMENT: () => [{}],
  REFUSE_CONFIRMATION: () => [{ reason: 'against public order' }],
  CLOSE: () => [{}],
  RESPOND: () => [{ answer: 'no infringement' }],
  ENTRUST_MEDIATION: () => [{}],
  START_TRIAL: () => [{}],
  CONVERT_TO_ORDINARY: () => [{}],
  RENDER_JUDGMENT: () => [
    {
      infringement: true,
      damagesCny: 100_000,
      punitiveBaseCny: 100_000,
      punitiveDamagesCny: 200_000,
      wilful: true,
      seriousCircumstances: true,
    },
    { infringement: false },
  ],
  APPOINT_ARBITRATOR: () => [{ arbitratorId: IDS.arbitrator }],
  DECLARE_IMPARTIALITY: () => [{}],
  RENDER_AWARD: () => [{ infringement: true, damagesCny: 50_000 }, { infringement: false }],
  ASSIGN_INVESTIGATOR: () => [{ investigatorId: IDS.investigator }],
  SUBMIT_TECH_REPORT: () => [{ summary: 'features match', match: true }],
  DETERMINE: () => [
    { infringement: true, remedy: 'takedown' },
    { infringement: true, remedy: 'disclosure' },
    { infringement: true, remedy: 'cease' },
    { infringement: true, remedy: 'confiscateAndFine' },
    { infringement: false, remedy: 'none' },
  ],
  COUNTER_NOTICE: () => [{ statement: 'the design differs' }],
  RECORD_OUTCOME: () => [
    { outcome: 'advised', notes: 'advice given' },
    { outcome: 'settled', notes: 'parties settled' },
  ],
  OPEN_COMPLIANCE: () => [{}],
  RECORD_COMPLIANCE: () => [{ complied: true }, { complied: false }],
  APPEAL: () => [{ reason: 'damages too high' }],
  PERMIT_WITHDRAWAL: () => [{}],
  REFUSE_WITHDRAWAL: () => [{ reason: 'the withdrawal would harm the public interest' }],
  EXTEND_TRIAL: () => [
    { months: 6, approvedBy: 'president', reason: 'complex technical comparison' },
    { months: 1, approvedBy: 'president', reason: 'expert opinion pending' },
    { months: 6, approvedBy: 'higherCourt', reason: 'expert opinion pending' },
  ],
  FORWARD_COUNTER_NOTICE: () => [{}],
  NOTIFY_COMPLAINT: () => [{ forum: 'authority', reference: 'AMR case 2024-17' }],
  AGREE_TO_ARBITRATE: () => [{}],
  NOMINATE_ARBITRATOR: () => [{ arbitratorId: IDS.arbitrator }, { entrustChairman: true }],
  HAND_OVER: () => [{ orgId: 'org-other', reason: 'no capacity' }],
  SERVE: (context) => [{ means: 'link', servedAt: context.filedAt }],
};

/** The payload variants the traversal tries for an event type. */
export function payloadVariants(type: CaseEventType, context: CaseContext): object[] {
  return (VARIANTS[type] as (c: CaseContext) => object[])(context);
}

/** The actors the traversal lets act: the fixed cast plus whoever is assigned in this case. */
function castFor(context: CaseContext): Actor[] {
  const assigned: Actor[] = [];
  if (context.mediatorId) assigned.push({ id: context.mediatorId, role: 'mediator' });
  if (context.arbitratorId) assigned.push({ id: context.arbitratorId, role: 'arbitrator' });
  return [...Object.values(ACTORS), ...assigned];
}

/** Every concrete event the traversal offers in a snapshot. */
export function driverEvents(snapshot: CaseSnapshot): CaseEvent[] {
  const context = snapshot.context;
  const cast = castFor(context);
  return CASE_EVENT_TYPES.flatMap((type) =>
    payloadVariants(type, context).flatMap((payload) =>
      cast.map((actor) => ({ ...payload, type, actor, at: day(1) }) as CaseEvent),
    ),
  );
}

/**
 * A bounded key for a snapshot: its state value plus the context facts that change what can happen
 * next in that state (not the ever-growing logs, nor facts left over from earlier channels).
 */
export function serializeCaseState(snapshot: CaseSnapshot): string {
  const c = snapshot.context;
  const stage = caseStage(snapshot);
  const within = (prefix: string) => stage.startsWith(prefix);
  const mediating = within('inChannel.mediation') || within('inChannel.judicial.entrustedMediation');
  const settled = ['resolved', 'compliance', 'closed'].includes(caseStatus(snapshot));
  return JSON.stringify({
    value: snapshot.value,
    respondent: c.respondentId !== null,
    // the clocks waiting for service on the respondent (the answer and consent periods run from it)
    awaitingService: Object.keys(c.awaitingService ?? {}).sort(),
    channel: settled ? c.channel : undefined,
    fastTrack: settled ? c.fastTrack : undefined,
    outcome: settled || within('inChannel.administrative.fastTrack.remedy') ? c.outcome : undefined,
    closureReason: c.closureReason,
    track: within('inChannel.judicial') ? c.track : undefined,
    mediator: mediating || (settled && c.channel === 'mediation') ? c.mediatorId : undefined,
    declinedMediators: stage.endsWith('awaitingMediator') ? [...c.declinedMediatorIds].sort() : undefined,
    arbitrator:
      within('inChannel.arbitration') || (settled && c.channel === 'arbitration')
        ? c.arbitratorId
        : undefined,
    investigator: within('inChannel') ? c.investigatorId !== null : undefined,
    signatures: stage.endsWith('agreementDrafted') ? c.signatures : undefined,
    extension: stage.includes('.inSession') && mediating ? c.extension : undefined,
    confirmationApplications: stage.endsWith('mediation.signed') ? c.confirmationApplications : undefined,
    extendedClocks: CLOCK_IDS.filter((id) => c.clocks[id]?.extension),
    withdrawalPending: within('inChannel.judicial') ? (c.court?.withdrawal ?? null) !== null : undefined,
    arbitrationAgreement: settled ? undefined : Boolean(c.arbitrationAgreement),
    nominations: within('inChannel.arbitration.tribunalConstitution') ? c.arbitratorNominations : undefined,
  });
}

/** Whether a state node is left at once by an eventless transition (a choice pseudo-state). */
function isTransient(node: AnyStateNode): boolean {
  return (node.always?.length ?? 0) > 0;
}

/** The dotted paths of every leaf state a case can rest in, read from the machine definition. */
export function stableLeafStages(): string[] {
  const stages: string[] = [];
  const walk = (node: AnyStateNode, path: string[]) => {
    const children = Object.values(node.states) as AnyStateNode[];
    if (children.length === 0) {
      if (!isTransient(node)) stages.push(path.join('.'));
      return;
    }
    for (const child of children) walk(child, [...path, child.key]);
  };
  walk(caseMachine.root, []);
  return stages;
}
