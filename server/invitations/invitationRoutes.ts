import { Router, type RequestHandler } from 'express';
import { caseIdParamsSchema } from '../../shared/schemas/caseQueries.js';
import {
  invitationRegisterSchema,
  invitationTokenParamsSchema,
  resendInvitationSchema,
  respondentAddressSchema,
} from '../../shared/schemas/invitations.js';
import type { AuthUser } from '../auth/authUser.js';
import { requireStrongPassword } from '../auth/requireStrongPassword.js';
import { clientAddressKey } from '../http/clientAddressKey.js';
import { HttpError } from '../http/httpErrors.js';
import { validate } from '../http/validate.js';
import type { InvitationService } from './invitationService.js';
import type { InvitationThrottle } from './invitationThrottle.js';

const user = (res: { locals: Record<string, unknown> }) => res.locals.user as AuthUser | undefined;
const tokenOf = (res: { locals: Record<string, unknown> }) => (res.locals.params as { token: string }).token;

/**
 * `/api/invitations/:token` (the holder of a link: open, register, claim; rate-limited per client
 * address) and, mounted on `/api/cases`, `/:id/invitations` (the case's staff: list, resend, new address).
 */
export function invitationRoutes(deps: {
  invitations: InvitationService;
  throttle: InvitationThrottle;
  auth: RequestHandler;
  /** Shortest new password (`PASSWORD_MIN_LENGTH`). */
  passwordMinLength: number;
}): { links: Router; cases: Router } {
  const { invitations, throttle, auth } = deps;
  const counted: RequestHandler = async (req, _res, next) => {
    await throttle.take(clientAddressKey(req));
    next();
  };
  // opening a link needs no account; a signed-in caller is recognised (the claimant sees their case),
  // and a session that expired is no reason to refuse the link
  const maybeAuth: RequestHandler = async (req, res, next) => {
    if (req.headers.authorization) {
      try {
        await auth(req, res, () => undefined);
      } catch (err) {
        if (!(err instanceof HttpError && err.status === 401)) throw err;
        delete res.locals.user;
      }
    }
    next();
  };
  const params = validate({ params: invitationTokenParamsSchema });

  const links = Router();
  links.get('/:token', maybeAuth, params, counted, async (_req, res) => {
    res.json(await invitations.open(tokenOf(res), user(res)));
  });
  links.post(
    '/:token/register',
    validate({ params: invitationTokenParamsSchema, body: invitationRegisterSchema }),
    counted,
    requireStrongPassword(deps.passwordMinLength),
    async (_req, res) => {
      res
        .status(201)
        .json(
          await invitations.register(tokenOf(res), res.locals.body as { name: string; password: string }),
        );
    },
  );
  links.post('/:token/claim', auth, params, counted, async (_req, res) => {
    res.json(await invitations.claim(tokenOf(res), user(res)!));
  });

  const cases = Router();
  const caseId = (res: { locals: Record<string, unknown> }) => (res.locals.params as { id: string }).id;
  cases.get('/:id/invitations', auth, validate({ params: caseIdParamsSchema }), async (_req, res) => {
    res.json(await invitations.list(user(res)!, caseId(res)));
  });
  cases.post(
    '/:id/invitations',
    auth,
    validate({ params: caseIdParamsSchema, body: resendInvitationSchema }),
    async (_req, res) => {
      const { respondent } = res.locals.body as { respondent: number };
      res.status(201).json(await invitations.resend(user(res)!, caseId(res), respondent));
    },
  );
  cases.post(
    '/:id/invitations/address',
    auth,
    validate({ params: caseIdParamsSchema, body: respondentAddressSchema }),
    async (_req, res) => {
      const { email, respondent } = res.locals.body as { email: string; respondent: number };
      res.status(201).json(await invitations.changeAddress(user(res)!, caseId(res), email, respondent));
    },
  );
  return { links, cases };
}
