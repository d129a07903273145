import type { Collection, Document, MongoClient } from 'mongodb';

/**
 * The writes of one RECORD_SESSION on a case copy, as the store makes them, in ONE transaction: a copy
 * of `event` inserted into `events` as `<copyId>:<seq>`, and the session pushed onto the copy `copyId`
 * in `cases` (with its seq, hash and time). The benchmarks' "same writes" floors, on Sevenfold's own
 * collections or on copies indexed like them.
 */
export async function recordSessionWrites(
  client: MongoClient,
  events: Collection,
  cases: Collection,
  event: Document,
  copyId: string,
  seq: number,
): Promise<void> {
  const session = client.startSession();
  try {
    await session.withTransaction(async () => {
      await events.insertOne(
        { ...event, _id: `${copyId}:${seq}` as never, caseId: copyId, seq },
        { session },
      );
      await cases.updateOne(
        { _id: copyId as never },
        {
          $set: { seq, lastHash: `${seq}`.padStart(64, '0'), updatedAt: new Date() },
          $push: { 'snapshot.context.sessions': { at: new Date().toISOString(), notes: `floor ${seq}` } },
        } as never,
        { session },
      );
    });
  } finally {
    await session.endSession();
  }
}
