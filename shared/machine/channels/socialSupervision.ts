/**
 * The social-supervision channel: a report is received and accepted, verified (with a technical
 * investigator if needed, and the respondent's answer), and decided: disclosure or none.
 */
import { and } from 'xstate';
import { caseSetup } from '../caseSetup.js';
import { determinationBy, officerOf } from '../guardRefs.js';
import { RESOLVED } from '../stateIds.js';

const supervisor = officerOf('socialSupervision');

/** The state config of the social-supervision channel. */
export const socialSupervisionChannel = caseSetup.createStateConfig({
  initial: 'received',
  states: {
    received: {
      on: { ACCEPT: { guard: supervisor, target: 'verification' } },
    },
    verification: {
      on: {
        ASSIGN_INVESTIGATOR: { guard: supervisor, actions: 'assignInvestigator' },
        SUBMIT_TECH_REPORT: { guard: 'isAssignedInvestigator', actions: 'recordTechReport' },
        RESPOND: { guard: 'isRespondent', actions: 'recordAnswer' },
        DETERMINE: {
          guard: and([supervisor, determinationBy('socialSupervision')]),
          target: RESOLVED,
          actions: 'recordDetermination',
        },
      },
    },
  },
});
