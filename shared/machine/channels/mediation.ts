/**
 * The mediation channel: mediator assignment and acceptance, the respondent's consent, sessions
 * under the 30-day clock, a signed agreement, optional judicial confirmation; or failure and transfer.
 */
import { and } from 'xstate';
import { caseSetup } from '../caseSetup.js';
import { closeReasonIs, expiryOf, officerOf } from '../guardRefs.js';
import { withClock } from '../stateClocks.js';
import { mediationOpeningSteps, mediationSessionStep, type MediationStepsOptions } from './mediationSteps.js';
import { CLOSED, IN_CHANNEL, RESOLVED } from '../stateIds.js';

const steps: MediationStepsOptions = {
  base: '#case.inChannel.mediation',
  failTarget: '#case.inChannel.mediation.failed',
  sessionClock: true,
  extensionClocks: ['mediation'],
};

const signedClock = withClock('confirmationApplication');

/** The state config of the mediation channel. */
export const mediationChannel = caseSetup.createStateConfig({
  initial: 'awaitingMediator',
  // the mediation period runs from the mediator's acceptance: whichever way the channel is left, it stops
  exit: [{ type: 'stopClock', params: { clocks: ['mediation'] } }],
  states: {
    ...mediationOpeningSteps(steps),
    inSession: mediationSessionStep(steps),
    // Judicial confirmation needs both parties' joint application within the clock (CPL art. 205; SPC
    // Interpretation of the CPL art. 351): the first application waits for the other party's.
    signed: {
      ...signedClock,
      entry: [...signedClock.entry, 'clearConfirmationApplications'],
      on: {
        REQUEST_CONFIRMATION: [
          {
            guard: and(['canApplyForConfirmation', 'isJointApplicationComplete']),
            target: 'awaitingConfirmation',
            actions: 'applyForConfirmation',
          },
          { guard: 'canApplyForConfirmation', actions: 'applyForConfirmation' },
        ],
        CLOSE: {
          guard: and(['isAssignedMediator', closeReasonIs('settled')]),
          target: RESOLVED,
          actions: { type: 'settle', params: { judiciallyConfirmed: false } },
        },
        DEADLINE: {
          guard: expiryOf('confirmationApplication'),
          target: RESOLVED,
          actions: { type: 'settle', params: { judiciallyConfirmed: false } },
        },
      },
    },
    awaitingConfirmation: {
      ...withClock('confirmationRuling'),
      tags: ['needsCourt'],
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
