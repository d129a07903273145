import { expect } from 'chai';
import type { Response } from 'supertest';

/** Asserts a problem+json response of this status and returns its body. */
export function expectProblem(
  res: Response,
  status: number,
): { status: number; title: string; detail: string; [k: string]: unknown } {
  expect(res.status, res.text).to.equal(status);
  expect(res.headers['content-type']).to.match(/^application\/problem\+json/);
  const body = JSON.parse(res.text) as { status: number; title: string; detail: string };
  expect(body.status).to.equal(status);
  expect(body.title).to.be.a('string');
  expect(body.detail).to.be.a('string');
  return body;
}
