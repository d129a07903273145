import type { CaseAction } from '../../shared/machine/caseEvents.js';
import type { Track } from '../../shared/vocabulary.js';
import type { ComplaintProfile } from './demoComplaints.js';

/**
 * Who takes a step: a demo user id, the account that filed the case (`filer`), the mediator assigned
 * to the case, or the clock (a `DEADLINE` step: the case waits until that clock expires and the
 * clock scheduler fires it).
 */
export type DemoActor = string | 'filer' | 'assignedMediator' | 'clock';

/**
 * One step of a demo case: who, what, and how many hours after the previous step it typically comes
 * (each case varies it; a clock step comes when its clock expires). Texts left empty (agreement
 * terms, a session date, a rejection reason, outcome notes) and amounts are filled in for each case.
 */
export interface DemoStep {
  who: DemoActor;
  action: CaseAction;
  afterHours: number;
}

/**
 * A demo story from filing to closing: the kinds of complaint it fits, the tracks it runs on, how
 * common it is among generated cases (`weight`), and its steps. A generated case follows a
 * scenario's steps up to a chosen point, so every prefix is a state a case can rest in.
 */
export interface DemoScenario {
  name: string;
  profiles: readonly ComplaintProfile[];
  /** The tracks routing may put the case on (one is drawn for each case). */
  tracks: readonly Track[];
  weight: number;
  steps: readonly DemoStep[];
}

const admin = 'u-admin';
const center = 'u-center';
const court = 'u-court';
const office = 'u-enforcement';
const mediator = 'assignedMediator';
const respondent = 'u-respondent';

const step = (who: DemoActor, action: CaseAction, afterHours: number): DemoStep => ({
  who,
  action,
  afterHours,
});
const accept = step(admin, { type: 'ACCEPT' }, 20);
const clock = (id: 'infoRequest' | 'ecommerceSellerResponse' | 'appealPeriod'): DemoStep =>
  step('clock', { type: 'DEADLINE', clock: id }, 0);

/** The protection center's fast track, from routing to the determination (remedy as given). */
const fastTrack = (match: boolean, remedy: 'takedown' | 'cease' | 'none'): DemoStep[] => [
  accept,
  step(admin, { type: 'ROUTE', channel: 'administrative', track: 'fast', orgId: 'org-pc-zgc' }, 2),
  step(center, { type: 'ACCEPT', note: 'Complete file; the right certificate is verified.' }, 18),
  step(center, { type: 'ASSIGN_INVESTIGATOR', investigatorId: 'u-investigator' }, 1),
  step(
    'u-investigator',
    {
      type: 'SUBMIT_TECH_REPORT',
      summary: match
        ? 'Same overall visual impression; the differences are minor details of colour and finish.'
        : 'Different overall visual impression: the profile and the proportions differ clearly.',
      match,
    },
    40,
  ),
  step(center, { type: 'DETERMINE', infringement: match, remedy }, 20),
];

/** Mediation from routing to both signatures (the mediator is assigned automatically). */
const mediationToSigned = (sessions: DemoStep[]): DemoStep[] => [
  accept,
  step(admin, { type: 'ROUTE', channel: 'mediation' }, 2),
  step(mediator, { type: 'ACCEPT_ASSIGNMENT' }, 5),
  step(respondent, { type: 'CONSENT', note: 'We are willing to talk.' }, 24),
  ...sessions,
  step(mediator, { type: 'PROPOSE_AGREEMENT', terms: '' }, 48),
  step('filer', { type: 'SIGN_AGREEMENT' }, 10),
  step(respondent, { type: 'SIGN_AGREEMENT' }, 14),
];

const firstSession = step(
  mediator,
  { type: 'RECORD_SESSION', notes: 'First joint session; positions exchanged.' },
  72,
);

/** Every demo story, across the seven channels and every way a case ends. */
export const DEMO_SCENARIOS: readonly DemoScenario[] = [
  {
    name: 'fast track: takedown, no counter-notice',
    profiles: ['designOnline'],
    tracks: ['fast'],
    weight: 6.5,
    steps: [
      ...fastTrack(true, 'takedown'),
      clock('ecommerceSellerResponse'),
      step(center, { type: 'CLOSE' }, 30),
    ],
  },
  {
    name: 'fast track: seller counter-notice',
    profiles: ['designOnline'],
    tracks: ['fast'],
    weight: 2.5,
    steps: [
      ...fastTrack(true, 'takedown'),
      step(
        respondent,
        {
          type: 'COUNTER_NOTICE',
          statement: 'Our product was designed independently and differs in its profile.',
        },
        30,
      ),
      // the platform forwards the counter-notice; the 15 days of art. 43 run from its receipt
      step(
        center,
        { type: 'FORWARD_COUNTER_NOTICE', note: 'Forwarded by the platform; receipt confirmed.' },
        6,
      ),
      step(
        'filer',
        { type: 'NOTIFY_COMPLAINT', forum: 'court', reference: 'Beijing IP Court, civil first instance' },
        90,
      ),
      step(center, { type: 'CLOSE' }, 48),
    ],
  },
  {
    name: 'fast track: decided and closed',
    profiles: ['designFair', 'patentFast'],
    tracks: ['fast'],
    weight: 10,
    steps: [...fastTrack(true, 'cease'), step(center, { type: 'CLOSE' }, 24)],
  },
  {
    name: 'fast track: no infringement',
    profiles: ['designFair', 'designOnline'],
    tracks: ['fast'],
    weight: 2,
    steps: [...fastTrack(false, 'none'), step(center, { type: 'CLOSE' }, 24)],
  },
  {
    name: 'fast track refused, ordinary enforcement',
    profiles: ['patentFast'],
    tracks: ['ordinary'],
    weight: 1.5,
    steps: [
      accept,
      step(admin, { type: 'ROUTE', channel: 'administrative', track: 'fast', orgId: 'org-pc-zgc' }, 2),
      step(center, { type: 'REJECT', reason: 'The claims need a full technical comparison.' }, 20),
      step(
        admin,
        {
          type: 'ROUTE',
          channel: 'administrative',
          reason: 'Ordinary adjudication after the fast track declined.',
        },
        6,
      ),
      step(office, { type: 'ACCEPT', note: 'Adjudication opened.' }, 30),
      step(office, { type: 'ASSIGN_INVESTIGATOR', investigatorId: 'u-investigator' }, 24),
      step(
        'u-investigator',
        { type: 'SUBMIT_TECH_REPORT', summary: 'Claim 1 is reproduced in full.', match: true },
        300,
      ),
      step(office, { type: 'DETERMINE', infringement: true, remedy: 'cease' }, 200),
      step(office, { type: 'CLOSE' }, 48),
    ],
  },
  {
    name: 'administrative enforcement: counterfeits stopped',
    profiles: ['counterfeit'],
    tracks: ['simple'],
    weight: 5,
    steps: [
      accept,
      step(admin, { type: 'ROUTE', channel: 'administrative' }, 2),
      step(office, { type: 'ACCEPT', note: 'Warehouse inspection planned.' }, 26),
      step(office, { type: 'DETERMINE', infringement: true, remedy: 'cease' }, 700),
      step(office, { type: 'OPEN_COMPLIANCE', note: 'Follow-up inspection in four weeks.' }, 48),
      step(
        office,
        { type: 'RECORD_COMPLIANCE', complied: true, note: 'No counterfeits found on inspection.' },
        500,
      ),
    ],
  },
  {
    name: 'administrative decision ignored, public disclosure',
    profiles: ['counterfeit'],
    tracks: ['simple'],
    weight: 1.5,
    steps: [
      accept,
      step(admin, { type: 'ROUTE', channel: 'administrative' }, 2),
      step(office, { type: 'ACCEPT', note: 'Warehouse inspection planned.' }, 26),
      step(office, { type: 'DETERMINE', infringement: true, remedy: 'cease' }, 600),
      step(office, { type: 'OPEN_COMPLIANCE' }, 48),
      step(office, { type: 'RECORD_COMPLIANCE', complied: false, note: 'Counterfeits still on sale.' }, 400),
      step(
        office,
        { type: 'TRANSFER', channel: 'socialSupervision', reason: 'The decision is being ignored.' },
        48,
      ),
      step(admin, { type: 'ACCEPT' }, 30),
      step(admin, { type: 'DETERMINE', infringement: true, remedy: 'disclosure' }, 150),
      step(admin, { type: 'CLOSE' }, 24),
    ],
  },
  {
    name: 'administrative enforcement: patent adjudication',
    profiles: ['patentAdmin'],
    tracks: ['ordinary'],
    weight: 3,
    steps: [
      accept,
      step(admin, { type: 'ROUTE', channel: 'administrative' }, 3),
      step(office, { type: 'ACCEPT', note: 'Adjudication opened.' }, 30),
      step(office, { type: 'ASSIGN_INVESTIGATOR', investigatorId: 'u-investigator' }, 24),
      step(
        'u-investigator',
        {
          type: 'SUBMIT_TECH_REPORT',
          summary: 'Every feature of claim 1 is found in the product.',
          match: true,
        },
        640,
      ),
      step(office, { type: 'DETERMINE', infringement: true, remedy: 'cease' }, 300),
      step(office, { type: 'CLOSE' }, 48),
    ],
  },
  {
    name: 'court: ordinary trial and judgment',
    profiles: ['patentLitigation'],
    tracks: ['ordinary'],
    weight: 4,
    steps: [
      step(admin, { type: 'ACCEPT' }, 30),
      step(admin, { type: 'ROUTE', channel: 'judicial' }, 4),
      step(
        respondent,
        { type: 'RESPOND', answer: 'We deny infringement and will request invalidation.' },
        200,
      ),
      step(court, { type: 'START_TRIAL' }, 72),
      // the hearing, notified at least three days ahead (CPL art. 139), then its record
      step(court, { type: 'SCHEDULE_SESSION', sessionAt: '', note: '第一法庭 / Courtroom 1' }, 24),
      step(court, { type: 'RECORD_SESSION', notes: 'Both parties heard on infringement and damages.' }, 320),
      step(court, { type: 'RENDER_JUDGMENT', infringement: true }, 1700),
      // the judgment is open to appeal for 15 days (CPL art. 171); unappealed it becomes final
      clock('appealPeriod'),
      step(court, { type: 'CLOSE' }, 72),
    ],
  },
  {
    name: 'court: judgment appealed to the higher court',
    profiles: ['patentLitigation', 'trademarkLitigation'],
    tracks: ['ordinary', 'simple'],
    weight: 1.5,
    steps: [
      accept,
      step(admin, { type: 'ROUTE', channel: 'judicial' }, 3),
      step(respondent, { type: 'RESPOND', answer: 'Our product is our own design.' }, 150),
      step(court, { type: 'START_TRIAL' }, 48),
      step(court, { type: 'RENDER_JUDGMENT', infringement: true }, 1200),
      // within the 15 days of CPL art. 171: the case leaves the platform for the higher court
      step(respondent, { type: 'APPEAL', reason: 'The damages are excessive.' }, 200),
    ],
  },
  {
    name: 'court: summary trial',
    profiles: ['trademarkLitigation'],
    tracks: ['simple'],
    weight: 4,
    steps: [
      accept,
      step(admin, { type: 'ROUTE', channel: 'judicial' }, 3),
      step(respondent, { type: 'RESPOND', answer: 'We used the sign descriptively.' }, 150),
      step(court, { type: 'START_TRIAL' }, 48),
      step(court, { type: 'SCHEDULE_SESSION', sessionAt: '' }, 12),
      step(court, { type: 'RECORD_SESSION', notes: 'Heard in summary procedure.' }, 320),
      step(court, { type: 'RENDER_JUDGMENT', infringement: true }, 600),
      clock('appealPeriod'),
      step(court, { type: 'CLOSE' }, 48),
    ],
  },
  {
    name: 'court: entrusted mediation confirmed',
    profiles: ['trademarkLitigation', 'mediationSmall'],
    tracks: ['simple'],
    weight: 2,
    steps: [
      accept,
      step(admin, { type: 'ROUTE', channel: 'judicial' }, 3),
      // the court mediates once the answer is in (SPC Provisions on Civil Mediation art. 1)
      step(respondent, { type: 'RESPOND', answer: 'We are open to a licence.' }, 20),
      step(court, { type: 'ENTRUST_MEDIATION', note: 'Entrusted to the mediation committee.' }, 24),
      step(mediator, { type: 'ACCEPT_ASSIGNMENT' }, 5),
      step(respondent, { type: 'CONSENT' }, 20),
      step(mediator, { type: 'RECORD_SESSION', notes: 'Joint session at the court; both sides moved.' }, 30),
      step(mediator, { type: 'PROPOSE_AGREEMENT', terms: '' }, 16),
      step('filer', { type: 'SIGN_AGREEMENT' }, 8),
      step(respondent, { type: 'SIGN_AGREEMENT' }, 10),
      step(court, { type: 'CONFIRM_AGREEMENT' }, 24),
      step(court, { type: 'CLOSE' }, 24),
    ],
  },
  {
    name: 'mediation: settled',
    profiles: ['mediationSmall'],
    tracks: ['simple'],
    weight: 8,
    steps: [
      ...mediationToSigned([firstSession]),
      step(mediator, { type: 'CLOSE' }, 4),
      step(mediator, { type: 'CLOSE' }, 30),
    ],
  },
  {
    name: 'mediation: confirmed by the court, complied with',
    profiles: ['mediationSmall', 'trademarkLitigation'],
    tracks: ['simple'],
    weight: 2,
    steps: [
      ...mediationToSigned([firstSession]),
      step('filer', { type: 'REQUEST_CONFIRMATION' }, 48),
      step(respondent, { type: 'REQUEST_CONFIRMATION' }, 20),
      step(court, { type: 'CONFIRM_AGREEMENT' }, 120),
      step(mediator, { type: 'OPEN_COMPLIANCE' }, 24),
      step(mediator, { type: 'RECORD_COMPLIANCE', complied: true, note: 'Payment received.' }, 300),
    ],
  },
  {
    name: 'mediation: impasse, transferred to court',
    profiles: ['mediationSmall'],
    tracks: ['simple'],
    weight: 1.5,
    steps: [
      accept,
      step(admin, { type: 'ROUTE', channel: 'mediation' }, 2),
      step(mediator, { type: 'ACCEPT_ASSIGNMENT' }, 5),
      step(respondent, { type: 'CONSENT' }, 24),
      step(mediator, { type: 'RECORD_SESSION', notes: 'Far apart on the amount.' }, 96),
      step(mediator, { type: 'DECLARE_IMPASSE', reason: 'No movement after two sessions.' }, 72),
      step(
        mediator,
        { type: 'TRANSFER', channel: 'judicial', reason: 'Mediation failed; the complainant sues.' },
        24,
      ),
      step(respondent, { type: 'RESPOND', answer: 'The claim is excessive.' }, 150),
      step(court, { type: 'START_TRIAL' }, 48),
      step(court, { type: 'RENDER_JUDGMENT', infringement: true }, 1000),
      clock('appealPeriod'),
      step(court, { type: 'CLOSE' }, 48),
    ],
  },
  {
    name: 'mediation: respondent refuses',
    profiles: ['mediationSmall'],
    tracks: ['simple'],
    weight: 2,
    steps: [
      accept,
      step(admin, { type: 'ROUTE', channel: 'mediation' }, 2),
      step(mediator, { type: 'ACCEPT_ASSIGNMENT' }, 6),
      step(respondent, { type: 'DECLINE', reason: 'We see no infringement.' }, 48),
      step(admin, { type: 'CLOSE', reason: 'transferredOut', note: 'The complainant will sue.' }, 24),
    ],
  },
  {
    name: 'mediation: mediator declines, a colleague settles it',
    profiles: ['mediationSmall'],
    tracks: ['simple'],
    weight: 1,
    steps: [
      accept,
      step(admin, { type: 'ROUTE', channel: 'mediation' }, 2),
      step(mediator, { type: 'DECLINE_ASSIGNMENT', reason: 'Fully booked this month.' }, 10),
      ...mediationToSigned([firstSession]).slice(2),
      step(mediator, { type: 'CLOSE' }, 4),
      step(mediator, { type: 'CLOSE' }, 30),
    ],
  },
  {
    name: 'arbitration: award',
    profiles: ['licence'],
    tracks: ['ordinary'],
    weight: 2,
    steps: [
      step(admin, { type: 'ACCEPT' }, 24),
      step(admin, { type: 'ROUTE', channel: 'arbitration' }, 3),
      step(admin, { type: 'APPOINT_ARBITRATOR', arbitratorId: 'u-arbitrator' }, 30),
      step('u-arbitrator', { type: 'DECLARE_IMPARTIALITY' }, 20),
      step(respondent, { type: 'RESPOND', answer: 'The licence was extended orally.' }, 200),
      step(
        'u-arbitrator',
        { type: 'RECORD_SESSION', notes: 'Hearing held; witnesses on the licence term.' },
        350,
      ),
      step('u-arbitrator', { type: 'RENDER_AWARD', infringement: true }, 400),
      step('u-arbitrator', { type: 'CLOSE' }, 24),
    ],
  },
  {
    // expedited: the parties jointly choose the sole arbitrator (Arbitration Law art. 31)
    name: 'arbitration: expedited, arbitrator chosen by both parties',
    profiles: ['licence'],
    tracks: ['simple'],
    weight: 1.5,
    steps: [
      step(admin, { type: 'ACCEPT' }, 24),
      step(admin, { type: 'ROUTE', channel: 'arbitration' }, 3),
      step('filer', { type: 'NOMINATE_ARBITRATOR', arbitratorId: 'u-arbitrator' }, 24),
      step(respondent, { type: 'NOMINATE_ARBITRATOR', arbitratorId: 'u-arbitrator' }, 48),
      step('u-arbitrator', { type: 'DECLARE_IMPARTIALITY' }, 20),
      step(respondent, { type: 'RESPOND', answer: 'The licence was extended orally.' }, 120),
      step('u-arbitrator', { type: 'RENDER_AWARD', infringement: true }, 300),
      step('u-arbitrator', { type: 'CLOSE' }, 24),
    ],
  },
  {
    name: 'legal services: advice given',
    profiles: ['legalAid'],
    tracks: ['simple'],
    weight: 3,
    steps: [
      accept,
      step(admin, { type: 'ROUTE', channel: 'legalServices' }, 5),
      step(admin, { type: 'ACCEPT', note: 'Assigned to a legal-aid lawyer.' }, 20),
      step(admin, { type: 'SCHEDULE_SESSION', sessionAt: '' }, 4),
      step(admin, { type: 'RECORD_OUTCOME', outcome: 'advised', notes: '' }, 300),
      step(admin, { type: 'CLOSE' }, 24),
    ],
  },
  {
    name: 'legal services: declined',
    profiles: ['legalAid'],
    tracks: ['simple'],
    weight: 1,
    steps: [
      accept,
      step(admin, { type: 'ROUTE', channel: 'legalServices' }, 5),
      step(admin, { type: 'DECLINE', reason: 'The complainant does not meet the assistance criteria.' }, 30),
      step(admin, { type: 'CLOSE', reason: 'transferredOut', note: 'Referred to a law firm.' }, 20),
    ],
  },
  {
    name: 'social supervision: public disclosure',
    profiles: ['ignoredDecision'],
    tracks: ['simple'],
    weight: 3,
    steps: [
      accept,
      step(
        admin,
        { type: 'ROUTE', channel: 'socialSupervision', reason: 'An earlier decision is being ignored.' },
        5,
      ),
      step(admin, { type: 'ACCEPT', note: 'Verification: a test purchase and the earlier decision.' }, 30),
      step(respondent, { type: 'RESPOND', answer: 'We sell old stock only.' }, 120),
      step(admin, { type: 'DETERMINE', infringement: true, remedy: 'disclosure' }, 160),
      step(admin, { type: 'CLOSE' }, 24),
    ],
  },
  {
    name: 'industry self-regulation: member mediation',
    profiles: ['association'],
    tracks: ['simple'],
    weight: 3,
    steps: [
      accept,
      step(
        admin,
        {
          type: 'ROUTE',
          channel: 'industrySelfRegulation',
          reason: 'Both companies are members of the association.',
        },
        5,
      ),
      step(admin, { type: 'ACCEPT', note: 'The association takes the matter up.' }, 30),
      step(respondent, { type: 'CONSENT' }, 60),
      step(admin, { type: 'RECORD_SESSION', notes: 'Members met at the association office.' }, 104),
      step(admin, { type: 'DETERMINE', infringement: true, remedy: 'cease' }, 60),
      step(admin, { type: 'CLOSE' }, 24),
    ],
  },
  {
    name: 'industry self-regulation: member refuses',
    profiles: ['association'],
    tracks: ['simple'],
    weight: 1,
    steps: [
      accept,
      step(
        admin,
        {
          type: 'ROUTE',
          channel: 'industrySelfRegulation',
          reason: 'Both companies are members of the association.',
        },
        5,
      ),
      step(admin, { type: 'ACCEPT' }, 30),
      step(respondent, { type: 'DECLINE', reason: 'We prefer a court to decide.' }, 80),
      step(
        admin,
        { type: 'CLOSE', reason: 'transferredOut', note: 'The complainant was told of the courts.' },
        24,
      ),
    ],
  },
  {
    name: 'withdrawn',
    profiles: ['mediationSmall', 'designOnline', 'trademarkLitigation'],
    tracks: ['simple'],
    weight: 3.5,
    steps: [accept, step('filer', { type: 'WITHDRAW', reason: 'Settled privately.' }, 40)],
  },
  {
    name: 'withdrawn during mediation',
    profiles: ['mediationSmall'],
    tracks: ['simple'],
    weight: 1,
    steps: [
      accept,
      step(admin, { type: 'ROUTE', channel: 'mediation' }, 2),
      step(mediator, { type: 'ACCEPT_ASSIGNMENT' }, 5),
      step(respondent, { type: 'CONSENT' }, 24),
      step('filer', { type: 'WITHDRAW', reason: 'Settled directly with the respondent.' }, 100),
    ],
  },
  {
    name: 'rejected at screening',
    profiles: ['mediationSmall', 'designOnline', 'legalAid', 'trademarkLitigation'],
    tracks: ['simple'],
    weight: 4.5,
    steps: [step(admin, { type: 'REJECT', reason: '' }, 30)],
  },
  {
    name: 'information never supplied',
    profiles: ['legalAid', 'mediationSmall'],
    tracks: ['simple'],
    weight: 2,
    steps: [
      step(admin, { type: 'REQUEST_INFO', items: ['Registration certificate of the right'] }, 30),
      clock('infoRequest'),
    ],
  },
  {
    name: 'missing information supplied',
    profiles: ['legalAid'],
    tracks: ['simple'],
    weight: 1.5,
    steps: [
      step(admin, { type: 'REQUEST_INFO', items: ['Registration certificate of the right'] }, 30),
      step('filer', { type: 'PROVIDE_INFO', note: 'Certificate uploaded.' }, 60),
      accept,
      step(admin, { type: 'ROUTE', channel: 'legalServices' }, 5),
      step(admin, { type: 'ACCEPT' }, 20),
      step(admin, { type: 'RECORD_OUTCOME', outcome: 'settled', notes: '' }, 120),
      step(admin, { type: 'CLOSE' }, 24),
    ],
  },
];

/**
 * Cases every demo data set starts with, most important first, so that even a handful of cases shows
 * every channel and every status: a scenario, how many of its steps the case has gone through (all
 * when absent) and, for cases still open, optionally how long it has rested since (hours).
 */
export const DEMO_COVERAGE: readonly { scenario: string; steps?: number; restHours?: number }[] = [
  { scenario: 'mediation: settled', steps: 0 },
  { scenario: 'missing information supplied', steps: 1 },
  { scenario: 'court: ordinary trial and judgment', steps: 1 },
  { scenario: 'fast track: takedown, no counter-notice', steps: 2 },
  { scenario: 'mediation: settled', steps: 5 },
  { scenario: 'court: ordinary trial and judgment', steps: 4, restHours: 2700 },
  { scenario: 'arbitration: award', steps: 4 },
  { scenario: 'industry self-regulation: member mediation', steps: 2 },
  { scenario: 'legal services: advice given', steps: 3 },
  { scenario: 'social supervision: public disclosure', steps: 2 },
  { scenario: 'mediation: settled' },
  { scenario: 'fast track: decided and closed' },
  { scenario: 'fast track: takedown, no counter-notice', steps: 7 },
  { scenario: 'administrative enforcement: counterfeits stopped', steps: 5 },
  { scenario: 'mediation: settled', steps: 2 },
  { scenario: 'withdrawn' },
  { scenario: 'administrative enforcement: counterfeits stopped', steps: 3 },
  { scenario: 'fast track: decided and closed', steps: 4 },
  { scenario: 'rejected at screening' },
  { scenario: 'information never supplied' },
  { scenario: 'court: summary trial' },
  { scenario: 'arbitration: award' },
  { scenario: 'mediation: respondent refuses' },
  { scenario: 'fast track: takedown, no counter-notice', steps: 6 },
  { scenario: 'fast track: seller counter-notice', steps: 7 },
  { scenario: 'court: entrusted mediation confirmed', steps: 5 },
  { scenario: 'mediation: confirmed by the court, complied with', steps: 9 },
  { scenario: 'mediation: settled', steps: 7 },
  { scenario: 'administrative decision ignored, public disclosure', steps: 6 },
  { scenario: 'industry self-regulation: member refuses', steps: 4 },
  { scenario: 'legal services: declined', steps: 3 },
  { scenario: 'mediation: impasse, transferred to court', steps: 6 },
  { scenario: 'social supervision: public disclosure', steps: 4 },
  { scenario: 'arbitration: award', steps: 2 },
  { scenario: 'arbitration: award', steps: 3 },
  { scenario: 'legal services: advice given', steps: 2 },
  { scenario: 'industry self-regulation: member mediation', steps: 4 },
  { scenario: 'court: summary trial', steps: 4 },
  { scenario: 'court: ordinary trial and judgment', steps: 3 },
  { scenario: 'court: ordinary trial and judgment', steps: 2 },
  { scenario: 'administrative enforcement: patent adjudication', steps: 2 },
  { scenario: 'mediation: settled', steps: 9 },
  { scenario: 'court: summary trial', steps: 0, restHours: 200 },
];
