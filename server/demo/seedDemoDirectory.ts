import type { Connection } from 'mongoose';
import { hashPassword } from '../auth/passwords.js';
import { isDuplicateKeyError } from '../db/duplicateKeyError.js';
import { orgModel } from '../orgs/orgModel.js';
import { userModel } from '../users/userModel.js';
import { DEMO_ORGS, DEMO_PASSWORD, DEMO_USERS } from './demoDirectory.js';

/**
 * Creates the demo organisations and accounts that do not exist yet (idempotent). Only called when
 * demo data is on: without it, no default account exists.
 */
export async function seedDemoDirectory(
  db: Connection,
  now: Date = new Date(),
): Promise<{ orgs: number; users: number }> {
  const Orgs = orgModel(db);
  const Users = userModel(db);
  let orgs = 0;
  let users = 0;
  for (const org of DEMO_ORGS) {
    if (await Orgs.exists({ _id: org.id })) continue;
    await Orgs.create({
      _id: org.id,
      name: org.name,
      nameZh: org.nameZh,
      type: org.type,
      region: org.region,
      channel: org.type === 'protectionCenter' ? null : org.type,
      capacity: null,
      expertise: [],
      active: true,
    });
    orgs++;
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    if (await Users.exists({ $or: [{ _id: u.id }, { email: u.email }] })) continue;
    try {
      await Users.create({
        _id: u.id,
        email: u.email,
        name: u.name,
        role: u.role,
        orgId: u.orgId,
        passwordHash,
        expertise: u.expertise ?? [],
        capacity: u.capacity ?? 10,
        languages: u.languages ?? [],
        lead: u.lead ?? false,
        active: true,
        createdAt: now,
      });
      users++;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
  }
  return { orgs, users };
}
