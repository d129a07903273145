import { expect } from 'chai';
import { login, seedDirectory } from '../../support/testApp.js';
import { testConfig } from '../../support/testConfig.js';
import { emitAck, pause } from '../../support/socketEvents.js';
import { connected, startTestServer, type ClientSocket, type TestServer } from '../../support/testServer.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

const refusal = (socket: ClientSocket) =>
  connected(socket).then(
    () => undefined,
    (err: Error & { data?: { status: number; message: string } }) => err,
  );

describe('realtime: per-account socket ceiling and event rate limit', function () {
  this.timeout(30_000);
  const t = useTestDatabase('rtlimits');
  let s: TestServer;
  let complainant: string;
  let mediator: string;

  before(async () => {
    await seedDirectory(t.db);
    s = await startTestServer(t.db, {
      config: testConfig({ REALTIME_MAX_SOCKETS_PER_USER: '3' }),
    });
    complainant = await login(s.app, 'complainant@demo.local');
    mediator = await login(s.app, 'mediator@demo.local');
  });
  after(() => s?.close());

  it('refuses a socket beyond the ceiling with a 429 connect_error, and counts disconnects back', async () => {
    const three = [s.socket(complainant), s.socket(complainant), s.socket(complainant)];
    await Promise.all(three.map(connected));
    const fourth = await refusal(s.socket(complainant));
    expect(fourth?.message).to.match(/too many connections/);
    expect(fourth?.data).to.include({ status: 429 });
    // another account is not affected
    const other = s.socket(mediator);
    await connected(other);

    // a closed socket frees its place (and only one place: a second disconnect counts nothing)
    three[0]!.disconnect();
    await pause(100);
    const again = s.socket(complainant);
    await connected(again);
    expect(await refusal(s.socket(complainant))).to.have.nested.property('data.status', 429);
    for (const sock of [...three, again, other]) sock.disconnect();
    await pause(100);
    const fresh = [s.socket(complainant), s.socket(complainant), s.socket(complainant)];
    await Promise.all(fresh.map(connected));
    for (const sock of fresh) sock.disconnect();
  });

  it('answers events beyond the rate limit with a 429 ack that says when to retry', async () => {
    const sock = s.socket(complainant);
    await connected(sock);
    const acks = await Promise.all(
      Array.from({ length: 60 }, () =>
        emitAck<{ error?: { status: number; retryAfter?: number } }>(sock, 'case:unsubscribe', {
          caseId: 'nothing-here',
        }),
      ),
    );
    const limited = acks.filter((a) => a.error?.status === 429);
    expect(limited.length).to.be.greaterThan(0);
    for (const a of limited) expect(a.error?.retryAfter).to.be.a('number').within(1, 2);
    expect(sock.connected).to.equal(true);
    sock.disconnect();
  });
});
