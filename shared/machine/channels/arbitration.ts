/**
 * The arbitration channel: the tribunal is constituted (the appointed arbitrator declares
 * impartiality or declines), then hears the case and renders an award, all under one clock
 * (expedited or standard rules) that may be extended once.
 */
import { and } from 'xstate';
import { caseSetup } from '../caseSetup.js';
import { ARBITRATION_CLOCKS, withClock } from '../stateClocks.js';
import { RESOLVED } from '../stateIds.js';

/** The state config of the arbitration channel. */
export const arbitrationChannel = caseSetup.createStateConfig({
  ...withClock(...ARBITRATION_CLOCKS),
  initial: 'tribunalConstitution',
  states: {
    tribunalConstitution: {
      on: {
        // Expedited: the parties jointly choose the sole arbitrator or entrust the chairman (art. 31).
        NOMINATE_ARBITRATOR: [
          {
            guard: and(['isNominationValid', 'completesJointNomination']),
            target: 'awaitingDeclaration',
            actions: ['recordNomination', 'appointNominee'],
          },
          { guard: 'isNominationValid', actions: 'recordNomination' },
        ],
        APPOINT_ARBITRATOR: {
          guard: and(['isHandler', 'isArbitratorEligible', 'mayCommissionAppoint']),
          target: 'awaitingDeclaration',
          actions: 'appointArbitrator',
        },
      },
    },
    awaitingDeclaration: {
      on: {
        DECLARE_IMPARTIALITY: { guard: 'isAssignedArbitrator', target: 'hearing' },
        DECLINE_ASSIGNMENT: {
          guard: 'isAssignedArbitrator',
          target: 'tribunalConstitution',
          actions: ['releaseArbitrator', 'clearNominations'],
        },
      },
    },
    hearing: {
      tags: ['hearing'],
      on: {
        RESPOND: { guard: 'isRespondent', actions: 'recordAnswer' },
        SCHEDULE_SESSION: { guard: 'isAssignedArbitrator', actions: 'scheduleSession' },
        RECORD_SESSION: { guard: 'isAssignedArbitrator', actions: 'recordSession' },
        PROPOSE_AGREEMENT: { guard: 'isAssignedArbitrator', actions: 'proposeAgreement' },
        REQUEST_EXTENSION: {
          guard: and([
            'isAssignedArbitrator',
            { type: 'isArbitrationExtensionAllowed', params: { clocks: ARBITRATION_CLOCKS } },
          ]),
          actions: { type: 'extendArbitration', params: { clocks: ARBITRATION_CLOCKS } },
        },
        RENDER_AWARD: {
          guard: and(['isAssignedArbitrator', 'isAwardConsistent']),
          target: RESOLVED,
          actions: 'recordAward',
        },
      },
    },
  },
});
