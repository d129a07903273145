import { expect } from 'chai';
import express from 'express';
import { MongoBulkWriteError, MongoErrorLabel, MongoNetworkError, MongoServerError } from 'mongodb';
import request from 'supertest';
import { ConflictError, DomainError, NotAllowedNowError } from '../../../server/errors/domainError.js';
import { TooManyRequestsError } from '../../../server/errors/httpError.js';
import { isDatabaseUnavailable, problemMiddleware } from '../../../server/http/problemMiddleware.js';
import { ackErrorOf } from '../../../server/realtime/ackError.js';

describe('problem middleware: one mapping of errors for HTTP and Socket.IO', () => {
  const logged: unknown[] = [];
  const app = express();
  const errors: Record<string, () => Error> = {
    gone: () => new MongoNetworkError('read ECONNRESET'),
    bug: () => new Error('a real bug'),
    refused: () =>
      new NotAllowedNowError('SIGN_AGREEMENT is not possible now.', {
        allowed: ['CLOSE'],
        seq: 4,
        action: 'SIGN_AGREEMENT',
      }),
    closed: () => new ConflictError('This case is closed.', 'caseClosed'),
    legacy: () => new DomainError('forbidden', 'Only staff decide objections.'),
    slow: () => new TooManyRequestsError('Slow down.', 2500),
  };
  for (const [path, make] of Object.entries(errors)) {
    app.get(`/${path}`, () => {
      throw make();
    });
  }
  app.use(problemMiddleware({ error: (obj: unknown) => void logged.push(obj) } as never));

  it('recognises a bulk write cut off by the engine dying (the network error inside it)', () => {
    const cut = new MongoBulkWriteError({ message: 'read ECONNRESET', code: undefined as never }, {
      insertedCount: 0,
      matchedCount: 0,
      modifiedCount: 0,
      deletedCount: 0,
      upsertedCount: 0,
      upsertedIds: {},
      insertedIds: {},
    } as never);
    Object.assign(cut, { errorResponse: new MongoNetworkError('read ECONNRESET') });
    expect(isDatabaseUnavailable(cut)).to.equal(true);
    const duplicate = new MongoBulkWriteError({ message: 'E11000 duplicate key', code: 11000 }, {
      insertedCount: 0,
      matchedCount: 0,
      modifiedCount: 0,
      deletedCount: 0,
      upsertedCount: 0,
      upsertedIds: {},
      insertedIds: {},
    } as never);
    expect(isDatabaseUnavailable(duplicate)).to.equal(false);
  });

  it('recognises a server error the driver labels retryable as unavailable, not a duplicate key', () => {
    const shutdown = new MongoServerError({ message: 'interrupted at shutdown', code: 11600 });
    shutdown.addErrorLabel(MongoErrorLabel.RetryableWriteError);
    expect(isDatabaseUnavailable(shutdown)).to.equal(true);
    const reset = new MongoServerError({ message: 'pool reset', code: 1 });
    reset.addErrorLabel(MongoErrorLabel.ResetPool);
    expect(isDatabaseUnavailable(reset)).to.equal(true);
    expect(
      isDatabaseUnavailable(new MongoServerError({ message: 'E11000 duplicate key', code: 11000 })),
    ).to.equal(false);
    expect(
      isDatabaseUnavailable(Object.assign(new Error('closed'), { name: 'MongoPoolClosedError' })),
    ).to.equal(true);
    expect(isDatabaseUnavailable(new Error('a real bug'))).to.equal(false);
  });

  it('recognises a socket the engine closed mid-write (unwrapped EPIPE) as unavailable', () => {
    const epipe = Object.assign(new Error('This socket has been ended by the other party'), {
      code: 'EPIPE',
    });
    expect(isDatabaseUnavailable(epipe)).to.equal(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).to.equal(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('bad'), { code: 'ERR_INVALID_ARG_TYPE' }))).to.equal(
      false,
    );
  });

  it('answers a database that went away 503 problem+json with Retry-After and a code', async () => {
    const res = await request(app).get('/gone').expect(503);
    expect(res.headers['content-type']).to.match(/^application\/problem\+json/);
    expect(res.headers['retry-after']).to.equal('5');
    expect(res.body).to.include({ status: 503, code: 'databaseUnavailable' });
    expect(res.text).not.to.include('ECONNRESET');
  });

  it('still answers other errors 500 without internals, and logs them', async () => {
    const res = await request(app).get('/bug').expect(500);
    expect(res.body).to.include({ code: 'internal' });
    expect(res.text).not.to.include('a real bug');
    expect(logged).to.have.length(1);
  });

  it('gives every typed error a stable code, the same over HTTP and in a socket acknowledgement', async () => {
    const expected: Record<string, [number, string]> = {
      gone: [503, 'databaseUnavailable'],
      refused: [409, 'notAllowedNow'],
      closed: [409, 'caseClosed'],
      legacy: [403, 'forbidden'],
      slow: [429, 'rateLimited'],
    };
    for (const [path, [status, code]] of Object.entries(expected)) {
      const res = await request(app).get(`/${path}`).expect(status);
      const ack = ackErrorOf(errors[path]!());
      expect(res.body, path).to.include({ status, code });
      expect(ack, path).to.include({ status, code, detail: res.body.detail });
    }
    const refused = await request(app).get('/refused');
    expect(refused.body.allowed).to.deep.equal(['CLOSE']);
    expect(ackErrorOf(errors.refused!())?.allowed).to.deep.equal(['CLOSE']);
    const slow = await request(app).get('/slow');
    expect(slow.headers['retry-after']).to.equal('3');
    expect(ackErrorOf(errors.slow!())?.retryAfter).to.equal(3);
    expect(ackErrorOf(errors.bug!())).to.equal(undefined);
  });
});
