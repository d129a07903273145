import { expect } from 'chai';
import { ApiError } from '../../../client/src/api/ApiError.js';
import { fileIdempotently, type FilingRetry } from '../../../client/src/complaints/fileIdempotently.js';

const inFlight = () =>
  new ApiError(409, 'Conflict', 'A request with this Idempotency-Key is still being processed.');

/** A fake network: answers each send from the list (an error is thrown), recording the keys sent. */
function server(answers: (ApiError | { id: string })[]) {
  const keys: string[] = [];
  return {
    keys,
    send: (key: string) => async () => {
      keys.push(key);
      const next = answers.shift();
      if (!next) throw new Error('no more answers');
      if (next instanceof ApiError) throw next;
      return next;
    },
  };
}

describe('client: filing a complaint under one Idempotency-Key', () => {
  const waits: number[] = [];
  const retry: FilingRetry = {
    attempts: 5,
    delayMs: 100,
    maxDelayMs: 300,
    sleep: async (ms) => {
      waits.push(ms);
    },
  };
  beforeEach(() => {
    waits.length = 0;
  });

  it('treats a 409 of the same key in flight (a double click) as the filing it is: waits, resends the key, returns the case', async () => {
    const s = server([inFlight(), inFlight(), { id: 'case-1' }]);
    const filed = await fileIdempotently(s.send('key-1'), retry);
    expect(filed).to.deep.equal({ id: 'case-1' });
    expect(s.keys).to.deep.equal(['key-1', 'key-1', 'key-1']);
    expect(waits).to.deep.equal([100, 200]);
  });

  it('returns a replayed answer like a first one, at once', async () => {
    const s = server([{ id: 'case-1' }]);
    expect(await fileIdempotently(s.send('key-1'), retry)).to.deep.equal({ id: 'case-1' });
    expect(waits).to.deep.equal([]);
  });

  it('fails at once on anything but an in-flight 409 (an invalid complaint, a limit)', async () => {
    for (const status of [422, 429, 500]) {
      const s = server([new ApiError(status, 'No', 'no'), { id: 'never' }]);
      const err = await fileIdempotently(s.send('key-2'), retry).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).to.be.instanceOf(ApiError).with.property('status', status);
      expect(s.keys).to.have.length(1);
    }
  });

  it('gives up after its attempts with the last 409, never filing under another key', async () => {
    const s = server([inFlight(), inFlight(), inFlight(), inFlight(), inFlight(), { id: 'late' }]);
    const err = await fileIdempotently(s.send('key-3'), retry).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).to.be.instanceOf(ApiError).with.property('status', 409);
    expect(s.keys).to.deep.equal(['key-3', 'key-3', 'key-3', 'key-3', 'key-3']);
    expect(waits).to.deep.equal([100, 200, 300, 300]);
  });
});
