import type { Connection } from 'mongoose';
import { isStaff } from '../../shared/machine/caseActors.js';
import { normalizePartyName } from '../../shared/intake/intakeChecks.js';
import { actorOf, type AuthUser } from '../auth/authUser.js';
import type { CaseStore } from '../cases/caseStore.js';
import { DomainError } from '../errors/domainError.js';
import { applyCreditStep, CREDIT_DECIDED, CREDIT_OBJECTED, type CreditStep } from './applyCreditStep.js';
import { creditEntryModel, type CreditEntryDoc } from './creditEntryModel.js';
import type { CreditDecisionInput, CreditRegisterQuery } from './creditQuery.js';
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
  /** Staff's register: every entry or those of one status, newest first, a page (403 for others). */
  register(
    user: AuthUser,
    query: CreditRegisterQuery,
  ): Promise<{ items: CreditEntryDoc[]; page: number; limit: number; total: number }>;
  /** One entry, for its listed party or staff (404 for anyone else). */
  get(id: string, user: AuthUser): Promise<CreditEntryDoc>;
  /** The listed party objects within the objection period (`creditObjection` clock). */
  object(id: string, user: AuthUser, reason: string): Promise<CreditEntryDoc>;
  /** Staff decide an objection: keep, correct or remove the entry, with a reason. */
  decide(id: string, user: AuthUser, input: CreditDecisionInput): Promise<CreditEntryDoc>;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Builds the credit register service; `now` is the clock the periods are read against. */
export function createCreditService(
  db: Connection,
  now: () => Date = () => new Date(),
  /** With the case store, each step is an event on the entry's source case. */
  store?: CaseStore,
): CreditService {
  const Credit = creditEntryModel(db);

  async function load(id: string, user: AuthUser): Promise<CreditEntryDoc> {
    const entry = await Credit.findById(id).lean<CreditEntryDoc>();
    const isParty = entry?.partyId != null && entry.partyId === user.id;
    if (!entry || !(isParty || isStaff({ id: user.id, role: user.role }))) {
      throw new DomainError('notFound', 'No such credit-register entry.', { code: 'creditNotFound' });
    }
    return entry;
  }

  /**
   * Takes a step of the objection procedure: recorded on the source case as an event (its timeline
   * shows it), the entry changing in the same transaction; without a case store, on the entry alone.
   */
  async function step(entry: CreditEntryDoc, user: AuthUser, type: string, taken: CreditStep) {
    // entries from before the register knew its cases (no `caseId`) change on the entry alone
    if (store && entry.caseId) {
      await store.record(entry.caseId, actorOf(user), type, taken as unknown as Record<string, unknown>);
    } else {
      await applyCreditStep(Credit, taken, now(), user.id);
    }
    return (await Credit.findById(entry._id).lean<CreditEntryDoc>()) as CreditEntryDoc;
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

    async register(user, query) {
      if (!isStaff({ id: user.id, role: user.role })) {
        throw new DomainError('forbidden', 'Only staff see the credit register.', {
          code: 'creditOnlyStaff',
        });
      }
      // by the {status, date} index, or the {date} index for every status (a range, so it is walked)
      const filter = query.status ? { status: query.status } : { date: { $gt: new Date(0) } };
      const sort: Record<string, 1 | -1> = query.status ? { date: -1 } : { date: -1, _id: 1 };
      const [items, total] = await Promise.all([
        Credit.find(filter)
          .sort(sort)
          .skip((query.page - 1) * query.limit)
          .limit(query.limit)
          .lean<CreditEntryDoc[]>(),
        Credit.countDocuments(filter),
      ]);
      return { items, page: query.page, limit: query.limit, total };
    },

    get: load,

    async object(id, user, reason) {
      const entry = await load(id, user);
      if (entry.partyId !== user.id)
        throw new DomainError('forbidden', 'Only the listed party may object.', { code: 'creditOnlyParty' });
      const status = statusOf(entry);
      if (status !== 'final' && status !== 'corrected') {
        throw new DomainError('conflict', `An entry that is ${status} cannot be objected to.`, {
          code: 'creditNotObjectable',
        });
      }
      if (!entry.objectionDueAt || now() > new Date(entry.objectionDueAt)) {
        throw new DomainError('conflict', 'The objection period is over.', { code: 'objectionPeriodOver' });
      }
      return step(entry, user, CREDIT_OBJECTED, {
        entryId: entry._id,
        from: [status],
        status: 'objected',
        reason,
        set: { objection: { reason } },
      });
    },

    async decide(id, user, input) {
      if (!isStaff({ id: user.id, role: user.role })) {
        throw new DomainError('forbidden', 'Only staff decide objections.', { code: 'creditOnlyStaff' });
      }
      if ((input.decision === 'correct') !== (input.correction !== undefined)) {
        throw new DomainError(
          'invalid',
          'A correction needs the corrected fields, and only a correction has them.',
          { code: 'creditCorrectionFields' },
        );
      }
      const entry = await load(id, user);
      if (statusOf(entry) !== 'objected') {
        throw new DomainError('conflict', 'Only an entry under objection can be decided.', {
          code: 'creditNotUnderObjection',
        });
      }
      const decided = (status: CreditStep['status'], set: CreditStep['set']) =>
        step(entry, user, CREDIT_DECIDED, {
          entryId: entry._id,
          from: ['objected'],
          status,
          decision: input.decision,
          reason: input.reason,
          set,
        });
      if (input.decision === 'keep') return decided('final', {});
      if (input.decision === 'remove') return decided('removed', { listed: false });
      const fix = input.correction ?? {};
      return decided('corrected', {
        ...(fix.name ? { name: fix.name, nameKey: normalizePartyName(fix.name) } : {}),
        ...(fix.rightNumber ? { rightNumber: fix.rightNumber } : {}),
      });
    },
  };
}
