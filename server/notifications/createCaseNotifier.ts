import { orgMembers, userById } from '../users/userLookups.js';
import type { ClientSession } from 'mongodb';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { NotificationView } from '../../shared/notifications/notificationView.js';
import type { CaseEventDoc } from '../cases/caseEventModel.js';
import type { CaseDoc } from '../cases/caseModel.js';
import type { MailOutbox } from '../mail/createMailOutbox.js';
import { sessionInvite } from '../calendar/sessionInvite.js';
import type { MailAttachment } from '../mail/outgoingMail.js';
import { type UserDoc } from '../users/userModel.js';
import { notificationModel, type NotificationDoc } from './notificationModel.js';
import { planNotifications } from './planNotifications.js';
import { presentNotification } from './presentNotification.js';

/** Writes a case event's notifications (in-app and e-mail) in its commit and announces them after it. */
export interface CaseNotifier {
  /**
   * Inside the event's transaction: one notification per recipient and occasion, and its mail in the
   * outbox unless the recipient turned that kind off. Both are keyed by the occasion, so a repeat is a no-op.
   */
  inCommit(
    session: ClientSession | undefined,
    event: CaseEventDoc,
    caseDoc: CaseDoc,
    previous: CaseDoc | undefined,
  ): Promise<void>;
  /** After the event is published: tells the listeners about the notifications it wrote. */
  published(event: CaseEventDoc): void;
  /** Calls `listener` with each new notification once its event is committed (the live push). */
  onCreated(listener: (userId: string, view: NotificationView) => void): void;
}

/** Most officers of one organisation told about one occasion. */
const MAX_OFFICERS = 50;
/** Events whose notifications were written but whose publish has not come yet (aborted commits age out). */
const MAX_WAITING = 1000;

/** Builds the notifier over a connection and the mail outbox. */
export function createCaseNotifier(deps: {
  db: Connection;
  outbox: MailOutbox;
  logger: Pick<Logger, 'warn'>;
}): CaseNotifier {
  const Notifications = notificationModel(deps.db);
  const waiting = new Map<string, NotificationDoc[]>();
  const listeners: ((userId: string, view: NotificationView) => void)[] = [];

  async function recipients(
    to: { userId: string } | { officersOf: string },
    session: ClientSession | undefined,
  ): Promise<UserDoc[]> {
    if ('userId' in to) {
      const user = await userById(deps.db, to.userId, undefined, session);
      return user ? [user] : [];
    }
    // by the {orgId} index, then the officers among them
    const members = await orgMembers(deps.db, to.officersOf, { limit: 500, ...(session ? { session } : {}) });
    return members.filter((u) => u.role === 'officer').slice(0, MAX_OFFICERS);
  }

  return {
    async inCommit(session, event, caseDoc, previous) {
      const planned = planNotifications(event, caseDoc, previous);
      if (planned.length === 0) return;
      const written: NotificationDoc[] = [];
      const seen = new Set<string>();
      for (const plan of planned) {
        for (const user of await recipients(plan.to, session)) {
          if (!user.active) continue;
          const id = `${caseDoc._id}:${event.seq}:${plan.kind}:${user._id}`;
          if (seen.has(id)) continue;
          seen.add(id);
          const doc: NotificationDoc = {
            _id: id,
            userId: user._id,
            kind: plan.kind,
            caseId: caseDoc._id,
            caseNo: caseDoc.caseNo,
            title: caseDoc.title,
            data: plan.data,
            createdAt: new Date(event.at),
            readAt: null,
            read: false,
          };
          const { _id, ...fields } = doc;
          const res = await Notifications.collection.updateOne(
            { _id } as never,
            { $setOnInsert: fields },
            { upsert: true, ...(session ? { session } : {}) },
          );
          if (res.upsertedCount === 1) written.push(doc);
          if ((user.mailOff ?? []).includes(plan.kind)) continue;
          await deps.outbox.enqueue(
            {
              to: user.email,
              locale: user.language ?? 'zh-CN',
              template: plan.kind,
              data: {
                ...plan.data,
                caseId: caseDoc._id,
                caseNo: caseDoc.caseNo,
                title: caseDoc.title,
                name: user.name,
              },
              dedupeKey: id,
              userId: user._id,
              caseId: caseDoc._id,
              ...(plan.kind === 'sessionScheduled'
                ? { attachments: [sessionAttachment(caseDoc, plan.data, user.language ?? 'zh-CN')] }
                : {}),
            },
            session ? { session } : {},
          );
        }
      }
      if (written.length === 0) return;
      // a retried transaction writes the same ids again: the last attempt's list is the one that counts
      waiting.set(event._id, written);
      if (waiting.size > MAX_WAITING) waiting.delete(waiting.keys().next().value as string);
    },
    published(event) {
      const written = waiting.get(event._id);
      if (!written) return;
      waiting.delete(event._id);
      for (const doc of written) {
        const view = presentNotification(doc);
        for (const listener of listeners) {
          try {
            listener(doc.userId, view);
          } catch (err) {
            deps.logger.warn({ err }, 'a notification listener failed');
          }
        }
      }
    },
    onCreated(listener) {
      listeners.push(listener);
    },
  };
}

/** The `.ics` invitation of a scheduled session, in the recipient's language, as a mail attachment. */
function sessionAttachment(
  caseDoc: CaseDoc,
  data: Record<string, unknown>,
  lang: 'zh-CN' | 'en',
): MailAttachment {
  const seq = Number(data.seq);
  return {
    filename: `${caseDoc.caseNo}-${data.hearing === true ? 'hearing' : 'session'}-${seq}.ics`,
    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    content: sessionInvite({
      caseId: caseDoc._id,
      caseNo: caseDoc.caseNo,
      title: caseDoc.title,
      seq,
      sessionAt: String(data.sessionAt),
      note: typeof data.note === 'string' ? data.note : undefined,
      hearing: data.hearing === true,
      lang,
    }),
  };
}
