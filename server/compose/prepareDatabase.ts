import type { Connection, Model } from 'mongoose';
import { passwordResetModel } from '../accounts/passwordResetModel.js';
import { auditEventModel } from '../audit/auditEventModel.js';
import { caseEventModel } from '../cases/caseEventModel.js';
import { caseModel } from '../cases/caseModel.js';
import { caseSearchModel } from '../cases/caseSearchModel.js';
import { caseNumberModel } from '../cases/caseNumbers.js';
import { caseTallyModel } from '../cases/caseTallies.js';
import { idempotencyKeyModel } from '../cases/idempotencyKeys.js';
import { mediatorConflictModel } from '../cases/mediatorConflictModel.js';
import { creditEntryModel } from '../credit/creditEntryModel.js';
import { clockRunModel } from '../clocks/clockRunModel.js';
import { documentJobModel } from '../documents/documentJobModel.js';
import { invitationModel } from '../invitations/invitationModel.js';
import { mailOutboxModel } from '../mail/mailOutboxModel.js';
import { messageModel } from '../messages/messageModel.js';
import { notificationModel } from '../notifications/notificationModel.js';
import { orgModel } from '../orgs/orgModel.js';
import { supervisionReportModel } from '../public/supervisionReportModel.js';
import { staffInvitationModel } from '../users/staffInvitationModel.js';
import { userModel } from '../users/userModel.js';

/** MongoDB's "collection already exists". */
const NAMESPACE_EXISTS = 48;

/** Every model Sevenfold keeps, registered on the connection. */
export function sevenfoldModels(db: Connection): Model<never>[] {
  return [
    auditEventModel(db),
    caseEventModel(db),
    caseModel(db),
    caseSearchModel(db),
    caseNumberModel(db),
    caseTallyModel(db),
    idempotencyKeyModel(db),
    mediatorConflictModel(db),
    creditEntryModel(db),
    clockRunModel(db),
    documentJobModel(db),
    invitationModel(db),
    mailOutboxModel(db),
    messageModel(db),
    notificationModel(db),
    orgModel(db),
    passwordResetModel(db),
    staffInvitationModel(db),
    supervisionReportModel(db),
    userModel(db),
  ] as unknown as Model<never>[];
}

/**
 * Creates every collection and its declared indexes, one after another, before anything writes
 * (start-up, maintenance scripts, each test database). Repeating it is harmless.
 */
export async function prepareDatabase(db: Connection): Promise<void> {
  for (const model of sevenfoldModels(db)) {
    try {
      await model.createCollection();
    } catch (err) {
      if ((err as { code?: unknown }).code !== NAMESPACE_EXISTS) throw err;
    }
    await model.createIndexes();
  }
}
