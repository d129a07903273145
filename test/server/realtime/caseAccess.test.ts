import { expect } from 'chai';
import { actViaApi, fileCaseViaApi, mediationComplaint } from '../../support/caseApi.js';
import { login, seedDirectory } from '../../support/testApp.js';
import { collect, emitAck, pause } from '../../support/socketEvents.js';
import { connected, startTestServer, type ClientSocket, type TestServer } from '../../support/testServer.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

describe('realtime: unsubscribe and typing are authorised like HTTP', function () {
  this.timeout(30_000);
  const t = useTestDatabase('rtaccess');
  let s: TestServer;
  const tok: Record<string, string> = {};
  let caseId: string;

  before(async () => {
    await seedDirectory(t.db);
    s = await startTestServer(t.db);
    for (const who of ['complainant', 'respondent', 'mediator', 'admin', 'court']) {
      tok[who] = await login(s.app, `${who}@demo.local`);
    }
    // a mediation case with its mediator in session: both caucuses are open
    caseId = await fileCaseViaApi(s.app, tok.complainant!, mediationComplaint('Access'));
    await actViaApi(s.app, tok.admin!, caseId, { type: 'ACCEPT' });
    await actViaApi(s.app, tok.admin!, caseId, { type: 'ROUTE', channel: 'mediation' });
    await actViaApi(s.app, tok.mediator!, caseId, { type: 'ACCEPT_ASSIGNMENT' });
  });
  after(() => s?.close());

  async function subscribed(who: string): Promise<ClientSocket> {
    const sock = s.socket(tok[who]!);
    await connected(sock);
    const ack = await emitAck<{ data?: unknown }>(sock, 'case:subscribe', { caseId, afterSeq: 0 });
    expect(ack.data, who).to.not.equal(undefined);
    return sock;
  }

  it('answers 404 to unsubscribing from a case the caller cannot see, and pushes nothing', async () => {
    const members = [await subscribed('mediator'), await subscribed('complainant')];
    await pause(400);
    const pushed = members.map((m) => collect(m, 'presence:changed'));
    const outsider = s.socket(tok.court!);
    await connected(outsider);
    const refused = await emitAck<{ data?: unknown; error?: { status: number } }>(
      outsider,
      'case:unsubscribe',
      { caseId },
    );
    expect(refused.data).to.equal(undefined);
    expect(refused.error?.status).to.equal(404);
    // the same answer as for a case that does not exist
    const missing = await emitAck<{ error?: { status: number } }>(outsider, 'case:unsubscribe', {
      caseId: 'no-such-case',
    });
    expect(missing.error?.status).to.equal(404);
    await pause(600);
    expect(pushed.flat()).to.deep.equal([]);
    for (const sock of [...members, outsider]) sock.disconnect();
  });

  it("refuses typing into the other party's caucus (403), and pushes it to nobody", async () => {
    const [mediator, complainant, respondent] = [
      await subscribed('mediator'),
      await subscribed('complainant'),
      await subscribed('respondent'),
    ];
    const seen = [mediator!, complainant!].map((sock) => collect(sock, 'message:typing'));
    const refused = await emitAck<{ data?: unknown; error?: { status: number } }>(
      respondent!,
      'message:typing',
      { caseId, visibility: 'caucus:complainant', typing: true },
    );
    expect(refused.data).to.equal(undefined);
    expect(refused.error?.status).to.equal(403);
    // typing in one's own caucus still reaches the mediator
    const own = await emitAck<{ data?: unknown }>(respondent!, 'message:typing', {
      caseId,
      visibility: 'caucus:respondent',
      typing: true,
    });
    expect(own.data).to.deep.equal({ ok: true });
    await pause(300);
    expect(seen[1]).to.deep.equal([]);
    expect(seen[0]).to.have.length(1);
    expect(seen[0]![0]).to.include({ visibility: 'caucus:respondent' });
    for (const sock of [mediator!, complainant!, respondent!]) sock.disconnect();
  });
});
