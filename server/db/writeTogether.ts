import {
  MongoClientBulkWriteError,
  MongoError,
  type AnyClientBulkWriteModel,
  type ClientSession,
  type Document,
  type MongoClient,
} from 'mongodb';

/** One write of a {@link writeTogether} batch: an insert, or an update of one document by its filter. */
export type TogetherWrite =
  | { namespace: string; name: 'insertOne'; document: Document }
  | { namespace: string; name: 'updateOne'; filter: Document; update: Document; upsert?: boolean };

/** What each write of a batch did, by its index (updates and upserts; inserts are not reported). */
export interface TogetherResult {
  matched(index: number): number;
}

/** The first server version with the multi-collection `bulkWrite` command (MongoDB 8.0, wire 25). */
const CLIENT_BULK_WRITE_WIRE_VERSION = 25;

/** Whether the server takes several collections' writes in one command; asked once per client. */
const supportByClient = new WeakMap<MongoClient, Promise<boolean>>();

function supportsClientBulkWrite(client: MongoClient): Promise<boolean> {
  let known = supportByClient.get(client);
  if (!known) {
    known = client
      .db('admin')
      .command({ hello: 1 })
      .then((hello) => Number(hello.maxWireVersion) >= CLIENT_BULK_WRITE_WIRE_VERSION)
      .catch(() => {
        supportByClient.delete(client);
        return false;
      });
    supportByClient.set(client, known);
  }
  return known;
}

/**
 * A write of the batch refused by the server (say a duplicate key), with the index of that write in
 * the batch and the server's own error (`code`, `keyValue`) as its cause.
 */
export class TogetherWriteError extends Error {
  override name = 'TogetherWriteError';
  readonly code: number | undefined;
  readonly keyValue: Record<string, unknown> | undefined;
  constructor(
    readonly index: number,
    cause: { code?: unknown; message: string; keyValue?: Record<string, unknown> },
  ) {
    super(cause.message, { cause });
    this.code = typeof cause.code === 'number' ? cause.code : undefined;
    this.keyValue = cause.keyValue;
  }
}

/**
 * Runs writes on several collections in order, inside `session`'s transaction, in ONE round trip
 * where the server has the multi-collection `bulkWrite` command (MongoDB 8.0+, SecantusDB), else one
 * write after another. Either way the first refused write stops the rest and throws a
 * {@link TogetherWriteError} naming its index; a conflict with another transaction is thrown as the
 * server's transient error, so `withTransaction` runs the transaction again (the driver wraps it in
 * its bulk write error and drops the label that says so).
 */
export async function writeTogether(
  client: MongoClient,
  session: ClientSession,
  writes: TogetherWrite[],
): Promise<TogetherResult> {
  if (await supportsClientBulkWrite(client)) {
    try {
      const result = await client.bulkWrite(writes as AnyClientBulkWriteModel<Document>[], {
        session,
        ordered: true,
        verboseResults: true,
      });
      return { matched: (i) => result.updateResults?.get(i)?.matchedCount ?? 0 };
    } catch (err) {
      if (!(err instanceof MongoClientBulkWriteError)) throw err;
      if (err.cause instanceof MongoError && err.cause.hasErrorLabel('TransientTransactionError'))
        throw err.cause;
      const [first] = [...err.writeErrors.entries()].sort(([a], [b]) => a - b);
      if (first) {
        const [index, e] = first;
        throw new TogetherWriteError(index, { code: e.code, message: e.message });
      }
      throw err.cause instanceof Error ? err.cause : err;
    }
  }
  const matched = new Map<number, number>();
  for (const [index, w] of writes.entries()) {
    const [dbName, ...rest] = w.namespace.split('.');
    const collection = client.db(dbName).collection(rest.join('.'));
    try {
      if (w.name === 'insertOne') await collection.insertOne(w.document, { session });
      else {
        const res = await collection.updateOne(w.filter, w.update, {
          session,
          ...(w.upsert ? { upsert: true } : {}),
        });
        matched.set(index, res.matchedCount);
      }
    } catch (err) {
      if (err instanceof MongoError && err.hasErrorLabel('TransientTransactionError')) throw err;
      if (err instanceof MongoError && typeof err.code === 'number')
        throw new TogetherWriteError(index, err as MongoError & { keyValue?: Record<string, unknown> });
      throw err;
    }
  }
  return { matched: (i) => matched.get(i) ?? 0 };
}
