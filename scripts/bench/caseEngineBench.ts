import { intakeSources } from '../../server/compose/intakeSources.js';
import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { pino } from 'pino';
import { applyCaseEvent, restoreCaseSnapshot } from '../../shared/machine/machineApi.js';
import type { Actor } from '../../shared/machine/caseEvents.js';
import { createCaseEngine } from '../../server/compose/createCaseEngine.js';
import { fileComplaint } from '../../server/cases/fileComplaint.js';
import { DEMO_ORGS, DEMO_USERS } from '../../server/demo/demoDirectory.js';
import { orgModel } from '../../server/orgs/orgModel.js';
import { userModel } from '../../server/users/userModel.js';
import { caseModel, type CaseDoc } from '../../server/cases/caseModel.js';
import { caseSearchTokens } from '../../server/cases/caseSearchTokens.js';
import type { BenchSection } from './benchTypes.js';
import { measure } from './measure.js';
import { measureInterleaved } from './measureInterleaved.js';
import { recordSessionWrites } from './recordSessionWrites.js';

/** How many cases in session the store's actions take turns on. */
const ACTION_CASES = 50;

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
  // the store as a server builds it (its projection cache on) and with no cache (every action reads)
  const { store } = createCaseEngine({ db, logger, cacheSize: 0 });
  const { store: cachedStore } = createCaseEngine({ db, logger, cacheSize: 2000 });
  const admin = actorOf('u-admin');
  let filings = 0;
  /**
   * Files a mediation case and takes it into session; resolves with its projection then. Each case
   * asserts a right of its own (as the HTTP benchmark's do): cases on one right flag one another as
   * duplicates in their projections, so the 100th filing on a shared right would carry 99 of each and
   * weigh 80 KB against the 6 KB of the first, whose copy is the floor's.
   */
  const inSession = async (via = store): Promise<CaseDoc> => {
    const { caseDoc } = await fileComplaint(
      intakeSources(db),
      via,
      { ...complaint, rights: [{ number: `TM ${87_654_321 + filings++}` }] },
      { id: 'u-complainant', name: 'Lin Wei' },
      actorOf('u-complainant'),
      new Date(),
    );
    await via.transition(caseDoc._id, admin, { type: 'ACCEPT' });
    const routed = await via.transition(caseDoc._id, admin, { type: 'ROUTE', channel: 'mediation' });
    const assigned = actorOf(routed.mediatorId ?? 'u-mediator');
    await via.transition(caseDoc._id, assigned, { type: 'ACCEPT_ASSIGNMENT' });
    return via.transition(caseDoc._id, actorOf('u-respondent'), { type: 'CONSENT' });
  };
  // the store's actions go round ACTION_CASES cases, so no case's history grows past a real one's
  const inTurn: CaseDoc[] = [];
  for (let i = 0; i < ACTION_CASES; i++) inTurn.push(await inSession());
  // the cached store takes turns on cases of its own (only it writes them, as one server would)
  const inTurnCached: CaseDoc[] = [];
  for (let i = 0; i < ACTION_CASES; i++) inTurnCached.push(await inSession(cachedStore));
  let cachedTurn = 0;
  const ready = inTurn[0]!;
  const caseDoc = ready;
  const mediator = actorOf(ready.mediatorId ?? 'u-mediator');
  const persisted = JSON.parse(JSON.stringify(ready.snapshot)) as unknown;
  const snapshot = restoreCaseSnapshot(persisted);
  const at = new Date().toISOString();
  let n = 0;
  let turn = 0;
  const floorEvents = db.collection('bench_floor_events');
  const floorCases = db.collection('bench_floor_cases');
  const { _id: _ignored, ...projection } = ready;
  await floorCases.insertOne({ ...projection, _id: 'floor' as never });
  const eventDoc = (await store.events(caseDoc._id)).at(-1)!;
  const client = db.getClient();
  // the same writes on Sevenfold's own collections: a case copy in `cases` (all its list indexes) and
  // events in `case_events`, so the engine's cost of those collections is told apart from the app's
  const realCases = db.collection('cases');
  const realEvents = db.collection('case_events');
  // as many copies as the store takes turns on, so no copy's history grows faster than a case's
  await realCases.insertMany(
    inTurn.map((_, i) => ({ ...projection, _id: `floor-real-${i}` as never, caseNo: `FLOOR-REAL-${i}` })),
  );
  let realSeq = 1_000;
  // before: the same case copies with their search tokens in the projection, under its multikey index
  // (as `cases` was until the tokens moved to `case_search`), so the move is measured in this run
  const tokenCases = db.collection('bench_cases_with_tokens');
  for (const [keys, options] of caseModel(db).schema.indexes())
    await tokenCases.createIndex(keys as Record<string, 1 | -1>, options as Record<string, unknown>);
  await tokenCases.createIndex({ searchTokens: 1 });
  await tokenCases.insertMany(
    inTurn.map((_, i) => ({
      ...projection,
      _id: `floor-tokens-${i}` as never,
      caseNo: `FLOOR-TOKENS-${i}`,
      searchTokens: caseSearchTokens(ready),
    })),
  );
  /** The writes of one RECORD_SESSION on a copy in `into`: the event insert and the session pushed. */
  const sameWrites = async (into: typeof realCases, prefix: string) => {
    const seq = realSeq++;
    await recordSessionWrites(client, realEvents, into, eventDoc, `${prefix}-${seq % inTurn.length}`, seq);
  };

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
  });
  // the database operations in turn, one of each per round, so a change of load falls on all alike
  const written = await measureInterleaved({
    'action through the store, no projection cache (load, transition, one commit with its effects)':
      async () => {
        const c = inTurn[turn++ % inTurn.length]!;
        await store.transition(c._id, actorOf(c.mediatorId ?? 'u-mediator'), {
          type: 'RECORD_SESSION',
          notes: `session ${n++}`,
        });
      },
    'action through the store with its projection cache (CASE_CACHE_SIZE, the default)': async () => {
      const c = inTurnCached[cachedTurn++ % inTurnCached.length]!;
      await cachedStore.transition(c._id, actorOf(c.mediatorId ?? 'u-mediator'), {
        type: 'RECORD_SESSION',
        notes: `session ${n++}`,
      });
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
    "floor on Sevenfold's collections: the same insert into case_events + update of a case in cases (its indexes), one transaction":
      () => sameWrites(realCases, 'floor-real'),
    'before: the same writes with the search tokens in the projection (cases as it was, plus its {searchTokens} index)':
      () => sameWrites(tokenCases, 'floor-tokens'),
  });
  figures.push(...written);
  const [pure, restored, uncached, store_, floor, realFloor, tokenFloor] = figures as [
    (typeof figures)[0],
    (typeof figures)[0],
    (typeof figures)[0],
    (typeof figures)[0],
    (typeof figures)[0],
    (typeof figures)[0],
    (typeof figures)[0],
  ];
  return {
    title: 'Case engine',
    description:
      `${ACTION_CASES} cases in mediation (in session); the action is RECORD_SESSION by the assigned mediator, ` +
      'taken on each case in turn (so a case records a few dozen sessions over the run, as a long mediation ' +
      'might). The store path takes the projection from its cache (the projection its previous commit left; ' +
      'the commit proves it current, as its `<caseId>:<seq>` insert fails otherwise) or, with no cache, reads it ' +
      '(one read by id), runs the machine, and in one transaction ' +
      'inserts `<caseId>:<seq>`, updates the changed fields of the projection and writes what follows from the ' +
      'event alone (clocks that started, stopped or moved: none here); a session has no follow-ups, so nothing ' +
      'else is written. The floor is that one transaction alone: a copy of the event inserted and the projection ' +
      'copy updated through the driver (`session.withTransaction`), in collections with no secondary index. ' +
      'The operations on the database are measured in turn (one of each per round, in a new random order ' +
      'each round, 3 s each in all), so a change of load on the shared machine, and what one leaves the engine ' +
      'doing after its reply, fall on them alike; the in-memory ones with tinybench. ' +
      "The second floor makes the same writes on Sevenfold's own collections: an event into `case_events` and " +
      'the session pushed onto a case in `cases`, whose list indexes the embedded engine rewrites on every update. ' +
      'The third ("before") makes them on copies that still hold their search tokens under a `{searchTokens: 1}` ' +
      'index, as `cases` did before the tokens moved to `case_search`.',
    figures,
    ratios: [
      {
        name: 'store action ÷ one-commit floor (latency, p50)',
        value: store_.p50Ms / floor.p50Ms,
        explanation: 'how many bare insert + update transactions one full action costs (target ≤ 2)',
      },
      {
        name: 'before: store action with no projection cache ÷ one-commit floor (latency, p50)',
        value: uncached.p50Ms / floor.p50Ms,
        explanation: 'the same action reading its case first (CASE_CACHE_SIZE=0: the store before the cache)',
      },
      {
        name: "store action ÷ the same writes on Sevenfold's collections (latency, p50)",
        value: store_.p50Ms / realFloor.p50Ms,
        explanation:
          'what the store adds (load, machine, hash chain, effects, publish) to the writes an action must make',
      },
      {
        name: "the same writes on Sevenfold's collections ÷ one-commit floor (latency, p50)",
        value: realFloor.p50Ms / floor.p50Ms,
        explanation:
          "the engine's cost of the case projection's indexes: each update rewrites every index entry of the document",
      },
      {
        name: 'before: the same writes with the search tokens in cases ÷ one-commit floor (latency, p50)',
        value: tokenFloor.p50Ms / floor.p50Ms,
        explanation:
          'the writes an action made before the tokens moved to `case_search`: 75–135 more index entries rewritten per update',
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
