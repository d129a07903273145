import type { ProblemCode } from '../../shared/api/problemCodes.js';
import type { ActionBody } from '../../shared/machine/actions/actionSchemas.js';
import type { CaseContext } from '../../shared/machine/caseContext.js';
import type { Actor } from '../../shared/machine/caseEvents.js';
import type { CaseSnapshot } from '../../shared/machine/machineApi.js';
import { HEARING_NOTICE_DAYS, hearingNoticeTimely } from '../../shared/machine/rules/courtRules.js';
import { refusalKind } from './casePolicy.js';
import {
  ForbiddenError,
  InvalidError,
  type DomainError,
  type NotAllowedNowError,
} from '../errors/domainError.js';

/** Details the machine's guards require of some actions, named so the caller learns which is missing. */
function missingDetail(
  snapshot: CaseSnapshot,
  action: ActionBody,
  now: Date,
): { code: ProblemCode; path: string; message: string } | null {
  const context = snapshot.context as CaseContext;
  if (action.type === 'ROUTE') {
    const route = action as { channel: string; reason?: string };
    if (route.channel !== context.recommendedChannel && !route.reason?.trim()) {
      return {
        code: 'routeReasonRequired',
        path: 'reason',
        message: 'is required when routing away from the recommended channel',
      };
    }
  }
  if (action.type === 'SCHEDULE_SESSION' && context.channel === 'judicial' && snapshot.hasTag('hearing')) {
    const { sessionAt } = action as { sessionAt: string };
    if (!hearingNoticeTimely(now.toISOString(), sessionAt)) {
      return {
        code: 'hearingNoticeTooShort',
        path: 'sessionAt',
        message: `must be at least ${HEARING_NOTICE_DAYS} days away: the parties are notified ${HEARING_NOTICE_DAYS} days before a hearing (CPL art. 139)`,
      };
    }
  }
  return null;
}

/**
 * What to answer when the machine refused a caller's action, by why it did (the policy's
 * {@link refusalKind}): details of the action it does not accept (422, naming the field when known),
 * an action only someone else on the case may take now (403), or one nobody may take now (409, as
 * refused).
 */
export function refusalOf(
  refused: NotAllowedNowError,
  snapshot: CaseSnapshot,
  action: ActionBody,
  caller: Actor,
  now: Date,
): DomainError {
  const kind = refusalKind(snapshot, action.type, now.toISOString(), caller);
  if (kind === 'invalid') {
    const missing = missingDetail(snapshot, action, now);
    return new InvalidError(
      missing
        ? `${action.type}: ${missing.path} ${missing.message}.`
        : `${action.type} is possible now, but not with these details.`,
      missing?.code ?? ('actionDetailsRefused' as const),
      {
        action: action.type,
        ...(missing ? { errors: [{ path: missing.path, message: missing.message }] } : {}),
      },
    );
  }
  if (kind === 'forbidden') {
    return new ForbiddenError(`Your role on this case may not ${action.type} now.`, 'roleMayNotAct', {
      action: action.type,
      allowed: refused.extra.allowed,
    });
  }
  return refused;
}
