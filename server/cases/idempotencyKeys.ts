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
  /**
   * The id of what the request creates, fixed when the key is claimed: a retry that takes over the
   * key creates it under the same id, so one key can never create two things.
   */
  resourceId?: string | null;
  /** Until when the claiming request holds a pending key; after it, a retry takes the key over. */
  leaseUntil?: Date | null;
  createdAt: Date;
}

const schema = new Schema<IdempotencyDoc>(
  {
    _id: String,
    bodyHash: String,
    state: String,
    status: Number,
    response: Schema.Types.Mixed,
    resourceId: String,
    leaseUntil: Date,
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'idempotency_keys' },
);
// the database deletes a key a day after it was claimed (a TTL index; `begin` ignores older ones at once)
schema.index({ createdAt: 1 }, { expireAfterSeconds: 24 * 3600 });

/** The `idempotency_keys` model on a connection. */
export function idempotencyKeyModel(db: Connection): Model<IdempotencyDoc> {
  return (
    (db.models.IdempotencyKey as Model<IdempotencyDoc> | undefined) ??
    db.model<IdempotencyDoc>('IdempotencyKey', schema)
  );
}

/** How long a key is remembered. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

/**
 * How long a request holds the key it claimed. A request still pending after it died with its server
 * (or lost its database); a retry then takes the key over.
 */
export const IDEMPOTENCY_LEASE_MS = 10_000;

/**
 * What `begin` found: a key to run the request under (`resourceId` is the id to create its resource
 * with; `resumed` when a request before it claimed the key and never finished), or the response to
 * replay.
 */
export type IdempotencyStart =
  | { state: 'new'; id: string; resourceId: string; resumed: boolean }
  | { state: 'replay'; status: number; response: unknown };

/** `Idempotency-Key` bookkeeping per user; keys expire after 24 hours by a TTL index. */
export interface IdempotencyKeys {
  /** Claims a key (or takes over one whose request died); `newResourceId` makes the resource id. */
  begin(userId: string, key: string, body: unknown, newResourceId: () => string): Promise<IdempotencyStart>;
  finish(id: string, status: number, response: unknown): Promise<void>;
  /**
   * Ends the lease of a request that failed: its resource may exist already (the failure came after
   * it was created), so the key keeps its resource id and the next retry takes it over at once.
   */
  release(id: string): Promise<void>;
}

/**
 * Builds the idempotency-key store. A key is claimed by inserting `<userId>:<key>` with the id of the
 * resource the request will create: the first request runs, a concurrent one with the same key gets
 * 409, a later one with the same body gets the first response again, and one with another body gets
 * 422. A key left pending by a request that died (server killed, database lost) is taken over by the
 * next retry once its lease ends, with the same resource id: the retry finds the resource if the
 * first attempt created it, and creates it otherwise — never a second one.
 */
export function createIdempotencyKeys(db: Connection, now: () => Date): IdempotencyKeys {
  const Keys = idempotencyKeyModel(db);
  return {
    async begin(userId, key, body, newResourceId) {
      const id = `${userId}:${key}`;
      const bodyHash = createHash('sha256').update(canonicalize(body)).digest('hex');
      for (let attempt = 0; attempt < 2; attempt++) {
        const resourceId = newResourceId();
        try {
          await Keys.create({
            _id: id,
            bodyHash,
            state: 'pending',
            status: null,
            response: null,
            resourceId,
            leaseUntil: new Date(now().getTime() + IDEMPOTENCY_LEASE_MS),
            createdAt: now(),
          });
          return { state: 'new', id, resourceId, resumed: false };
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
          throw new DomainError('invalid', 'This Idempotency-Key was used with a different request body.', {
            code: 'idempotencyKeyReused',
          });
        }
        if (existing.state === 'pending') {
          // a key claimed without a resource id (before they were kept) cannot be resumed safely
          const leaseEnds = existing.leaseUntil ? new Date(existing.leaseUntil).getTime() : Infinity;
          if (!existing.resourceId || now().getTime() < leaseEnds) {
            throw new DomainError(
              'conflict',
              'A request with this Idempotency-Key is still being processed.',
              { code: 'idempotencyInProgress' },
            );
          }
          // The request that claimed the key died without finishing: take it over with its resource id.
          await Keys.updateOne(
            { _id: id, state: 'pending' },
            { $set: { leaseUntil: new Date(now().getTime() + IDEMPOTENCY_LEASE_MS) } },
          );
          return { state: 'new', id, resourceId: existing.resourceId, resumed: true };
        }
        return { state: 'replay', status: existing.status ?? 200, response: existing.response };
      }
      throw new DomainError('conflict', 'A request with this Idempotency-Key is still being processed.', {
        code: 'idempotencyInProgress',
      });
    },
    async finish(id, status, response) {
      await Keys.updateOne({ _id: id }, { $set: { state: 'done', status, response } });
    },
    async release(id) {
      await Keys.updateOne({ _id: id, state: 'pending' }, { $set: { leaseUntil: new Date(0) } });
    },
  };
}
