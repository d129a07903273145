/**
 * The realtime contract between the server and its clients (Socket.IO, same origin,
 * `auth: {token}`). Every client event is acknowledged with `{data}` or `{error}`.
 */
import type { CaseEventView } from '../api/views.js';
import type { NotificationView } from '../notifications/notificationView.js';
import type { MessageVisibility } from '../vocabulary.js';

/** An error acknowledgement, shaped like an HTTP problem. */
export interface AckError {
  status: number;
  title: string;
  detail: string;
  /** Stable id of the failure, the same as the HTTP problem's `code` (the client translates it). */
  code: string;
  errors?: { path: string; message: string }[];
  /** With a refused action: the actions the caller may take now. */
  allowed?: string[];
  /** With status 429: seconds to wait before sending again. */
  retryAfter?: number;
}

/** The acknowledgement of a client event. */
export type Ack<T> = { data: T; error?: undefined } | { error: AckError; data?: undefined };

/** A new event on a case the socket subscribed to (payload filtered for the recipient). */
export interface CaseEventPush {
  caseId: string;
  seq: number;
  type: string;
  status: string;
  stage: string;
  at: string;
  actor: { id: string; role: string };
  /** The full timeline entry, as `GET /api/cases/:id/events` would return it. */
  event: CaseEventView;
}

/** A case was assigned to the recipient (mediator, arbitrator, investigator). */
export interface AssignmentPush {
  caseId: string;
  caseNo: string;
  title: string;
  role: 'mediator' | 'arbitrator' | 'investigator';
  stage: string;
  at: string;
}

/** The case queue of the recipient's organisation changed (new case, new stage, closed). */
export interface QueueChangedPush {
  caseId: string;
  orgId: string | null;
  status: string;
  stage: string;
  seq: number;
}

/** A clock of a case passed 50% or 80% of its time, or was breached. */
export interface ClockWarningPush {
  caseId: string;
  kind: string;
  dueAt: string;
  level: 'warning50' | 'warning80' | 'breach';
}

/** A message the recipient may read. */
export interface MessagePush {
  id: string;
  caseId: string;
  seq: number;
  author: { id: string; role: string; name: string };
  visibility: MessageVisibility;
  body: string;
  createdAt: string;
}

/** Someone connected to a case (each user once, however many sockets they have). */
export interface PresenceUser {
  id: string;
  role: string;
  name: string;
}

/** Who of a case's parties and handlers is connected now (the `case:subscribe` ack). */
export interface PresenceList {
  caseId: string;
  online: PresenceUser[];
}

/**
 * Who came online on a case and who went offline, coalesced over a short window; applied to the
 * list of the subscribe ack. The recipient's own user is never in it.
 */
export interface PresencePush {
  caseId: string;
  joined: PresenceUser[];
  /** Ids of users who have no socket on the case any more. */
  left: string[];
}

/** Someone is typing a message on a case (joint, or the recipient's caucus). */
export interface TypingPush {
  caseId: string;
  user: { id: string; role: string; name: string };
  visibility: MessageVisibility;
  typing: boolean;
}

/** `case:subscribe` payload. */
export interface SubscribeRequest {
  caseId: string;
  /** Last seq the client has; the ack returns every later event it may see. */
  afterSeq: number;
}

/** `message:send` payload. */
export interface SendMessageRequest {
  caseId: string;
  body: string;
  visibility: MessageVisibility;
}

/** `message:typing` payload. */
export interface TypingRequest {
  caseId: string;
  visibility: MessageVisibility;
  typing: boolean;
}

/** Events the server emits. */
export interface ServerToClientEvents {
  'case:event': (push: CaseEventPush) => void;
  'assignment:new': (push: AssignmentPush) => void;
  'queue:changed': (push: QueueChangedPush) => void;
  'clock:warning': (push: ClockWarningPush) => void;
  'message:new': (push: MessagePush) => void;
  'presence:changed': (push: PresencePush) => void;
  'message:typing': (push: TypingPush) => void;
  /** A new notification of the recipient (the same as `GET /api/notifications` lists), with the unread count. */
  'notification:new': (push: NotificationPush) => void;
  /** Sessions of the recipient's account were ended (sign out everywhere): the socket closes next. */
  'session:ended': (push: { reason: 'signedOutEverywhere' | 'passwordChanged' }) => void;
}

/** A new notification, and how many of the recipient's are unread now. */
export interface NotificationPush {
  notification: NotificationView;
  unread: number;
}

/** `notifications:read` payload: some of the recipient's notifications, or all of them. */
export type MarkReadRequest = { ids: string[] } | { all: true };

/** Events a client sends, each with an acknowledgement callback. */
export interface ClientToServerEvents {
  'case:subscribe': (
    req: SubscribeRequest,
    /**
     * `seq`: the case's last seq when subscribed (at least that of the last event returned); when
     * `more`, the answer holds only the first events (at most 1,000) and `seq` is its last one's: the
     * client subscribes again from there for the rest.
     */
    ack: (res: Ack<{ events: CaseEventView[]; seq: number; more: boolean; presence: PresenceList }>) => void,
  ) => void;
  'case:unsubscribe': (req: { caseId: string }, ack: (res: Ack<{ caseId: string }>) => void) => void;
  'message:send': (req: SendMessageRequest, ack: (res: Ack<MessagePush>) => void) => void;
  'message:typing': (req: TypingRequest, ack: (res: Ack<{ ok: true }>) => void) => void;
  /** Marks notifications read; the ack carries the unread count after it. */
  'notifications:read': (req: MarkReadRequest, ack: (res: Ack<{ unread: number }>) => void) => void;
}

/** The name of an event a client sends. */
export type ClientEventName = keyof ClientToServerEvents;

/** The payload of a client event. */
export type ClientRequestOf<E extends ClientEventName> = Parameters<ClientToServerEvents[E]>[0];

/** What the acknowledgement of a client event carries in `data`. */
export type ClientAckDataOf<E extends ClientEventName> =
  Parameters<Parameters<ClientToServerEvents[E]>[1]>[0] extends Ack<infer T> ? T : never;

/** Event names, for code that iterates them. */
export const SERVER_EVENTS = [
  'case:event',
  'assignment:new',
  'queue:changed',
  'clock:warning',
  'message:new',
  'presence:changed',
  'message:typing',
  'notification:new',
  'session:ended',
] as const satisfies readonly (keyof ServerToClientEvents)[];
