/**
 * Service on the respondent (送达): the respondent's answer and consent periods run from service, not
 * from the case entering its channel (Civil Procedure Law art. 128: "within 15 days of receipt").
 * A state with one of these clocks keeps it waiting until the respondent is served; service
 * recorded later starts it from the service date.
 */
import type { ClockId } from '../time/clockIds.js';
import type { CaseContext, ClockEntry } from './caseContext.js';
import { latestServedAt } from './respondents.js';

/** The machine version from which the service clocks wait for service (earlier logs started them on entry). */
export const SERVICE_RULES_VERSION = 3;

/** The clocks that run from service on the respondent. */
export const SERVICE_CLOCKS: readonly ClockId[] = ['respondentAnswer', 'mediationConsent'];

/**
 * How the respondent was served: `link` — the respondent claimed the invitation sent to them, which
 * confirms receipt (SPC Online Litigation Rules, 法释〔2021〕12号, art. 29: service without prior consent
 * is effective once the recipient confirms receipt); `post` (the date on the return receipt, CPL art.
 * 91); `inPerson` (the date signed for, art. 87); `other` (e.g. served on an agent, with a note).
 */
export const SERVICE_MEANS = ['link', 'post', 'inPerson', 'other'] as const;
/** A means of service. */
export type ServiceMeans = (typeof SERVICE_MEANS)[number];
/** The means staff record themselves (`link` is the platform's own record of a claimed invitation). */
export const STAFF_SERVICE_MEANS = ['post', 'inPerson', 'other'] as const;

/** The respondent's service as recorded on the case. */
export interface ServiceRecord {
  means: ServiceMeans;
  /** When the respondent was served (the law's date of service). */
  servedAt: string;
  /** When it was recorded. */
  recordedAt: string;
  note?: string;
}

/** Whether a clock runs from service on the respondent. */
export function isServiceClock(clock: ClockId): boolean {
  return SERVICE_CLOCKS.includes(clock);
}

/** Whether the event follows the service rule (live events, and stored ones of version 3 on). */
export function followsServiceRule(event: { machineVersion?: number }): boolean {
  return typeof event.machineVersion !== 'number' || event.machineVersion >= SERVICE_RULES_VERSION;
}

/** The later of two ISO instants. */
function later(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

/**
 * The running service clocks after another respondent is served at `servedAt`: each starts again from
 * that date when it is later than its start (its extension kept), so the last served respondent has
 * the whole period too.
 */
export function restartServiceClocks(context: CaseContext, servedAt: string): CaseContext['clocks'] {
  const clocks = { ...context.clocks };
  for (const clock of SERVICE_CLOCKS) {
    const entry = clocks[clock];
    if (entry && !entry.breachedAt && Date.parse(servedAt) > Date.parse(entry.startedAt)) {
      clocks[clock] = { ...entry, startedAt: servedAt };
    }
  }
  return clocks;
}

/**
 * The clock entries a state entered at `at` starts, under the service rule: a service clock starts at
 * the later of service and entry, or waits (`pending`) while the respondent is not served.
 */
export function startServiceClock(
  context: CaseContext,
  clock: ClockId,
  at: string,
): { clocks: CaseContext['clocks']; awaitingService: CaseContext['awaitingService'] } {
  const servedAt = latestServedAt(context);
  if (servedAt === null) {
    return { clocks: context.clocks, awaitingService: { ...(context.awaitingService ?? {}), [clock]: at } };
  }
  const entry: ClockEntry = { startedAt: later(servedAt, at) };
  return { clocks: { ...context.clocks, [clock]: entry }, awaitingService: context.awaitingService ?? {} };
}

/** The clocks that were waiting for service, started from the service date (or their state's entry, if later). */
export function startAwaitingClocks(context: CaseContext, servedAt: string): CaseContext['clocks'] {
  const clocks = { ...context.clocks };
  for (const [clock, enteredAt] of Object.entries(context.awaitingService ?? {})) {
    clocks[clock as ClockId] = { startedAt: later(servedAt, enteredAt) };
  }
  return clocks;
}
