import type { ClientSession, Connection } from 'mongoose';

/**
 * Runs an administrative change in one transaction (the change and its audit entry commit together,
 * or neither does); the transaction is retried on a transient conflict.
 */
export async function runAudited<T>(
  db: Connection,
  change: (session: ClientSession) => Promise<T>,
): Promise<T> {
  const session = db.getClient().startSession();
  try {
    let result: T | undefined;
    await session.withTransaction(async () => {
      result = await change(session);
    });
    return result as T;
  } finally {
    await session.endSession();
  }
}
