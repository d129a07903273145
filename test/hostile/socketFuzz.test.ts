/**
 * Hostile input over Socket.IO, with real `socket.io-client` sockets against the real server:
 * malformed payloads for every client event, missing and misplaced acknowledgement callbacks, binary
 * attachments, malformed packets, oversized messages, floods, unknown events and many connections with
 * bad tokens. The server must stay up (healthz, and a normal client end to end), answer every event
 * that asks for an acknowledgement with `{data}` or an error ack (never a 5xx), and drop connections
 * that break the protocol or the 64 KB message limit.
 */
import { expect } from 'chai';
import { SignJWT } from 'jose';
import request from 'supertest';
import { io as connect } from 'socket.io-client';
import type { Complaint } from '../../shared/schemas/complaint.js';
import { smallTrademarkMediation } from '../fixtures/complaints.js';
import { bearer } from '../support/caseApi.js';
import { login, seedDirectory } from '../support/testApp.js';
import { connected, startTestServer, type ClientSocket, type TestServer } from '../support/testServer.js';
import { useTestDatabase } from '../support/useTestDatabase.js';
import { recordHostileSection } from './hostileReport.js';

/** The JWT secret of test apps (test/support/testApp.ts). */
const TEST_SECRET = new TextEncoder().encode('test-secret-test-secret-test-secret-0123');
const ACK_TIMEOUT_MS = 10_000;
/** Events a connection may send per 2-second window before it is refused with 429 (burst 40). */
const BURST = 40;

/** A socket typed loosely enough to send anything. */
interface LooseSocket {
  connected: boolean;
  id: string | undefined;
  emit(event: string, ...args: unknown[]): unknown;
  timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
  on(event: string, fn: (...args: unknown[]) => void): unknown;
  once(event: string, fn: (...args: unknown[]) => void): unknown;
  disconnect(): unknown;
  io: {
    engine: { write(msg: string | Uint8Array): void; transport?: { ws?: { send(data: unknown): void } } };
  };
}
const loose = (s: ClientSocket) => s as unknown as LooseSocket;

/** What an acknowledgement was. */
type Verdict = 'data' | number | 'timeout' | 'malformed';

/** Counts by category, kept in the report. */
interface Tally {
  tried: number;
  acks: Record<string, number>;
  withoutAck: number;
  disconnected: number;
  failures: string[];
  /** Outcome per input, where the inputs are few and each tells something. */
  outcomes?: Record<string, string>;
}
const newTally = (): Tally => ({ tried: 0, acks: {}, withoutAck: 0, disconnected: 0, failures: [] });

/** Reads an acknowledgement: `{data}` or `{error: {status, title, detail}}`, anything else is malformed. */
function verdictOf(res: unknown): Verdict {
  if (typeof res !== 'object' || res === null) return 'malformed';
  const ack = res as { data?: unknown; error?: { status?: unknown; title?: unknown; detail?: unknown } };
  if (ack.error !== undefined) {
    const { status, title, detail } = ack.error;
    if (typeof status !== 'number' || typeof title !== 'string' || typeof detail !== 'string')
      return 'malformed';
    return status;
  }
  return 'data' in ack ? 'data' : 'malformed';
}

// --- hostile values ---------------------------------------------------------------------------------

const nested = (depth: number, wrap: (inner: unknown) => unknown): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = wrap(value);
  return value;
};

/** Values put in place of a whole payload and of each of its fields. */
const HOSTILE: [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['true', true],
  ['false', false],
  ['zero', 0],
  ['negative', -1],
  ['fraction', 1.5],
  ['unsafe integer', Number.MAX_SAFE_INTEGER + 2],
  ['huge number', 1e308],
  ['empty string', ''],
  ['blank string', '   '],
  ['NUL', '\u0000'],
  ['control characters', '\u0001\u001b[31m\u0007'],
  ['60 KB string', 'a'.repeat(60_000)],
  ['emoji string', '😀'.repeat(2_100)],
  ['script', '<script>alert(1)</script>'],
  ['sql', "'; DROP TABLE cases; --"],
  ['path', '../../../etc/passwd'],
  ['operator name', '$where'],
  ['numeric string', '5'],
  ['boolean string', 'true'],
  ['empty array', []],
  ['array of null', [null]],
  ['array of strings', ['a', 'b']],
  ['empty object', {}],
  ['$ne', { $ne: null }],
  ['$gt', { $gt: '' }],
  ['$where', { $where: 'sleep(1000)' }],
  ['$regex', { $regex: '.*' }],
  ['__proto__', JSON.parse('{"__proto__":{"polluted":true}}')],
  ['constructor', { constructor: { prototype: { polluted: true } } }],
  ['deep object', nested(1_000, (inner) => ({ a: inner }))],
  ['deep array', nested(1_000, (inner) => [inner])],
  ['binary', Buffer.from([0, 1, 2, 255])],
  ['binary in an object', { caseId: Buffer.from('abc') }],
  ['typed array', new Uint8Array(16)],
  ['date', new Date(0)],
];

/** Each client event with a valid payload (the case id is filled in). */
const EVENTS = ['case:subscribe', 'case:unsubscribe', 'message:send', 'message:typing'] as const;
type ClientEvent = (typeof EVENTS)[number];
const validPayload = (event: ClientEvent, caseId: string): Record<string, unknown> => {
  switch (event) {
    case 'case:subscribe':
      return { caseId, afterSeq: 0 };
    case 'case:unsubscribe':
      return { caseId };
    case 'message:send':
      return { caseId, body: 'Fuzz: a joint message.', visibility: 'joint' };
    case 'message:typing':
      return { caseId, visibility: 'joint', typing: true };
  }
};

/** One emission: the arguments after the event name, and whether an ack callback goes last. */
interface Emission {
  label: string;
  event: string;
  args: unknown[];
  ack: boolean;
}

/** Every malformed payload for every event: whole payload replaced, each field replaced or removed, extras. */
function malformedEmissions(caseId: string): Emission[] {
  const out: Emission[] = [];
  for (const event of EVENTS) {
    const valid = validPayload(event, caseId);
    for (const [name, value] of HOSTILE) {
      out.push({ label: `${event} payload=${name}`, event, args: [value], ack: true });
      for (const field of Object.keys(valid)) {
        out.push({
          label: `${event} ${field}=${name}`,
          event,
          args: [{ ...valid, [field]: value }],
          ack: true,
        });
      }
    }
    for (const field of Object.keys(valid)) {
      const { [field]: _removed, ...rest } = valid;
      out.push({ label: `${event} without ${field}`, event, args: [rest], ack: true });
    }
    out.push({ label: `${event} extra key`, event, args: [{ ...valid, $where: '1' }], ack: true });
    out.push({
      label: `${event} other case`,
      event,
      args: [{ ...valid, caseId: 'no-such-case' }],
      ack: true,
    });
    // the callback in the payload's place, and extra arguments before it
    out.push({ label: `${event} no payload`, event, args: [], ack: true });
    out.push({ label: `${event} extra arguments`, event, args: [valid, 'extra', 42], ack: true });
  }
  return out;
}

/** Every hostile payload again, without an ack callback (the server must not fail or answer). */
function emissionsWithoutAck(caseId: string): Emission[] {
  return EVENTS.flatMap((event) => [
    ...HOSTILE.map(([name, value]) => ({
      label: `${event} payload=${name} (no ack)`,
      event,
      args: [value],
      ack: false,
    })),
    { label: `${event} valid (no ack)`, event, args: [validPayload(event, caseId)], ack: false },
  ]);
}

const tea: Complaint = {
  ...smallTrademarkMediation,
  title: 'Socket fuzz: tea trademark in mediation',
  respondent: { ...smallTrademarkMediation.respondent, email: 'respondent@demo.local' },
};

describe('hostile input: Socket.IO fuzz (malformed payloads, oversized messages, floods, bad tokens)', function () {
  this.timeout(180_000);
  const t = useTestDatabase('socketfuzz');
  let s: TestServer;
  const tok: Record<string, string> = {};
  let caseId = '';
  let started = 0;
  const tallies: Record<string, Tally> = {};
  const tally = (name: string) => (tallies[name] ??= newTally());
  let controlChecks = 0;

  const open = async (who = 'complainant'): Promise<ClientSocket> => {
    const socket = s.socket(tok[who]!);
    await connected(socket);
    return socket;
  };

  /** Sends one emission and records its outcome. */
  async function send(
    socket: ClientSocket,
    e: Emission,
    into: Tally,
    count = true,
  ): Promise<Verdict | 'sent'> {
    if (count) into.tried += 1;
    if (!e.ack) {
      loose(socket).emit(e.event, ...e.args);
      into.withoutAck += 1;
      return 'sent';
    }
    let verdict: Verdict;
    try {
      verdict = verdictOf(
        await loose(socket)
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck(e.event, ...e.args),
      );
    } catch {
      verdict = 'timeout';
    }
    const key = String(verdict);
    into.acks[key] = (into.acks[key] ?? 0) + 1;
    if (verdict === 'timeout' || verdict === 'malformed' || (typeof verdict === 'number' && verdict >= 500)) {
      into.failures.push(`${e.label}: ${key}`);
    }
    return verdict;
  }

  /**
   * Sends emissions on fresh sockets, at most a burst's worth per socket (each first subscribes to
   * the case, so events that need a subscription get past that check), so the payloads reach
   * validation rather than the rate limit.
   */
  async function sendAll(emissions: Emission[], into: Tally): Promise<void> {
    const perSocket = BURST - 5;
    for (let i = 0; i < emissions.length; i += perSocket) {
      const socket = await open();
      const sub = verdictOf(
        await loose(socket).timeout(ACK_TIMEOUT_MS).emitWithAck('case:subscribe', { caseId, afterSeq: 0 }),
      );
      if (sub !== 'data') into.failures.push(`subscribe before a batch: ${String(sub)}`);
      await Promise.all(emissions.slice(i, i + perSocket).map((e) => send(socket, e, into)));
      // the socket still answers after the batch (nothing it was sent broke it)
      const still = verdictOf(
        await loose(socket)
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck('case:unsubscribe', { caseId })
          .catch(() => undefined),
      );
      if (still !== 'data' && still !== 429)
        into.failures.push(`socket unresponsive after a batch: ${String(still)}`);
      socket.disconnect();
    }
  }

  /** The server is up and a normal client works end to end: healthz, subscribe, a live message. */
  async function expectServerWorks(): Promise<void> {
    controlChecks += 1;
    const health = await fetch(`${s.url}/healthz`);
    expect(health.status, 'GET /healthz').to.equal(200);
    const respondent = await open('respondent');
    const sub = (await loose(respondent)
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('case:subscribe', { caseId, afterSeq: 0 })) as { data?: { seq: number } };
    expect(sub.data?.seq, 'control subscription').to.be.a('number');
    const body = `control ${controlChecks}`;
    const pushed = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no message:new within 10 s')), 10_000);
      loose(respondent).on('message:new', (...args: unknown[]) => {
        const push = args[0] as { body?: string };
        if (push.body === body) {
          clearTimeout(timer);
          resolve(push.body);
        }
      });
    });
    await request(s.app)
      .post(`/api/cases/${caseId}/messages`)
      .set(bearer(tok.complainant!))
      .send({ body, visibility: 'joint' })
      .expect(201);
    expect(await pushed).to.equal(body);
    respondent.disconnect();
  }

  /** Resolves with the disconnect reason, or `undefined` if the socket is still connected after `ms`. */
  const disconnectedWithin = (socket: ClientSocket, ms: number): Promise<string | undefined> =>
    new Promise((resolve) => {
      if (!socket.connected) {
        resolve('not connected');
        return;
      }
      const timer = setTimeout(() => resolve(undefined), ms);
      loose(socket).once('disconnect', (reason: unknown) => {
        clearTimeout(timer);
        resolve(String(reason));
      });
    });

  before(async () => {
    started = Date.now();
    await seedDirectory(t.db);
    s = await startTestServer(t.db);
    for (const who of ['complainant', 'respondent', 'admin', 'court'])
      tok[who] = await login(s.app, `${who}@demo.local`);
    const filed = await request(s.app).post('/api/cases').set(bearer(tok.complainant!)).send(tea).expect(201);
    caseId = (filed.body as { id: string }).id;
    for (const action of [{ type: 'ACCEPT' }, { type: 'ROUTE', channel: 'mediation' }]) {
      await request(s.app)
        .post(`/api/cases/${caseId}/actions`)
        .set(bearer(tok.admin!))
        .send(action)
        .expect(200);
    }
  });

  after(async () => {
    const sections = Object.fromEntries(
      Object.entries(tallies).map(([name, x]) => [
        name,
        { ...x, failures: x.failures.length, failureSamples: x.failures.slice(0, 10) },
      ]),
    );
    const totals = Object.values(tallies).reduce(
      (sum, x) => ({ tried: sum.tried + x.tried, failures: sum.failures + x.failures.length }),
      { tried: 0, failures: 0 },
    );
    await recordHostileSection('socketFuzz', {
      seconds: Math.round((Date.now() - started) / 100) / 10,
      totals,
      controlChecks,
      categories: sections,
    });
    await s?.close();
  });

  it('answers every malformed payload of every client event with an error ack, never a 5xx', async () => {
    const into = tally('malformedPayloads');
    await sendAll(malformedEmissions(caseId), into);
    expect(into.failures, into.failures.slice(0, 20).join('\n')).to.deep.equal([]);
    // the valid payload shapes in the corpus do get data; almost everything else is refused
    expect(into.acks['422'] ?? 0).to.be.greaterThan(into.tried / 2);
    await expectServerWorks();
  });

  it('ignores the same payloads sent without an ack callback, and keeps the socket usable', async () => {
    const into = tally('withoutAck');
    await sendAll(emissionsWithoutAck(caseId), into);
    expect(into.failures, into.failures.join('\n')).to.deep.equal([]);
    await expectServerWorks();
  });

  it('answers unknown events with 404 and survives reserved and odd event names', async () => {
    const into = tally('unknownEvents');
    const names = [
      'case:explode',
      'message:delete',
      'admin:shutdown',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'x'.repeat(10_000),
      ' ',
      '😀',
    ];
    const socket = await open();
    for (const name of names) {
      const verdict = await send(
        socket,
        { label: `unknown ${name.slice(0, 20)}`, event: name, args: [{ a: 1 }], ack: true },
        into,
      );
      if (verdict !== 404) into.failures.push(`unknown event ${name.slice(0, 20)} → ${String(verdict)}`);
    }
    socket.disconnect();
    expect(into.failures, into.failures.join('\n')).to.deep.equal([]);
    await expectServerWorks();
  });

  it('drops connections that send malformed packets, and stays up', async () => {
    const into = tally('malformedPackets');
    // socket.io packets written straight to the engine.io connection (type, namespace, ack id, JSON)
    const packets = [
      '2',
      '2[',
      '2{"a":1}',
      '2[]',
      '2[1]',
      '2[null]',
      '2["disconnect"]',
      '2["connect"]',
      '2["disconnecting"]',
      '2["newListener","x"]',
      '2["error",{}]',
      '2["__proto__",{}]',
      '299999999999999999999999["case:subscribe",{}]',
      '3123["x"]',
      '51-["case:subscribe",{"_placeholder":true,"num":0}]',
      '52-["message:send",{"_placeholder":true,"num":7}]',
      '0/admin,',
      '1/nowhere,',
      '6',
      '9',
      'garbage',
      '',
    ];
    const outcomes: Record<string, string> = {};
    into.outcomes = outcomes;
    for (const packet of packets) {
      into.tried += 1;
      const socket = await open();
      loose(socket).io.engine.write(packet);
      if (packet.startsWith('5')) loose(socket).io.engine.write('2["case:unsubscribe",{}]');
      const reason = await disconnectedWithin(socket, 500);
      if (reason) {
        into.disconnected += 1;
        outcomes[`packet ${JSON.stringify(packet)}`] = `dropped (${reason})`;
      } else if (!socket.connected) {
        into.disconnected += 1;
        outcomes[`packet ${JSON.stringify(packet)}`] = 'dropped';
      } else {
        // a packet the server ignores leaves a working socket
        const follow: Emission = {
          label: `after ${packet}`,
          event: 'case:unsubscribe',
          args: [{ caseId }],
          ack: true,
        };
        const verdict = await send(socket, follow, into, false);
        if (verdict === 'timeout' && !socket.connected) {
          // dropped, only later than we waited for
          into.disconnected += 1;
          outcomes[`packet ${JSON.stringify(packet)}`] = 'dropped (late)';
          into.failures = into.failures.filter((f) => !f.startsWith(`after ${packet}:`));
        } else {
          outcomes[`packet ${JSON.stringify(packet)}`] = `ignored, socket then answered ${String(verdict)}`;
          if (verdict !== 'data') into.failures.push(`after packet ${packet}: ${String(verdict)}`);
        }
      }
      socket.disconnect();
    }
    // raw engine.io frames that are not engine.io packets at all
    for (const frame of ['', 'x', '9', '5', '6', '1', Buffer.from([0xff, 0x00, 0x13])]) {
      const socket = await open();
      const ws = loose(socket).io.engine.transport?.ws;
      if (!ws) {
        socket.disconnect();
        continue;
      }
      into.tried += 1;
      ws.send(frame);
      const reason = await disconnectedWithin(socket, 500);
      if (reason) into.disconnected += 1;
      outcomes[`frame ${JSON.stringify(typeof frame === 'string' ? frame : frame.toString('hex'))}`] = reason
        ? `dropped (${reason})`
        : 'ignored';
      socket.disconnect();
    }
    expect(into.failures, into.failures.join('\n')).to.deep.equal([]);
    await expectServerWorks();
  });

  it('closes a connection whose message is over 64 KB, and stays up for everyone else', async () => {
    const into = tally('oversized');
    const bystander = await open('respondent');
    const oversized: [string, unknown][] = [
      ['100 KB string', { caseId, body: 'a'.repeat(100_000), visibility: 'joint' }],
      ['1 MB string', { caseId, body: 'b'.repeat(1_000_000), visibility: 'joint' }],
      ['70 KB binary', Buffer.alloc(70_000, 1)],
      ['4 MB binary', Buffer.alloc(4_000_000, 2)],
      ['70 KB event name', undefined],
    ];
    for (const [name, payload] of oversized) {
      into.tried += 1;
      const socket = await open();
      const gone = disconnectedWithin(socket, 10_000);
      const event = payload === undefined ? 'e'.repeat(70_000) : 'message:send';
      loose(socket).emit(event, payload, () => into.failures.push(`${name}: acknowledged`));
      const reason = await gone;
      if (reason) into.disconnected += 1;
      else into.failures.push(`${name}: the connection stayed open`);
      socket.disconnect();
    }
    // a few binary attachments are one event, refused like any bad payload; more than the parser's
    // limit of 10 break the protocol and drop the connection
    const few = await open();
    const verdict = await send(
      few,
      {
        label: '5 binary attachments',
        event: 'message:send',
        args: [{ caseId, body: Array.from({ length: 5 }, () => Buffer.alloc(300, 3)), visibility: 'joint' }],
        ack: true,
      },
      into,
    );
    if (verdict !== 422) into.failures.push(`5 binary attachments: ${String(verdict)}`);
    few.disconnect();
    into.tried += 1;
    const many = await open();
    const dropped = disconnectedWithin(many, 10_000);
    loose(many).emit(
      'message:send',
      Array.from({ length: 200 }, () => Buffer.alloc(300, 3)),
      () => into.failures.push('200 binary attachments: acknowledged'),
    );
    if (await dropped) into.disconnected += 1;
    else into.failures.push('200 binary attachments: the connection stayed open');
    many.disconnect();
    expect(into.failures, into.failures.join('\n')).to.deep.equal([]);
    expect(bystander.connected, 'another client stays connected').to.equal(true);
    bystander.disconnect();
    await expectServerWorks();
  });

  it('rate-limits a burst of 2,000 events with 429 acks, without slowing other sockets', async () => {
    const into = tally('flood');
    const flooder = await open();
    const other = await open('respondent');
    const burst = Array.from({ length: 2_000 }, (_, i) =>
      send(flooder, { label: `flood ${i}`, event: 'case:unsubscribe', args: [{ caseId }], ack: true }, into),
    );
    // while the burst is being answered, another socket is served at once
    const t0 = Date.now();
    const sub = verdictOf(
      await loose(other).timeout(ACK_TIMEOUT_MS).emitWithAck('case:subscribe', { caseId, afterSeq: 0 }),
    );
    const otherMs = Date.now() - t0;
    const verdicts = await Promise.all(burst);
    // the limiter refills every 2 s: a burst that takes longer to answer may be served once per window
    const windows = 1 + Math.ceil((Date.now() - t0) / 2_000);
    expect(sub).to.equal('data');
    expect(into.failures, into.failures.slice(0, 20).join('\n')).to.deep.equal([]);
    const limited = verdicts.filter((v) => v === 429).length;
    const served = verdicts.filter((v) => v === 'data').length;
    expect(limited + served, 'every event answered').to.equal(2_000);
    expect(served, 'at most a burst per window served').to.be.at.most(BURST * windows);
    expect(limited).to.be.at.least(2_000 - BURST * windows);
    Object.assign(into, { otherSocketAckMs: otherMs });

    // a burst without acks, and a burst of unknown events (answered 404, never crash)
    for (let i = 0; i < 2_000; i++)
      loose(flooder).emit('message:typing', { caseId, visibility: 'joint', typing: i % 2 === 0 });
    into.tried += 2_000;
    into.withoutAck += 2_000;
    const unknown = await Promise.all(
      Array.from({ length: 2_000 }, (_, i) =>
        send(flooder, { label: `unknown flood ${i}`, event: 'case:flood', args: [i], ack: true }, into),
      ),
    );
    expect(unknown.every((v) => v === 404)).to.equal(true);
    // after the window, the flooder is served again
    await new Promise((r) => setTimeout(r, 2_100));
    expect(
      await send(
        flooder,
        { label: 'after the flood', event: 'case:unsubscribe', args: [{ caseId }], ack: true },
        into,
      ),
    ).to.equal('data');
    flooder.disconnect();
    other.disconnect();
    expect(into.failures, into.failures.slice(0, 20).join('\n')).to.deep.equal([]);
    await expectServerWorks();
  });

  it('refuses many connections with bad tokens (connect_error) and stays up', async () => {
    const into = tally('badTokens');
    const sign = (claims: Record<string, unknown>, exp: number) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuer('sevenfold')
        .setAudience('sevenfold-api')
        .setIssuedAt()
        .setExpirationTime(exp)
        .sign(TEST_SECRET);
    const now = Math.floor(Date.now() / 1000);
    const [header, payload] = tok.admin!.split('.');
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    const auths: [string, unknown][] = [
      ['no auth', undefined],
      ['no token', {}],
      ['empty token', { token: '' }],
      ['short token', { token: 'x' }],
      ['number token', { token: 12_345_678_901 }],
      ['object token', { token: { $ne: null } }],
      ['array token', { token: [tok.admin] }],
      ['long token', { token: 'a'.repeat(5_000) }],
      ['forged signature', { token: `${header}.${payload}.${'A'.repeat(43)}` }],
      ['alg none', { token: unsigned }],
      ['expired', { token: await sign({ sub: 'u-admin', role: 'admin' }, now - 60) }],
      ['unknown account', { token: await sign({ sub: 'u-nobody', role: 'admin' }, now + 600) }],
      ['operator subject', { token: await sign({ sub: '{"$ne":null}', role: 'admin' }, now + 600) }],
      ['no subject', { token: await sign({ role: 'admin' }, now + 600) }],
      [
        'other audience',
        {
          token: await new SignJWT({ role: 'admin' })
            .setProtectedHeader({ alg: 'HS256' })
            .setSubject('u-admin')
            .setIssuer('sevenfold')
            .setAudience('elsewhere')
            .setExpirationTime(now + 600)
            .sign(TEST_SECRET),
        },
      ],
      ['oversized auth', { token: 'b'.repeat(70_000) }],
    ];
    const baseline = s.realtime.io.engine.clientsCount;
    const attempts = Array.from({ length: 240 }, (_, i) => auths[i % auths.length]!);
    for (let i = 0; i < attempts.length; i += 60) {
      await Promise.all(
        attempts.slice(i, i + 60).map(async ([name, auth]) => {
          into.tried += 1;
          const socket = connect(s.url, {
            auth: auth as Record<string, unknown>,
            transports: ['websocket'],
            reconnection: false,
            forceNew: true,
            timeout: 10_000,
          });
          let timer: NodeJS.Timeout | undefined;
          const outcome = await new Promise<string>((resolve) => {
            timer = setTimeout(() => resolve('no answer'), 10_000);
            socket.once('connect', () => resolve('connected'));
            socket.once('connect_error', (err: Error) => resolve(`refused: ${err.message}`));
            socket.once('disconnect', (reason: string) => resolve(`dropped: ${reason}`));
          });
          clearTimeout(timer);
          socket.close();
          const key = outcome.startsWith('refused') ? 'refused' : outcome;
          into.acks[key] = (into.acks[key] ?? 0) + 1;
          if (outcome === 'connected') into.failures.push(`${name}: connected`);
        }),
      );
    }
    // every refused connection is closed, none is left behind
    const deadline = Date.now() + 5_000;
    while (s.realtime.io.engine.clientsCount > baseline && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(s.realtime.io.engine.clientsCount, 'engine connections left').to.be.at.most(baseline);
    expect(into.failures, into.failures.join('\n')).to.deep.equal([]);
    await expectServerWorks();
  });

  it('answers hostile HTTP requests to the Socket.IO endpoint without a server error', async () => {
    const into = tally('engineHttp');
    const base = `${s.url}/socket.io/`;
    const requests: [string, RequestInit | undefined, string][] = [
      ['handshake', undefined, '?EIO=4&transport=polling'],
      ['old protocol', undefined, '?EIO=3&transport=polling'],
      ['unknown transport', undefined, '?EIO=4&transport=carrier-pigeon'],
      ['no query', undefined, ''],
      ['unknown sid', undefined, '?EIO=4&transport=polling&sid=nope'],
      ['operator sid', undefined, '?EIO=4&transport=polling&sid[$ne]=x'],
      ['post without sid', { method: 'POST', body: '40' }, '?EIO=4&transport=polling'],
      ['post unknown sid', { method: 'POST', body: '40' }, '?EIO=4&transport=polling&sid=nope'],
      ['huge post', { method: 'POST', body: 'x'.repeat(200_000) }, '?EIO=4&transport=polling&sid=nope'],
      ['put', { method: 'PUT', body: '{}' }, '?EIO=4&transport=polling'],
      ['websocket without upgrade', undefined, '?EIO=4&transport=websocket'],
    ];
    for (const [name, init, query] of requests) {
      into.tried += 1;
      // the server may answer before reading a large body and close the connection: not a failure
      const status = await fetch(`${base}${query}`, init).then(
        async (res) => {
          await res.arrayBuffer().catch(() => undefined);
          return res.status;
        },
        () => 'reset',
      );
      into.acks[String(status)] = (into.acks[String(status)] ?? 0) + 1;
      if (typeof status === 'number' && status >= 500) into.failures.push(`${name}: ${status}`);
    }
    expect(into.failures, into.failures.join('\n')).to.deep.equal([]);
    await expectServerWorks();
  });
});
