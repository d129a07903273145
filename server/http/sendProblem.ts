import type { Response } from 'express';

/** Sends an `application/problem+json` body (RFC 9457) with the given status. */
export function sendProblem(
  res: Response,
  status: number,
  title: string,
  detail: string,
  type = 'about:blank',
  extra: Record<string, unknown> = {},
): void {
  res
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify({ type, title, status, detail, ...extra }));
}
