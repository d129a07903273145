import type { Db } from 'mongodb';
import type { Connection } from 'mongoose';

/** The driver's database of an open Mongoose connection (exports and imports use the driver directly). */
export function nativeDb(db: Connection): Db {
  if (!db.db) throw new Error('the database connection is not open');
  return db.db;
}
