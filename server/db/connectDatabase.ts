import mongoose, { type Connection } from 'mongoose';

/**
 * Opens the app's Mongoose connection (one per process; models are registered on it). Collections and
 * indexes are not made on the fly by each model: `prepareDatabase` makes them, one after another, before
 * anything writes (SecantusDB 0.7 can hang when a collection is created while a write creates it too).
 */
export async function connectDatabase(
  uri: string,
  dbName?: string,
  /** Emit the driver's command events (`commandStarted`…): the benchmarks count round trips with them. */
  opts: { monitorCommands?: boolean } = {},
): Promise<Connection> {
  const conn = mongoose.createConnection(uri, {
    ...(dbName ? { dbName } : {}),
    ...(opts.monitorCommands ? { monitorCommands: true } : {}),
    serverSelectionTimeoutMS: 5000,
    autoIndex: false,
    autoCreate: false,
  });
  await conn.asPromise();
  return conn;
}

/** Database name from a URI's path, or `sevenfold` when it names none. */
export function databaseNameOf(uri: string): string {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]*\/([^?]*)/.exec(uri);
  return decodeURIComponent(match?.[1] ?? '') || 'sevenfold';
}
