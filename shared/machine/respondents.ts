/**
 * Several respondents in one case (joint parties, Civil Procedure Law art. 55): the complaint's first
 * respondent keeps the case's `respondentId` and `service`; each other one it names has a slot in
 * `coRespondents`, in the complaint's order (slot 1 is `otherRespondents[0]`). Each is linked to an
 * account and served on their own; consent to mediation and the signature of an agreement need every
 * respondent (People's Mediation Law arts. 3, 17: mediation rests on each party's free will).
 */
import type { CaseContext } from './caseContext.js';
import type { ServiceRecord } from './serviceRules.js';

/** Most other respondents a complaint may name besides the first (each may be invited and served). */
export const MAX_OTHER_RESPONDENTS = 9;

/** How many respondents the case has slots for (the first and the others). */
export function respondentSlots(context: CaseContext): number {
  return 1 + (context.coRespondents?.length ?? 0);
}

/** The account linked to a respondent slot, if any. */
export function respondentIdAt(context: CaseContext, slot: number): string | null {
  if (slot === 0) return context.respondentId;
  return context.coRespondents?.[slot - 1]?.id ?? null;
}

/** The service recorded on a respondent slot, if any. */
export function serviceAt(context: CaseContext, slot: number): ServiceRecord | null {
  if (slot === 0) return context.service ?? null;
  return context.coRespondents?.[slot - 1]?.service ?? null;
}

/** Every account linked as a respondent of the case. */
export function respondentIds(context: CaseContext): string[] {
  const ids = [context.respondentId, ...(context.coRespondents ?? []).map((r) => r.id)];
  return ids.filter((id): id is string => typeof id === 'string' && id.length > 0);
}

/** The slot an account answers for, or -1. */
export function respondentSlotOf(context: CaseContext, userId: string | undefined): number {
  if (!userId) return -1;
  if (context.respondentId === userId) return 0;
  const i = (context.coRespondents ?? []).findIndex((r) => r.id === userId);
  return i < 0 ? -1 : i + 1;
}

/** The services recorded so far, one per served respondent. */
export function recordedServices(context: CaseContext): ServiceRecord[] {
  const all = [context.service ?? null, ...(context.coRespondents ?? []).map((r) => r.service)];
  return all.filter((s): s is ServiceRecord => s !== null);
}

/**
 * The latest date of service among the served respondents (null when nobody is served): the periods
 * that run from service run for the case from it, so that each respondent has their whole period from
 * their own service.
 */
export function latestServedAt(context: CaseContext): string | null {
  let latest: string | null = null;
  for (const s of recordedServices(context)) {
    if (latest === null || Date.parse(s.servedAt) > Date.parse(latest)) latest = s.servedAt;
  }
  return latest;
}

/** Whether every respondent slot is linked to an account and that account is in `ids`. */
export function everyRespondentIn(context: CaseContext, ids: readonly string[]): boolean {
  for (let slot = 0; slot < respondentSlots(context); slot++) {
    const id = respondentIdAt(context, slot);
    if (id === null || !ids.includes(id)) return false;
  }
  return true;
}
