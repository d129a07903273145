import type { Connection } from 'mongoose';
import { mailOutboxModel, type MailOutboxDoc } from './mailOutboxModel.js';

/** The delivery state of these mails of the outbox (by id), as far as they exist. */
export async function mailStates(
  db: Connection,
  ids: string[],
): Promise<Pick<MailOutboxDoc, '_id' | 'state' | 'sentAt'>[]> {
  if (ids.length === 0) return [];
  return mailOutboxModel(db)
    .find({ _id: { $in: ids } }, { state: 1, sentAt: 1 })
    .lean<Pick<MailOutboxDoc, '_id' | 'state' | 'sentAt'>[]>();
}
