import { STAFF_LANGUAGES } from '../../shared/admin/staffLanguages.js';
import { CHANNELS, IP_TYPES, ORG_TYPES, ROLES } from '../../shared/vocabulary.js';
import type { JsonSchema } from './openApiTypes.js';
import {
  boolean,
  closed,
  count,
  id,
  instant,
  listOf,
  nullable,
  oneOfStrings,
  ref,
  text,
} from './schemaBuilders.js';

const email: JsonSchema = { type: 'string', format: 'email' };

/** Response schemas of accounts and sign-in (`userPresenter.ts`, `authRoutes.ts`). */
export const accountSchemas: Record<string, JsonSchema> = {
  UserView: {
    ...closed(
      {
        id,
        email,
        name: text,
        role: oneOfStrings(ROLES),
        orgId: nullable(id),
        expertise: listOf(oneOfStrings(IP_TYPES)),
      },
      {
        languages: listOf(oneOfStrings(STAFF_LANGUAGES)),
        capacity: count,
        lead: {
          ...boolean,
          description: 'An officer who leads their organisation: manages its staff, reads its audit log.',
        },
        active: boolean,
        invited: {
          ...boolean,
          description:
            'Invited by e-mail and not yet signed in: no password chosen yet (the invitation can be resent).',
        },
      },
    ),
    description:
      'An account (never its password hash). Its administrators (the platform supervisor, its organisation’s lead) also see its languages, capacity, lead flag and whether it is active.',
  },
  UserList: closed({ items: listOf(ref('UserView')) }),
  StaffInvitationView: {
    ...closed({ name: text, email }),
    description: 'The account a working staff invitation link is for.',
  },
  OrgView: {
    ...closed({
      id,
      name: text,
      nameZh: text,
      type: oneOfStrings(ORG_TYPES),
      region: { type: 'string' },
      channel: nullable(oneOfStrings(CHANNELS)),
      capacity: {
        ...nullable(count),
        description: 'The most open cases it takes at once (null: its officers’ capacities).',
      },
      expertise: listOf(oneOfStrings(IP_TYPES)),
      active: { ...boolean, description: 'A deactivated organisation receives no new cases.' },
    }),
    description: 'An organisation: a channel’s body or a protection center.',
  },
  OrgList: closed({ items: listOf(ref('OrgView')) }),
  SignedInUser: {
    ...closed({
      id,
      email,
      name: text,
      role: oneOfStrings(ROLES),
      orgId: nullable(id),
      orgType: nullable(oneOfStrings(ORG_TYPES)),
      lead: { ...boolean, description: 'The lead of their organisation.' },
    }),
    description: 'The signed-in user, with the type of their organisation.',
  },
  MeResponse: closed({ user: ref('SignedInUser') }),
  LoginResponse: {
    ...closed({
      token: { ...text, description: 'A short-lived HS256 JWT: send it as `Authorization: Bearer <token>`.' },
      expiresAt: instant,
      user: ref('UserView'),
    }),
    description: 'An access token and the account it belongs to.',
  },
};
