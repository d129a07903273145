import { GridFSBucket } from 'mongodb';
import type { Connection } from 'mongoose';

/** The GridFS bucket `documents` (generated PDFs; the `DOCUMENT_ISSUED` events are their record). */
export function documentBucket(db: Connection): GridFSBucket {
  if (!db.db) throw new Error('documentBucket: the database connection is not open');
  return new GridFSBucket(db.db, { bucketName: 'documents' });
}
