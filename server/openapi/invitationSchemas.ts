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
      items: listOf(ref('InvitationItem')),
    }),
    description: 'A case’s invitations (addresses included: staff only) and the respondent’s service.',
  },
};
