/**
 * The contract between the case store and what an appended event causes (built in
 * `server/effects/createCaseEffects.ts` and handed to the store by the composition root).
 */
import type { ClientSession } from 'mongodb';
import type { CaseAction } from '../../shared/case/caseEvents.js';
import type { CaseEventDoc } from './caseEventModel.js';
import type { CaseDoc } from './caseModel.js';
import type { AlsoWrite } from './caseStore.js';

/** An event just appended (or, without `event`, a case being repaired) and what it left behind. */
export interface Committed {
  event?: CaseEventDoc | undefined;
  caseDoc: CaseDoc;
  /** The clocks the case ran before the event; without them every stored deadline is checked. */
  previousClocks?: CaseDoc['clocks'] | undefined;
  /** Where the case was before the event (none for a new case). */
  previous?: CaseDoc | undefined;
}

/**
 * An event the platform appends because of another one (always after it, by the system actor); a
 * record may bring `alsoWrite`, committed with it (an invitation and its mail).
 */
export type FollowUp =
  | { kind: 'record'; type: string; data: Record<string, unknown>; alsoWrite?: AlsoWrite }
  | { kind: 'transition'; action: CaseAction };

/** The follow-ups there are, in the order they are considered. */
export type FollowUpKind = 'organisation' | 'court' | 'mediator' | 'creditNotice' | 'invitation';

/**
 * What an appended event causes besides its own insert and projection. `inCommit` writes inside the
 * event's transaction what follows from it alone (so it commits or fails with the event); follow-ups
 * are new events that need a choice read from other data (an organisation, a court, a mediator) and
 * are appended after the event, each in its own commit.
 */
export interface CaseEffects {
  /**
   * Inside the event's transaction: stored clocks follow the machine's clocks; a declared conflict is
   * remembered; the credit register follows publishable final decisions (`creditRecorder.ts`); the
   * documents the event calls for are queued (`server/documents/queueDocuments.ts`).
   * people concerned are notified (`server/notifications/`, in the app and by e-mail).
   * Idempotent, so a repair may run it again.
   */
  inCommit(session: ClientSession | undefined, committed: Committed): Promise<void>;
  /**
   * Whether the event may call for a follow-up (pure: read from the case and the event). Only such
   * commits mark the case pending until their follow-ups are appended.
   */
  mayFollowUp(caseDoc: CaseDoc, event?: CaseEventDoc): boolean;
  /**
   * The next follow-up of `cause` for the case as it is now, considering each kind once (`tried`
   * collects them); undefined when nothing (more) is to be done.
   */
  nextFollowUp(
    caseDoc: CaseDoc,
    cause: CaseEventDoc | undefined,
    tried: Set<FollowUpKind>,
  ): Promise<FollowUp | undefined>;
}
