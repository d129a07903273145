import { expect } from 'chai';
import express from 'express';
import { MongoBulkWriteError, MongoErrorLabel, MongoNetworkError, MongoServerError } from 'mongodb';
import request from 'supertest';
import {
  isDatabaseBusy,
  isDatabaseUnavailable,
  problemMiddleware,
} from '../../../server/http/problemMiddleware.js';

const BUSY =
  '[msg_update.go:133 handler.(*Handler).updateDocument] [collection.go:177 sqlite.(*collection).UpdateAll.func1] database is locked (5) (SQLITE_BUSY)';

describe('problem middleware: an overloaded embedded engine', () => {
  const logged: unknown[] = [];
  const app = express();
  app.get('/busy', () => {
    throw new MongoServerError({ message: BUSY, code: 1 });
  });
  app.get('/bug', () => {
    throw new Error('a real bug');
  });
  app.use(problemMiddleware({ error: (obj: unknown) => void logged.push(obj) } as never));

  it('recognises SQLITE_BUSY as busy, and nothing else', () => {
    expect(isDatabaseBusy(new MongoServerError({ message: BUSY }))).to.equal(true);
    expect(
      isDatabaseBusy(new MongoServerError({ message: 'locking protocol (15) (SQLITE_PROTOCOL)' })),
    ).to.equal(true);
    expect(isDatabaseBusy(new Error('duplicate key'))).to.equal(false);
    expect(isDatabaseBusy(null)).to.equal(false);
  });

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

  it('answers 503 problem+json with Retry-After, and logs it', async () => {
    const res = await request(app).get('/busy').expect(503);
    expect(res.headers['content-type']).to.match(/^application\/problem\+json/);
    expect(res.headers['retry-after']).to.equal('2');
    expect(res.body).to.include({ status: 503, detail: 'The database is busy; try again shortly.' });
    expect(res.text).not.to.include('SQLITE');
    expect(logged).to.have.length(1);
  });

  it('still answers other errors 500 without internals', async () => {
    const res = await request(app).get('/bug').expect(500);
    expect(res.text).not.to.include('a real bug');
  });
});
