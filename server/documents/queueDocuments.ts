import type { Connection } from 'mongoose';
import type { ClientSession } from 'mongodb';
import type { CaseEventDoc } from '../cases/caseEventModel.js';
import type { CaseDoc } from '../cases/caseModel.js';
import { DOCUMENT_LANGS, documentIdOf, documentJobIdOf } from '../../shared/documents/documentKinds.js';
import { documentJobModel } from './documentJobModel.js';
import { documentsForEvent } from './documentsForEvent.js';

/**
 * Inside the event's transaction: one job per document the event calls for, in each language. An
 * upsert on the job's id, so a repair running it again adds nothing. Returns how many it queued.
 */
export async function queueDocuments(
  db: Connection,
  event: CaseEventDoc,
  caseDoc: CaseDoc,
  session?: ClientSession,
): Promise<number> {
  const Jobs = documentJobModel(db);
  const kinds = documentsForEvent(event, caseDoc);
  for (const kind of kinds) {
    for (const lang of DOCUMENT_LANGS) {
      const _id = documentJobIdOf(event.caseId, documentIdOf(event.seq, kind, lang));
      await Jobs.updateOne(
        { _id },
        {
          $setOnInsert: {
            caseId: event.caseId,
            sourceSeq: event.seq,
            kind,
            lang,
            pending: true,
            attempts: 0,
            claimedUntil: new Date(0),
            createdAt: event.at,
          },
        },
        { upsert: true, ...(session ? { session } : {}) },
      );
    }
  }
  return kinds.length * DOCUMENT_LANGS.length;
}
