/**
 * Replaying a log written by machine version 1 through the current machine (a migration). Version 1
 * let the court proceed where version 2 follows the Civil Procedure Law, so some of its events are
 * refused as they stand; each is bridged by the step version 1 took implicitly, at the same instant:
 * - a judgment was final at once: an event after it (OPEN_COMPLIANCE, CLOSE) first lets the appeal
 *   window pass (`DEADLINE` of its clock);
 * - the court could start trial or entrust mediation during the answer period: the answer period is
 *   first closed (`DEADLINE respondentAnswer`);
 * - a withdrawal in court closed the case at once: the court's permission follows it.
 * The bridge only applies to events of an older version, so a current log replays as it was written.
 */
import type { CaseEvent } from '../../shared/machine/caseEvents.js';
import { courtRecordOf } from '../../shared/machine/courtContext.js';
import { APPEAL_CLOCKS } from '../../shared/machine/rules/courtRules.js';
import { applyCaseEvent, caseStage, type CaseSnapshot } from '../../shared/machine/machineApi.js';
import { SYSTEM_ACTOR } from './systemActor.js';

/** The machine version before the court's appeal window and withdrawal ruling. */
export const PRE_COURT_LAW_VERSION = 1;

/** Who stands for the court's implicit ruling in a bridged version-1 withdrawal. */
const LEGACY_COURT = { id: 'legacy-replay', role: 'admin' } as const;

/** The bridging events a refused version-1 event needs first, or none. */
function before(snapshot: CaseSnapshot, event: CaseEvent): CaseEvent[] {
  const stage = caseStage(snapshot);
  const at = event.at;
  if (stage === 'inChannel.appealWindow') {
    const clock = APPEAL_CLOCKS.find((id) => snapshot.context.clocks[id] !== undefined);
    return clock ? [{ type: 'DEADLINE', clock, actor: SYSTEM_ACTOR, at }] : [];
  }
  if (
    stage === 'inChannel.judicial.filed.awaitingAnswer' &&
    (event.type === 'START_TRIAL' || event.type === 'ENTRUST_MEDIATION')
  ) {
    return [{ type: 'DEADLINE', clock: 'respondentAnswer', actor: SYSTEM_ACTOR, at }];
  }
  return [];
}

/**
 * Applies a stored event of machine version `version`: as it stands, or, for a version-1 event the
 * current machine refuses or handles differently, with its bridge. `accepted` is false when even the
 * bridge does not make the machine accept it.
 */
export function applyStoredEvent(
  snapshot: CaseSnapshot,
  event: CaseEvent,
  version: number,
): { snapshot: CaseSnapshot; accepted: boolean } {
  const direct = applyCaseEvent(snapshot, event);
  if (version > PRE_COURT_LAW_VERSION) return direct;
  let result = direct;
  if (!direct.accepted) {
    let bridged = snapshot;
    for (const step of before(snapshot, event)) {
      const res = applyCaseEvent(bridged, step);
      if (!res.accepted) return direct;
      bridged = res.snapshot;
    }
    result = applyCaseEvent(bridged, event);
  }
  if (result.accepted && event.type === 'WITHDRAW' && courtRecordOf(result.snapshot.context).withdrawal) {
    const permitted = applyCaseEvent(result.snapshot, {
      type: 'PERMIT_WITHDRAWAL',
      actor: LEGACY_COURT,
      at: event.at,
    });
    if (permitted.accepted) return permitted;
  }
  return result;
}
