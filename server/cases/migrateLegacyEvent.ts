import type { CaseContext } from '../../shared/machine/caseContext.js';
import type { CaseEvent } from '../../shared/machine/caseEvents.js';
import { caseStage, type CaseSnapshot } from '../../shared/machine/machineApi.js';

/**
 * The machine events a stored event of an older machine version stands for in this one, in order
 * (the event itself when nothing changed). Machine version 1 differs in two ways the replay meets:
 * one party's application for judicial confirmation stood for both (version 2 needs the joint
 * application, so the other party's is added), and the respondent's consent to mediate ran on the
 * `respondentAnswer` clock (now `mediationConsent`).
 */
export function migrateLegacyEvent(
  snapshot: CaseSnapshot,
  event: CaseEvent,
  machineVersion: number,
): CaseEvent[] {
  if (machineVersion >= 2) return [event];
  const context: CaseContext = snapshot.context;
  const stage = caseStage(snapshot);
  if (event.type === 'DEADLINE' && event.clock === 'respondentAnswer' && stage.endsWith('.awaitingConsent')) {
    return [{ ...event, clock: 'mediationConsent' }];
  }
  if (event.type === 'REQUEST_CONFIRMATION' && stage === 'inChannel.mediation.signed') {
    const other =
      event.actor.id === context.complainantId
        ? context.respondentId && { id: context.respondentId, role: 'respondent' as const }
        : { id: context.complainantId, role: 'complainant' as const };
    return other ? [event, { ...event, actor: other }] : [event];
  }
  return [event];
}
