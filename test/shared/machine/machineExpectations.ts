/**
 * What the fixed cast may do in every stable state, written from the design brief (not read from
 * the machine): `TYPE:actor` pairs. A pair is expected when it is accepted in at least one context
 * the state can be reached with (e.g. `SIGN_AGREEMENT:complainant` until the complainant has signed).
 */
import type { CaseEventType } from '../../../shared/machine/caseEvents.js';
import type { ActorName } from './machineFixtures.js';

type Pair = `${CaseEventType}:${ActorName}`;

const OFFICERS = [
  'court',
  'center',
  'enforcement',
  'mediationOrg',
  'arbitrationOrg',
  'legalAid',
  'supervisor',
  'association',
] as const satisfies readonly ActorName[];
const STAFF: readonly ActorName[] = ['admin', ...OFFICERS];
const MEDIATORS: readonly ActorName[] = ['mediator', 'mediator2'];
const PARTIES: readonly ActorName[] = ['complainant', 'respondent'];

function may(
  types: CaseEventType | readonly CaseEventType[],
  actors: ActorName | readonly ActorName[],
): Pair[] {
  const typeList = typeof types === 'string' ? [types] : types;
  const actorList = typeof actors === 'string' ? [actors] : actors;
  return typeList.flatMap((type) => actorList.map((actor) => `${type}:${actor}` as Pair));
}

/** Anywhere before closing, admin and the platform may link the respondent account. */
const link = may('LINK_RESPONDENT', ['admin', 'system']);
/** A running clock can be reported as breached by the platform. */
const clock = may('DEADLINE', 'system');
/** Before a decision and without an arbitration agreement, the respondent may agree to arbitrate. */
const agree = may('AGREE_TO_ARBITRATE', 'respondent');
/**
 * In a channel before any decision: the complainant withdraws, admin or the handler transfers or
 * hands the case to another organisation of the channel, and records service on the respondent (the
 * platform when the respondent claims the invitation); the respondent may agree to arbitrate
 * (except in arbitration, which needs the agreement already).
 */
const inChannel = (handler: ActorName, agreeable = true): Pair[] => [
  ...link,
  ...may('SERVE', ['system', 'admin', handler]),
  ...may('WITHDRAW', 'complainant'),
  ...may(['TRANSFER', 'HAND_OVER'], ['admin', handler]),
  ...(agreeable ? agree : []),
];
const handler = (h: ActorName) => ['admin', h] as const;
/** The court rules on a withdrawal application and extends the trial period (CPL arts. 148, 152, 164). */
const courtRulings = may(['PERMIT_WITHDRAWAL', 'REFUSE_WITHDRAWAL', 'EXTEND_TRIAL'], handler('court'));
/** In court: as in any channel (withdrawing is an application there), plus the court's rulings. */
const inCourt: Pair[] = [...inChannel('court'), ...courtRulings];

const mediationSession = (h: ActorName, extension: boolean): Pair[] => [
  ...inChannel(h),
  ...clock,
  ...may(['SCHEDULE_SESSION', 'RECORD_SESSION', 'DECLARE_IMPASSE', 'PROPOSE_AGREEMENT'], MEDIATORS),
  ...(extension ? [...may('REQUEST_EXTENSION', MEDIATORS), ...may('APPROVE_EXTENSION', PARTIES)] : []),
];

/** Those who may act on a resolved case: admin, every channel's handler, the mediator, the arbitrator. */
const RESOLVERS: readonly ActorName[] = ['admin', ...OFFICERS, ...MEDIATORS, 'arbitrator'];

/** The expected `TYPE:actor` pairs of every stable state. */
export const EXPECTED_ACTIONS: Record<string, readonly Pair[]> = {
  screening: [
    ...link,
    ...clock,
    ...may(['ACCEPT', 'REQUEST_INFO', 'REJECT'], STAFF),
    ...may('WITHDRAW', 'complainant'),
  ],
  awaitingInfo: [...link, ...clock, ...may(['PROVIDE_INFO', 'WITHDRAW'], 'complainant')],
  'triage.held': [
    ...link,
    ...agree,
    ...may(['RELEASE_HOLD', 'REJECT'], 'admin'),
    ...may('WITHDRAW', 'complainant'),
  ],
  'triage.ready': [...link, ...agree, ...may('ROUTE', STAFF), ...may('WITHDRAW', 'complainant')],

  'inChannel.administrative.fastTrack.examination.preReview': [
    ...inChannel('center'),
    ...clock,
    ...may(['ACCEPT', 'REJECT'], handler('center')),
    ...may('RESPOND', 'respondent'),
  ],
  'inChannel.administrative.fastTrack.examination.technicalComparison': [
    ...inChannel('center'),
    ...clock,
    ...may('ASSIGN_INVESTIGATOR', handler('center')),
    ...may('SUBMIT_TECH_REPORT', 'investigator'),
    ...may('RESPOND', 'respondent'),
  ],
  'inChannel.administrative.fastTrack.examination.determination': [
    ...inChannel('center'),
    ...clock,
    ...may('DETERMINE', handler('center')),
    ...may('RESPOND', 'respondent'),
  ],
  'inChannel.administrative.fastTrack.remedy.noticeIssued': [
    ...link,
    ...clock,
    ...may('COUNTER_NOTICE', 'respondent'),
  ],
  'inChannel.administrative.fastTrack.remedy.counterNoticed': [
    ...link,
    ...may('FORWARD_COUNTER_NOTICE', handler('center')),
    // PROVIDE_INFO: the name logs from before issue 14 gave the notice of a complaint
    ...may(['NOTIFY_COMPLAINT', 'PROVIDE_INFO'], 'complainant'),
  ],
  'inChannel.administrative.fastTrack.remedy.counterNoticeReceived': [
    ...link,
    ...clock,
    ...may('NOTIFY_COMPLAINT', 'complainant'),
  ],
  'inChannel.administrative.ordinary.acceptance': [
    ...inChannel('enforcement'),
    ...may('ACCEPT', handler('enforcement')),
  ],
  'inChannel.administrative.ordinary.investigation': [
    ...inChannel('enforcement'),
    ...clock,
    ...may(['ASSIGN_INVESTIGATOR', 'REQUEST_EXTENSION', 'DETERMINE'], handler('enforcement')),
    ...may('SUBMIT_TECH_REPORT', 'investigator'),
    ...may('RESPOND', 'respondent'),
  ],

  'inChannel.judicial.filed.awaitingAnswer': [...inCourt, ...clock, ...may('RESPOND', 'respondent')],
  'inChannel.judicial.filed.answerClosed': [
    ...inCourt,
    ...clock,
    ...may(['ENTRUST_MEDIATION', 'START_TRIAL'], handler('court')),
  ],
  'inChannel.judicial.entrustedMediation.awaitingMediator': [
    ...inCourt,
    ...clock,
    ...may('ASSIGN_MEDIATOR', ['system', ...handler('court')]),
  ],
  'inChannel.judicial.entrustedMediation.awaitingAcceptance': [
    ...inCourt,
    ...clock,
    ...may(['ACCEPT_ASSIGNMENT', 'DECLINE_ASSIGNMENT'], MEDIATORS),
  ],
  'inChannel.judicial.entrustedMediation.awaitingConsent': [
    ...inCourt,
    ...clock,
    ...may(['CONSENT', 'DECLINE'], 'respondent'),
  ],
  'inChannel.judicial.entrustedMediation.inSession.negotiating': [
    ...mediationSession('court', true),
    ...courtRulings,
  ],
  'inChannel.judicial.entrustedMediation.inSession.agreementDrafted': [
    ...mediationSession('court', true),
    ...courtRulings,
    ...may(['SIGN_AGREEMENT', 'DECLINE'], PARTIES),
  ],
  'inChannel.judicial.entrustedMediation.signed': [
    ...inCourt,
    ...clock,
    ...may(['CONFIRM_AGREEMENT', 'REFUSE_CONFIRMATION'], handler('court')),
  ],
  'inChannel.judicial.trial.summaryTrial': [
    ...inCourt,
    ...clock,
    ...may(
      ['SCHEDULE_SESSION', 'RECORD_SESSION', 'CONVERT_TO_ORDINARY', 'RENDER_JUDGMENT'],
      handler('court'),
    ),
  ],
  'inChannel.judicial.trial.ordinaryTrial': [
    ...inCourt,
    ...clock,
    ...may(['SCHEDULE_SESSION', 'RECORD_SESSION', 'RENDER_JUDGMENT'], handler('court')),
  ],
  /** The judgment is open to appeal: either party appeals, or the clock makes it final. */
  'inChannel.appealWindow': [...link, ...clock, ...may('APPEAL', PARTIES)],

  'inChannel.mediation.awaitingMediator': [
    ...inChannel('mediationOrg'),
    ...clock,
    ...may('ASSIGN_MEDIATOR', ['system', ...handler('mediationOrg')]),
  ],
  'inChannel.mediation.awaitingAcceptance': [
    ...inChannel('mediationOrg'),
    ...clock,
    ...may(['ACCEPT_ASSIGNMENT', 'DECLINE_ASSIGNMENT'], MEDIATORS),
  ],
  'inChannel.mediation.awaitingConsent': [
    ...inChannel('mediationOrg'),
    ...clock,
    ...may(['CONSENT', 'DECLINE'], 'respondent'),
  ],
  'inChannel.mediation.inSession.negotiating': mediationSession('mediationOrg', true),
  'inChannel.mediation.inSession.agreementDrafted': [
    ...mediationSession('mediationOrg', true),
    ...may(['SIGN_AGREEMENT', 'DECLINE'], PARTIES),
  ],
  'inChannel.mediation.signed': [
    ...inChannel('mediationOrg'),
    ...clock,
    ...may('REQUEST_CONFIRMATION', PARTIES),
    ...may('CLOSE', MEDIATORS),
  ],
  'inChannel.mediation.awaitingConfirmation': [
    ...inChannel('mediationOrg'),
    ...clock,
    ...may(['CONFIRM_AGREEMENT', 'REFUSE_CONFIRMATION'], handler('court')),
  ],
  'inChannel.mediation.failed': [
    ...inChannel('mediationOrg'),
    ...may('TRANSFER', MEDIATORS),
    ...may('CLOSE', handler('mediationOrg')),
  ],

  'inChannel.arbitration.tribunalConstitution': [
    ...inChannel('arbitrationOrg', false),
    ...clock,
    ...may('APPOINT_ARBITRATOR', handler('arbitrationOrg')),
    ...may('NOMINATE_ARBITRATOR', PARTIES),
  ],
  'inChannel.arbitration.awaitingDeclaration': [
    ...inChannel('arbitrationOrg', false),
    ...clock,
    ...may(['DECLARE_IMPARTIALITY', 'DECLINE_ASSIGNMENT'], 'arbitrator'),
  ],
  'inChannel.arbitration.hearing': [
    ...inChannel('arbitrationOrg', false),
    ...clock,
    ...may('RESPOND', 'respondent'),
    ...may(
      ['SCHEDULE_SESSION', 'RECORD_SESSION', 'PROPOSE_AGREEMENT', 'REQUEST_EXTENSION', 'RENDER_AWARD'],
      'arbitrator',
    ),
  ],

  'inChannel.legalServices.intake': [
    ...inChannel('legalAid'),
    ...may(['ACCEPT', 'DECLINE'], handler('legalAid')),
  ],
  'inChannel.legalServices.advising': [
    ...inChannel('legalAid'),
    ...may(['SCHEDULE_SESSION', 'RECORD_SESSION', 'RECORD_OUTCOME'], handler('legalAid')),
  ],
  'inChannel.legalServices.failed': [...inChannel('legalAid'), ...may('CLOSE', handler('legalAid'))],

  'inChannel.socialSupervision.received': [
    ...inChannel('supervisor'),
    ...may('ACCEPT', handler('supervisor')),
  ],
  'inChannel.socialSupervision.verification': [
    ...inChannel('supervisor'),
    ...may(['ASSIGN_INVESTIGATOR', 'DETERMINE'], handler('supervisor')),
    ...may('SUBMIT_TECH_REPORT', 'investigator'),
    ...may('RESPOND', 'respondent'),
  ],

  'inChannel.industrySelfRegulation.review': [
    ...inChannel('association'),
    ...may(['ACCEPT', 'DECLINE'], handler('association')),
  ],
  'inChannel.industrySelfRegulation.memberMediation.awaitingConsent': [
    ...inChannel('association'),
    ...clock,
    ...may(['CONSENT', 'DECLINE'], 'respondent'),
  ],
  'inChannel.industrySelfRegulation.memberMediation.inSession': [
    ...inChannel('association'),
    ...may(['SCHEDULE_SESSION', 'RECORD_SESSION', 'DETERMINE', 'DECLARE_IMPASSE'], handler('association')),
  ],
  'inChannel.industrySelfRegulation.failed': [
    ...inChannel('association'),
    ...may('CLOSE', handler('association')),
  ],

  resolved: [...link, ...may(['OPEN_COMPLIANCE', 'CLOSE'], RESOLVERS)],
  'compliance.monitoring': [...link, ...may('RECORD_COMPLIANCE', RESOLVERS)],
  'compliance.breached': [
    ...link,
    ...may(['RECORD_COMPLIANCE', 'CLOSE'], RESOLVERS),
    // Only to social supervision, by admin or the handler of a channel other than social supervision.
    ...may(
      'TRANSFER',
      STAFF.filter((a) => a !== 'supervisor'),
    ),
  ],
  closed: [],
};
