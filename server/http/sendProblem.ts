import type { Response } from 'express';
import type { ProblemCode } from '../../shared/api/problemCodes.js';

/** Sends an `application/problem+json` body (RFC 9457) with the given status and stable `code`. */
export function sendProblem(
  res: Response,
  status: number,
  title: string,
  detail: string,
  type: string,
  extra: Record<string, unknown> & { code: ProblemCode },
): void {
  res
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify({ type, title, status, detail, ...extra }));
}
