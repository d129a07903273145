import type { Connection } from 'mongoose';
import { hashPassword } from '../auth/passwords.js';
import { userModel } from '../users/userModel.js';
import { DEMO_PASSWORD } from './demoDirectory.js';
import { demoRespondentAccount } from './demoRespondentAccounts.js';
import type { DemoCasePlan } from './planDemoCases.js';

/**
 * Creates the account of each respondent company that answers in the planned demo cases (one per
 * company, `demoRespondentAccounts.ts`) unless it exists: one read of the ids, one insert of the
 * missing ones, all with the demo password. Idempotent.
 */
export async function seedDemoRespondents(
  db: Connection,
  plans: readonly DemoCasePlan[],
  now: Date,
): Promise<number> {
  const Users = userModel(db);
  const accounts = new Map(
    plans
      .filter((p) => p.complaint.respondent.email)
      .map((p) => demoRespondentAccount(p.complaint.respondent.name))
      .map((a) => [a.id, a]),
  );
  if (accounts.size === 0) return 0;
  const existing = await Users.find({ _id: { $in: [...accounts.keys()] } }, { _id: 1 }).lean();
  for (const { _id } of existing) accounts.delete(String(_id));
  if (accounts.size === 0) return 0;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await Users.insertMany(
    [...accounts.values()].map((a) => ({
      _id: a.id,
      email: a.email,
      name: a.name,
      role: a.role,
      orgId: null,
      passwordHash,
      expertise: [],
      capacity: 10,
      languages: [],
      lead: false,
      active: true,
      createdAt: now,
    })),
  );
  return accounts.size;
}
