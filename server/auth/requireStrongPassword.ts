import type { RequestHandler } from 'express';
import { checkPasswordStrength } from '../../shared/passwords/checkPasswordStrength.js';
import { HttpError } from '../http/httpErrors.js';

/**
 * Refuses a weak new password in the validated body (`res.locals.body.password`, judged with its
 * `email` and `name`): 400 problem+json whose `errors` names `password` and gives the estimator's advice.
 */
export function requireStrongPassword(minLength: number): RequestHandler {
  return (_req, res, next) => {
    const body = res.locals.body as { password: string; email?: string; name?: string };
    const verdict = checkPasswordStrength(body.password, {
      minLength,
      ...(body.email ? { email: body.email } : {}),
      ...(body.name ? { name: body.name } : {}),
    });
    if (!verdict.ok) {
      const advice = verdict.feedback.join(' ');
      throw new HttpError(400, 'Bad Request', `The password is too weak: ${advice}`, {
        code: 'weakPassword',
        errors: [{ path: 'password', message: advice }],
      });
    }
    next();
  };
}
