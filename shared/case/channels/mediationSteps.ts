/**
 * The steps every mediation goes through, in the mediation channel and in court-entrusted mediation:
 * a mediator is assigned and accepts, the respondent consents, sessions run, an agreement is drafted
 * and signed by both parties. Where the mediation goes on failure and after signing is the caller's.
 */
import { and } from 'xstate';
import { caseSetup } from '../caseSetup.js';
import { deadlineOf } from '../guardRefs.js';
import { withClock } from '../stateClocks.js';

/** Where a mediation lives in the machine and what it does on failure. */
export interface MediationStepsOptions {
  /** Absolute id of the state node holding the steps, e.g. `#case.inChannel.mediation`. */
  base: string;
  /** Absolute target on impasse, refusal to mediate or expiry. */
  failTarget: string;
  /** Whether the session runs the 30-day `mediation` clock (with its extension). */
  sessionClock: boolean;
}

/** Mediator assignment, acceptance and the respondent's consent. */
export function mediationOpeningSteps({ failTarget }: MediationStepsOptions) {
  return {
    awaitingMediator: caseSetup.createStateConfig({
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
      on: {
        ACCEPT_ASSIGNMENT: { guard: 'isAssignedMediator', target: 'awaitingConsent' },
        DECLINE_ASSIGNMENT: {
          guard: 'isAssignedMediator',
          target: 'awaitingMediator',
          actions: 'releaseMediator',
        },
        DEADLINE: {
          guard: deadlineOf('mediatorAcceptance'),
          target: 'awaitingMediator',
          actions: 'timeOutMediator',
        },
      },
    }),
    awaitingConsent: caseSetup.createStateConfig({
      ...withClock('respondentAnswer'),
      on: {
        CONSENT: { guard: 'isRespondent', target: 'inSession' },
        DECLINE: { guard: 'isRespondent', target: failTarget },
        DEADLINE: { guard: deadlineOf('respondentAnswer'), target: failTarget },
      },
    }),
  };
}

/** Sessions, the draft agreement and its signatures; the last signature moves to `<base>.signed`. */
export function mediationSessionStep({ base, failTarget, sessionClock }: MediationStepsOptions) {
  const clock = sessionClock ? withClock('mediation') : { entry: [], exit: [] };
  return caseSetup.createStateConfig({
    ...clock,
    entry: [...clock.entry, 'resetAgreement'],
    initial: 'negotiating',
    on: {
      SCHEDULE_SESSION: { guard: 'isAssignedMediator', actions: 'scheduleSession' },
      RECORD_SESSION: { guard: 'isAssignedMediator', actions: 'recordSession' },
      DECLARE_IMPASSE: { guard: 'isAssignedMediator', target: failTarget },
      ...(sessionClock
        ? {
            DEADLINE: { guard: deadlineOf('mediation'), target: failTarget },
            REQUEST_EXTENSION: {
              guard: and(['isAssignedMediator', 'isMediationExtensionRequestable']),
              actions: 'requestMediationExtension',
            },
            APPROVE_EXTENSION: [
              {
                guard: and(['canApproveExtension', 'isLastApproval']),
                actions: ['approveExtension', 'grantMediationExtension'],
              },
              { guard: 'canApproveExtension', actions: 'approveExtension' },
            ],
          }
        : {}),
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
