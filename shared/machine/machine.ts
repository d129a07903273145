/**
 * The case lifecycle machine: screening → (awaiting info) → triage → in channel → resolved →
 * compliance → closed. Each channel's procedure lives in `channels/`; guards (who may do what) in
 * `caseGuards.ts`; context updates in `caseActions.ts`; clocks are started and stopped by the states
 * that own them (`stateClocks.ts`) and recorded in `context.clocks`.
 */
import { and } from 'xstate';
import { createCaseContext, type CaseContext } from './caseContext.js';
import { caseSetup } from './caseSetup.js';
import { closeReasonIs, expiryOf } from './guardRefs.js';
import { withClock } from './stateClocks.js';
import { administrativeChannel } from './channels/administrative.js';
import { arbitrationChannel } from './channels/arbitration.js';
import { industrySelfRegulationChannel } from './channels/industrySelfRegulation.js';
import { appealWindowState, judicialChannel } from './channels/judicial.js';
import { legalServicesChannel } from './channels/legalServices.js';
import { mediationChannel } from './channels/mediation.js';
import { socialSupervisionChannel } from './channels/socialSupervision.js';
import { CLOSED, IN_CHANNEL } from './stateIds.js';
import { CHANNELS } from '../vocabulary.js';

/**
 * Version of the machine definition; stored with persisted snapshots. 2 (issue 14): the mediation
 * period runs from the mediator's acceptance, the respondent's consent and a mediator's assignment have
 * their own clocks, judicial confirmation needs a joint application; the court's appeal window,
 * withdrawal ruling, answer period before trial and trial periods from filing; e-commerce restore only
 * from the counter-notice's receipt and never after a finding of infringement, arbitration only on an
 * agreement, hand-over within a channel. A case of version 1 is migrated by replaying its log
 * (`server/cases/migrateLegacyEvent.ts`, `server/cases/legacyReplay.ts`, and the earlier-rule guards
 * of `administrativeGuards.ts`). 3 (issue 12): the respondent's answer and consent periods run from
 * service (`SERVE`, `serviceRules.ts`); events of version 2 replay with those clocks started on entry. 4 (issue 12): several respondents
 * (`respondents.ts`): each is linked and served on their own (`LINK_RESPONDENT`/`SERVE` name the
 * respondent's slot), consent to mediation and the agreement's signature need every respondent, and a
 * later service moves the start of the running service clocks. A log of version 3 names one
 * respondent and replays unchanged.
 */
export const CASE_MACHINE_VERSION = 4;

/** The respondent agrees in writing to arbitrate (Arbitration Law art. 16), before any decision. */
const agreeToArbitrate = { guard: 'mayAgreeToArbitrate', actions: 'recordArbitrationAgreement' } as const;

const withdraw = {
  guard: 'isComplainant',
  target: CLOSED,
  actions: { type: 'close', params: { reason: 'withdrawn' } },
} as const;

/** The case lifecycle machine (pure: every action is an `assign`). */
export const caseMachine = caseSetup.createMachine({
  id: 'case',
  // a step runs in an inert actor built without input, as xstate's pure `transition()` builds it
  // (`stepScope` in machineApi.ts); its snapshot is discarded: an empty context there, not an exception
  context: ({ input }) => (input === undefined ? ({} as CaseContext) : createCaseContext(input)),
  initial: 'screening',
  on: {
    LINK_RESPONDENT: { guard: and(['isSystemOrAdmin', 'isLinkableRespondent']), actions: 'linkRespondent' },
    // Service on the respondent starts the answer and consent periods (`serviceRules.ts`).
    SERVE: { guard: 'mayRecordService', actions: 'recordService' },
    // ClockRuns that only warn (the authority is late): recorded on the clock, no transition.
    DEADLINE: { guard: 'isUnrecordedBreach', actions: 'recordBreach' },
  },
  states: {
    screening: {
      ...withClock('screeningDecision'),
      on: {
        ACCEPT: { guard: 'isStaff', target: 'triage' },
        REQUEST_INFO: { guard: 'isStaff', target: 'awaitingInfo' },
        REJECT: {
          guard: 'isStaff',
          target: 'closed',
          actions: { type: 'close', params: { reason: 'rejected' } },
        },
        WITHDRAW: withdraw,
      },
    },
    awaitingInfo: {
      ...withClock('infoRequest'),
      on: {
        PROVIDE_INFO: { guard: 'isComplainant', target: 'screening' },
        DEADLINE: {
          guard: expiryOf('infoRequest'),
          target: 'closed',
          actions: { type: 'close', params: { reason: 'lapsed' } },
        },
        WITHDRAW: withdraw,
      },
    },
    triage: {
      initial: 'choose',
      on: { WITHDRAW: withdraw, AGREE_TO_ARBITRATE: agreeToArbitrate },
      states: {
        choose: { always: [{ guard: 'isHeld', target: 'held' }, { target: 'ready' }] },
        held: {
          on: {
            RELEASE_HOLD: { guard: 'isAdmin', target: 'ready', actions: 'releaseHold' },
            REJECT: {
              guard: 'isAdmin',
              target: CLOSED,
              actions: { type: 'close', params: { reason: 'rejected' } },
            },
          },
        },
        ready: {
          on: {
            ROUTE: {
              guard: and(['isStaff', 'isRouteJustified', 'isArbitrationAllowed']),
              target: IN_CHANNEL,
              actions: 'route',
            },
          },
        },
      },
    },
    inChannel: {
      initial: 'choose',
      on: {
        // In court the complainant only applies to withdraw (`judicial.ts`, CPL art. 148).
        WITHDRAW: { ...withdraw, guard: and(['isComplainant', 'beforeDecision', 'withdrawsWithoutRuling']) },
        TRANSFER: {
          guard: and(['isHandler', 'isTransferValid']),
          target: IN_CHANNEL,
          reenter: true,
          actions: 'transfer',
        },
        AGREE_TO_ARBITRATE: agreeToArbitrate,
        // The holding organisation's officer (or an admin) hands the case to another of the channel.
        HAND_OVER: {
          guard: and(['isHandler', 'beforeDecision', 'isHandOverValid']),
          actions: 'recordHandOver',
        },
      },
      states: {
        choose: {
          always: CHANNELS.map((channel) => ({
            guard: { type: 'channelIs', params: { channel } },
            target: channel,
          })),
        },
        administrative: administrativeChannel,
        judicial: judicialChannel,
        mediation: mediationChannel,
        arbitration: arbitrationChannel,
        legalServices: legalServicesChannel,
        socialSupervision: socialSupervisionChannel,
        industrySelfRegulation: industrySelfRegulationChannel,
        appealWindow: appealWindowState,
      },
    },
    resolved: {
      on: {
        OPEN_COMPLIANCE: { guard: and(['isResolutionHandler', 'needsCompliance']), target: 'compliance' },
        CLOSE: {
          guard: and(['isResolutionHandler', closeReasonIs('fromOutcome')]),
          target: 'closed',
          actions: 'closeFromOutcome',
        },
      },
    },
    compliance: {
      initial: 'monitoring',
      states: {
        monitoring: {
          on: {
            RECORD_COMPLIANCE: [
              {
                guard: and(['isResolutionHandler', 'hasComplied']),
                target: CLOSED,
                actions: 'closeFromOutcome',
              },
              { guard: 'isResolutionHandler', target: 'breached' },
            ],
          },
        },
        breached: {
          on: {
            RECORD_COMPLIANCE: {
              guard: and(['isResolutionHandler', 'hasComplied']),
              target: CLOSED,
              actions: 'closeFromOutcome',
            },
            // Ignored decisions point to social supervision.
            TRANSFER: {
              guard: and(['isHandler', 'isComplianceTransfer']),
              target: IN_CHANNEL,
              actions: 'transfer',
            },
            CLOSE: {
              guard: and(['isResolutionHandler', closeReasonIs('fromOutcome')]),
              target: CLOSED,
              actions: 'closeFromOutcome',
            },
          },
        },
      },
    },
    closed: { type: 'final' },
  },
});
