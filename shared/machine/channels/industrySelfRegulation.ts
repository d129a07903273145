/**
 * The industry self-regulation channel: the association reviews the complaint, mediates between
 * its members (with the respondent's consent) and determines; or the effort fails and the case is
 * transferred or closed.
 */
import { and } from 'xstate';
import { caseSetup } from '../caseSetup.js';
import { closeReasonIs, expiryOf, determinationBy, officerOf } from '../guardRefs.js';
import { withClock } from '../stateClocks.js';
import { CLOSED, RESOLVED } from '../stateIds.js';

const association = officerOf('industrySelfRegulation');

/** The state config of the industry self-regulation channel. */
export const industrySelfRegulationChannel = caseSetup.createStateConfig({
  initial: 'review',
  states: {
    review: {
      on: {
        ACCEPT: { guard: association, target: 'memberMediation' },
        DECLINE: { guard: and([association, 'hasDeclineReason']), target: 'failed' },
      },
    },
    memberMediation: {
      initial: 'awaitingConsent',
      states: {
        awaitingConsent: {
          ...withClock('respondentAnswer'),
          entry: [...withClock('respondentAnswer').entry, 'resetConsents'],
          on: {
            // member mediation needs every respondent's consent (`respondents.ts`)
            CONSENT: [
              { guard: and(['mayConsent', 'isLastConsent']), target: 'inSession', actions: 'recordConsent' },
              { guard: 'mayConsent', actions: 'recordConsent' },
            ],
            DECLINE: { guard: 'isRespondent', target: '#case.inChannel.industrySelfRegulation.failed' },
            DEADLINE: {
              guard: expiryOf('respondentAnswer'),
              target: '#case.inChannel.industrySelfRegulation.failed',
            },
          },
        },
        inSession: {
          on: {
            SCHEDULE_SESSION: { guard: association, actions: 'scheduleSession' },
            RECORD_SESSION: { guard: association, actions: 'recordSession' },
            DETERMINE: {
              guard: and([association, determinationBy('industrySelfRegulation')]),
              target: RESOLVED,
              actions: 'recordDetermination',
            },
            DECLARE_IMPASSE: { guard: association, target: '#case.inChannel.industrySelfRegulation.failed' },
          },
        },
      },
    },
    failed: {
      on: {
        CLOSE: {
          guard: and([association, closeReasonIs('transferredOut')]),
          target: CLOSED,
          actions: { type: 'close', params: { reason: 'transferredOut' } },
        },
      },
    },
  },
});
