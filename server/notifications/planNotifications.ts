import { stageHasTag } from '../../shared/machine/stageTags.js';
import type { Actor, CaseEventType } from '../../shared/machine/caseEvents.js';
import { availableActions, restoreCaseSnapshot } from '../../shared/machine/machineApi.js';
import type { NotificationKind } from '../../shared/notifications/notificationKinds.js';
import type { MessageVisibility } from '../../shared/vocabulary.js';
import { canReadMessage } from '../cases/casePolicy.js';
import type { CaseEventDoc } from '../cases/caseEventModel.js';
import type { CaseDoc } from '../cases/caseModel.js';
import { ORG_ASSIGNED } from '../cases/foldCaseEvent.js';
import { CLOCK_WARNING } from '../clocks/clockScheduler.js';
import { MESSAGE_POSTED, type MessagePostedData } from '../messages/messageEvent.js';

/** One notification to write: to a user, or to every officer of an organisation. */
export interface PlannedNotification {
  to: { userId: string } | { officersOf: string };
  kind: NotificationKind;
  data: Record<string, unknown>;
}

/** Assignments of a named person, by event type. */
const ASSIGNMENTS: Partial<Record<string, { field: string; role: string }>> = {
  ASSIGN_MEDIATOR: { field: 'mediatorId', role: 'mediator' },
  APPOINT_ARBITRATOR: { field: 'arbitratorId', role: 'arbitrator' },
  ASSIGN_INVESTIGATOR: { field: 'investigatorId', role: 'investigator' },
};

/** Actions open to a party in most states: having them does not make it the party's move. */
const ALWAYS_OPEN = new Set<CaseEventType>([
  'WITHDRAW',
  'TRANSFER',
  'HAND_OVER',
  'DEADLINE',
  'CLOSE',
  'LINK_RESPONDENT',
  'REQUEST_EXTENSION',
  'EXTEND_TRIAL',
  'AGREE_TO_ARBITRATE',
]);

/** The real steps open to each person on a case (parties and assignees), by user id. */
export function movesOf(
  caseDoc: CaseDoc,
  at: string,
): Map<string, { role: string; types: Set<CaseEventType> }> {
  const snapshot = restoreCaseSnapshot(caseDoc.snapshot);
  const people: Actor[] = [
    { id: caseDoc.complainantId, role: 'complainant' },
    ...[caseDoc.respondentId, ...(caseDoc.coRespondentIds ?? [])]
      .filter((id): id is string => Boolean(id))
      .map((id) => ({ id, role: 'respondent' as const })),
    ...(caseDoc.mediatorId ? [{ id: caseDoc.mediatorId, role: 'mediator' as const }] : []),
    ...(caseDoc.arbitratorId ? [{ id: caseDoc.arbitratorId, role: 'arbitrator' as const }] : []),
    ...(caseDoc.investigatorId ? [{ id: caseDoc.investigatorId, role: 'investigator' as const }] : []),
  ];
  const moves = new Map<string, { role: string; types: Set<CaseEventType> }>();
  for (const actor of people) {
    const types = new Set(availableActions(snapshot, actor, at).filter((type) => !ALWAYS_OPEN.has(type)));
    if (types.size > 0) moves.set(actor.id, { role: actor.role, types });
  }
  return moves;
}

/** The people on a case whose move it is now (parties and assignees with a real step open). */
export function whoseMove(caseDoc: CaseDoc, at: string): { userId: string; role: string }[] {
  return [...movesOf(caseDoc, at)].map(([userId, { role }]) => ({ userId, role }));
}

/**
 * The notifications an appended event calls for (pure; `previous` is the case before the event):
 * - assignment: the assigned mediator, arbitrator or investigator; the officers of an organisation
 *   the case was given to;
 * - message: everyone on the case who may read it (a caucus: its party and the mediator), not its author;
 * - actionWaiting: after a transition that moved the case, each person (not the actor) who has a real
 *   step open that they did not have before it;
 * - clockWarning: a 50 % / 80 % warning or a breach, to whoever must act (else the assignees, else
 *   the holding organisation's officers);
 * - outcome: every party and assignee when the case is resolved or closed;
 * - sessionScheduled: everyone on the case but the one who scheduled it (its mail carries the .ics).
 */
export function planNotifications(
  event: CaseEventDoc,
  caseDoc: CaseDoc,
  previous: CaseDoc | undefined,
): PlannedNotification[] {
  const planned: PlannedNotification[] = [];
  const at = new Date(event.at).toISOString();
  const assignment = ASSIGNMENTS[event.type];
  const assignee = assignment ? event.data[assignment.field] : undefined;
  if (assignment && typeof assignee === 'string') {
    planned.push({ to: { userId: assignee }, kind: 'assignment', data: { role: assignment.role } });
  }
  if ((event.type === ORG_ASSIGNED || event.type === 'HAND_OVER') && caseDoc.orgId) {
    planned.push({ to: { officersOf: caseDoc.orgId }, kind: 'assignment', data: { role: 'officer' } });
  }
  if (event.type === MESSAGE_POSTED) {
    const d = event.data as unknown as MessagePostedData;
    const visibility: MessageVisibility = d.visibility;
    for (const userId of caseDoc.participantIds) {
      if (userId === event.actor.id) continue;
      if (!canReadMessage({ id: userId } as never, caseDoc, visibility)) continue;
      planned.push({
        to: { userId },
        kind: 'message',
        data: { authorName: d.authorName, visibility, excerpt: excerpt(d.body) },
      });
    }
  }
  const moved = !previous || previous.stage !== caseDoc.stage;
  const ended = caseDoc.status === 'closed' || caseDoc.status === 'resolved';
  if (event.kind === 'transition' && moved && caseDoc.status !== 'closed') {
    const before = previous ? movesOf(previous, at) : new Map<string, { types: Set<CaseEventType> }>();
    for (const [userId, { role, types }] of movesOf(caseDoc, at)) {
      if (userId === event.actor.id) continue;
      const had = before.get(userId)?.types ?? new Set<CaseEventType>();
      if (![...types].some((type) => !had.has(type))) continue;
      // an assignee is told of the assignment itself, not again that it is their move
      if (typeof assignee === 'string' && userId === assignee) continue;
      planned.push({ to: { userId }, kind: 'actionWaiting', data: { role, stage: caseDoc.stage } });
    }
  }
  const warning =
    (event.type === CLOCK_WARNING || (event.type === 'DEADLINE' && event.actor.role === 'system')) &&
    typeof event.data.clock === 'string';
  if (warning) {
    const data = {
      clock: event.data.clock,
      level: typeof event.data.level === 'string' ? event.data.level : 'breach',
      dueAt: String(event.data.dueAt ?? ''),
    };
    // who must act: as the case stood when the clock came due (a breach may already have moved it)
    const movers = whoseMove(caseDoc, at).map((m) => m.userId);
    const assignees = [caseDoc.mediatorId, caseDoc.arbitratorId, caseDoc.investigatorId].filter(
      (id): id is string => Boolean(id),
    );
    const targets = movers.length > 0 ? movers : assignees;
    for (const userId of new Set(targets)) planned.push({ to: { userId }, kind: 'clockWarning', data });
    if (targets.length === 0 && caseDoc.orgId)
      planned.push({ to: { officersOf: caseDoc.orgId }, kind: 'clockWarning', data });
  }
  if (event.type === 'SCHEDULE_SESSION' && typeof event.data.sessionAt === 'string') {
    for (const userId of caseDoc.participantIds) {
      if (userId === event.actor.id) continue;
      planned.push({
        to: { userId },
        kind: 'sessionScheduled',
        data: {
          sessionAt: event.data.sessionAt,
          seq: event.seq,
          ...(stageHasTag(event.stage, 'hearing') ? { hearing: true } : {}),
          ...(typeof event.data.note === 'string' ? { note: event.data.note } : {}),
        },
      });
    }
  }
  if (ended && previous && previous.status !== caseDoc.status) {
    for (const userId of caseDoc.participantIds) {
      planned.push({
        to: { userId },
        kind: 'outcome',
        data: { status: caseDoc.status, closureReason: caseDoc.closureReason },
      });
    }
  }
  return planned;
}

/** The first 200 characters of a message, on one line. */
function excerpt(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
