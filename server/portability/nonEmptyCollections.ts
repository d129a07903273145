import type { Connection } from 'mongoose';
import { nativeDb } from './nativeDb.js';

/** The collections of the database that hold at least one document (system collections aside), sorted. */
export async function nonEmptyCollections(db: Connection): Promise<string[]> {
  const native = nativeDb(db);
  const names = (await native.listCollections({}, { nameOnly: true }).toArray())
    .map((c) => c.name)
    .filter((name) => !name.startsWith('system.'))
    .sort();
  const found: string[] = [];
  for (const name of names) {
    if (await native.collection(name).findOne({}, { projection: { _id: 1 } })) found.push(name);
  }
  return found;
}
