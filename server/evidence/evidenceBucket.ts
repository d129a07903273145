import { GridFSBucket } from 'mongodb';
import type { Connection } from 'mongoose';

/** Metadata stored with each evidence file in `evidence.files` (the event log is the record of truth). */
export interface EvidenceFileMetadata {
  caseId: string;
  contentType: string;
  uploadedBy: string;
}

/** The GridFS bucket `evidence` (collections `evidence.files` and `evidence.chunks`). */
export function evidenceBucket(db: Connection): GridFSBucket {
  if (!db.db) throw new Error('evidenceBucket: the database connection is not open');
  return new GridFSBucket(db.db, { bucketName: 'evidence' });
}

/** Removes an evidence file and any of its chunks; a file that is not (or no longer) there is fine. */
export async function discardEvidenceFile(bucket: GridFSBucket, id: Parameters<GridFSBucket['delete']>[0]) {
  await bucket.delete(id).catch(() => undefined);
}
