import type { Connection } from 'mongoose';
import type { IntakeSources } from '../cases/fileComplaint.js';
import { creditRecordOf } from '../credit/creditRecordOf.js';
import { respondentAccountId } from '../users/respondentAccountId.js';

/** What intake reads from the credit register and the accounts, on a connection. */
export function intakeSources(db: Connection): IntakeSources {
  return {
    creditRecordOf: (name) => creditRecordOf(db, name),
    respondentAccountId: (email) => respondentAccountId(db, email),
  };
}
