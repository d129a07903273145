/**
 * The legal-services channel: a legal-aid officer takes the case in (or declines it), advises the
 * complainant and records the outcome (advice given, or a settlement reached).
 */
import { and } from 'xstate';
import { caseSetup } from '../caseSetup.js';
import { closeReasonIs, officerOf } from '../guardRefs.js';
import { CLOSED, RESOLVED } from '../stateIds.js';

const legalAid = officerOf('legalServices');

/** The state config of the legal-services channel. */
export const legalServicesChannel = caseSetup.createStateConfig({
  initial: 'intake',
  states: {
    intake: {
      on: {
        ACCEPT: { guard: legalAid, target: 'advising' },
        DECLINE: { guard: and([legalAid, 'hasDeclineReason']), target: 'failed' },
      },
    },
    advising: {
      on: {
        SCHEDULE_SESSION: { guard: legalAid, actions: 'scheduleSession' },
        RECORD_SESSION: { guard: legalAid, actions: 'recordSession' },
        RECORD_OUTCOME: { guard: legalAid, target: RESOLVED, actions: 'recordLegalOutcome' },
      },
    },
    failed: {
      on: {
        CLOSE: {
          guard: and([legalAid, closeReasonIs('transferredOut')]),
          target: CLOSED,
          actions: { type: 'close', params: { reason: 'transferredOut' } },
        },
      },
    },
  },
});
