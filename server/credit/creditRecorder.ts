/**
 * What a case event does to the credit register, inside the event's transaction (`caseEffects.ts`):
 * a judgment finding infringement records a `pendingAppeal` entry (not public); the appeal window
 * passing makes it `final`, an appeal `removed`; an administrative decision enters `final` when the
 * case is decided; a remedy not complied with enters as `nonCompliance` when the decision is
 * publishable — a natural person only from the second time. A final, listed entry is then notified
 * to the party by a `CREDIT_LISTED` record event on its source case (a follow-up), which opens the
 * objection period (`creditObjection` clock).
 */
import type { ClientSession } from 'mongodb';
import type { Connection } from 'mongoose';
import type { CaseContext } from '../../shared/machine/caseContext.js';
import { computeDueAt } from '../../shared/time/clocks.js';
import { APPEAL_CLOCKS } from '../../shared/machine/rules/courtRules.js';
import type { CaseEventDoc } from '../cases/caseEventModel.js';
import type { CaseDoc } from '../cases/caseModel.js';
import { applyCreditStep, CREDIT_DECIDED, CREDIT_OBJECTED, type CreditStep } from './applyCreditStep.js';
import { creditEntryModel, type CreditEntryDoc } from './creditEntryModel.js';
import { PENDING_APPEAL_BASIS, publicationBasis } from './creditRules.js';

/** Record type: the listed party is notified of a credit-register entry on the source case. */
export const CREDIT_LISTED = 'CREDIT_LISTED';

const contextOf = (caseDoc: CaseDoc) => (caseDoc.snapshot as { context: CaseContext }).context;
const opts = (session?: ClientSession) => (session ? { session } : {});

/** The end of the disclosure period of an entry published at `at`. */
export function disclosureEnds(at: Date): Date {
  return new Date(computeDueAt('creditDisclosure', at));
}

/** The credit register's side of case events. */
export interface CreditRecorder {
  /** Inside the event's transaction: create or move entries. Idempotent. */
  onCommit(session: ClientSession | undefined, caseDoc: CaseDoc, event?: CaseEventDoc): Promise<void>;
  /** Whether the event may have made an entry final (so a notification may follow). */
  mayNotify(caseDoc: CaseDoc, event?: CaseEventDoc): boolean;
  /** The notification follow-up of a final, listed, not yet notified entry of the case, if any. */
  nextNotice(caseDoc: CaseDoc): Promise<Record<string, unknown> | undefined>;
}

/** Builds the credit recorder on a connection. */
export function createCreditRecorder(db: Connection): CreditRecorder {
  const Credit = creditEntryModel(db);

  const base = (caseDoc: CaseDoc, at: Date): Omit<CreditEntryDoc, '_id' | 'decision' | 'status'> => ({
    caseId: caseDoc._id,
    caseNo: caseDoc.caseNo,
    name: caseDoc.respondentName,
    nameKey: caseDoc.respondentKey,
    partyType: caseDoc.complaint.respondent.type,
    partyId: caseDoc.respondentId,
    rightNumber: caseDoc.rightNumbers.join(', '),
    ipType: caseDoc.ipType,
    channel: caseDoc.channel,
    date: at,
    listed: true,
    notifiedAt: null,
    objectionDueAt: null,
    objection: null,
  });

  async function insertOnce(doc: CreditEntryDoc, session?: ClientSession): Promise<void> {
    const { _id, ...fields } = doc;
    await Credit.updateOne({ _id }, { $setOnInsert: fields }, { upsert: true, ...opts(session) });
  }

  async function onCommit(session: ClientSession | undefined, caseDoc: CaseDoc, event?: CaseEventDoc) {
    if (event && event.kind !== 'transition') {
      if (event.type === CREDIT_OBJECTED || event.type === CREDIT_DECIDED) {
        await applyCreditStep(Credit, event.data as unknown as CreditStep, event.at, event.actor.id, session);
        return;
      }
      if (event.type === CREDIT_LISTED && typeof event.data.entryId === 'string') {
        await Credit.updateOne(
          { _id: event.data.entryId, notifiedAt: null },
          { $set: { notifiedAt: event.at, objectionDueAt: new Date(String(event.data.objectionDueAt)) } },
          opts(session),
        );
      }
      return;
    }
    const context = contextOf(caseDoc);
    const at = event?.at ?? caseDoc.updatedAt;
    const by = event?.actor.id ?? 'system';
    if (event?.type === 'RENDER_JUDGMENT' && context.outcome?.infringementFound) {
      await insertOnce(
        {
          _id: caseDoc._id,
          ...base(caseDoc, at),
          decision: 'infringement:judged',
          legalBasis: PENDING_APPEAL_BASIS,
          status: 'pendingAppeal',
          history: [{ status: 'pendingAppeal', at, by, reason: 'judgment rendered' }],
        },
        session,
      );
    }
    if (event?.type === 'APPEAL') {
      await Credit.updateOne(
        { _id: caseDoc._id, status: 'pendingAppeal' },
        {
          $set: { status: 'removed', listed: false },
          $push: { history: { status: 'removed', at, by, reason: 'appealed: the judgment is not final' } },
        },
        opts(session),
      );
    }
    const basis = publicationBasis(context);
    if (basis && caseDoc.status !== 'inChannel') {
      await Credit.updateOne(
        { _id: caseDoc._id, status: 'pendingAppeal' },
        {
          $set: { status: 'final', legalBasis: basis, date: at, removeAfter: disclosureEnds(at) },
          $push: { history: { status: 'final', at, by, reason: 'the decision is final' } },
        },
        opts(session),
      );
      await insertOnce(
        {
          _id: caseDoc._id,
          ...base(caseDoc, at),
          decision: `infringement:${context.outcome?.kind ?? 'decided'}`,
          legalBasis: basis,
          status: 'final',
          removeAfter: disclosureEnds(at),
          history: [{ status: 'final', at, by, reason: 'the decision is final' }],
        },
        session,
      );
    }
    if (event?.type === 'RECORD_COMPLIANCE' && event.data.complied === false && basis) {
      // a natural person is listed for repeated non-compliance only, never for a single one
      const individual = caseDoc.complaint.respondent.type === 'individual';
      const earlier = individual
        ? await Credit.countDocuments(
            { nameKey: caseDoc.respondentKey, decision: 'nonCompliance', caseId: { $ne: caseDoc._id } },
            opts(session),
          )
        : 0;
      const listed = !individual || earlier > 0;
      await insertOnce(
        {
          _id: `${caseDoc._id}:nonCompliance`,
          ...base(caseDoc, at),
          listed,
          decision: 'nonCompliance',
          legalBasis: `${basis}; the remedy ordered was not complied with`,
          status: 'final',
          removeAfter: disclosureEnds(at),
          history: [
            {
              status: 'final',
              at,
              by,
              reason: listed
                ? 'not complied with'
                : 'first non-compliance of a natural person: recorded, not listed',
            },
          ],
        },
        session,
      );
    }
  }

  return {
    onCommit,
    mayNotify(caseDoc, event) {
      if (!event) return false;
      if (event.kind !== 'transition') return false;
      const clock = event.type === 'DEADLINE' ? String(event.data.clock) : '';
      return (
        (APPEAL_CLOCKS as readonly string[]).includes(clock) ||
        (event.type === 'RECORD_COMPLIANCE' && event.data.complied === false) ||
        (caseDoc.status === 'closed' && contextOf(caseDoc).outcome?.infringementFound === true) ||
        event.type === 'DETERMINE'
      );
    },
    async nextNotice(caseDoc) {
      const entry = await Credit.findOne({
        caseId: caseDoc._id,
        status: 'final',
        listed: true,
        notifiedAt: null,
      }).lean<CreditEntryDoc>();
      if (!entry) return undefined;
      return {
        entryId: entry._id,
        decision: entry.decision,
        legalBasis: entry.legalBasis,
        objectionDueAt: computeDueAt('creditObjection', caseDoc.updatedAt),
      };
    },
  };
}
