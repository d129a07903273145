import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import type Joi from 'joi';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { createClient } from 'redis';
import { Server, type Socket } from 'socket.io';
import type {
  Ack,
  ClientAckDataOf,
  ClientEventName,
  ClientRequestOf,
  ClientToServerEvents,
  PresenceList,
  PresenceUser,
  ServerToClientEvents,
} from '../../shared/realtime/contract.js';
import {
  sendMessageSchema,
  subscribeSchema,
  typingSchema,
  unsubscribeSchema,
} from '../../shared/schemas/realtime.js';
import { markReadSchema } from '../../shared/schemas/notifications.js';
import type { AuthUser } from '../auth/authUser.js';
import type { CaseEngine } from '../compose/createCaseEngine.js';
import { DomainError } from '../errors/domainError.js';
import { HttpError, TooManyRequestsError } from '../errors/httpError.js';
import { invalidInput } from '../errors/invalidInput.js';
import type { AppServices } from '../compose/createServices.js';
import { assertMayWriteMessage } from '../messages/assertMayWriteMessage.js';
import { ackErrorOf } from './ackError.js';
import { deliverFanout, type InterServerEvents, type RealtimeServer } from './deliverFanout.js';
import { fanoutCaseOf, type FanoutMessage } from './fanoutMessage.js';
import { createPresenceTracker, type PresenceChange } from './presenceTracker.js';
import { realtimeAuth, type SocketData } from './realtimeAuth.js';
import { createSessionGuard } from './sessionGuard.js';
import { createSocketQuota } from './socketQuota.js';

/** What the realtime layer needs. */
export interface RealtimeDeps {
  db: Connection;
  logger: Logger;
  services: AppServices;
  engine: CaseEngine;
  /** Redis shared by several instances; without it this instance works alone. */
  redisUrl?: string | undefined;
  /** Events a socket may send per second (burst twice that). */
  eventsPerSecond?: number;
  /** Sockets one account may hold open on this instance at once (default 20). */
  maxSocketsPerUser?: number;
  /** How long presence changes of a case are gathered before they go out, in ms (default 250). */
  presenceDebounceMs?: number;
  /** The most events one `case:subscribe` answer carries (default 1000); `more` says when others follow. */
  subscribeEventsMax?: number;
}

/** The Socket.IO layer of one server instance. */
export interface Realtime {
  io: RealtimeServer;
  close(): Promise<void>;
}

/** A connected socket of the Sevenfold contract. */
type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/**
 * Attaches Socket.IO to the HTTP server (never listens itself). Sockets authenticate in `io.use`
 * (at most `maxSocketsPerUser` per account), join `user:<id>` (and `org:<orgId>` for staff, `admins`
 * for admins), subscribe to cases they may see, and receive each appended case event after it is
 * stored, filtered per recipient. Every client event checks the session again (401 and disconnect
 * when the token expired or the account was disabled); a socket is also disconnected when its token
 * expires and when its account is disabled. Presence goes out as debounced changes. With
 * `redisUrl`, instances share rooms through the Redis adapter and relay fan-out to each other.
 */
export async function createRealtime(httpServer: HttpServer, deps: RealtimeDeps): Promise<Realtime> {
  const { logger, services } = deps;
  const subscribeEventsMax = deps.subscribeEventsMax ?? 1000;
  const io: RealtimeServer = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    pingInterval: 20_000,
    pingTimeout: 20_000,
    cors: undefined,
  });

  const redisClients: { quit(): Promise<unknown> }[] = [];
  if (deps.redisUrl) {
    const pub = createClient({ url: deps.redisUrl });
    const sub = pub.duplicate();
    pub.on('error', (err: unknown) => logger.error({ err }, 'redis (publish) error'));
    sub.on('error', (err: unknown) => logger.error({ err }, 'redis (subscribe) error'));
    await Promise.all([pub.connect(), sub.connect()]);
    io.adapter(createAdapter(pub, sub));
    redisClients.push(pub, sub);
  }

  io.use(
    realtimeAuth(services.loadAuthUser, services.tokens, createSocketQuota(deps.maxSocketsPerUser ?? 20)),
  );
  const guard = createSessionGuard(deps.db, services.tokens);
  // an account this instance changed is forgotten by the others too (they keep accounts between requests)
  const stopForget = services.accounts.onForget((target) => {
    if (deps.redisUrl) io.serverSideEmit('accounts:forget', target);
  });
  io.on('accounts:forget', (target) => services.accounts.forgetFromPeer(target));
  // a disabled account's sockets go at once, on every instance (the Redis adapter relays this)
  const stopDisabled = services.users.onDisabled((userId) => {
    io.in(`user:${userId}`).disconnectSockets(true);
  });

  // --- fan-out of appended case events, in order per case ---------------------------------------
  const chains = new Map<string, Promise<void>>();
  const fanout = (msg: FanoutMessage) => {
    const key = msg.caseDoc.id;
    const next = (chains.get(key) ?? Promise.resolve())
      .then(async () => {
        await deliverFanout(io, msg);
        if (deps.redisUrl) io.serverSideEmit('fanout', msg);
      })
      .catch((err: unknown) => logger.error({ err, caseId: key }, 'realtime fan-out failed'))
      .finally(() => {
        if (chains.get(key) === next) chains.delete(key);
      });
    chains.set(key, next);
  };
  io.on('fanout', (msg) => {
    void deliverFanout(io, msg).catch((err: unknown) => logger.error({ err }, 'relayed fan-out failed'));
  });
  // every committed event is pushed
  deps.engine.store.onAppended(({ event, caseDoc }) => {
    fanout({
      kind: 'appended',
      event: { ...event, at: new Date(event.at).toISOString() },
      caseDoc: fanoutCaseOf(caseDoc),
    });
  });

  // --- notifications: each new one to its recipient's sockets (every instance, through the adapter) ---
  deps.engine.notifier?.onCreated((userId, notification) => {
    void services.notifications
      .unreadOf(userId)
      .then((unread) => io.to(`user:${userId}`).emit('notification:new', { notification, unread }))
      .catch((err: unknown) => logger.error({ err, userId }, 'notification push failed'));
  });
  // sign out everywhere: the account's sockets are told, then closed, on every instance
  const stopEnded = services.users.onSessionsEnded((userId, reason) => {
    io.in(`user:${userId}`).emit('session:ended', { reason });
    io.in(`user:${userId}`).disconnectSockets(true);
  });

  // --- presence -----------------------------------------------------------------------------------
  const announce = (change: PresenceChange) => {
    void deps.engine.store.models.cases
      .findById(change.caseId)
      .lean()
      .then((doc) => {
        if (doc) fanout({ kind: 'presence', ...change, caseDoc: fanoutCaseOf(doc) });
      })
      .catch((err: unknown) => logger.error({ err, caseId: change.caseId }, 'presence change failed'));
  };
  const userIdsIn = async (room: string) =>
    new Set((await io.in(room).fetchSockets()).map((s) => s.data.user.id));
  const presence = createPresenceTracker({
    debounceMs: deps.presenceDebounceMs ?? 250,
    announce,
    ...(deps.redisUrl ? { onlineElsewhere: (caseId: string) => userIdsIn(`case:${caseId}`) } : {}),
  });
  const adapter = io.of('/').adapter;
  adapter.on('join-room', (room: string, id: string) => {
    const user = io.of('/').sockets.get(id)?.data.user;
    if (room.startsWith('case:') && user) presence.join(room.slice(5), id, presenceUserOf(user));
  });
  adapter.on('leave-room', (room: string, id: string) => {
    if (room.startsWith('case:')) presence.leave(room.slice(5), id);
  });
  /** Everyone on a case now (on every instance with Redis). */
  async function presenceOf(caseId: string): Promise<PresenceList> {
    if (!deps.redisUrl) return { caseId, online: presence.online(caseId) };
    const online = new Map<string, PresenceUser>();
    for (const s of await io.in(`case:${caseId}`).fetchSockets()) {
      online.set(s.data.user.id, presenceUserOf(s.data.user));
    }
    return { caseId, online: [...online.values()] };
  }

  // --- client events ------------------------------------------------------------------------------
  const limiter = new RateLimiterMemory({ points: (deps.eventsPerSecond ?? 20) * 2, duration: 2 });
  const KNOWN = new Set([
    'case:subscribe',
    'case:unsubscribe',
    'message:send',
    'message:typing',
    'notifications:read',
  ]);

  /**
   * The listener of a client event of the contract: rate limit, session check, Joi validation of its payload,
   * then `fn`, whose result (or typed error) is the acknowledgement.
   */
  function answer<E extends ClientEventName>(
    socket: RealtimeSocket,
    event: E,
    schema: Joi.Schema,
    fn: (value: ClientRequestOf<E>, user: AuthUser) => Promise<ClientAckDataOf<E>>,
  ): ClientToServerEvents[E] {
    // a client may send no payload (or extra arguments): the acknowledgement is always the last one
    const listener = async (...args: unknown[]): Promise<void> => {
      // the acknowledgement callback is always the last argument: a client that sends no payload
      // (or extra arguments) still gets its answer
      const last = args[args.length - 1];
      const ack = typeof last === 'function' ? (last as (res: Ack<ClientAckDataOf<E>>) => void) : undefined;
      const payload = ack && args.length === 1 ? undefined : args[0];
      const reply = ack ?? (() => undefined);
      try {
        await limiter.consume(socket.id);
      } catch (err) {
        const ms = err instanceof RateLimiterRes ? err.msBeforeNext : 1000;
        reply({ error: ackErrorOf(new TooManyRequestsError('Slow down: too many events.', ms))! });
        return;
      }
      const expired = await guard.check(socket).catch((err: unknown) => {
        logger.error({ err, event }, 'socket session check failed');
        return ackErrorOf(new HttpError(503, 'Service Unavailable', 'Try again shortly.'))!;
      });
      if (expired) {
        reply({ error: expired });
        if (expired.status === 401) socket.disconnect(true);
        return;
      }
      const { value, error } = schema.validate(payload ?? {}, { abortEarly: false });
      if (error) {
        reply({ error: ackErrorOf(invalidInput(error, 'payload'))! });
        return;
      }
      try {
        reply({ data: await fn(value as ClientRequestOf<E>, socket.data.user) });
      } catch (err) {
        const known = ackErrorOf(err);
        if (!known) logger.error({ err, event }, 'socket handler failed');
        reply({
          error: known ?? {
            status: 500,
            title: 'Internal Server Error',
            detail: 'Something went wrong on our side.',
            code: 'internal',
          },
        });
      }
    };
    return listener as ClientToServerEvents[E];
  }

  io.on('connection', (socket) => {
    const user = socket.data.user;
    guard.expireOnTime(socket);
    void socket.join(`user:${user.id}`);
    if (user.orgId) void socket.join(`org:${user.orgId}`);
    if (user.role === 'admin') void socket.join('admins');

    socket.on(
      'case:subscribe',
      answer(socket, 'case:subscribe', subscribeSchema, async ({ caseId, afterSeq }) => {
        const { doc } = await services.cases.loadVisible(user, caseId);
        await socket.join(`case:${caseId}`);
        const found = await services.cases.events(user, caseId, afterSeq, subscribeEventsMax + 1);
        const more = found.length > subscribeEventsMax;
        const events = more ? found.slice(0, subscribeEventsMax) : found;
        // an event committed after the case was read is in `events` (the room was joined first), so
        // the answer's seq is never older than the events it carries: the next push follows it. An
        // answer cut short stops at its last event, and the client asks for the rest.
        const seq = more ? events.at(-1)!.seq : Math.max(doc.seq, events.at(-1)?.seq ?? 0);
        return { events, seq, more, presence: await presenceOf(caseId) };
      }),
    );

    socket.on(
      'case:unsubscribe',
      answer(socket, 'case:unsubscribe', unsubscribeSchema, async ({ caseId }) => {
        // leaving a room the socket is in is always right; a case it may not see is 404 (as over HTTP)
        if (socket.rooms.has(`case:${caseId}`)) await socket.leave(`case:${caseId}`);
        await services.cases.loadVisible(user, caseId);
        return { caseId };
      }),
    );

    socket.on(
      'message:send',
      answer(socket, 'message:send', sendMessageSchema, async ({ caseId, body, visibility }) =>
        services.messages.post(user, caseId, { body, visibility }),
      ),
    );

    socket.on(
      'message:typing',
      answer(socket, 'message:typing', typingSchema, async ({ caseId, visibility, typing }) => {
        if (!socket.rooms.has(`case:${caseId}`))
          throw new DomainError('conflict', 'Subscribe to the case first.', { code: 'subscribeFirst' });
        const { doc } = await services.cases.loadVisible(user, caseId);
        assertMayWriteMessage(user, doc, visibility);
        fanout({
          kind: 'typing',
          caseId,
          caseDoc: fanoutCaseOf(doc),
          user: { id: user.id, role: user.role, name: user.name },
          visibility,
          typing,
          fromSocket: socket.id,
        });
        return { ok: true as const };
      }),
    );

    socket.on(
      'notifications:read',
      answer(socket, 'notifications:read', markReadSchema, async (req) => {
        if ('all' in req) return { unread: await services.notifications.markAllRead(user) };
        let unread = 0;
        for (const id of req.ids) unread = await services.notifications.markRead(user, id);
        return { unread };
      }),
    );

    socket.onAny((event: string, ...args: unknown[]) => {
      if (KNOWN.has(event)) return;
      const ack = args[args.length - 1];
      if (typeof ack === 'function') {
        (ack as (res: Ack<never>) => void)({
          error: { status: 404, title: 'Not Found', detail: `Unknown event ${event}.`, code: 'unknownEvent' },
        });
      }
    });
  });

  return {
    io,
    async close() {
      stopDisabled();
      stopForget();
      stopEnded();
      presence.close();
      await new Promise<void>((r) => {
        void io.close(() => r());
      });
      await Promise.allSettled([...chains.values()]);
      await Promise.allSettled(redisClients.map((c) => c.quit()));
    },
  };
}

/** A user as presence shows them. */
function presenceUserOf(user: AuthUser): PresenceUser {
  return { id: user.id, role: user.role, name: user.name };
}
