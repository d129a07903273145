import type { Connection } from 'mongoose';
import { isStaff } from '../../shared/case/caseActors.js';
import { normalizePartyName } from '../../shared/case/intakeChecks.js';
import type { AuthUser } from '../auth/authUser.js';
import { DomainError } from '../errors/domainError.js';
import { creditEntryModel, type CreditEntryDoc } from './creditEntryModel.js';
import type { CreditDecisionInput } from './creditQuery.js';
import { PUBLIC_STATUSES, statusOf } from './creditRules.js';

/** Most entries one search returns. */
export const CREDIT_SEARCH_LIMIT = 100;

/** The credit register: public search, the listed party's objection, staff's decision. */
export interface CreditService {
  /**
   * Public entries (listed, `final`, `objected` or `corrected`, within their disclosure period)
   * whose normalised name equals that of `name` (`normalizePartyName`), and, when `name` has at
   * least 2 characters, whose name contains it (case-insensitive); newest first.
   */
  search(name: string): Promise<CreditEntryDoc[]>;
  /** One entry, for its listed party or staff (404 for anyone else). */
  get(id: string, user: AuthUser): Promise<CreditEntryDoc>;
  /** The listed party objects within the objection period (`creditObjection` clock). */
  object(id: string, user: AuthUser, reason: string): Promise<CreditEntryDoc>;
  /** Staff decide an objection: keep, correct or remove the entry, with a reason. */
  decide(id: string, user: AuthUser, input: CreditDecisionInput): Promise<CreditEntryDoc>;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Builds the credit register service; `now` is the clock the periods are read against. */
export function createCreditService(db: Connection, now: () => Date = () => new Date()): CreditService {
  const Credit = creditEntryModel(db);

  async function load(id: string, user: AuthUser): Promise<CreditEntryDoc> {
    const entry = await Credit.findById(id).lean<CreditEntryDoc>();
    const isParty = entry?.partyId != null && entry.partyId === user.id;
    if (!entry || !(isParty || isStaff({ id: user.id, role: user.role }))) {
      throw new DomainError('notFound', 'No such credit-register entry.');
    }
    return entry;
  }

  async function change(
    entry: CreditEntryDoc,
    from: readonly string[],
    set: Partial<CreditEntryDoc>,
    history: { status: string; by: string; reason: string },
  ): Promise<CreditEntryDoc> {
    const at = now();
    const filter: Record<string, unknown> = { _id: entry._id };
    // an entry without a status is a final one written before statuses existed
    filter.$or = [
      { status: { $in: from } },
      ...(from.includes('final') ? [{ status: { $exists: false } }] : []),
    ];
    const update: Record<string, unknown> = { $set: set, $push: { history: { ...history, at } } };
    const updated = await Credit.findOneAndUpdate(filter as never, update as never, {
      new: true,
    }).lean<CreditEntryDoc>();
    if (!updated) throw new DomainError('conflict', 'The entry changed meanwhile; reload it.');
    return updated;
  }

  return {
    async search(name) {
      const anyOf: Record<string, unknown>[] = [];
      const key = normalizePartyName(name);
      if (key) anyOf.push({ nameKey: key });
      if ([...name].length >= 2) anyOf.push({ name: { $regex: escapeRegex(name), $options: 'i' } });
      if (anyOf.length === 0) return [];
      return Credit.find({
        $and: [
          { $or: anyOf },
          { listed: { $ne: false } },
          { $or: [{ status: { $exists: false } }, { status: { $in: PUBLIC_STATUSES } }] },
          { $or: [{ removeAfter: null }, { removeAfter: { $gt: now() } }] },
        ],
      })
        .sort({ date: -1, _id: 1 })
        .limit(CREDIT_SEARCH_LIMIT)
        .lean<CreditEntryDoc[]>();
    },

    get: load,

    async object(id, user, reason) {
      const entry = await load(id, user);
      if (entry.partyId !== user.id) throw new DomainError('forbidden', 'Only the listed party may object.');
      const status = statusOf(entry);
      if (status !== 'final' && status !== 'corrected') {
        throw new DomainError('conflict', `An entry that is ${status} cannot be objected to.`);
      }
      if (!entry.objectionDueAt || now() > new Date(entry.objectionDueAt)) {
        throw new DomainError('conflict', 'The objection period is over.', { code: 'objectionPeriodOver' });
      }
      return change(
        entry,
        [status],
        { status: 'objected', objection: { reason, at: now(), by: user.id } },
        { status: 'objected', by: user.id, reason },
      );
    },

    async decide(id, user, input) {
      if (!isStaff({ id: user.id, role: user.role })) {
        throw new DomainError('forbidden', 'Only staff decide objections.');
      }
      if ((input.decision === 'correct') !== (input.correction !== undefined)) {
        throw new DomainError(
          'invalid',
          'A correction needs the corrected fields, and only a correction has them.',
        );
      }
      const entry = await load(id, user);
      if (statusOf(entry) !== 'objected') {
        throw new DomainError('conflict', 'Only an entry under objection can be decided.');
      }
      const by = user.id;
      if (input.decision === 'keep') {
        return change(
          entry,
          ['objected'],
          { status: 'final' },
          { status: 'final', by, reason: input.reason },
        );
      }
      if (input.decision === 'remove') {
        return change(
          entry,
          ['objected'],
          { status: 'removed', listed: false },
          { status: 'removed', by, reason: input.reason },
        );
      }
      const fix = input.correction ?? {};
      return change(
        entry,
        ['objected'],
        {
          status: 'corrected',
          ...(fix.name ? { name: fix.name, nameKey: normalizePartyName(fix.name) } : {}),
          ...(fix.rightNumber ? { rightNumber: fix.rightNumber } : {}),
        },
        { status: 'corrected', by, reason: input.reason },
      );
    },
  };
}
