import { intakeSources } from '../../server/compose/intakeSources.js';
import type { Actor } from '../../shared/case/caseEvents.js';
import type { AuthUser } from '../../server/auth/authUser.js';
import type { Complaint } from '../../shared/schemas/complaint.js';
import { createCaseEffects } from '../../server/effects/createCaseEffects.js';
import type { CaseDoc } from '../../server/cases/caseModel.js';
import { createCaseStore, type CaseStore } from '../../server/cases/caseStore.js';
import { fileComplaint } from '../../server/cases/fileComplaint.js';
import { createDeadlineScheduler, type DeadlineScheduler } from '../../server/deadlines/deadlineScheduler.js';
import { DEMO_ORGS, DEMO_USERS } from '../../server/demo/demoDirectory.js';
import { orgModel } from '../../server/orgs/orgModel.js';
import { userModel } from '../../server/users/userModel.js';
import { manualClock, type ManualClock } from './manualClock.js';
import { testLogger } from './testEnvironment.js';
import { useTestDatabase, type TestDatabase } from './useTestDatabase.js';

/** The demo user ids, by short name. */
export const U = {
  complainant: 'u-complainant',
  complainant2: 'u-complainant2',
  respondent: 'u-respondent',
  mediator: 'u-mediator',
  mediator2: 'u-mediator2',
  arbitrator: 'u-arbitrator',
  center: 'u-center',
  court: 'u-court',
  enforcement: 'u-enforcement',
  investigator: 'u-investigator',
  admin: 'u-admin',
} as const;

/** A test database with the demo directory, a case store with its effects and a scheduler on a manual clock. */
export interface CaseWorld {
  readonly t: TestDatabase;
  readonly clock: ManualClock;
  readonly store: CaseStore;
  readonly scheduler: DeadlineScheduler;
  /** The actor of a demo user (or an officer of another org: pass orgId/orgType). */
  actor(userId: string): Actor;
  /** A demo user as a request carries them once signed in (for calling services directly). */
  authUser(userId: string): AuthUser;
  /** Files a complaint as a demo complainant. */
  file(complaint: Complaint, complainantId?: string): Promise<CaseDoc>;
  /** Makes another store and scheduler on the same database (a second server instance). */
  instance(): { store: CaseStore; scheduler: DeadlineScheduler };
}

/** Sets up a {@link CaseWorld} for the calling describe block. */
export function useCaseWorld(label: string, start = '2025-09-22T02:00:00.000Z'): CaseWorld {
  const t = useTestDatabase(label);
  const clock = manualClock(start);
  let parts: { store: CaseStore; scheduler: DeadlineScheduler } | undefined;

  const build = () => {
    const effects = createCaseEffects({ db: t.db, logger: testLogger });
    const store = createCaseStore({ db: t.db, logger: testLogger, now: clock.now, effects });
    const scheduler = createDeadlineScheduler({ db: t.db, store, logger: testLogger, now: clock.now });
    return { store, scheduler };
  };

  before(async () => {
    await orgModel(t.db).insertMany(DEMO_ORGS.map((o) => ({ _id: o.id, ...o })));
    await userModel(t.db).insertMany(
      DEMO_USERS.map((u) => ({
        _id: u.id,
        email: u.email,
        name: u.name,
        role: u.role,
        orgId: u.orgId,
        passwordHash: 'not-used-in-engine-tests',
        expertise: u.expertise ?? [],
        capacity: u.capacity ?? 10,
        active: true,
        createdAt: clock.now(),
      })),
    );
    parts = build();
  });

  const need = () => {
    if (!parts) throw new Error('useCaseWorld: used before its before hook');
    return parts;
  };

  return {
    t,
    clock,
    get store() {
      return need().store;
    },
    get scheduler() {
      return need().scheduler;
    },
    actor(userId) {
      const user = DEMO_USERS.find((u) => u.id === userId);
      if (!user) throw new Error(`no demo user ${userId}`);
      const org = DEMO_ORGS.find((o) => o.id === user.orgId);
      return { id: user.id, role: user.role, orgId: user.orgId, orgType: org?.type ?? null };
    },
    authUser(userId) {
      const user = DEMO_USERS.find((u) => u.id === userId);
      if (!user) throw new Error(`no demo user ${userId}`);
      const orgType = DEMO_ORGS.find((o) => o.id === user.orgId)?.type ?? null;
      return {
        id: user.id,
        email: user.email,
        name: user.name,
        role: user.role,
        orgId: user.orgId,
        orgType,
        lead: user.lead ?? false,
      };
    },
    async file(complaint, complainantId = U.complainant) {
      const user = DEMO_USERS.find((u) => u.id === complainantId);
      const { caseDoc } = await fileComplaint(
        intakeSources(t.db),
        need().store,
        complaint,
        { id: complainantId, name: user?.name ?? complainantId },
        this.actor(complainantId),
        clock.now(),
      );
      return caseDoc;
    },
    instance: build,
  };
}
