/**
 * Who is who in a case: pure predicates over the case context and the actor of an event. The
 * guards of the machine are built from these. Organisation membership is checked by the server.
 */
import type { CaseContext } from './caseContext.js';
import type { Actor } from './caseEvents.js';
import { respondentSlotOf } from './respondents.js';
import type { OrgType } from '../vocabulary.js';

/** The platform itself (clock, automatic assignment). */
export function isSystem(actor: Actor | undefined): boolean {
  return actor?.role === 'system';
}

/** The platform supervisor, who may do every handler action. */
export function isAdmin(actor: Actor | undefined): boolean {
  return actor?.role === 'admin';
}

/** An admin or an officer of any organisation (the intake desk). */
export function isStaff(actor: Actor | undefined): boolean {
  return isAdmin(actor) || actor?.role === 'officer';
}

/** An admin, or an officer of an organisation of the given type. */
export function isOfficerOf(actor: Actor | undefined, orgType: OrgType | null): boolean {
  if (isAdmin(actor)) return true;
  return actor?.role === 'officer' && orgType !== null && actor.orgType === orgType;
}

/** The type of organisation that handles the case now: its channel, or a protection center. */
export function handlerOrgType(context: CaseContext): OrgType | null {
  if (context.channel === 'administrative' && context.fastTrack) return 'protectionCenter';
  return context.channel;
}

/** An admin, or an officer of the organisation type that handles the case now. */
export function isHandler(context: CaseContext, actor: Actor | undefined): boolean {
  return isOfficerOf(actor, handlerOrgType(context));
}

/** The case's complainant. */
export function isComplainant(context: CaseContext, actor: Actor | undefined): boolean {
  return actor?.role === 'complainant' && actor.id === context.complainantId;
}

/** One of the case's (linked) respondents (`respondents.ts`). */
export function isRespondent(context: CaseContext, actor: Actor | undefined): boolean {
  return actor?.role === 'respondent' && respondentSlotOf(context, actor.id) >= 0;
}

/** The side a party acts for, or null when the actor is not a party of this case. */
export function partySide(
  context: CaseContext,
  actor: Actor | undefined,
): 'complainant' | 'respondent' | null {
  if (isComplainant(context, actor)) return 'complainant';
  if (isRespondent(context, actor)) return 'respondent';
  return null;
}

/** The mediator assigned to the case. */
export function isAssignedMediator(context: CaseContext, actor: Actor | undefined): boolean {
  return actor?.role === 'mediator' && context.mediatorId !== null && actor.id === context.mediatorId;
}

/** The arbitrator appointed to the case. */
export function isAssignedArbitrator(context: CaseContext, actor: Actor | undefined): boolean {
  return actor?.role === 'arbitrator' && context.arbitratorId !== null && actor.id === context.arbitratorId;
}

/** The technical investigator assigned to the case. */
export function isAssignedInvestigator(context: CaseContext, actor: Actor | undefined): boolean {
  return (
    actor?.role === 'investigator' && context.investigatorId !== null && actor.id === context.investigatorId
  );
}
