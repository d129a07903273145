/**
 * The steps every mediation goes through, in the mediation channel and in court-entrusted mediation:
 * a mediator is assigned and accepts, the respondent consents, sessions run, an agreement is drafted
 * and signed by both parties. Where the mediation goes on failure and after signing is the caller's.
 */
import { and } from 'xstate';
import { caseSetup } from '../caseSetup.js';
import type { ClockId } from '../../time/clockIds.js';
import { expiryOf } from '../guardRefs.js';
import { withClock } from '../stateClocks.js';

/** Where a mediation lives in the machine and what it does on failure. */
export interface MediationStepsOptions {
  /** Absolute id of the state node holding the steps, e.g. `#case.inChannel.mediation`. */
  base: string;
  /** Absolute target on impasse, refusal to mediate or expiry. */
  failTarget: string;
  /**
   * Whether the steps run the 30-day `mediation` clock: from the mediator's acceptance, through the
   * respondent's consent and the sessions.
   */
  sessionClock: boolean;
  /** The clocks (one of which runs) that the parties may agree to extend during the sessions. */
  extensionClocks: readonly ClockId[];
}

const MEDIATION = ['mediation'] as const;
const startMediation = { type: 'startClock', params: { clocks: MEDIATION } } as const;
const stopMediation = { type: 'stopClock', params: { clocks: MEDIATION } } as const;

/** Mediator assignment, acceptance and the respondent's consent. */
export function mediationOpeningSteps({ failTarget, sessionClock }: MediationStepsOptions) {
  const consentClock = withClock('mediationConsent');
  const failed = sessionClock ? [stopMediation] : [];
  return {
    // The assignment clock only escalates (its breach is recorded): an admin or the holding
    // organisation's officer assigns a mediator who has not declined this case.
    awaitingMediator: caseSetup.createStateConfig({
      ...withClock('mediatorAssignment'),
      tags: ['needsMediator'],
      on: {
        ASSIGN_MEDIATOR: {
          guard: and(['mayAssignMediator', 'isMediatorEligible']),
          target: 'awaitingAcceptance',
          actions: 'assignMediator',
        },
      },
    }),
    awaitingAcceptance: caseSetup.createStateConfig({
      ...withClock('mediatorAcceptance'),
      tags: ['mediatorDeciding'],
      on: {
        ACCEPT_ASSIGNMENT: {
          guard: 'isAssignedMediator',
          target: 'awaitingConsent',
          actions: sessionClock ? [startMediation] : [],
        },
        DECLINE_ASSIGNMENT: {
          guard: 'isAssignedMediator',
          target: 'awaitingMediator',
          actions: 'releaseMediator',
        },
        DEADLINE: {
          guard: expiryOf('mediatorAcceptance'),
          target: 'awaitingMediator',
          actions: 'timeOutMediator',
        },
      },
    }),
    awaitingConsent: caseSetup.createStateConfig({
      ...consentClock,
      meta: { ...consentClock.meta, ...(sessionClock ? { carries: MEDIATION } : {}) },
      entry: [...consentClock.entry, 'resetConsents'],
      on: {
        // mediation needs every respondent's consent (`respondents.ts`); any one declining ends it
        CONSENT: [
          { guard: and(['mayConsent', 'isLastConsent']), target: 'inSession', actions: 'recordConsent' },
          { guard: 'mayConsent', actions: 'recordConsent' },
        ],
        DECLINE: { guard: 'isRespondent', target: failTarget, actions: failed },
        DEADLINE: [
          { guard: expiryOf('mediationConsent'), target: failTarget, actions: failed },
          ...(sessionClock ? [{ guard: expiryOf('mediation'), target: failTarget, actions: failed }] : []),
        ],
      },
    }),
  };
}

/** Sessions, the draft agreement and its signatures; the last signature moves to `<base>.signed`. */
export function mediationSessionStep({
  base,
  failTarget,
  sessionClock,
  extensionClocks,
}: MediationStepsOptions) {
  // the mediation clock started at the mediator's acceptance: the sessions keep it and stop it on exit
  const clock = sessionClock
    ? { meta: { clock: 'mediation' as const }, entry: [], exit: [stopMediation] }
    : { entry: [], exit: [] };
  const extension = { clocks: extensionClocks };
  return caseSetup.createStateConfig({
    ...clock,
    entry: [...clock.entry, 'resetAgreement'],
    initial: 'negotiating',
    on: {
      SCHEDULE_SESSION: { guard: 'isAssignedMediator', actions: 'scheduleSession' },
      RECORD_SESSION: { guard: 'isAssignedMediator', actions: 'recordSession' },
      DECLARE_IMPASSE: { guard: 'isAssignedMediator', target: failTarget },
      ...(sessionClock ? { DEADLINE: { guard: expiryOf('mediation'), target: failTarget } } : {}),
      REQUEST_EXTENSION: {
        guard: and(['isAssignedMediator', { type: 'isExtensionRequestable', params: extension }]),
        actions: 'requestMediationExtension',
      },
      APPROVE_EXTENSION: [
        {
          guard: and(['canApproveExtension', 'isLastApproval']),
          actions: ['approveExtension', { type: 'grantExtension', params: extension }],
        },
        { guard: 'canApproveExtension', actions: 'approveExtension' },
      ],
    },
    states: {
      negotiating: {
        on: {
          PROPOSE_AGREEMENT: {
            guard: 'isAssignedMediator',
            target: 'agreementDrafted',
            actions: 'proposeAgreement',
          },
        },
      },
      agreementDrafted: {
        on: {
          SIGN_AGREEMENT: [
            { guard: and(['canSign', 'isLastSignature']), target: `${base}.signed`, actions: 'sign' },
            { guard: 'canSign', actions: 'sign' },
          ],
          DECLINE: { guard: 'isParty', target: 'negotiating', actions: 'clearSignatures' },
          PROPOSE_AGREEMENT: { guard: 'isAssignedMediator', actions: 'proposeAgreement' },
        },
      },
    },
  });
}
