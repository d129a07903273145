import { LRUCache } from 'lru-cache';
import type { ChangeStream, Document } from 'mongodb';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { LoadAuthUser } from '../auth/authUser.js';
import { watchOrgChanges } from '../orgs/orgLookups.js';
import { authUserOf, isAuthUserId, readAuthRow, type AuthRow } from './loadAuthUser.js';
import { userModel } from './userModel.js';

/** How long an account is kept at most, whatever the change streams say (a bound, not the mechanism). */
export const ACCOUNT_MAX_AGE_MS = 60_000;

/** MongoDB's answer to a change stream on a standalone server ("only supported on replica sets"). */
const CHANGE_STREAMS_UNSUPPORTED = 40573;

/** How long after a change stream broke it is opened again. */
const REOPEN_AFTER_MS = 1000;

/**
 * The accounts of signed-in users, kept in memory between their requests: the read every request and
 * socket made (the account with its organisation's type) is made once. An account is forgotten the
 * moment the database says it changed: a change stream on `users` (and on `organisations`, whose type a
 * user acts with) reports every write, whichever process or server made it; this process also forgets
 * what it changes itself (`forget`) before it answers. Only while both streams are open are answers
 * taken from memory; when one breaks, everything is forgotten and every request reads again until it is
 * open again. On a database without change streams (a standalone MongoDB) nothing is kept.
 */
export interface AccountCache {
  /** `loadAuthUser`, from memory while the change streams are open, else read. */
  load: LoadAuthUser;
  /** Forgets one account (this process changed it). */
  forget(userId: string): void;
  /** Forgets every account (an organisation changed, or a stream broke). */
  forgetAll(): void;
  /** Opens the change streams; resolves once they are open (or could not be: then nothing is kept). */
  start(): Promise<void>;
  /** Closes the change streams and forgets everything. */
  stop(): Promise<void>;
  /** True while answers may come from memory (both change streams open). */
  readonly live: boolean;
  /** How many accounts are held. */
  readonly size: number;
}

/** Builds the account cache on a connection; `size` 0 keeps nothing (every request reads). */
export function createAccountCache(deps: {
  db: Connection;
  logger: Pick<Logger, 'info' | 'warn'>;
  size: number;
  maxAgeMs?: number;
  reopenAfterMs?: number;
}): AccountCache {
  const rows = new LRUCache<string, AuthRow>({
    max: Math.max(deps.size, 1),
    ttl: deps.maxAgeMs ?? ACCOUNT_MAX_AGE_MS,
  });
  // raised by every forget: a read that began before one does not put what it read into memory
  let generation = 0;
  let live = false;
  let stopped = true;
  let streams: ChangeStream[] = [];
  let reopen: NodeJS.Timeout | undefined;
  // said once until the streams are open again, so a database that is away does not flood the log
  let warned = false;

  const forgetAll = () => {
    generation++;
    rows.clear();
  };
  const forget = (userId: string) => {
    generation++;
    rows.delete(userId);
  };
  const client = deps.db.getClient();
  // the connection to the database broke: a change may have passed unseen
  const poolCleared = () => forgetAll();

  async function closeStreams(): Promise<void> {
    const open = streams;
    streams = [];
    await Promise.all(open.map((s) => s.close().catch(() => undefined)));
  }

  function broke(err?: unknown): void {
    if (!live && streams.length === 0) return;
    live = false;
    forgetAll();
    void closeStreams();
    if (stopped) return;
    if ((err as { code?: unknown } | undefined)?.code === CHANGE_STREAMS_UNSUPPORTED) {
      deps.logger.info(
        'the database has no change streams (not a replica set): accounts are read on every request',
      );
      return;
    }
    if (!warned)
      deps.logger.warn(
        { err },
        'an account change stream broke: accounts are read on every request until it reopens',
      );
    warned = true;
    clearTimeout(reopen);
    reopen = setTimeout(() => void open(), deps.reopenAfterMs ?? REOPEN_AFTER_MS);
    reopen.unref();
  }

  async function drain(stream: ChangeStream, onChange: (change: Document) => void): Promise<void> {
    try {
      for await (const change of stream) onChange(change);
      // the stream ended (closed, or its collection was dropped: an invalidate)
      if (streams.includes(stream)) broke();
    } catch (err) {
      if (streams.includes(stream)) broke(err);
    }
  }

  const onUser = (change: Document) => {
    const id = (change.documentKey as { _id?: unknown } | undefined)?._id;
    if (typeof id === 'string' && change.operationType !== 'invalidate') forget(id);
    else forgetAll();
  };
  // an organisation's type is part of each member's account: organisations change rarely
  const onOrg = () => forgetAll();

  async function open(): Promise<void> {
    if (stopped || deps.size <= 0) return;
    const users = userModel(deps.db).collection.watch([{ $project: { documentKey: 1, operationType: 1 } }]);
    const orgs = watchOrgChanges(deps.db);
    streams = [users, orgs];
    try {
      // the first answer of each establishes its cursor: from here on no change passes unseen
      const [u, o] = await Promise.all([users.tryNext(), orgs.tryNext()]);
      if (stopped || !streams.includes(users)) return;
      if (u) onUser(u);
      if (o) onOrg();
      forgetAll();
      live = true;
      warned = false;
      void drain(users, onUser);
      void drain(orgs, onOrg);
    } catch (err) {
      broke(err);
    }
  }

  return {
    async load(userId, sessionVersion) {
      if (!isAuthUserId(userId)) return undefined;
      if (live) {
        const held = rows.get(userId);
        if (held) return authUserOf(held, sessionVersion);
      }
      const began = generation;
      const row = await readAuthRow(deps.db, userId);
      if (row && live && began === generation) rows.set(userId, row);
      return authUserOf(row, sessionVersion);
    },
    forget,
    forgetAll,
    async start() {
      if (!stopped || deps.size <= 0) return;
      stopped = false;
      client.on('connectionPoolCleared', poolCleared);
      await open();
    },
    async stop() {
      stopped = true;
      live = false;
      clearTimeout(reopen);
      client.off('connectionPoolCleared', poolCleared);
      forgetAll();
      await closeStreams();
    },
    get live() {
      return live;
    },
    get size() {
      return rows.size;
    },
  };
}
