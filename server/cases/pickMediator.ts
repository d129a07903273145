import { activeMediators } from '../users/userLookups.js';
import type { Connection } from 'mongoose';
import type { CaseContext } from '../../shared/machine/caseContext.js';
import { caseModel, type CaseDoc } from './caseModel.js';
import { mediatorConflictModel } from './mediatorConflictModel.js';

/** A mediator candidate with the figures the choice was made on. */
export interface MediatorChoice {
  mediatorId: string;
  load: number;
  capacity: number;
  expertiseMatch: boolean;
}

/**
 * Chooses a mediator for a case: active mediators with spare capacity, never one who declined, timed
 * out or declared a conflict with either party; those expert in the case's IP type first, then the
 * least loaded (open cases / capacity), then by id for a stable result. Undefined when none is free.
 */
export async function pickMediator(db: Connection, caseDoc: CaseDoc): Promise<MediatorChoice | undefined> {
  const context = (caseDoc.snapshot as { context: CaseContext }).context;
  const excluded = new Set(context.declinedMediatorIds);
  const partyKeys = [
    caseDoc.complainantId,
    caseDoc.respondentKey,
    caseDoc.respondentId,
    ...(caseDoc.coRespondentIds ?? []),
  ].filter((k): k is string => Boolean(k));
  const conflicts = await mediatorConflictModel(db)
    .find({ partyKey: { $in: partyKeys } })
    .lean();
  for (const c of conflicts) excluded.add(c.mediatorId);

  const mediators = await activeMediators(db);
  const Cases = caseModel(db);
  const candidates: MediatorChoice[] = [];
  for (const m of mediators) {
    if (excluded.has(m._id)) continue;
    // the mediator's open cases among those they take part in (by index); those resolved or in
    // compliance no longer take their time
    const open = await Cases.find(
      { viewerKeys: `u:${m._id}`, open: true },
      { status: 1, mediatorId: 1 },
    ).lean();
    const load = open.filter(
      (c) => c.mediatorId === m._id && c.status !== 'resolved' && c.status !== 'compliance',
    ).length;
    if (load >= m.capacity) continue;
    candidates.push({
      mediatorId: m._id,
      load,
      capacity: m.capacity,
      expertiseMatch: m.expertise.includes(context.ipType),
    });
  }
  candidates.sort(
    (a, b) =>
      Number(b.expertiseMatch) - Number(a.expertiseMatch) ||
      a.load / a.capacity - b.load / b.capacity ||
      a.mediatorId.localeCompare(b.mediatorId),
  );
  return candidates[0];
}
