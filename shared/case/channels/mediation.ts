/**
 * The mediation channel: mediator assignment and acceptance, the respondent's consent, sessions
 * under the 30-day clock, a signed agreement, optional judicial confirmation; or failure and transfer.
 */
import { and } from 'xstate';
import { caseSetup } from '../caseSetup.js';
import { closeReasonIs, deadlineOf, officerOf } from '../guardRefs.js';
import { withClock } from '../stateClocks.js';
import { mediationOpeningSteps, mediationSessionStep, type MediationStepsOptions } from './mediationSteps.js';
import { CLOSED, IN_CHANNEL, RESOLVED } from './stateIds.js';

const steps: MediationStepsOptions = {
  base: '#case.inChannel.mediation',
  failTarget: '#case.inChannel.mediation.failed',
  sessionClock: true,
};

/** The state config of the mediation channel. */
export const mediationChannel = caseSetup.createStateConfig({
  initial: 'awaitingMediator',
  states: {
    ...mediationOpeningSteps(steps),
    inSession: mediationSessionStep(steps),
    signed: {
      ...withClock('confirmationApplication'),
      on: {
        REQUEST_CONFIRMATION: { guard: 'isParty', target: 'awaitingConfirmation' },
        CLOSE: {
          guard: and(['isAssignedMediator', closeReasonIs('settled')]),
          target: RESOLVED,
          actions: { type: 'settle', params: { judiciallyConfirmed: false } },
        },
        DEADLINE: {
          guard: deadlineOf('confirmationApplication'),
          target: RESOLVED,
          actions: { type: 'settle', params: { judiciallyConfirmed: false } },
        },
      },
    },
    awaitingConfirmation: {
      ...withClock('confirmationRuling'),
      on: {
        CONFIRM_AGREEMENT: {
          guard: officerOf('judicial'),
          target: RESOLVED,
          actions: { type: 'settle', params: { judiciallyConfirmed: true } },
        },
        REFUSE_CONFIRMATION: { guard: officerOf('judicial'), target: 'failed' },
      },
    },
    failed: {
      on: {
        TRANSFER: {
          guard: and(['isAssignedMediator', 'isTransferValid']),
          target: IN_CHANNEL,
          reenter: true,
          actions: 'transfer',
        },
        CLOSE: {
          guard: and(['isHandler', closeReasonIs('transferredOut')]),
          target: CLOSED,
          actions: { type: 'close', params: { reason: 'transferredOut' } },
        },
      },
    },
  },
});
