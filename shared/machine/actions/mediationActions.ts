/**
 * Actions of the mediation procedure (spread into `caseActions`): the parties' applications for
 * judicial confirmation, extensions the parties agreed to, and a mediator stepping down.
 */
import { assign, type ParameterizedObject } from 'xstate';
import { partySide } from '../caseActors.js';
import type { CaseContext } from '../caseContext.js';
import type { ClockId } from '../../time/clockIds.js';
import type { CaseEvent } from '../caseEvents.js';
import { eventOf } from '../caseEventOf.js';
import { confirmationApplicationsOf, runningClockOf } from '../rules/mediationRules.js';

type Params = ParameterizedObject['params'] | undefined;

function update<P extends Params = undefined>(
  fn: (args: { context: CaseContext; event: CaseEvent }, params: P) => Partial<CaseContext>,
) {
  return assign<CaseContext, CaseEvent, P, CaseEvent, never>(fn);
}

/** Mediation action implementations, keyed by the names the machine uses. */
export const mediationActions = {
  /** Records a party's application for judicial confirmation. */
  applyForConfirmation: update(({ context, event }) => {
    const side = partySide(context, event.actor);
    return side ? { confirmationApplications: { ...confirmationApplicationsOf(context), [side]: true } } : {};
  }),
  /** A newly signed agreement: nobody has applied for its confirmation yet. */
  clearConfirmationApplications: update(() => ({
    confirmationApplications: { complainant: false, respondent: false },
  })),
  /** Both parties approved: the running one of these clocks is extended by the requested days. */
  grantExtension: update<{ clocks: readonly ClockId[] }>(({ context }, { clocks }) => {
    const days = context.extension.requestedDays;
    const id = runningClockOf(context, clocks);
    const entry = id === null ? undefined : context.clocks[id];
    if (days === null || id === null || !entry) return {};
    return {
      extension: { ...context.extension, granted: true },
      clocks: {
        ...context.clocks,
        [id]: { startedAt: entry.startedAt, extension: { amount: days, unit: 'days' } },
      },
    };
  }),
  /**
   * The mediator declines (or has a conflict): never assigned to this case again. A conflict is
   * recorded with the party it concerns, when the mediator names one.
   */
  releaseMediator: update(({ context, event }) => {
    const decline = eventOf(event, 'DECLINE_ASSIGNMENT');
    const mediatorId = context.mediatorId;
    if (!decline || mediatorId === null) return {};
    const conflict = {
      mediatorId,
      reason: decline.reason ?? 'conflict of interest',
      ...(decline.conflictWith ? { party: decline.conflictWith } : {}),
    };
    return {
      mediatorId: null,
      declinedMediatorIds: [...context.declinedMediatorIds, mediatorId],
      conflicts: decline.conflict ? [...context.conflicts, conflict] : context.conflicts,
    };
  }),
};
