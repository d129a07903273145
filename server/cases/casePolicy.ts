import type { Connection } from 'mongoose';
import type { CaseEventDoc } from './caseEventModel.js';
import { checkAssignee } from './checkAssignee.js';
import { checkHandOver } from './checkHandOver.js';
import { ForbiddenError } from '../errors/domainError.js';
import { handlerOrgType } from '../../shared/machine/caseActors.js';
import type { CaseContext } from '../../shared/machine/caseContext.js';
import type { Actor, CaseAction, CaseEventType } from '../../shared/machine/caseEvents.js';
import { availableActions, type CaseSnapshot } from '../../shared/machine/machineApi.js';
import { respondentIds } from '../../shared/machine/respondents.js';
import type { MessageVisibility } from '../../shared/vocabulary.js';
import type { AuthUser } from '../auth/authUser.js';
import type { CaseDoc } from './caseModel.js';

/**
 * Authorisation of cases, in one place. A user sees a case when they are a party or an assignee
 * (mediator, arbitrator, investigator), an officer of the organisation holding it, or an admin.
 */
export function canSeeCase(user: AuthUser, c: CaseAccess): boolean {
  if (user.role === 'admin') return true;
  if (c.participantIds.includes(user.id)) return true;
  return isOfficerOfCase(user, c);
}

/** The fields of a case that access decisions read. */
export type CaseAccess = Pick<CaseDoc, 'participantIds' | 'orgId'> & { joinedOrgIds?: string[] };

/** An officer of the organisation holding the case, or of one that joined it (a court). */
function isOfficerOfCase(user: AuthUser, c: CaseAccess): boolean {
  if (user.role !== 'officer' || !user.orgId) return false;
  return c.orgId === user.orgId || (c.joinedOrgIds ?? []).includes(user.orgId);
}

/**
 * The key under which the cases a (non-admin) user may see are listed (`viewerKeys` of a case): an
 * officer's organisation, anyone else's own id. Admins see every case and need none.
 */
export function viewerKeyOf(user: AuthUser): string {
  return user.role === 'officer' && user.orgId ? `o:${user.orgId}` : `u:${user.id}`;
}

/**
 * Whether the caller may see an event: caucus entries only reach their party and the mediator;
 * `staff` entries (personal data such as a respondent's address change) only admins and officers.
 */
export function canSeeEvent(
  user: AuthUser,
  caseDoc: Pick<CaseDoc, 'complainantId' | 'respondentId' | 'mediatorId'>,
  ev: Pick<CaseEventDoc, 'data'>,
): boolean {
  const visibility = ev.data.visibility as MessageVisibility | 'staff' | undefined;
  if (visibility === 'staff') return user.role === 'admin' || user.role === 'officer';
  return !visibility || canReadMessage(user, caseDoc, visibility);
}

/**
 * Authorises an action on a case the user sees, before the machine decides: the user may act on the
 * case at all (`mayActOn`: 403 `notHandlingOrg`), a named assignee is an active account of the right
 * role without a declared conflict (`checkAssignee.ts`: 422), and a hand-over goes to a staffed
 * organisation of the channel's type (`checkHandOver.ts`: 422). Then the machine's guards decide whether
 * the action is open to this actor now, and `refusalKind` says why not.
 */
export async function authoriseAction(
  db: Connection,
  user: AuthUser,
  doc: CaseDoc,
  action: CaseAction,
): Promise<void> {
  if (!mayActOn(user, doc))
    throw new ForbiddenError(
      'Only officers of the organisation holding this case may act on it.',
      'notHandlingOrg',
    );
  await checkAssignee(db, doc, action);
  await checkHandOver(db, doc, action);
}

/**
 * Whether a user may act on a case at all: officers only for the organisation holding it (the
 * machine's guards then decide which actions their role may take now).
 */
export function mayActOn(user: AuthUser, c: CaseAccess): boolean {
  if (!canSeeCase(user, c)) return false;
  if (user.role === 'officer') return isOfficerOfCase(user, c);
  return true;
}

/**
 * Why the machine refused an action of `caller`: `invalid` when the caller's role may take it now
 * but not with these details (422), `forbidden` when someone else on the case could take it now
 * (the caller's role or identity is wrong: 403), `notNow` when nobody could (409).
 */
export function refusalKind(
  snapshot: CaseSnapshot,
  type: CaseEventType,
  at: string,
  caller?: Actor,
): 'invalid' | 'forbidden' | 'notNow' {
  if (caller && availableActions(snapshot, caller, at).includes(type)) return 'invalid';
  const context = snapshot.context as CaseContext;
  const candidates: Actor[] = [
    { id: context.complainantId, role: 'complainant' },
    ...respondentIds(context).map((id) => ({ id, role: 'respondent' as const })),
    ...(context.mediatorId ? [{ id: context.mediatorId, role: 'mediator' as const }] : []),
    ...(context.arbitratorId ? [{ id: context.arbitratorId, role: 'arbitrator' as const }] : []),
    ...(context.investigatorId ? [{ id: context.investigatorId, role: 'investigator' as const }] : []),
    { id: 'officer', role: 'officer', orgType: handlerOrgType(context) },
    { id: 'court', role: 'officer', orgType: 'judicial' },
    { id: 'admin', role: 'admin' },
    { id: 'system', role: 'system' },
  ];
  return candidates.some((actor) => availableActions(snapshot, actor, at).includes(type))
    ? 'forbidden'
    : 'notNow';
}

/**
 * Who reads a message: joint messages everyone on the case; a caucus only its party and the mediator.
 * The respondents' caucus is the first respondent's: the other respondents of a case (separate
 * parties, who may be unrelated companies) never read it and write in the joint thread.
 */
export function canReadMessage(
  user: AuthUser,
  c: Pick<CaseDoc, 'complainantId' | 'respondentId' | 'mediatorId'>,
  visibility: MessageVisibility,
): boolean {
  if (visibility === 'joint') return true;
  if (user.id === c.mediatorId) return true;
  if (visibility === 'caucus:complainant') return user.id === c.complainantId;
  return user.id === c.respondentId;
}

/** Who may write a message with a visibility: parties and the mediator (caucus), anyone on the case (joint). */
export function canWriteMessage(
  user: AuthUser,
  c: Pick<CaseDoc, 'complainantId' | 'respondentId' | 'mediatorId'>,
  visibility: MessageVisibility,
): boolean {
  return canReadMessage(user, c, visibility);
}
