import { MongoClient } from 'mongodb';

/** Pings a MongoDB-compatible server once; resolves true when it answers `ok: 1`. */
export async function pingMongo(uri: string, timeoutMs = 1000): Promise<boolean> {
  const client = new MongoClient(uri, {
    serverSelectionTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
    directConnection: true,
  });
  try {
    await client.connect();
    const res = await client.db('admin').command({ ping: 1 });
    return res.ok === 1;
  } catch {
    return false;
  } finally {
    await client.close().catch(() => undefined);
  }
}
