/**
 * The administrative channel: ordinary adjudication by the enforcement office (acceptance,
 * investigation, decision under the adjudication clock), or the fast track run by a protection
 * center (pre-review, technical comparison, determination) with the e-commerce notice /
 * counter-notice / restore procedure when a listing is taken down.
 */
import { and } from 'xstate';
import { caseSetup } from '../caseSetup.js';
import { expiryOf, determinationBy, officerOf } from '../guardRefs.js';
import { FAST_TRACK_CLOCKS, withClock } from '../stateClocks.js';
import { RESOLVED } from '../stateIds.js';
import { ADMIN_CASE_CLOCKS } from '../rules/administrativeRules.js';

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
          tags: ['takedownNoticeIssued'],
          on: {
            COUNTER_NOTICE: {
              guard: 'isRespondent',
              target: 'counterNoticed',
              actions: 'recordCounterNotice',
            },
            DEADLINE: { guard: expiryOf('ecommerceSellerResponse'), target: RESOLVED },
          },
        },
        // The counter-notice waits for the platform to forward it; its 15 days run from receipt
        // (E-Commerce Law art. 43). Snapshots from before ran the restore clock here: stop it on exit.
        counterNoticed: {
          exit: [{ type: 'stopClock', params: { clocks: ['ecommerceRestore'] } }],
          on: {
            FORWARD_COUNTER_NOTICE: {
              guard: and([center, 'isCounterNoticeUnforwarded']),
              target: 'counterNoticeReceived',
              actions: 'recordCounterNoticeReceipt',
            },
            NOTIFY_COMPLAINT: {
              guard: and(['isComplainant', 'isComplaintNoticeValid']),
              target: RESOLVED,
              actions: 'recordComplaintNotice',
            },
            // Logs written before NOTIFY_COMPLAINT existed recorded that notice as PROVIDE_INFO.
            PROVIDE_INFO: { guard: 'isComplainant', target: RESOLVED },
            // ... and their restore clock ran from the filing. The determination of infringement is
            // the complaint of art. 43: the listing stays down (no restore).
            DEADLINE: { guard: 'isRestoreExpiry', target: RESOLVED },
          },
        },
        // The rights holder has the counter-notice. A determination of infringement is itself the
        // complaint to an authority of art. 43, so expiry does not restore the listing.
        counterNoticeReceived: {
          ...withClock('ecommerceRestore'),
          on: {
            NOTIFY_COMPLAINT: {
              guard: and(['isComplainant', 'isComplaintNoticeValid']),
              target: RESOLVED,
              actions: 'recordComplaintNotice',
            },
            DEADLINE: { guard: expiryOf('ecommerceRestore'), target: RESOLVED },
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
      ...withClock(...ADMIN_CASE_CLOCKS),
      on: {
        ASSIGN_INVESTIGATOR: { guard: office, actions: 'assignInvestigator' },
        SUBMIT_TECH_REPORT: { guard: 'isAssignedInvestigator', actions: 'recordTechReport' },
        RESPOND: { guard: 'isRespondent', actions: 'recordAnswer' },
        REQUEST_EXTENSION: {
          guard: and([office, 'isAdminExtensionAllowed']),
          actions: 'extendAdminCase',
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
