import type { ClientSession, Model } from 'mongoose';
import { DomainError } from '../errors/domainError.js';
import type { CreditEntryDoc } from './creditEntryModel.js';

/** Record types: an objection to a credit-register entry, and staff's decision on it (on the source case). */
export const CREDIT_OBJECTED = 'CREDIT_OBJECTED';
export const CREDIT_DECIDED = 'CREDIT_DECIDED';

/**
 * One step of an entry's objection and correction procedure, as its case event carries it (plain
 * JSON): the entry, the statuses it may be in, what it becomes and why.
 */
export interface CreditStep {
  entryId: string;
  from: string[];
  status: 'objected' | 'final' | 'corrected' | 'removed';
  reason: string;
  /** For a decision: keep, correct or remove. */
  decision?: 'keep' | 'correct' | 'remove';
  /** Fields set with the status (an objection, a correction, `listed: false`). */
  set: {
    listed?: boolean;
    name?: string;
    nameKey?: string;
    rightNumber?: string;
    objection?: { reason: string };
  };
}

/**
 * Applies a step to its entry, in the transaction of the case event that records it: only from the
 * statuses it names (an entry without a status is a final one from before statuses), else 409 and
 * the event is not stored either.
 */
export async function applyCreditStep(
  Credit: Model<CreditEntryDoc>,
  step: CreditStep,
  at: Date,
  by: string,
  session?: ClientSession,
): Promise<void> {
  const filter = {
    _id: step.entryId,
    $or: [
      { status: { $in: step.from } },
      ...(step.from.includes('final') ? [{ status: { $exists: false } }] : []),
    ],
  };
  const { objection, ...fields } = step.set;
  const update = {
    $set: { ...fields, status: step.status, ...(objection ? { objection: { ...objection, at, by } } : {}) },
    $push: { history: { status: step.status, at, by, reason: step.reason } },
  };
  const res = await Credit.updateOne(filter as never, update as never, session ? { session } : {});
  if (res.matchedCount === 0)
    throw new DomainError('conflict', 'The entry changed meanwhile; reload it.', { code: 'creditChanged' });
}
