import { createHash } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import { canonicalize } from '../../shared/util/canonicalJson.js';
import { isDuplicateKeyError } from '../db/duplicateKeyError.js';
import { DomainError } from '../errors/domainError.js';

interface IdempotencyDoc {
  _id: string;
  bodyHash: string;
  state: 'pending' | 'done';
  status: number | null;
  response: unknown;
  createdAt: Date;
}

const schema = new Schema<IdempotencyDoc>(
  {
    _id: String,
    bodyHash: String,
    state: String,
    status: Number,
    response: Schema.Types.Mixed,
    createdAt: { type: Date, index: true },
  },
  { versionKey: false, collection: 'idempotency_keys' },
);

function model(db: Connection): Model<IdempotencyDoc> {
  return (
    (db.models.IdempotencyKey as Model<IdempotencyDoc> | undefined) ??
    db.model<IdempotencyDoc>('IdempotencyKey', schema)
  );
}

/** How long a key is remembered. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

/** What `begin` found. */
export type IdempotencyStart =
  { state: 'new'; id: string } | { state: 'replay'; status: number; response: unknown };

/** `Idempotency-Key` bookkeeping per user (the embedded engine has no TTL indexes: `sweep` expires keys). */
export interface IdempotencyKeys {
  begin(userId: string, key: string, body: unknown): Promise<IdempotencyStart>;
  finish(id: string, status: number, response: unknown): Promise<void>;
  abandon(id: string): Promise<void>;
  /** Deletes keys older than 24 hours; resolves with how many. */
  sweep(): Promise<number>;
}

/**
 * Builds the idempotency-key store. A key is claimed by inserting `<userId>:<key>`: the first request
 * runs, a concurrent one with the same key gets 409, a later one with the same body gets the first
 * response again, and one with another body gets 422.
 */
export function createIdempotencyKeys(db: Connection, now: () => Date): IdempotencyKeys {
  const Keys = model(db);
  return {
    async begin(userId, key, body) {
      const id = `${userId}:${key}`;
      const bodyHash = createHash('sha256').update(canonicalize(body)).digest('hex');
      for (let attempt = 0; attempt < 2; attempt++) {
        try {
          await Keys.create({
            _id: id,
            bodyHash,
            state: 'pending',
            status: null,
            response: null,
            createdAt: now(),
          });
          return { state: 'new', id };
        } catch (err) {
          if (!isDuplicateKeyError(err)) throw err;
        }
        const existing = await Keys.findById(id).lean();
        if (!existing) continue;
        if (now().getTime() - new Date(existing.createdAt).getTime() > IDEMPOTENCY_TTL_MS) {
          await Keys.deleteOne({ _id: id, createdAt: existing.createdAt });
          continue;
        }
        if (existing.bodyHash !== bodyHash) {
          throw new DomainError('invalid', 'This Idempotency-Key was used with a different request body.');
        }
        if (existing.state === 'pending') {
          throw new DomainError('conflict', 'A request with this Idempotency-Key is still being processed.');
        }
        return { state: 'replay', status: existing.status ?? 200, response: existing.response };
      }
      throw new DomainError('conflict', 'A request with this Idempotency-Key is still being processed.');
    },
    async finish(id, status, response) {
      await Keys.updateOne({ _id: id }, { $set: { state: 'done', status, response } });
    },
    async abandon(id) {
      await Keys.deleteOne({ _id: id, state: 'pending' });
    },
    async sweep() {
      const res = await Keys.deleteMany({
        createdAt: { $lt: new Date(now().getTime() - IDEMPOTENCY_TTL_MS) },
      });
      return res.deletedCount;
    },
  };
}
