import { IP_TYPES, ORG_TYPES, ROLES } from '../../shared/vocabulary.js';
import type { JsonSchema } from './openApiTypes.js';
import { closed, id, instant, listOf, nullable, oneOfStrings, ref, text } from './schemaBuilders.js';

const email: JsonSchema = { type: 'string', format: 'email' };

/** Response schemas of accounts and sign-in (`userPresenter.ts`, `authRoutes.ts`). */
export const accountSchemas: Record<string, JsonSchema> = {
  UserView: {
    ...closed({
      id,
      email,
      name: text,
      role: oneOfStrings(ROLES),
      orgId: nullable(id),
      expertise: listOf(oneOfStrings(IP_TYPES)),
    }),
    description: 'An account (never its password hash).',
  },
  UserList: closed({ items: listOf(ref('UserView')) }),
  OrgView: {
    ...closed({ id, name: text, nameZh: text, type: oneOfStrings(ORG_TYPES), region: { type: 'string' } }),
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
