import { migrateLegacyEvent } from './migrateLegacyEvent.js';
import type { CaseEvent } from '../../shared/machine/caseEvents.js';
import { caseStatus, initialCaseSnapshot, type CaseSnapshot } from '../../shared/machine/machineApi.js';
import type { CaseEventDoc } from './caseEventModel.js';
import { applyStoredEvent } from './legacyReplay.js';
import type { CaseFiling, CaseFoldState } from './projectCase.js';

/** The log holds an event the machine refuses on replay: the log or the machine is inconsistent. */
export class ReplayError extends Error {
  override name = 'ReplayError';
}

/** Record-event types that change the projection (others are facts for the timeline only). */
export const ORG_ASSIGNED = 'ORG_ASSIGNED';
/** Record type: another organisation joins a case (a court ruling on a mediation agreement). */
export const ORG_JOINED = 'ORG_JOINED';

/** The machine event a stored transition stands for. */
export function machineEventOf(
  ev: Pick<CaseEventDoc, 'type' | 'actor' | 'at' | 'data'> & { machineVersion?: number },
): CaseEvent {
  const event = { ...ev.data, type: ev.type, actor: ev.actor, at: new Date(ev.at).toISOString() };
  return (
    typeof ev.machineVersion === 'number' ? { ...event, machineVersion: ev.machineVersion } : event
  ) as CaseEvent;
}

/** The filing's input, with the complaint's arbitration agreement for filings from before it was copied. */
function withArbitrationAgreement(filing: CaseFiling): CaseFiling['input'] {
  if (filing.input.arbitrationAgreement !== undefined) return filing.input;
  const consents = (filing.complaint as { consents?: { arbitrationAgreement?: unknown } } | undefined)
    ?.consents;
  return { ...filing.input, arbitrationAgreement: consents?.arbitrationAgreement === true };
}

/**
 * Applies one stored event to a fold state (pure). `FILED` starts the fold; transitions go through
 * the machine; record events only touch the facts they carry. `applied` is the snapshot the machine
 * already gave for a transition of this machine version (the live action): the fold takes it instead
 * of running the machine a second time.
 */
export function foldCaseEvent(
  state: CaseFoldState | undefined,
  ev: CaseEventDoc,
  applied?: CaseSnapshot,
): CaseFoldState {
  const at = new Date(ev.at);
  if (ev.kind === 'created') {
    const filing = ev.data as unknown as CaseFiling;
    return {
      filing,
      snapshot: initialCaseSnapshot(withArbitrationAgreement(filing)),
      orgId: null,
      joinedOrgIds: [],
      seq: ev.seq,
      lastHash: ev.hash,
      filedAt: at,
      updatedAt: at,
      resolvedAt: null,
      closedAt: null,
    };
  }
  if (!state) throw new ReplayError(`case ${ev.caseId}: event ${ev.seq} comes before FILED`);
  if (ev.seq !== state.seq + 1) {
    throw new ReplayError(`case ${ev.caseId}: expected event ${state.seq + 1}, found ${ev.seq}`);
  }
  let snapshot: CaseSnapshot = state.snapshot;
  let { orgId, resolvedAt, closedAt, joinedOrgIds } = state;
  if (ev.kind === 'transition') {
    const before = caseStatus(snapshot);
    if (applied) {
      snapshot = applied;
    } else {
      // an event of an older machine version is replayed as what it stands for in this one
      for (const event of migrateLegacyEvent(snapshot, machineEventOf(ev), ev.machineVersion)) {
        const res = applyStoredEvent(snapshot, event, ev.machineVersion);
        if (!res.accepted) {
          throw new ReplayError(`case ${ev.caseId}: the machine refuses stored event ${ev.seq} (${ev.type})`);
        }
        snapshot = res.snapshot;
      }
    }
    const after = caseStatus(snapshot);
    if (after !== before && after === 'resolved') resolvedAt = at;
    if (after !== before && after === 'closed') {
      closedAt = at;
      resolvedAt ??= at;
    }
  } else if (ev.type === ORG_ASSIGNED) {
    orgId = typeof ev.data.orgId === 'string' ? ev.data.orgId : null;
  } else if (
    ev.type === ORG_JOINED &&
    typeof ev.data.orgId === 'string' &&
    !joinedOrgIds.includes(ev.data.orgId)
  ) {
    joinedOrgIds = [...joinedOrgIds, ev.data.orgId];
  }
  return {
    ...state,
    snapshot,
    orgId,
    joinedOrgIds,
    seq: ev.seq,
    lastHash: ev.hash,
    updatedAt: at,
    resolvedAt,
    closedAt,
  };
}
