/**
 * The judicial channel (Civil Procedure Law, 2023 numbering). The trial period runs from filing
 * (立案), summary 3 months or ordinary 6 months (arts. 164, 152), with extensions by the court
 * president or the higher court; the respondent answers within 15 days of service (art. 128) and
 * the court entrusts mediation or starts trial only once the answer is in or that period is over;
 * at trial the court schedules hearings three days ahead (art. 139) and records them;
 * a withdrawal needs the court's ruling (art. 148). The judgment opens the appeal window
 * (`appealWindowState`): 15 days from service (art. 171), 30 for a party without domicile in China
 * (art. 286); unappealed, it becomes final and the case is resolved.
 */
import { and } from 'xstate';
import { caseSetup } from '../caseSetup.js';
import { APPEAL_CLOCKS, TRIAL_CLOCKS } from '../rules/courtRules.js';
import { expiryOf, officerOf } from '../guardRefs.js';
import { LITIGATION_MEDIATION_CLOCKS, withClock } from '../stateClocks.js';
import { mediationOpeningSteps, mediationSessionStep, type MediationStepsOptions } from './mediationSteps.js';
import { CLOSED, RESOLVED } from '../stateIds.js';

const TRIAL = '#case.inChannel.judicial.trial';
const APPEAL_WINDOW = '#case.inChannel.appealWindow';
const court = officerOf('judicial');

const entrusted: MediationStepsOptions = {
  base: '#case.inChannel.judicial.entrustedMediation',
  failTarget: TRIAL,
  sessionClock: false,
  // continued with every party's consent (SPC Provisions on Civil Mediation by the People's Courts art. 4)
  extensionClocks: LITIGATION_MEDIATION_CLOCKS,
};

/** The state config of the judicial channel (the trial clock runs from filing to judgment). */
export const judicialChannel = caseSetup.createStateConfig({
  ...withClock(...TRIAL_CLOCKS),
  initial: 'filed',
  on: {
    WITHDRAW: {
      guard: and(['isComplainant', 'beforeDecision', 'noWithdrawalPending']),
      actions: 'applyWithdrawal',
    },
    PERMIT_WITHDRAWAL: {
      guard: and([court, 'isWithdrawalPending']),
      target: CLOSED,
      actions: [{ type: 'close', params: { reason: 'withdrawn' } }],
    },
    REFUSE_WITHDRAWAL: {
      guard: and([court, 'isWithdrawalPending', 'hasWithdrawalRefusalReason']),
      actions: 'refuseWithdrawal',
    },
    EXTEND_TRIAL: { guard: and([court, 'isTrialExtensionAllowed']), actions: 'extendTrial' },
  },
  states: {
    filed: {
      initial: 'awaitingAnswer',
      states: {
        awaitingAnswer: {
          ...withClock('respondentAnswer'),
          on: {
            RESPOND: { guard: 'isRespondent', target: 'answerClosed', actions: 'recordAnswer' },
            DEADLINE: { guard: expiryOf('respondentAnswer'), target: 'answerClosed' },
          },
        },
        answerClosed: {
          on: {
            ENTRUST_MEDIATION: {
              guard: court,
              target: '#case.inChannel.judicial.entrustedMediation',
              actions: 'markEntrusted',
            },
            START_TRIAL: { guard: court, target: TRIAL },
          },
        },
      },
    },
    entrustedMediation: {
      ...withClock(...LITIGATION_MEDIATION_CLOCKS),
      initial: 'awaitingMediator',
      on: {
        DEADLINE: { guard: expiryOf(...LITIGATION_MEDIATION_CLOCKS), target: TRIAL },
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
      tags: ['hearing'],
      on: {
        SCHEDULE_SESSION: { guard: and([court, 'isHearingNoticeTimely']), actions: 'scheduleSession' },
        RECORD_SESSION: { guard: court, actions: 'recordSession' },
        RENDER_JUDGMENT: {
          guard: and([court, 'isJudgmentConsistent']),
          target: APPEAL_WINDOW,
          actions: ['recordJudgment', 'recordDomicile'],
        },
      },
      states: {
        choose: {
          always: [{ guard: 'isSummaryTrack', target: 'summaryTrial' }, { target: 'ordinaryTrial' }],
        },
        summaryTrial: {
          on: {
            CONVERT_TO_ORDINARY: {
              guard: court,
              target: 'ordinaryTrial',
              actions: ['convertToOrdinary', 'convertTrialClock'],
            },
          },
        },
        ordinaryTrial: {},
      },
    },
  },
});

/**
 * The first-instance judgment open to appeal. A party appeals within its period: the case leaves
 * the platform's procedure for the higher court (closed, `appealed`; the judgment is not final and
 * nothing follows from it here). When the window passes unappealed the judgment is final: resolved,
 * then compliance and the credit register.
 */
export const appealWindowState = caseSetup.createStateConfig({
  ...withClock(...APPEAL_CLOCKS),
  on: {
    APPEAL: {
      guard: 'mayAppeal',
      target: CLOSED,
      actions: ['recordAppeal', { type: 'close', params: { reason: 'appealed' } }],
    },
    DEADLINE: { guard: expiryOf(...APPEAL_CLOCKS), target: RESOLVED, actions: 'finaliseJudgment' },
  },
});
