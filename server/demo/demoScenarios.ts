import type { CaseAction } from '../../shared/case/caseEvents.js';

/** Who takes a step: a demo user id, or the mediator / arbitrator assigned to the case. */
export type DemoActor = string | 'assignedMediator';

/** One step of a demo case: who, what, and how many hours after the previous step. */
export interface DemoStep {
  who: DemoActor;
  action: CaseAction;
  afterHours: number;
}

/** A demo case: which complaint template, who files it, and the steps it has gone through. */
export interface DemoScenario {
  name: string;
  complaint: number;
  filer: 'u-complainant' | 'u-complainant2';
  steps: DemoStep[];
}

const admin = 'u-admin';
const accept: DemoStep = { who: admin, action: { type: 'ACCEPT' }, afterHours: 20 };

/** Demo cases across every channel and many states (cycled when more cases are asked for). */
export const DEMO_SCENARIOS: readonly DemoScenario[] = [
  { name: 'new complaint', complaint: 2, filer: 'u-complainant', steps: [] },
  {
    name: 'missing information',
    complaint: 7,
    filer: 'u-complainant2',
    steps: [
      {
        who: admin,
        action: { type: 'REQUEST_INFO', items: ['Registration certificate of the illustrations'] },
        afterHours: 30,
      },
    ],
  },
  { name: 'awaiting routing', complaint: 5, filer: 'u-complainant2', steps: [accept] },
  {
    name: 'fast track: pre-review',
    complaint: 0,
    filer: 'u-complainant',
    steps: [
      accept,
      {
        who: admin,
        action: { type: 'ROUTE', channel: 'administrative', track: 'fast', orgId: 'org-pc-zgc' },
        afterHours: 2,
      },
    ],
  },
  {
    name: 'fast track: technical comparison',
    complaint: 1,
    filer: 'u-complainant2',
    steps: [
      accept,
      {
        who: admin,
        action: { type: 'ROUTE', channel: 'administrative', track: 'fast', orgId: 'org-pc-zgc' },
        afterHours: 3,
      },
      {
        who: 'u-center',
        action: { type: 'ACCEPT', note: 'Complete file; design certificate verified.' },
        afterHours: 18,
      },
      {
        who: 'u-center',
        action: { type: 'ASSIGN_INVESTIGATOR', investigatorId: 'u-investigator' },
        afterHours: 1,
      },
    ],
  },
  {
    name: 'fast track: takedown issued',
    complaint: 0,
    filer: 'u-complainant',
    steps: [
      accept,
      {
        who: admin,
        action: { type: 'ROUTE', channel: 'administrative', track: 'fast', orgId: 'org-pc-zgc' },
        afterHours: 1,
      },
      { who: 'u-center', action: { type: 'ACCEPT' }, afterHours: 20 },
      {
        who: 'u-center',
        action: { type: 'ASSIGN_INVESTIGATOR', investigatorId: 'u-investigator' },
        afterHours: 1,
      },
      {
        who: 'u-investigator',
        action: {
          type: 'SUBMIT_TECH_REPORT',
          summary: 'Same overall visual impression; differences only in colour.',
          match: true,
        },
        afterHours: 40,
      },
      {
        who: 'u-center',
        action: { type: 'DETERMINE', infringement: true, remedy: 'takedown' },
        afterHours: 20,
      },
    ],
  },
  {
    name: 'mediation: awaiting acceptance',
    complaint: 2,
    filer: 'u-complainant',
    steps: [accept, { who: admin, action: { type: 'ROUTE', channel: 'mediation' }, afterHours: 4 }],
  },
  {
    name: 'mediation: in session',
    complaint: 2,
    filer: 'u-complainant2',
    steps: [
      accept,
      { who: admin, action: { type: 'ROUTE', channel: 'mediation' }, afterHours: 2 },
      { who: 'assignedMediator', action: { type: 'ACCEPT_ASSIGNMENT' }, afterHours: 6 },
      { who: 'u-respondent', action: { type: 'CONSENT', note: 'We are willing to talk.' }, afterHours: 30 },
      {
        who: 'assignedMediator',
        action: { type: 'SCHEDULE_SESSION', sessionAt: '2026-12-01T02:00:00.000Z' },
        afterHours: 3,
      },
    ],
  },
  {
    name: 'mediation: settled',
    complaint: 2,
    filer: 'u-complainant',
    steps: [
      accept,
      { who: admin, action: { type: 'ROUTE', channel: 'mediation' }, afterHours: 2 },
      { who: 'assignedMediator', action: { type: 'ACCEPT_ASSIGNMENT' }, afterHours: 5 },
      { who: 'u-respondent', action: { type: 'CONSENT' }, afterHours: 24 },
      {
        who: 'assignedMediator',
        action: { type: 'RECORD_SESSION', notes: 'First joint session; positions exchanged.' },
        afterHours: 72,
      },
      {
        who: 'assignedMediator',
        action: {
          type: 'PROPOSE_AGREEMENT',
          terms: 'The respondent stops using the mark within 15 days and pays CNY 30,000.',
        },
        afterHours: 48,
      },
      { who: 'u-complainant', action: { type: 'SIGN_AGREEMENT' }, afterHours: 10 },
      { who: 'u-respondent', action: { type: 'SIGN_AGREEMENT' }, afterHours: 14 },
      { who: 'assignedMediator', action: { type: 'CLOSE' }, afterHours: 4 },
      { who: 'assignedMediator', action: { type: 'CLOSE' }, afterHours: 1 },
    ],
  },
  {
    name: 'court: ordinary trial',
    complaint: 3,
    filer: 'u-complainant2',
    steps: [
      accept,
      { who: admin, action: { type: 'ROUTE', channel: 'judicial' }, afterHours: 3 },
      {
        who: 'u-respondent',
        action: { type: 'RESPOND', answer: 'We deny infringement and will request invalidation.' },
        afterHours: 200,
      },
      { who: 'u-court', action: { type: 'START_TRIAL' }, afterHours: 48 },
    ],
  },
  {
    name: 'arbitration: hearing',
    complaint: 4,
    filer: 'u-complainant',
    steps: [
      accept,
      { who: admin, action: { type: 'ROUTE', channel: 'arbitration' }, afterHours: 2 },
      { who: admin, action: { type: 'APPOINT_ARBITRATOR', arbitratorId: 'u-arbitrator' }, afterHours: 30 },
      { who: 'u-arbitrator', action: { type: 'DECLARE_IMPARTIALITY' }, afterHours: 20 },
    ],
  },
  {
    name: 'administrative enforcement: investigation',
    complaint: 5,
    filer: 'u-complainant2',
    steps: [
      accept,
      { who: admin, action: { type: 'ROUTE', channel: 'administrative' }, afterHours: 2 },
      {
        who: 'u-enforcement',
        action: { type: 'ACCEPT', note: 'Warehouse inspection planned.' },
        afterHours: 26,
      },
    ],
  },
  {
    name: 'industry self-regulation',
    complaint: 6,
    filer: 'u-complainant',
    steps: [
      accept,
      {
        who: admin,
        action: {
          type: 'ROUTE',
          channel: 'industrySelfRegulation',
          reason: 'Both companies are members of the association.',
        },
        afterHours: 5,
      },
    ],
  },
  {
    name: 'legal services: advising',
    complaint: 7,
    filer: 'u-complainant2',
    steps: [
      accept,
      { who: admin, action: { type: 'ROUTE', channel: 'legalServices' }, afterHours: 5 },
      { who: admin, action: { type: 'ACCEPT' }, afterHours: 20 },
    ],
  },
  {
    name: 'social supervision',
    complaint: 8,
    filer: 'u-complainant',
    steps: [
      accept,
      {
        who: admin,
        action: {
          type: 'ROUTE',
          channel: 'socialSupervision',
          reason: 'An earlier decision is being ignored.',
        },
        afterHours: 5,
      },
    ],
  },
  {
    name: 'fast track: decided and closed',
    complaint: 1,
    filer: 'u-complainant',
    steps: [
      accept,
      {
        who: admin,
        action: { type: 'ROUTE', channel: 'administrative', track: 'fast', orgId: 'org-pc-zgc' },
        afterHours: 2,
      },
      { who: 'u-center', action: { type: 'ACCEPT' }, afterHours: 16 },
      {
        who: 'u-center',
        action: { type: 'ASSIGN_INVESTIGATOR', investigatorId: 'u-investigator' },
        afterHours: 1,
      },
      {
        who: 'u-investigator',
        action: {
          type: 'SUBMIT_TECH_REPORT',
          summary: 'Housing identical in shape and pattern.',
          match: true,
        },
        afterHours: 50,
      },
      { who: 'u-center', action: { type: 'DETERMINE', infringement: true, remedy: 'cease' }, afterHours: 30 },
      { who: 'u-center', action: { type: 'CLOSE' }, afterHours: 24 },
    ],
  },
  {
    name: 'withdrawn',
    complaint: 2,
    filer: 'u-complainant2',
    steps: [
      accept,
      { who: 'u-complainant2', action: { type: 'WITHDRAW', reason: 'Settled privately.' }, afterHours: 40 },
    ],
  },
];
