import { expect } from 'chai';
import type { PresencePush } from '../../../shared/realtime/contract.js';
import { fileCaseViaApi, mediationComplaint } from '../../support/caseApi.js';
import { login, seedDirectory } from '../../support/testApp.js';
import { testConfig } from '../../support/testConfig.js';
import { collect, emitAck, pause } from '../../support/socketEvents.js';
import { connected, startTestServer, type ClientSocket, type TestServer } from '../../support/testServer.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

const DEBOUNCE_MS = 300;

describe('realtime: presence is pushed as debounced changes, O(N) per subscribe', function () {
  this.timeout(60_000);
  const t = useTestDatabase('rtpresence');
  let s: TestServer;
  let caseId: string;
  /** Tokens of distinct admin accounts (admins may see every case). */
  const admins: { id: string; token: string }[] = [];

  before(async () => {
    await seedDirectory(t.db);
    s = await startTestServer(t.db, {
      config: testConfig({ REALTIME_PRESENCE_DEBOUNCE_MS: String(DEBOUNCE_MS) }),
    });
    caseId = await fileCaseViaApi(
      s.app,
      await login(s.app, 'complainant@demo.local'),
      mediationComplaint('Presence'),
    );
    for (let i = 0; i < 10; i++) {
      const user = await s.services.users.create({
        email: `watcher${i}@example.test`,
        password: 'watcher-password-1',
        name: `Watcher ${i}`,
        role: 'admin',
        orgId: null,
      });
      admins.push({ id: user._id, token: (await s.services.tokens.issue(user._id, 'admin')).token });
    }
  });
  after(() => s?.close());

  async function subscribed(token: string, pushes?: PresencePush[]): Promise<ClientSocket> {
    const sock = s.socket(token);
    await connected(sock);
    if (pushes) sock.on('presence:changed', (p) => pushes.push(p));
    const ack = await emitAck<{ data?: unknown }>(sock, 'case:subscribe', { caseId, afterSeq: 0 });
    expect(ack.data).to.not.equal(undefined);
    return sock;
  }

  it('one more subscribe pushes once to each other user (at most K pushes), a second tab none', async () => {
    const K = 5;
    const room: ClientSocket[] = [];
    for (const a of admins.slice(0, K)) room.push(await subscribed(a.token));
    await pause(DEBOUNCE_MS * 2);
    const got = room.map((sock) => collect<PresencePush>(sock, 'presence:changed'));

    const newcomerGot: PresencePush[] = [];
    const newcomer = await subscribed(admins[K]!.token, newcomerGot);
    await pause(DEBOUNCE_MS * 3);
    const pushes = got.flat();
    // every push the subscribe caused, the newcomer's own included: at most one per other socket
    expect(pushes.length + newcomerGot.length).to.be.at.most(K);
    expect(pushes.length).to.equal(K);
    for (const p of pushes) {
      expect(p.caseId).to.equal(caseId);
      expect(p.joined.map((u) => u.id)).to.deep.equal([admins[K]!.id]);
      expect(p.left).to.deep.equal([]);
    }
    expect(newcomerGot).to.deep.equal([]);

    // the same user on a second socket is no change for anyone
    const secondTab = await subscribed(admins[K]!.token);
    await pause(DEBOUNCE_MS * 3);
    expect(got.flat()).to.have.length(K);
    for (const sock of [...room, newcomer, secondTab]) sock.disconnect();
    await pause(DEBOUNCE_MS * 2);
  });

  it('coalesces a burst of subscribes into one push per socket, and a burst of leaves likewise', async () => {
    const K = 4;
    const room: ClientSocket[] = [];
    for (const a of admins.slice(0, K)) room.push(await subscribed(a.token));
    await pause(DEBOUNCE_MS * 2);
    const got = room.map((sock) => collect<PresencePush>(sock, 'presence:changed'));

    // connected first, so the burst is the subscribes alone (a loaded machine spreads the handshakes)
    const burst = await Promise.all(
      admins.slice(K, K + 5).map(async (a) => {
        const sock = s.socket(a.token);
        await connected(sock);
        return sock;
      }),
    );
    await Promise.all(burst.map((sock) => emitAck(sock, 'case:subscribe', { caseId, afterSeq: 0 })));
    await pause(DEBOUNCE_MS * 3);
    const burstIds = admins.slice(K, K + 5).map((a) => a.id);
    for (const pushes of got) {
      expect(pushes).to.have.length(1);
      expect(pushes[0]!.joined.map((u) => u.id).sort()).to.deep.equal([...burstIds].sort());
    }

    for (const sock of burst) sock.disconnect();
    await pause(DEBOUNCE_MS * 3);
    for (const pushes of got) {
      expect(pushes).to.have.length(2);
      expect(pushes[1]!.joined).to.deep.equal([]);
      expect([...pushes[1]!.left].sort()).to.deep.equal([...burstIds].sort());
    }
    for (const sock of room) sock.disconnect();
  });
});
