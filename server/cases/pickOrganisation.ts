import { orgById, orgsOfType } from '../orgs/orgLookups.js';
import { orgMembers } from '../users/userLookups.js';
import type { Connection } from 'mongoose';
import type { Actor } from '../../shared/machine/caseEvents.js';
import type { OrgType } from '../../shared/vocabulary.js';
import { caseModel } from './caseModel.js';

/** An organisation's staff and load: its active officers, the cases they can hold, the cases open. */
export interface OrgStaffing {
  orgId: string;
  officers: number;
  capacity: number;
  load: number;
}

/** The staffing of one organisation (officers by the `orgId` index, open cases by `{orgId, open, filedAt}`). */
export async function orgStaffing(db: Connection, orgId: string): Promise<OrgStaffing> {
  const members = await orgMembers(db, orgId, { fields: { role: 1, active: 1, capacity: 1 }, limit: 2000 });
  const officers = members.filter((u) => u.role === 'officer' && u.active);
  const load = await caseModel(db).countDocuments({ orgId, open: true });
  return {
    orgId,
    officers: officers.length,
    capacity: officers.reduce((sum, u) => sum + (u.capacity ?? 0), 0),
    load,
  };
}

/**
 * Chooses the organisation that holds a case in a channel: the one the router named (when it is of
 * the needed type and active), else the acting officer's own organisation when it is of that type,
 * else an active staffed organisation of that type — one with room (open cases below its officers' capacity)
 * first, the lowest share of its capacity in use, ties by id. An organisation without officers is
 * not chosen while one with officers exists (nobody there could see the case); when none of the type
 * has officers, the one with the fewest open cases (so the case is held, and an admin can move it).
 */
export async function pickOrganisation(
  db: Connection,
  needed: OrgType,
  actor: Actor,
  requested?: string,
): Promise<string | undefined> {
  if (requested) {
    const org = await orgById(db, requested, { type: 1, active: 1 });
    if (org && org.type === needed && org.active !== false) return requested;
  }
  if (actor.role === 'officer' && actor.orgType === needed && actor.orgId) return actor.orgId;
  const all = await orgsOfType(db, needed);
  // a deactivated organisation takes no new cases
  const orgs = all.filter((o) => o.active !== false);
  let best: { id: string; room: boolean; share: number } | undefined;
  let unstaffed: { id: string; load: number } | undefined;
  for (const org of orgs) {
    const staffing = await orgStaffing(db, org._id);
    // an organisation's own limit, when it has one, caps what its officers could hold
    if (org.capacity) staffing.capacity = Math.min(staffing.capacity, org.capacity);
    if (staffing.officers === 0) {
      if (!unstaffed || staffing.load < unstaffed.load) unstaffed = { id: org._id, load: staffing.load };
      continue;
    }
    const room = staffing.load < staffing.capacity;
    const share = staffing.capacity > 0 ? staffing.load / staffing.capacity : Number.POSITIVE_INFINITY;
    if (!best || (room && !best.room) || (room === best.room && share < best.share))
      best = { id: org._id, room, share };
  }
  return best?.id ?? unstaffed?.id;
}
