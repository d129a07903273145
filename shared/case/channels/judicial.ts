/**
 * The judicial channel: the case is filed and the respondent answers; the court may entrust
 * mediation (whose agreement it confirms) or try the case in summary or ordinary procedure, and
 * renders judgment (punitive damages only for wilful infringement).
 */
import { and } from 'xstate';
import { caseSetup } from '../caseSetup.js';
import { deadlineOf, officerOf } from '../guardRefs.js';
import { LITIGATION_MEDIATION_CLOCKS, withClock } from '../stateClocks.js';
import { mediationOpeningSteps, mediationSessionStep, type MediationStepsOptions } from './mediationSteps.js';
import { RESOLVED } from './stateIds.js';

const TRIAL = '#case.inChannel.judicial.trial';
const court = officerOf('judicial');

const entrusted: MediationStepsOptions = {
  base: '#case.inChannel.judicial.entrustedMediation',
  failTarget: TRIAL,
  sessionClock: false,
  // continued with every party's consent (SPC Provisions on Civil Mediation by the People's Courts art. 4)
  extensionClocks: LITIGATION_MEDIATION_CLOCKS,
};

/** The state config of the judicial channel. */
export const judicialChannel = caseSetup.createStateConfig({
  initial: 'filed',
  states: {
    filed: {
      initial: 'awaitingAnswer',
      on: {
        ENTRUST_MEDIATION: { guard: court, target: 'entrustedMediation', actions: 'markEntrusted' },
        START_TRIAL: { guard: court, target: 'trial' },
      },
      states: {
        awaitingAnswer: {
          ...withClock('respondentAnswer'),
          on: {
            RESPOND: { guard: 'isRespondent', target: 'answerClosed', actions: 'recordAnswer' },
            DEADLINE: { guard: deadlineOf('respondentAnswer'), target: 'answerClosed' },
          },
        },
        answerClosed: {},
      },
    },
    entrustedMediation: {
      ...withClock(...LITIGATION_MEDIATION_CLOCKS),
      initial: 'awaitingMediator',
      on: {
        DEADLINE: { guard: deadlineOf(...LITIGATION_MEDIATION_CLOCKS), target: TRIAL },
      },
      states: {
        ...mediationOpeningSteps(entrusted),
        inSession: mediationSessionStep(entrusted),
        signed: {
          on: {
            CONFIRM_AGREEMENT: {
              guard: court,
              target: RESOLVED,
              actions: { type: 'settle', params: { judiciallyConfirmed: true } },
            },
            REFUSE_CONFIRMATION: { guard: court, target: TRIAL },
          },
        },
      },
    },
    trial: {
      initial: 'choose',
      on: {
        RENDER_JUDGMENT: {
          guard: and([court, 'isJudgmentConsistent']),
          target: RESOLVED,
          actions: 'recordJudgment',
        },
      },
      states: {
        choose: {
          always: [{ guard: 'isSummaryTrack', target: 'summaryTrial' }, { target: 'ordinaryTrial' }],
        },
        summaryTrial: {
          ...withClock('summaryTrial'),
          on: {
            CONVERT_TO_ORDINARY: { guard: court, target: 'ordinaryTrial', actions: 'convertToOrdinary' },
          },
        },
        ordinaryTrial: { ...withClock('ordinaryTrial') },
      },
    },
  },
});
