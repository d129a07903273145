import { CHANNELS } from '../../shared/vocabulary.js';
import type { JsonSchema } from './openApiTypes.js';
import { SERVICE_MEANS } from '../../shared/machine/serviceRules.js';
import { boolean, closed, id, instant, listOf, nullable, oneOfStrings, ref, text } from './schemaBuilders.js';

/** Response schemas of respondents' invitations (`server/invitations/invitationPresenter.ts`). */
export const invitationSchemas: Record<string, JsonSchema> = {
  InvitationView: {
    ...closed({
      state: oneOfStrings(['pending', 'claimed']),
      caseId: { ...nullable(id), description: 'The case, once the caller claimed it; null before.' },
      caseNo: text,
      title: text,
      complainantName: text,
      respondentName: text,
      channel: nullable(oneOfStrings(CHANNELS)),
      expiresAt: instant,
      emailHint: { ...text, description: 'The address the link was sent to, masked (`z***@example.com`).' },
      accountExists: {
        ...boolean,
        description: 'An account with that address exists: sign in and claim rather than register.',
      },
    }),
    description: 'An invitation link as its holder sees it.',
  },
  InvitationClaim: {
    ...closed({ caseId: id }, { token: text, expiresAt: instant, user: ref('UserView') }),
    description: 'The case the caller now answers in; after registering, the new account’s session too.',
  },
  InvitationItem: closed({
    id,
    respondent: { type: 'integer', minimum: 0, description: 'The respondent invited (0 the first).' },
    email: text,
    state: oneOfStrings(['pending', 'claimed', 'void', 'expired']),
    createdAt: instant,
    expiresAt: instant,
    openedAt: nullable(instant),
    claimedAt: nullable(instant),
    voidReason: nullable(oneOfStrings(['resent', 'addressChanged'])),
    mail: nullable(oneOfStrings(['queued', 'sent', 'kept', 'failed'])),
    mailSentAt: nullable(instant),
  }),
  CaseInvitations: {
    ...closed({
      email: nullable(text),
      service: nullable(
        closed(
          { means: oneOfStrings(SERVICE_MEANS), servedAt: instant, recordedAt: instant },
          { note: text },
        ),
      ),
      respondents: listOf(ref('InvitedRespondent')),
      items: listOf(ref('InvitationItem')),
    }),
    description:
      'A case’s invitations (addresses included: staff only) and each respondent’s service; `email` and `service` are the first respondent’s.',
  },
  InvitedRespondent: {
    ...closed({
      respondent: { type: 'integer', minimum: 0 },
      name: text,
      email: nullable(text),
      linked: boolean,
      service: nullable(
        closed(
          { means: oneOfStrings(SERVICE_MEANS), servedAt: instant, recordedAt: instant },
          { note: text },
        ),
      ),
    }),
    description:
      'A respondent the complaint names (0 the first, then `otherRespondents` in order): their address now, whether an account answers for them, and their service.',
  },
};
