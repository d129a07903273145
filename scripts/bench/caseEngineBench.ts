import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { pino } from 'pino';
import { applyCaseEvent, restoreCaseSnapshot } from '../../shared/case/machineApi.js';
import type { Actor } from '../../shared/case/caseEvents.js';
import { createCaseEngine } from '../../server/cases/createCaseEngine.js';
import { fileComplaint } from '../../server/cases/fileComplaint.js';
import { DEMO_ORGS, DEMO_USERS } from '../../server/demo/demoDirectory.js';
import { orgModel } from '../../server/orgs/orgModel.js';
import { userModel } from '../../server/users/userModel.js';
import type { BenchSection } from './benchTypes.js';
import { measure } from './measure.js';

const complaint = {
  title: 'Tea mark used on packaging',
  description:
    'A tea shop uses our registered word mark on its sign and packaging; photos and receipts attached.',
  ipType: 'trademark' as const,
  rights: [{ number: 'TM 87654321' }],
  complainant: { name: 'Bench Tea Co., Ltd.', type: 'enterprise' as const, sme: true },
  respondent: { name: 'Bench Respondent', type: 'individual' as const, email: 'respondent@demo.local' },
  claim: { amountCny: 60_000, remedies: ['cease' as const, 'damages' as const] },
  consents: { mediation: true, arbitrationAgreement: false },
  evidence: { hasRightCertificate: true, hasInfringementProof: true, hasDamagesProof: true },
};

const actorOf = (id: string): Actor => {
  const u = DEMO_USERS.find((x) => x.id === id)!;
  return { id, role: u.role, orgId: u.orgId, orgType: DEMO_ORGS.find((o) => o.id === u.orgId)?.type ?? null };
};

/**
 * Issue 3's figures: pure `transition()` per second; restore + transition + append + projection per
 * second on the database; and the floor, the insert of the event plus an update of the projection in one
 * transaction.
 */
export async function caseEngineBench(db: Connection): Promise<BenchSection> {
  const logger = pino({ level: 'silent' });
  await orgModel(db).insertMany(DEMO_ORGS.map((o) => ({ _id: o.id, ...o })));
  await userModel(db).insertMany(
    DEMO_USERS.map((u) => ({
      _id: u.id,
      ...u,
      passwordHash: 'bench',
      expertise: u.expertise ?? [],
      capacity: 1000,
      active: true,
      createdAt: new Date(),
    })),
  );
  const engine = createCaseEngine({ db, logger });
  const { store } = engine;
  const admin = actorOf('u-admin');
  const mediator = actorOf('u-mediator');
  const { caseDoc } = await fileComplaint(
    db,
    store,
    complaint,
    { id: 'u-complainant', name: 'Lin Wei' },
    actorOf('u-complainant'),
    new Date(),
  );
  await store.transition(caseDoc._id, admin, { type: 'ACCEPT' });
  await store.transition(caseDoc._id, admin, { type: 'ROUTE', channel: 'mediation' });
  await store.transition(caseDoc._id, mediator, { type: 'ACCEPT_ASSIGNMENT' });
  const ready = await store.transition(caseDoc._id, actorOf('u-respondent'), { type: 'CONSENT' });

  const persisted = JSON.parse(JSON.stringify(ready.snapshot)) as unknown;
  const snapshot = restoreCaseSnapshot(persisted);
  const at = new Date().toISOString();
  let n = 0;
  const floorEvents = db.collection('bench_floor_events');
  const floorCases = db.collection('bench_floor_cases');
  const { _id: _ignored, ...projection } = ready;
  await floorCases.insertOne({ ...projection, _id: 'floor' as never });
  const eventDoc = (await store.events(caseDoc._id)).at(-1)!;
  const client = db.getClient();

  const figures = await measure({
    'pure transition() (in memory)': () => {
      applyCaseEvent(snapshot, { type: 'RECORD_SESSION', notes: 'x', actor: mediator, at });
    },
    'restore + transition() (JSON snapshot)': () => {
      applyCaseEvent(restoreCaseSnapshot(persisted), {
        type: 'RECORD_SESSION',
        notes: 'x',
        actor: mediator,
        at,
      });
    },
    'action through the store (load, transition, append, projection, effects)': async () => {
      await store.transition(caseDoc._id, mediator, { type: 'RECORD_SESSION', notes: `session ${n++}` });
    },
    'floor: insert of the event + update of the projection in one transaction (driver)': async () => {
      const id = randomBytes(8).toString('hex');
      const session = client.startSession();
      try {
        await session.withTransaction(async () => {
          await floorEvents.insertOne({ ...eventDoc, _id: `floor:${id}` as never }, { session });
          await floorCases.updateOne(
            { _id: 'floor' as never },
            { $set: { seq: n++, lastHash: id, updatedAt: new Date(), pendingEffects: n } },
            { session },
          );
        });
      } finally {
        await session.endSession();
      }
    },
  });
  const [pure, restored, store_, floor] = figures as [
    (typeof figures)[0],
    (typeof figures)[0],
    (typeof figures)[0],
    (typeof figures)[0],
  ];
  return {
    title: 'Case engine',
    description:
      'One case in mediation (in session); the action is RECORD_SESSION by the assigned mediator. The store path ' +
      'loads the projection and any events past it, runs the machine, inserts `<caseId>:<seq>` and updates the ' +
      'changed fields of the projection in one transaction, then runs the effects (clock sync) and clears their ' +
      'mark. The floor is that one transaction alone: a copy of the event inserted and the projection copy updated ' +
      'through the driver (`session.withTransaction`).',
    figures,
    ratios: [
      {
        name: 'store action ÷ one-commit floor (latency, p50)',
        value: store_.p50Ms / floor.p50Ms,
        explanation: 'how many bare insert + update transactions one full action costs',
      },
      {
        name: 'pure transitions per store action',
        value: pure.opsPerSec / store_.opsPerSec,
        explanation: 'the machine itself is a small part of an action',
      },
      {
        name: 'restore cost ÷ pure transition',
        value: restored.p50Ms / pure.p50Ms,
        explanation: 'rehydrating a JSON snapshot before the transition',
      },
    ],
  };
}
