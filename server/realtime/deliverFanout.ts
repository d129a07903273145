import type { Server } from 'socket.io';
import type {
  ClientToServerEvents,
  MessagePush,
  ServerToClientEvents,
} from '../../shared/realtime/contract.js';
import { canReadMessage, canSeeCase } from '../cases/casePolicy.js';
import type { CaseEventDoc } from '../cases/caseEventModel.js';
import { canSeeEvent } from '../cases/casePolicy.js';
import { presentEvent } from '../cases/eventPresenter.js';
import { CLOCK_WARNING } from '../clocks/clockScheduler.js';
import { MESSAGE_POSTED, type MessagePostedData } from '../messages/messageEvent.js';
import type { FanoutCase, FanoutMessage } from './fanoutMessage.js';
import type { SocketData } from './realtimeAuth.js';

/** The typed Socket.IO server of Sevenfold. */
export type RealtimeServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

/** Events the instances send one another through the Redis adapter. */
export interface InterServerEvents {
  /** A fan-out this instance delivered, for the sockets connected elsewhere. */
  fanout: (msg: FanoutMessage) => void;
  /** An account (or, `'*'`, every account) this instance changed: the others forget what they hold. */
  'accounts:forget': (target: string) => void;
}

type LocalSocket = Awaited<ReturnType<RealtimeServer['fetchSockets']>>[number];

const ASSIGNMENTS: Record<string, { field: string; role: 'mediator' | 'arbitrator' | 'investigator' }> = {
  ASSIGN_MEDIATOR: { field: 'mediatorId', role: 'mediator' },
  APPOINT_ARBITRATOR: { field: 'arbitratorId', role: 'arbitrator' },
  ASSIGN_INVESTIGATOR: { field: 'investigatorId', role: 'investigator' },
};

/** Record types that do not change a case's place in any queue. */
const NOT_QUEUE_CHANGES = new Set([MESSAGE_POSTED, 'EVIDENCE_ADDED']);

async function localSockets(io: RealtimeServer, rooms: string[]): Promise<LocalSocket[]> {
  if (rooms.length === 0) return [];
  return io.local.in(rooms).fetchSockets();
}

/** Sockets (this instance's) of the people who handle a case and may see it. */
async function handlerSockets(io: RealtimeServer, c: FanoutCase): Promise<LocalSocket[]> {
  const rooms = [c.mediatorId, c.arbitratorId, c.investigatorId]
    .filter((id): id is string => Boolean(id))
    .map((id) => `user:${id}`);
  if (c.orgId) rooms.push(`org:${c.orgId}`);
  for (const id of c.joinedOrgIds) rooms.push(`org:${id}`);
  rooms.push('admins');
  const sockets = await localSockets(io, rooms);
  return sockets.filter((s) => canSeeCase(s.data.user, c));
}

/** The `message:new` push for a `MESSAGE_POSTED` event (the message is part of the log). */
function messagePushOf(caseId: string, ev: CaseEventDoc): MessagePush | undefined {
  if (ev.type !== MESSAGE_POSTED) return undefined;
  const d = ev.data as unknown as MessagePostedData;
  return {
    id: d.messageId,
    caseId,
    seq: ev.seq,
    author: { id: ev.actor.id, role: ev.actor.role, name: d.authorName },
    visibility: d.visibility,
    body: d.body,
    createdAt: new Date(ev.at).toISOString(),
  };
}

/**
 * Delivers one fan-out message to this instance's sockets, each payload filtered for its recipient
 * by the same policy and presenters as HTTP. A subscriber who may no longer see the case is removed
 * from its room instead.
 */
export async function deliverFanout(io: RealtimeServer, msg: FanoutMessage): Promise<void> {
  const c = msg.caseDoc;
  const room = `case:${c.id}`;
  if (msg.kind === 'typing') {
    for (const s of await localSockets(io, [room])) {
      if (s.id === msg.fromSocket || !canSeeCase(s.data.user, c)) continue;
      if (!canReadMessage(s.data.user, c, msg.visibility)) continue;
      s.emit('message:typing', {
        caseId: c.id,
        user: msg.user,
        visibility: msg.visibility,
        typing: msg.typing,
      });
    }
    return;
  }
  if (msg.kind === 'presence') {
    for (const s of await localSockets(io, [room])) {
      const me = s.data.user;
      if (!canSeeCase(me, c)) {
        s.leave(room);
        continue;
      }
      // the recipient knows about itself (its subscribe ack)
      const joined = msg.joined.filter((u) => u.id !== me.id);
      const left = msg.left.filter((id) => id !== me.id);
      if (joined.length > 0 || left.length > 0) s.emit('presence:changed', { caseId: c.id, joined, left });
    }
    return;
  }

  const ev = { ...msg.event, at: new Date(msg.event.at) } as CaseEventDoc;
  const view = presentEvent(ev);
  const message = messagePushOf(c.id, ev);
  for (const s of await localSockets(io, [room])) {
    const user = s.data.user;
    if (!canSeeCase(user, c)) {
      s.leave(room);
      continue;
    }
    if (!canSeeEvent(user, c, ev)) continue;
    s.emit('case:event', {
      caseId: c.id,
      seq: ev.seq,
      type: ev.type,
      status: ev.status,
      stage: ev.stage,
      at: view.at,
      actor: view.actor,
      event: view,
    });
    if (message && canReadMessage(user, c, message.visibility)) s.emit('message:new', message);
  }

  const assignment = ASSIGNMENTS[ev.type];
  const assignee = assignment ? ev.data[assignment.field] : undefined;
  if (assignment && typeof assignee === 'string') {
    for (const s of await localSockets(io, [`user:${assignee}`])) {
      s.emit('assignment:new', {
        caseId: c.id,
        caseNo: c.caseNo,
        title: c.title,
        role: assignment.role,
        stage: c.stage,
        at: view.at,
      });
    }
  }

  if (!NOT_QUEUE_CHANGES.has(ev.type)) {
    const rooms = [
      ...c.participantIds.map((id) => `user:${id}`),
      ...c.joinedOrgIds.map((id) => `org:${id}`),
      'admins',
    ];
    if (c.orgId) rooms.push(`org:${c.orgId}`);
    for (const s of await localSockets(io, rooms)) {
      if (!canSeeCase(s.data.user, c)) continue;
      s.emit('queue:changed', { caseId: c.id, orgId: c.orgId, status: c.status, stage: c.stage, seq: c.seq });
    }
  }

  const isWarning = ev.type === CLOCK_WARNING || (ev.type === 'DEADLINE' && ev.actor.role === 'system');
  if (isWarning && typeof ev.data.clock === 'string') {
    const level = (ev.data.level as 'warning50' | 'warning80' | 'breach' | undefined) ?? 'breach';
    for (const s of await handlerSockets(io, c)) {
      s.emit('clock:warning', {
        caseId: c.id,
        kind: ev.data.clock,
        dueAt: String(ev.data.dueAt ?? ''),
        level,
      });
    }
  }
}
