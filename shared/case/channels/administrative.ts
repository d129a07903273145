/**
 * The administrative channel: ordinary adjudication by the enforcement office (acceptance,
 * investigation, decision under the adjudication clock), or the fast track run by a protection
 * center (pre-review, technical comparison, determination) with the e-commerce notice /
 * counter-notice / restore procedure when a listing is taken down.
 */
import { and } from 'xstate';
import { caseSetup } from '../caseSetup.js';
import { deadlineOf, determinationBy, officerOf } from '../guardRefs.js';
import { FAST_TRACK_CLOCKS, withClock } from '../stateClocks.js';
import { RESOLVED } from './stateIds.js';

const center = officerOf('protectionCenter');
const office = officerOf('administrative');

const fastTrack = caseSetup.createStateConfig({
  initial: 'examination',
  states: {
    examination: {
      ...withClock(...FAST_TRACK_CLOCKS),
      initial: 'preReview',
      on: { RESPOND: { guard: 'isRespondent', actions: 'recordAnswer' } },
      states: {
        preReview: {
          on: {
            ACCEPT: { guard: center, target: 'technicalComparison' },
            REJECT: { guard: center, target: '#case.triage.ready', actions: 'refuseFastTrack' },
          },
        },
        technicalComparison: {
          on: {
            ASSIGN_INVESTIGATOR: { guard: center, actions: 'assignInvestigator' },
            SUBMIT_TECH_REPORT: {
              guard: 'isAssignedInvestigator',
              target: 'determination',
              actions: 'recordTechReport',
            },
          },
        },
        determination: {
          on: {
            DETERMINE: [
              {
                guard: and([center, determinationBy('administrative'), 'ordersListingTakedown']),
                target: '#case.inChannel.administrative.fastTrack.remedy',
                actions: 'recordDetermination',
              },
              {
                guard: and([center, determinationBy('administrative')]),
                target: RESOLVED,
                actions: 'recordDetermination',
              },
            ],
          },
        },
      },
    },
    remedy: {
      initial: 'noticeIssued',
      states: {
        noticeIssued: {
          ...withClock('ecommerceSellerResponse'),
          on: {
            COUNTER_NOTICE: { guard: 'isRespondent', target: 'counterNoticed' },
            DEADLINE: { guard: deadlineOf('ecommerceSellerResponse'), target: RESOLVED },
          },
        },
        counterNoticed: {
          ...withClock('ecommerceRestore'),
          on: {
            PROVIDE_INFO: { guard: 'isComplainant', target: RESOLVED },
            DEADLINE: { guard: deadlineOf('ecommerceRestore'), target: RESOLVED, actions: 'restoreListing' },
          },
        },
      },
    },
  },
});

const ordinary = caseSetup.createStateConfig({
  initial: 'acceptance',
  states: {
    acceptance: {
      on: { ACCEPT: { guard: office, target: 'investigation' } },
    },
    investigation: {
      ...withClock('adminAdjudication'),
      on: {
        ASSIGN_INVESTIGATOR: { guard: office, actions: 'assignInvestigator' },
        SUBMIT_TECH_REPORT: { guard: 'isAssignedInvestigator', actions: 'recordTechReport' },
        RESPOND: { guard: 'isRespondent', actions: 'recordAnswer' },
        REQUEST_EXTENSION: {
          guard: and([office, 'isAdjudicationExtensionAllowed']),
          actions: 'extendAdjudication',
        },
        DETERMINE: {
          guard: and([office, determinationBy('administrative')]),
          target: RESOLVED,
          actions: 'recordDetermination',
        },
      },
    },
  },
});

/** The state config of the administrative channel. */
export const administrativeChannel = caseSetup.createStateConfig({
  initial: 'choose',
  states: {
    choose: { always: [{ guard: 'isFastTrack', target: 'fastTrack' }, { target: 'ordinary' }] },
    fastTrack,
    ordinary,
  },
});
