/**
 * The authorisation matrix: every demo role against every case endpoint on seven cases (each role owns
 * some, handles some and has nothing to do with the rest), then the filtered case lists and the
 * endpoints that are not about one case. The expectations are written out as tables so they read as
 * the specification of who may do what:
 *
 * - a user sees a case when they are a party or an assignee, an officer of the organisation holding
 *   it (or of a court that joined it), or an admin; a case they may not see answers 404 everywhere;
 * - on a case they see, the machine decides an action: 200, 403 when their role or identity may not
 *   (someone else on the case could), 409 when nobody could now;
 * - joint messages and evidence are open to everyone who sees an open case; a caucus only to its
 *   party and the mediator (403), and only once there is a mediator (409); a closed case takes no
 *   more messages or evidence (409).
 */
import { expect } from 'chai';
import type { Express } from 'express';
import request, { type Response } from 'supertest';
import type { Complaint } from '../../../shared/schemas/complaint.js';
import {
  arbitrationAgreementComplaint,
  designPatentSmeEcommerce,
  largeInventionPunitive,
  smallTrademarkMediation,
} from '../../fixtures/complaints.js';
import { mediationComplaint } from '../../support/caseApi.js';
import { expectProblem } from '../../support/problem.js';
import { buildTestApp, login, seedDirectory } from '../../support/testApp.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

const ROLES = [
  'complainant',
  'complainant2',
  'respondent',
  'mediator',
  'mediator2',
  'arbitrator',
  'center',
  'court',
  'enforcement',
  'investigator',
  'admin',
] as const;
type RoleName = (typeof ROLES)[number];

/**
 * The seven cases, and the state each is in when the matrix starts:
 * - `M`  mediation, filed by complainant against the respondent account; mediator (Chen Jing, trademark
 *        expertise) assigned on ROUTE, accepted, respondent consented, agreement drafted — held by
 *        org-zgc-mediation (`inChannel.mediation.inSession.agreementDrafted`);
 * - `MJ` mediation, filed by complainant2 against the respondent account (an invention patent, so
 *        mediator2 is assigned), signed by both and sent for judicial confirmation: the court joined
 *        (`inChannel.mediation.awaitingConfirmation`);
 * - `F`  fast track, filed by complainant, routed by admin to org-pc-zgc; center accepted it and
 *        assigned the investigator (`...administrative.fastTrack.examination.technicalComparison`);
 * - `J`  judicial, filed by complainant2 against the respondent account, held by the IP court
 *        (`inChannel.judicial.filed.awaitingAnswer`);
 * - `A`  arbitration, filed by complainant against the respondent account; admin appointed the
 *        arbitrator, who declared impartiality (`inChannel.arbitration.hearing`);
 * - `E`  administrative (ordinary), filed by complainant2 (no respondent account), held by
 *        org-bj-amr; enforcement accepted it (`inChannel.administrative.ordinary.investigation`);
 * - `C2` complainant2's own complaint, still in screening (no respondent account, no organisation);
 *        complainant2 withdraws it in the matrix, so admin (the only other who sees it) meets a closed case.
 */
const CASES = ['M', 'MJ', 'F', 'J', 'A', 'E', 'C2'] as const;
type CaseKey = (typeof CASES)[number];

/** The action bodies the matrix sends (each role sends one it could plausibly send). */
const ACTIONS: Record<string, Record<string, unknown>> = {
  WITHDRAW: { type: 'WITHDRAW', reason: 'Settled privately.' },
  SIGN_AGREEMENT: { type: 'SIGN_AGREEMENT', note: 'Signed.' },
  PROVIDE_INFO: { type: 'PROVIDE_INFO', note: 'More photographs of the listing.' },
  RESPOND: { type: 'RESPOND', answer: 'We deny infringement: our product predates the right.' },
  CONSENT: { type: 'CONSENT' },
  REQUEST_CONFIRMATION: { type: 'REQUEST_CONFIRMATION' },
  CONFIRM_AGREEMENT: { type: 'CONFIRM_AGREEMENT', note: 'Confirmed.' },
  START_TRIAL: { type: 'START_TRIAL' },
  RENDER_AWARD: { type: 'RENDER_AWARD', infringement: true, damagesCny: 10_000 },
  SCHEDULE_SESSION: { type: 'SCHEDULE_SESSION', sessionAt: '2031-03-04T02:00:00.000Z' },
  ASSIGN_INVESTIGATOR: { type: 'ASSIGN_INVESTIGATOR', investigatorId: 'u-investigator' },
  REQUEST_EXTENSION: { type: 'REQUEST_EXTENSION', reason: 'Complex technical comparison.' },
  SUBMIT_TECH_REPORT: { type: 'SUBMIT_TECH_REPORT', summary: 'Every visible feature matches.', match: true },
  ASSIGN_MEDIATOR: { type: 'ASSIGN_MEDIATOR', mediatorId: 'u-mediator2' },
  OPEN_COMPLIANCE: { type: 'OPEN_COMPLIANCE' },
  DETERMINE: { type: 'DETERMINE', infringement: true, remedy: 'cease' },
  ACCEPT: { type: 'ACCEPT' },
};

/**
 * The matrix. Columns: `detail` GET /api/cases/:id, `events` GET …/events, `actions` GET …/actions,
 * `msgs` GET …/messages, `joint` POST …/messages (joint), `caucus` POST …/messages
 * (caucus:complainant), `evid` GET …/evidence, `upload` POST …/evidence (a small PNG), `dl` GET the
 * download of the case's first evidence file, then `action` POST …/actions with that body and its
 * `result`. Relations: `party`, `assignee` (mediator, arbitrator, investigator), `holder` (officer of
 * the organisation holding the case), `joined` (officer of a court that joined it), `admin`, `none`.
 *
 * Rows run top to bottom, each row's action last; the actions that succeed change a case only in ways
 * the later rows' expectations already account for (noted on the right).
 */
const MATRIX = `
role          case relation  detail events actions msgs joint caucus evid upload dl   action               result
complainant   M    party     200    200    200     200  201   201    200  201    200  SIGN_AGREEMENT       200   first signature
complainant   MJ   none      404    404    404     404  404   404    404  404    404  WITHDRAW             404
complainant   F    party     200    200    200     200  201   409    200  201    200  PROVIDE_INFO         409   no mediator: no caucus; nobody may now
complainant   J    none      404    404    404     404  404   404    404  404    404  WITHDRAW             404
complainant   A    party     200    200    200     200  201   409    200  201    200  RESPOND              403   the respondent's action
complainant   E    none      404    404    404     404  404   404    404  404    404  WITHDRAW             404
complainant   C2   none      404    404    404     404  404   404    404  404    404  WITHDRAW             404
complainant2  M    none      404    404    404     404  404   404    404  404    404  WITHDRAW             404
complainant2  MJ   party     200    200    200     200  201   201    200  201    200  CONFIRM_AGREEMENT    403   the court's action
complainant2  F    none      404    404    404     404  404   404    404  404    404  WITHDRAW             404
complainant2  J    party     200    200    200     200  201   409    200  201    200  START_TRIAL          409   nobody tries during the answer period
complainant2  A    none      404    404    404     404  404   404    404  404    404  WITHDRAW             404
complainant2  E    party     200    200    200     200  201   409    200  201    200  PROVIDE_INFO         409
complainant2  C2   party     200    200    200     200  201   409    200  201    200  WITHDRAW             200   C2 is closed from here on
respondent    M    party     200    200    200     200  201   403    200  201    200  CONSENT              409   consent was given already
respondent    MJ   party     200    200    200     200  201   403    200  201    200  REQUEST_CONFIRMATION 409   requested already
respondent    F    party     200    200    200     200  201   403    200  201    200  RESPOND              200   answer recorded, same stage
respondent    J    party     200    200    200     200  201   403    200  201    200  RESPOND              200   J: filed.answerClosed
respondent    A    party     200    200    200     200  201   403    200  201    200  RENDER_AWARD         403   the arbitrator's action
respondent    E    none      404    404    404     404  404   404    404  404    404  RESPOND              404
respondent    C2   none      404    404    404     404  404   404    404  404    404  RESPOND              404
mediator      M    assignee  200    200    200     200  201   201    200  201    200  SCHEDULE_SESSION     200   same stage
mediator      MJ   none      404    404    404     404  404   404    404  404    404  SCHEDULE_SESSION     404   same organisation, not assigned
mediator      F    none      404    404    404     404  404   404    404  404    404  SCHEDULE_SESSION     404
mediator      J    none      404    404    404     404  404   404    404  404    404  SCHEDULE_SESSION     404
mediator      A    none      404    404    404     404  404   404    404  404    404  SCHEDULE_SESSION     404
mediator      E    none      404    404    404     404  404   404    404  404    404  SCHEDULE_SESSION     404
mediator      C2   none      404    404    404     404  404   404    404  404    404  SCHEDULE_SESSION     404
mediator2     M    none      404    404    404     404  404   404    404  404    404  SCHEDULE_SESSION     404   same organisation, not assigned
mediator2     MJ   assignee  200    200    200     200  201   201    200  201    200  SCHEDULE_SESSION     409   sessions are over
mediator2     F    none      404    404    404     404  404   404    404  404    404  SCHEDULE_SESSION     404
mediator2     J    none      404    404    404     404  404   404    404  404    404  SCHEDULE_SESSION     404
mediator2     A    none      404    404    404     404  404   404    404  404    404  SCHEDULE_SESSION     404
mediator2     E    none      404    404    404     404  404   404    404  404    404  SCHEDULE_SESSION     404
mediator2     C2   none      404    404    404     404  404   404    404  404    404  SCHEDULE_SESSION     404
arbitrator    M    none      404    404    404     404  404   404    404  404    404  SCHEDULE_SESSION     404
arbitrator    MJ   none      404    404    404     404  404   404    404  404    404  SCHEDULE_SESSION     404
arbitrator    F    none      404    404    404     404  404   404    404  404    404  SCHEDULE_SESSION     404
arbitrator    J    none      404    404    404     404  404   404    404  404    404  SCHEDULE_SESSION     404
arbitrator    A    assignee  200    200    200     200  201   403    200  201    200  SCHEDULE_SESSION     200   same stage
arbitrator    E    none      404    404    404     404  404   404    404  404    404  SCHEDULE_SESSION     404
arbitrator    C2   none      404    404    404     404  404   404    404  404    404  SCHEDULE_SESSION     404
center        M    none      404    404    404     404  404   404    404  404    404  ASSIGN_INVESTIGATOR  404
center        MJ   none      404    404    404     404  404   404    404  404    404  ASSIGN_INVESTIGATOR  404
center        F    holder    200    200    200     200  201   403    200  201    200  ASSIGN_INVESTIGATOR  200   the same investigator again
center        J    none      404    404    404     404  404   404    404  404    404  ASSIGN_INVESTIGATOR  404
center        A    none      404    404    404     404  404   404    404  404    404  ASSIGN_INVESTIGATOR  404
center        E    none      404    404    404     404  404   404    404  404    404  ASSIGN_INVESTIGATOR  404   administrative, but another organisation's
center        C2   none      404    404    404     404  404   404    404  404    404  ASSIGN_INVESTIGATOR  404
court         M    none      404    404    404     404  404   404    404  404    404  CONFIRM_AGREEMENT    404   no confirmation asked: the court has not joined
court         MJ   joined    200    200    200     200  201   403    200  201    200  CONFIRM_AGREEMENT    200   MJ: resolved (settled)
court         F    none      404    404    404     404  404   404    404  404    404  START_TRIAL          404
court         J    holder    200    200    200     200  201   403    200  201    200  START_TRIAL          200   J: trial
court         A    none      404    404    404     404  404   404    404  404    404  START_TRIAL          404
court         E    none      404    404    404     404  404   404    404  404    404  START_TRIAL          404
court         C2   none      404    404    404     404  404   404    404  404    404  START_TRIAL          404
enforcement   M    none      404    404    404     404  404   404    404  404    404  REQUEST_EXTENSION    404
enforcement   MJ   none      404    404    404     404  404   404    404  404    404  REQUEST_EXTENSION    404
enforcement   F    none      404    404    404     404  404   404    404  404    404  REQUEST_EXTENSION    404   administrative, but the protection center's
enforcement   J    none      404    404    404     404  404   404    404  404    404  REQUEST_EXTENSION    404
enforcement   A    none      404    404    404     404  404   404    404  404    404  REQUEST_EXTENSION    404
enforcement   E    holder    200    200    200     200  201   403    200  201    200  REQUEST_EXTENSION    200   the one statutory extension
enforcement   C2   none      404    404    404     404  404   404    404  404    404  REQUEST_EXTENSION    404
investigator  M    none      404    404    404     404  404   404    404  404    404  SUBMIT_TECH_REPORT   404
investigator  MJ   none      404    404    404     404  404   404    404  404    404  SUBMIT_TECH_REPORT   404
investigator  F    assignee  200    200    200     200  201   403    200  201    200  SUBMIT_TECH_REPORT   200   F: determination
investigator  J    none      404    404    404     404  404   404    404  404    404  SUBMIT_TECH_REPORT   404
investigator  A    none      404    404    404     404  404   404    404  404    404  SUBMIT_TECH_REPORT   404
investigator  E    none      404    404    404     404  404   404    404  404    404  SUBMIT_TECH_REPORT   404   same role, another organisation's case
investigator  C2   none      404    404    404     404  404   404    404  404    404  SUBMIT_TECH_REPORT   404
admin         M    admin     200    200    200     200  201   403    200  201    200  ASSIGN_MEDIATOR      409   a mediator is at work
admin         MJ   admin     200    200    200     200  201   403    200  201    200  OPEN_COMPLIANCE      200   MJ: compliance
admin         F    admin     200    200    200     200  201   403    200  201    200  DETERMINE            200   F: resolved
admin         J    admin     200    200    200     200  201   403    200  201    200  RESPOND              409   no answers during trial
admin         A    admin     200    200    200     200  201   403    200  201    200  RENDER_AWARD         403   only the appointed arbitrator
admin         E    admin     200    200    200     200  201   403    200  201    200  REQUEST_EXTENSION    409   extended once already
admin         C2   admin     200    200    200     200  409   409    200  409    200  ACCEPT               409   closed (withdrawn)
`;

const COLUMNS = ['detail', 'events', 'actions', 'msgs', 'joint', 'caucus', 'evid', 'upload', 'dl'] as const;
type Column = (typeof COLUMNS)[number];

interface Cell {
  role: RoleName;
  caseKey: CaseKey;
  relation: string;
  statuses: Record<Column, number>;
  action: string;
  result: number;
}

/** Parses {@link MATRIX} (and checks it covers every role and case exactly once). */
function parseMatrix(text: string): Cell[] {
  const lines = text.trim().split('\n').slice(1);
  const cells = lines.map((line): Cell => {
    const [role, caseKey, relation, ...rest] = line.trim().split(/\s+/);
    const statuses = Object.fromEntries(COLUMNS.map((c, i) => [c, Number(rest[i])])) as Record<
      Column,
      number
    >;
    const action = rest[COLUMNS.length];
    const result = Number(rest[COLUMNS.length + 1]);
    if (!ROLES.includes(role as RoleName) || !CASES.includes(caseKey as CaseKey) || !relation)
      throw new Error(`matrix: bad row ${line}`);
    if (!action || !ACTIONS[action] || !Number.isInteger(result))
      throw new Error(`matrix: bad action ${line}`);
    if (Object.values(statuses).some((s) => !Number.isInteger(s))) throw new Error(`matrix: bad row ${line}`);
    return { role: role as RoleName, caseKey: caseKey as CaseKey, relation, statuses, action, result };
  });
  for (const role of ROLES)
    for (const caseKey of CASES) {
      const n = cells.filter((c) => c.role === role && c.caseKey === caseKey).length;
      if (n !== 1) throw new Error(`matrix: ${role} × ${caseKey} appears ${n} times`);
    }
  return cells;
}

const CELLS = parseMatrix(MATRIX);

/** What `GET /api/cases` lists for each role (with some filters), after the matrix ran. */
const LISTS: Record<RoleName, [query: string, cases: CaseKey[]][]> = {
  complainant: [
    ['', ['M', 'F', 'A']],
    ['?channel=mediation', ['M']],
    ['?channel=administrative', ['F']],
    ['?assignee=me', []],
  ],
  complainant2: [
    ['', ['MJ', 'J', 'E', 'C2']],
    ['?status=closed', ['C2']],
    ['?channel=judicial', ['J']],
  ],
  respondent: [
    ['', ['M', 'MJ', 'F', 'J', 'A']],
    ['?channel=mediation', ['M', 'MJ']],
    ['?channel=arbitration', ['A']],
    ['?status=closed', []],
  ],
  mediator: [
    ['', ['M']],
    ['?assignee=me', ['M']],
  ],
  mediator2: [
    ['', ['MJ']],
    ['?assignee=me', ['MJ']],
    ['?channel=judicial', []],
  ],
  arbitrator: [
    ['', ['A']],
    ['?assignee=me&channel=arbitration', ['A']],
  ],
  center: [
    ['', ['F']],
    ['?channel=administrative', ['F']],
    ['?assignee=me', []],
  ],
  court: [
    ['', ['MJ', 'J']],
    ['?channel=judicial', ['J']],
    ['?channel=mediation', ['MJ']],
  ],
  enforcement: [
    ['', ['E']],
    ['?channel=administrative', ['E']],
  ],
  investigator: [
    ['', ['F']],
    ['?assignee=me', ['F']],
    ['?channel=mediation', []],
  ],
  admin: [
    ['', ['M', 'MJ', 'F', 'J', 'A', 'E', 'C2']],
    ['?status=closed', ['C2']],
    ['?channel=mediation', ['M', 'MJ']],
    ['?channel=administrative', ['F', 'E']],
    ['?assignee=me', []],
  ],
};

/**
 * The endpoints that are not about one case. `file` POST /api/cases, `createUser` POST /api/users,
 * `listUsers` GET /api/users?role=mediator, `stats` GET /api/stats, `credit` GET /api/credit?name=,
 * `preview` POST /api/routing/preview.
 */
const GLOBAL = `
role          file createUser listUsers stats credit preview
complainant   201  403        403       403   200    200
complainant2  201  403        403       403   200    200
respondent    403  403        403       403   200    200
mediator      403  403        403       403   200    200
mediator2     403  403        403       403   200    200
arbitrator    403  403        403       403   200    200
center        403  403        200       200   200    200
court         403  403        200       200   200    200
enforcement   403  403        200       200   200    200
investigator  403  403        403       403   200    200
admin         403  201        200       200   200    200
`;
const GLOBAL_COLUMNS = ['file', 'createUser', 'listUsers', 'stats', 'credit', 'preview'] as const;
type GlobalColumn = (typeof GLOBAL_COLUMNS)[number];

function parseGlobal(text: string): Map<RoleName, Record<GlobalColumn, number>> {
  const rows = new Map<RoleName, Record<GlobalColumn, number>>();
  for (const line of text.trim().split('\n').slice(1)) {
    const [role, ...rest] = line.trim().split(/\s+/);
    if (!ROLES.includes(role as RoleName) || rest.length !== GLOBAL_COLUMNS.length)
      throw new Error(`global table: bad row ${line}`);
    rows.set(
      role as RoleName,
      Object.fromEntries(GLOBAL_COLUMNS.map((c, i) => [c, Number(rest[i])])) as Record<GlobalColumn, number>,
    );
  }
  if (rows.size !== ROLES.length) throw new Error('global table: a role is missing');
  return rows;
}

const GLOBAL_ROWS = parseGlobal(GLOBAL);

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const withRespondentAccount = (complaint: Complaint): Complaint => ({
  ...structuredClone(complaint),
  respondent: { ...complaint.respondent, email: 'respondent@demo.local' },
});

/** Every 4xx is problem+json (and nothing is a 5xx: the exact statuses are compared before this). */
function expectProblemIfError(res: Response): void {
  if (res.status >= 400) expectProblem(res, res.status);
}

describe('authorisation matrix: every role × every case endpoint × every kind of case', () => {
  const t = useTestDatabase('authzmatrix');
  let app: Express;
  const tokens = {} as Record<RoleName, string>;
  const ids = {} as Record<CaseKey, string>;
  const evidenceIds = {} as Record<CaseKey, string>;
  const caseKeyOf = (id: string): CaseKey | string =>
    (Object.entries(ids).find(([, v]) => v === id)?.[0] as CaseKey | undefined) ?? id;

  const as = (role: RoleName) => ({ Authorization: `Bearer ${tokens[role]}` });

  const file = async (role: RoleName, complaint: Complaint): Promise<string> => {
    const res = await request(app).post('/api/cases').set(as(role)).send(complaint);
    expect(res.status, res.text).to.equal(201);
    return (res.body as { id: string }).id;
  };
  const act = async (role: RoleName, key: CaseKey, action: Record<string, unknown>) => {
    const res = await request(app).post(`/api/cases/${ids[key]}/actions`).set(as(role)).send(action);
    expect(res.status, `${role} ${String(action.type)} on ${key}: ${res.text}`).to.equal(200);
    return res.body as { stage: string; mediatorId: string | null; orgId: string | null };
  };
  const upload = (role: RoleName, key: CaseKey | string) =>
    request(app)
      .post(`/api/cases/${key in ids ? ids[key as CaseKey] : key}/evidence`)
      .set(as(role))
      .attach('file', PNG, { filename: 'photo.png', contentType: 'image/png' });
  const stageOf = async (key: CaseKey) =>
    (await request(app).get(`/api/cases/${ids[key]}`).set(as('admin')).expect(200)).body as {
      stage: string;
      status: string;
      orgId: string | null;
      mediatorId: string | null;
      arbitratorId: string | null;
      investigatorId: string | null;
      respondent: { id: string | null };
    };

  before(async function () {
    this.timeout(120_000);
    await seedDirectory(t.db);
    app = buildTestApp(t.db).app;
    for (const role of ROLES) tokens[role] = await login(app, `${role}@demo.local`);

    // M: mediation, the mediator assigned automatically on ROUTE
    ids.M = await file('complainant', mediationComplaint('Matrix M: tea mark on a shop sign'));
    await act('admin', 'M', { type: 'ACCEPT' });
    const routed = await act('admin', 'M', { type: 'ROUTE', channel: 'mediation', reason: 'Consent given.' });
    expect(routed.mediatorId).to.equal('u-mediator');
    await act('mediator', 'M', { type: 'ACCEPT_ASSIGNMENT' });
    await act('respondent', 'M', { type: 'CONSENT' });
    await act('mediator', 'M', { type: 'PROPOSE_AGREEMENT', terms: 'The shop changes its sign.' });

    // MJ: mediation of an invention patent (mediator2's expertise), signed, judicial confirmation asked
    ids.MJ = await file('complainant2', {
      ...mediationComplaint('Matrix MJ: cell-balancing circuit, mediated'),
      ipType: 'inventionPatent',
      rights: [{ number: 'ZL201810000777.1', title: 'Cell-balancing circuit' }],
    });
    await act('admin', 'MJ', { type: 'ACCEPT' });
    const routedMj = await act('admin', 'MJ', {
      type: 'ROUTE',
      channel: 'mediation',
      reason: 'Both sides asked for mediation.',
    });
    expect(routedMj.mediatorId).to.equal('u-mediator2');
    await act('mediator2', 'MJ', { type: 'ACCEPT_ASSIGNMENT' });
    await act('respondent', 'MJ', { type: 'CONSENT' });
    await act('mediator2', 'MJ', { type: 'PROPOSE_AGREEMENT', terms: 'A licence at 3% royalty.' });
    await act('complainant2', 'MJ', { type: 'SIGN_AGREEMENT' });
    await act('respondent', 'MJ', { type: 'SIGN_AGREEMENT' });
    await act('complainant2', 'MJ', { type: 'REQUEST_CONFIRMATION' });
    await act('respondent', 'MJ', { type: 'REQUEST_CONFIRMATION' }); // a joint application

    // F: fast track at the Zhongguancun protection center, the investigator assigned
    ids.F = await file('complainant', { ...designPatentSmeEcommerce, title: 'Matrix F: copied lamp design' });
    await act('admin', 'F', { type: 'ACCEPT' });
    await act('admin', 'F', {
      type: 'ROUTE',
      channel: 'administrative',
      track: 'fast',
      orgId: 'org-pc-zgc',
      reason: 'SME design patent in an online listing.',
    });
    await act('center', 'F', { type: 'ACCEPT' });
    await act('center', 'F', { type: 'ASSIGN_INVESTIGATOR', investigatorId: 'u-investigator' });

    // J: judicial
    ids.J = await file('complainant2', {
      ...withRespondentAccount(largeInventionPunitive),
      title: 'Matrix J: battery-management patents',
    });
    await act('admin', 'J', { type: 'ACCEPT' });
    await act('admin', 'J', {
      type: 'ROUTE',
      channel: 'judicial',
      reason: 'Injunction and punitive damages.',
    });

    // A: arbitration, the arbitrator appointed and impartial
    ids.A = await file('complainant', {
      ...withRespondentAccount(arbitrationAgreementComplaint),
      title: 'Matrix A: software beyond the licence term',
    });
    await act('admin', 'A', { type: 'ACCEPT' });
    await act('admin', 'A', { type: 'ROUTE', channel: 'arbitration', reason: 'Arbitration agreement.' });
    await act('admin', 'A', { type: 'APPOINT_ARBITRATOR', arbitratorId: 'u-arbitrator' });
    await act('arbitrator', 'A', { type: 'DECLARE_IMPARTIALITY' });

    // E: administrative (ordinary) at the market regulator
    ids.E = await file('complainant2', {
      ...structuredClone(smallTrademarkMediation),
      title: 'Matrix E: counterfeit tea at scale',
      rights: [{ number: 'TM 87654321' }],
      respondent: { name: 'Fengtai Wholesale Market Stall 12', type: 'individual' },
      counterfeitingAtScale: true,
    });
    await act('admin', 'E', { type: 'ACCEPT' });
    await act('admin', 'E', {
      type: 'ROUTE',
      channel: 'administrative',
      track: 'ordinary',
      orgId: 'org-bj-amr',
      reason: 'Counterfeiting at scale.',
    });
    await act('enforcement', 'E', { type: 'ACCEPT' });

    // C2: complainant2's complaint in screening
    ids.C2 = await file('complainant2', {
      ...structuredClone(smallTrademarkMediation),
      title: 'Matrix C2: a complaint nobody has looked at',
      rights: [{ number: 'TM 11112222' }],
      respondent: { name: 'Dongcheng Tea House', type: 'individual' },
    });

    // one evidence file on each case, uploaded by its complainant
    for (const key of CASES) {
      const owner: RoleName = ['MJ', 'J', 'E', 'C2'].includes(key) ? 'complainant2' : 'complainant';
      const res = await upload(owner, key);
      expect(res.status, res.text).to.equal(201);
      evidenceIds[key] = (res.body as { id: string }).id;
    }
  });

  it('starts from the states, holders and assignees the matrix is written for', async () => {
    const m = await stageOf('M');
    expect(m).to.include({
      stage: 'inChannel.mediation.inSession.agreementDrafted',
      orgId: 'org-zgc-mediation',
      mediatorId: 'u-mediator',
    });
    expect(m.respondent.id).to.equal('u-respondent');
    expect(await stageOf('MJ')).to.include({
      stage: 'inChannel.mediation.awaitingConfirmation',
      orgId: 'org-zgc-mediation',
      mediatorId: 'u-mediator2',
    });
    expect(await stageOf('F')).to.include({
      stage: 'inChannel.administrative.fastTrack.examination.technicalComparison',
      orgId: 'org-pc-zgc',
      investigatorId: 'u-investigator',
    });
    expect(await stageOf('J')).to.include({
      stage: 'inChannel.judicial.filed.awaitingAnswer',
      orgId: 'org-bj-ipcourt',
    });
    expect(await stageOf('A')).to.include({
      stage: 'inChannel.arbitration.hearing',
      orgId: 'org-bac',
      arbitratorId: 'u-arbitrator',
    });
    const e = await stageOf('E');
    expect(e).to.include({ stage: 'inChannel.administrative.ordinary.investigation', orgId: 'org-bj-amr' });
    expect(e.respondent.id).to.equal(null);
    expect(await stageOf('C2')).to.include({ stage: 'screening', orgId: null });
  });

  for (const role of ROLES) {
    const rows = CELLS.filter((c) => c.role === role);
    const summary = rows.map((r) => `${r.caseKey}:${r.relation}`).join(' ');
    it(`${role}: every case endpoint on every case (${summary})`, async () => {
      const actual: string[] = [];
      const expected: string[] = [];
      for (const cell of rows) {
        const id = ids[cell.caseKey];
        const base = `/api/cases/${id}`;
        const got = {} as Record<Column, number>;
        const responses: Response[] = [];
        const record = (col: Column, res: Response) => {
          got[col] = res.status;
          responses.push(res);
          return res;
        };
        record('detail', await request(app).get(base).set(as(role)));
        record('events', await request(app).get(`${base}/events`).set(as(role)));
        const actionsRes = record('actions', await request(app).get(`${base}/actions`).set(as(role)));
        record('msgs', await request(app).get(`${base}/messages`).set(as(role)));
        record(
          'joint',
          await request(app)
            .post(`${base}/messages`)
            .set(as(role))
            .send({ body: `${role} writes to everyone`, visibility: 'joint' }),
        );
        record(
          'caucus',
          await request(app)
            .post(`${base}/messages`)
            .set(as(role))
            .send({ body: `${role} writes to the complainant's caucus`, visibility: 'caucus:complainant' }),
        );
        record('evid', await request(app).get(`${base}/evidence`).set(as(role)));
        record('upload', await upload(role, cell.caseKey));
        record(
          'dl',
          await request(app)
            .get(`${base}/evidence/${evidenceIds[cell.caseKey]}/download`)
            .set(as(role))
            .buffer(true),
        );
        const body = ACTIONS[cell.action] as Record<string, unknown>;
        const actRes = await request(app).post(`${base}/actions`).set(as(role)).send(body);
        responses.push(actRes);

        const fmt = (s: Record<Column, number>, action: number) =>
          `${role} ${cell.caseKey} ${COLUMNS.map((c) => `${c}=${s[c]}`).join(' ')} ${cell.action}=${action}`;
        expected.push(fmt(cell.statuses, cell.result));
        actual.push(fmt(got, actRes.status));

        for (const res of responses) expectProblemIfError(res);
        if (actionsRes.status === 200) {
          // what GET /actions offers is exactly what POST /actions then accepts
          const offered = (actionsRes.body as { items: { type: string }[] }).items.map((i) => i.type);
          expect(
            offered.includes(body.type as string),
            `${role} ${cell.caseKey} offered ${offered}`,
          ).to.equal(actRes.status === 200);
        }
        if (actRes.status === 409 && cell.result === 409 && cell.action !== 'ACCEPT') {
          expect(actRes.body, actRes.text).to.have.property('allowed').that.is.an('array');
        }
      }
      expect(actual).to.deep.equal(expected);
    });
  }

  it('after the matrix: the cases moved exactly as the matrix says', async () => {
    expect((await stageOf('M')).stage).to.equal('inChannel.mediation.inSession.agreementDrafted');
    expect((await stageOf('MJ')).stage).to.equal('compliance.monitoring');
    expect((await stageOf('F')).status).to.equal('resolved');
    expect((await stageOf('J')).stage).to.equal('inChannel.judicial.trial.ordinaryTrial');
    expect((await stageOf('A')).stage).to.equal('inChannel.arbitration.hearing');
    expect((await stageOf('E')).stage).to.equal('inChannel.administrative.ordinary.investigation');
    expect(await stageOf('C2')).to.include({ status: 'closed' });
    // no assignment changed hands: visibility is as at the start
    expect(await stageOf('F')).to.include({ investigatorId: 'u-investigator' });
  });

  it('a caucus is read only by its party and the mediator', async () => {
    const read = async (role: RoleName, key: CaseKey) => {
      const res = await request(app).get(`/api/cases/${ids[key]}/messages`).set(as(role)).expect(200);
      return new Set((res.body as { items: { visibility: string }[] }).items.map((m) => m.visibility));
    };
    expect(await read('complainant', 'M')).to.include('caucus:complainant');
    expect(await read('mediator', 'M')).to.include('caucus:complainant');
    expect(await read('respondent', 'M')).to.not.include('caucus:complainant');
    expect(await read('admin', 'M')).to.not.include('caucus:complainant');
    expect(await read('court', 'MJ')).to.not.include('caucus:complainant');
    expect(await read('mediator2', 'MJ')).to.include('caucus:complainant');
    // nor through the timeline
    const timeline = await request(app).get(`/api/cases/${ids.M}/events`).set(as('respondent')).expect(200);
    const visibilities = (timeline.body as { items: { data: { visibility?: string } }[] }).items.map(
      (e) => e.data.visibility,
    );
    expect(visibilities).to.include('joint').and.not.include('caucus:complainant');
  });

  for (const role of ROLES) {
    it(`${role}: GET /api/cases lists exactly the visible cases (${LISTS[role].map(([q]) => q || 'all').join(', ')})`, async () => {
      for (const [query, cases] of LISTS[role]) {
        const res = await request(app).get(`/api/cases${query}`).set(as(role)).expect(200);
        const page = res.body as { items: { id: string }[]; total: number };
        const got = page.items.map((c) => caseKeyOf(c.id)).sort();
        expect(got, `${role} ${query || 'all'}`).to.deep.equal([...cases].sort());
        expect(page.total, `${role} ${query || 'all'} total`).to.equal(cases.length);
      }
    });
  }

  it('every endpoint answers 401 problem+json without a valid token', async () => {
    const id = ids.M;
    const calls: [string, () => request.Test][] = [
      ['GET /api/cases', () => request(app).get('/api/cases')],
      ['POST /api/cases', () => request(app).post('/api/cases').send(smallTrademarkMediation)],
      ['GET /api/cases/:id', () => request(app).get(`/api/cases/${id}`)],
      ['GET …/events', () => request(app).get(`/api/cases/${id}/events`)],
      ['GET …/actions', () => request(app).get(`/api/cases/${id}/actions`)],
      [
        'POST …/actions',
        () =>
          request(app)
            .post(`/api/cases/${id}/actions`)
            .send(ACTIONS.WITHDRAW ?? {}),
      ],
      ['GET …/messages', () => request(app).get(`/api/cases/${id}/messages`)],
      [
        'POST …/messages',
        () => request(app).post(`/api/cases/${id}/messages`).send({ body: 'x', visibility: 'joint' }),
      ],
      ['GET …/evidence', () => request(app).get(`/api/cases/${id}/evidence`)],
      [
        'POST …/evidence',
        () =>
          request(app)
            .post(`/api/cases/${id}/evidence`)
            .attach('file', PNG, { filename: 'a.png', contentType: 'image/png' }),
      ],
      ['GET …/download', () => request(app).get(`/api/cases/${id}/evidence/${evidenceIds.M}/download`)],
      ['GET /api/auth/me', () => request(app).get('/api/auth/me')],
      ['GET /api/users', () => request(app).get('/api/users?role=mediator')],
      ['POST /api/users', () => request(app).post('/api/users').send({})],
      ['GET /api/stats', () => request(app).get('/api/stats')],
      ['GET /api/credit', () => request(app).get('/api/credit?name=Hangzhou')],
      [
        'POST /api/routing/preview',
        () => request(app).post('/api/routing/preview').send(smallTrademarkMediation),
      ],
    ];
    const badTokens = [
      undefined,
      'Bearer',
      'Bearer not-a-jwt-at-all',
      'Basic YWRtaW5AZGVtby5sb2NhbDpzZXZlbmZvbGQtZGVtbw==',
      `Bearer ${tokens.admin}x`,
    ];
    for (const [name, call] of calls) {
      for (const header of badTokens) {
        const req = call();
        if (header !== undefined) req.set('Authorization', header);
        const res = await req;
        expect(res.status, `${name} with ${header ?? 'no header'}: ${res.text}`).to.equal(401);
        expectProblem(res, 401);
      }
    }
  });

  it('the endpoints that are not about one case, per role (POST /api/cases, users, stats, credit, preview)', async () => {
    const actual: string[] = [];
    const expected: string[] = [];
    const responses: Response[] = [];
    for (const role of ROLES) {
      const row = GLOBAL_ROWS.get(role) as Record<GlobalColumn, number>;
      const got = {} as Record<GlobalColumn, number>;
      const keep = (col: GlobalColumn, res: Response) => {
        got[col] = res.status;
        responses.push(res);
        return res;
      };
      keep(
        'file',
        await request(app)
          .post('/api/cases')
          .set(as(role))
          .send({ ...structuredClone(smallTrademarkMediation), title: `Filed by ${role}` }),
      );
      const created = keep(
        'createUser',
        await request(app)
          .post('/api/users')
          .set(as(role))
          .send({
            email: `created-by-${role}@example.test`,
            password: 'a-long-enough-password',
            name: `Created by ${role}`,
            role: 'mediator',
            orgId: 'org-zgc-mediation',
          }),
      );
      const users = keep('listUsers', await request(app).get('/api/users?role=mediator').set(as(role)));
      keep('stats', await request(app).get('/api/stats').set(as(role)));
      const credit = keep('credit', await request(app).get('/api/credit?name=Hangzhou').set(as(role)));
      const preview = keep(
        'preview',
        await request(app)
          .post('/api/routing/preview')
          .set(as(role))
          .send(mediationComplaint('Preview only')),
      );
      expected.push(`${role} ${GLOBAL_COLUMNS.map((c) => `${c}=${row[c]}`).join(' ')}`);
      actual.push(`${role} ${GLOBAL_COLUMNS.map((c) => `${c}=${got[c]}`).join(' ')}`);

      if (created.status === 201)
        expect(created.body).to.not.have.any.keys('passwordHash', '_id', 'password');
      if (users.status === 200) {
        const items = (users.body as { items: Record<string, unknown>[] }).items;
        expect(items.length).to.be.at.least(2);
        for (const u of items) {
          expect(u.role).to.equal('mediator');
          expect(u).to.not.have.any.keys('passwordHash', '_id', 'active', 'capacity');
        }
      }
      if (credit.status === 200) expect(credit.body).to.have.property('items').that.is.an('array');
      if (preview.status === 200) {
        const flags = (preview.body as { flags: { duplicate: Record<string, unknown>[] } }).flags;
        // case M asserts the same right: parties, and officers of organisations not on it, learn only
        // that it is a duplicate; admins also which case
        expect(flags.duplicate.length).to.be.at.least(1);
        for (const d of flags.duplicate) {
          if (role === 'admin') expect(d).to.have.property('caseNo');
          else expect(d).to.have.all.keys('reason');
        }
      }
    }
    expect(actual).to.deep.equal(expected);
    for (const res of responses) expectProblemIfError(res);
  });

  // Parties learn only that a complaint duplicates another case, in neutral words: otherwise anyone
  // could probe POST /api/routing/preview with a right number and a respondent name and learn the
  // number of a case they cannot see.
  it('a party’s preview does not name another party’s case (no case number in the reason text)', async () => {
    const caseNoOfM = (
      (await request(app).get(`/api/cases/${ids.M}`).set(as('admin')).expect(200)).body as {
        caseNo: string;
      }
    ).caseNo;
    const res = await request(app)
      .post('/api/routing/preview')
      .set(as('complainant2'))
      .send(mediationComplaint('Probe for an existing case'))
      .expect(200);
    const flags = res.body as { flags: { duplicate: unknown[]; parallel: unknown[] } };
    expect(flags.flags.duplicate).to.have.length.of.at.least(1);
    expect(JSON.stringify(flags.flags)).to.not.include(caseNoOfM);
  });
});
