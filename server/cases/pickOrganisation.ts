import type { Connection } from 'mongoose';
import type { Actor } from '../../shared/case/caseEvents.js';
import type { OrgType } from '../../shared/vocabulary.js';
import { orgModel } from '../orgs/orgModel.js';
import { caseModel } from './caseModel.js';

/**
 * Chooses the organisation that holds a case in a channel: the one the router named (when it is of
 * the needed type), else the acting officer's own organisation when it is of that type, else the
 * organisation of that type with the fewest open cases.
 */
export async function pickOrganisation(
  db: Connection,
  needed: OrgType,
  actor: Actor,
  requested?: string,
): Promise<string | undefined> {
  if (requested && (await orgModel(db).exists({ _id: requested, type: needed }))) return requested;
  if (actor.role === 'officer' && actor.orgType === needed && actor.orgId) return actor.orgId;
  const orgs = await orgModel(db).find({ type: needed }).sort({ _id: 1 }).lean();
  let best: { id: string; load: number } | undefined;
  for (const org of orgs) {
    const load = await caseModel(db).countDocuments({ orgId: org._id, open: true });
    if (!best || load < best.load) best = { id: org._id, load };
  }
  return best?.id;
}
