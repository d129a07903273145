import type { Complaint } from '../../shared/schemas/complaint.js';
import { smallTrademarkMediation } from '../fixtures/complaints.js';
import { sleep } from './faultServer.js';

/** A small seeded PRNG (mulberry32): a run can be repeated with FAULT_SEED. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What one HTTP attempt came to. */
export type Attempt =
  | { kind: 'response'; status: number; body: Record<string, unknown>; headers: Headers; ms: number }
  /** The connection was refused: the request never reached a server (safe to send again). */
  | { kind: 'refused'; ms: number }
  /** The connection broke or timed out after the request was sent: its outcome is unknown. */
  | { kind: 'lost'; error: string; ms: number };

/** An action the server acknowledged (2xx), with the event it implies. */
export interface AckedAction {
  kind: 'filing' | 'session' | 'message';
  caseId: string;
  /** The seq of the event the acknowledgement implies. */
  seq: number;
  /**
   * An action sent with `expectedSeq`: the seq it expected. The server may still apply it later when
   * only generated documents (`DOCUMENT_ISSUED`) were appended in between; the checks hold it to that.
   */
  expectedSeq?: number;
  type: 'FILED' | 'RECORD_SESSION' | 'MESSAGE_POSTED';
  /** Unique text of the action (filing title, session notes, message body): finds its events. */
  marker: string;
  messageId?: string;
  idempotencyKey?: string;
}

/** An action that ended without an acknowledgement (the server may or may not have applied it). */
export interface UnackedAction {
  kind: AckedAction['kind'];
  marker: string;
  caseId?: string;
  /**
   * `refused`: answered 4xx (a 409 for a stale seq: another action came first); `unknown`: cut off
   * after it was sent and not safe to send again; `timedOut`: still failing when its time was up.
   */
  outcome: 'refused' | 'unknown' | 'timedOut';
  reason: string;
}

/** Counts of a load run. */
export interface LoadCounts {
  /** Logical actions started (a filing, a session record, a message). */
  actions: number;
  /** HTTP requests sent or attempted, retries included. */
  requests: number;
  acknowledged: number;
  /** Requests sent again for an action after a failed attempt. */
  retried: number;
  /** Filings answered from their Idempotency-Key record (`Idempotent-Replayed`). */
  replayed: number;
  /** 503 answers (database down / server not ready). */
  refused503: number;
  /** Attempts whose connection was refused (server down). */
  connectionRefused: number;
  /** Attempts whose connection broke after sending (killed mid-request): outcome unknown. */
  connectionLost: number;
  /** 409 answers (stale seq, a pending Idempotency-Key, a state that moved on). */
  conflicts409: number;
  /** 5xx answers other than 503: each is a failure. */
  serverErrors: number;
  /** Other 4xx answers: each is a failure of the generator or the server. */
  unexpected: number;
  /** Actions given up without an acknowledgement: refused (409 etc.), outcome unknown, timed out. */
  unacknowledged: number;
  unackedRefused: number;
  unackedOutcomeUnknown: number;
  unackedTimedOut: number;
  /** Requests slower than 6 s. */
  slowOver6s: number;
  maxLatencyMs: number;
}

/** A mediation case in session that the load records sessions and posts messages on. */
export interface SessionCase {
  id: string;
  mediatorToken: string;
  /** The last seq this client saw. */
  seq: number;
}

/** What the load generator needs. */
export interface LoadOptions {
  baseUrl: string;
  complainantToken: string;
  sessionCases: SessionCase[];
  random: () => number;
  workers?: number;
  /** No new action starts after this many (the generator stops by itself). */
  maxActions?: number;
  /** How long one action may keep retrying before it is given up. */
  actionDeadlineMs?: number;
  /** Pause between two actions of a worker, in milliseconds (min, max). */
  thinkMs?: [number, number];
}

const EMPTY = {} as Record<string, unknown>;

/**
 * Sends one request to the server on loopback. Never throws: a refused connection, a broken one and
 * a timeout are outcomes. `timeoutMs` bounds a request that hangs.
 */
export async function send(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  token: string | undefined,
  body?: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 20_000,
): Promise<Attempt> {
  const started = Date.now();
  try {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let parsed: Record<string, unknown> = EMPTY;
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : EMPTY;
    } catch {
      parsed = { text };
    }
    return {
      kind: 'response',
      status: res.status,
      body: parsed,
      headers: res.headers,
      ms: Date.now() - started,
    };
  } catch (err) {
    const ms = Date.now() - started;
    const cause = (err as { cause?: { code?: string; errors?: { code?: string }[] } }).cause;
    const code = cause?.code ?? cause?.errors?.[0]?.code;
    if (code === 'ECONNREFUSED') return { kind: 'refused', ms };
    return { kind: 'lost', error: `${(err as Error).name}: ${code ?? (err as Error).message}`, ms };
  }
}

/** A complaint with a unique title (the title finds its FILED event). */
function filingBody(title: string, i: number): Complaint {
  return {
    ...structuredClone(smallTrademarkMediation),
    title,
    rights: [{ number: `TM ${String(70_000_000 + i)}`, title: 'Fault-run word mark' }],
    respondent: { name: `Fault Respondent ${i % 7}`, type: 'individual', email: 'respondent@demo.local' },
  };
}

/**
 * A bounded load generator on loopback: a few workers keep filing complaints (with an
 * Idempotency-Key), recording mediation sessions (with `expectedSeq`) and posting messages, and keep
 * a ledger of every acknowledged action and of every action left without an answer. It retries the
 * way a careful client does: a filing with the same key, a session record with the same expected
 * seq, a message only when it surely did not reach the server (refused connection, or the 503 that
 * says nothing was changed). It stops by itself after `maxActions`, or when `stop()` is called.
 */
export class LoadGenerator {
  readonly acked: AckedAction[] = [];
  readonly unacked: UnackedAction[] = [];
  /** Problems that fail the run (5xx other than 503, unexpected 4xx), with their detail. */
  readonly failures: string[] = [];
  readonly counts: LoadCounts = {
    actions: 0,
    requests: 0,
    acknowledged: 0,
    retried: 0,
    replayed: 0,
    refused503: 0,
    connectionRefused: 0,
    connectionLost: 0,
    conflicts409: 0,
    serverErrors: 0,
    unexpected: 0,
    unacknowledged: 0,
    unackedRefused: 0,
    unackedOutcomeUnknown: 0,
    unackedTimedOut: 0,
    slowOver6s: 0,
    maxLatencyMs: 0,
  };
  /** Session actions that were committed although their client never got the answer. */
  committedUnacknowledged = 0;

  private stopping = false;
  private running: Promise<void>[] = [];
  private next = 0;
  private readonly opts: Required<LoadOptions>;
  private readonly runId: string;

  constructor(opts: LoadOptions) {
    this.opts = {
      workers: 4,
      maxActions: 5000,
      actionDeadlineMs: 45_000,
      thinkMs: [20, 80],
      ...opts,
    };
    this.runId = Math.floor(opts.random() * 1e9).toString(36);
  }

  /** Starts the workers. */
  start(): void {
    for (let w = 0; w < this.opts.workers; w++) this.running.push(this.worker());
  }

  /** Starts no new action, lets the ones under way finish (or give up), and resolves when all have. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.running);
  }

  /** The session cases still in session (a clock may end one). */
  get sessionCases(): readonly SessionCase[] {
    return this.opts.sessionCases;
  }

  private async worker(): Promise<void> {
    const { random, thinkMs } = this.opts;
    while (!this.stopping && this.counts.actions < this.opts.maxActions) {
      const r = random();
      this.counts.actions++;
      const i = this.next++;
      if (r < 0.25 || this.opts.sessionCases.length === 0) await this.file(i);
      else if (r < 0.65) await this.recordSession(i);
      else await this.postMessage(i);
      await sleep(thinkMs[0] + random() * (thinkMs[1] - thinkMs[0]));
    }
  }

  private async attempt(
    method: 'GET' | 'POST',
    path: string,
    token: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Attempt> {
    this.counts.requests++;
    const a = await send(this.opts.baseUrl, method, path, token, body, headers);
    this.counts.maxLatencyMs = Math.max(this.counts.maxLatencyMs, a.ms);
    if (a.ms > 6000) this.counts.slowOver6s++;
    if (a.kind === 'refused') this.counts.connectionRefused++;
    else if (a.kind === 'lost') this.counts.connectionLost++;
    else if (a.status === 503) this.counts.refused503++;
    else if (a.status === 409) this.counts.conflicts409++;
    else if (a.status >= 500) {
      this.counts.serverErrors++;
      this.failures.push(`${method} ${path}: ${a.status} ${JSON.stringify(a.body)}`);
    }
    return a;
  }

  private unexpected(what: string, a: Attempt): void {
    if (a.kind === 'response' && a.status >= 500 && a.status !== 503) return; // counted already
    this.counts.unexpected++;
    this.failures.push(
      `${what}: ${a.kind === 'response' ? `${a.status} ${JSON.stringify(a.body)}` : a.kind}`,
    );
  }

  private giveUp(u: UnackedAction): void {
    this.counts.unacknowledged++;
    if (u.outcome === 'refused') this.counts.unackedRefused++;
    else if (u.outcome === 'unknown') this.counts.unackedOutcomeUnknown++;
    else this.counts.unackedTimedOut++;
    this.unacked.push(u);
  }

  private async backoff(tries: number): Promise<void> {
    await sleep(Math.min(150 * tries, 600) + this.opts.random() * 100);
  }

  /** Files a complaint; retries with the same Idempotency-Key until it is acknowledged. */
  private async file(i: number): Promise<void> {
    const key = `fault-${this.runId}-${i}`;
    const title = `Fault-run filing ${key}`;
    const body = filingBody(title, i);
    const deadline = Date.now() + this.opts.actionDeadlineMs;
    for (let tries = 0; ; tries++) {
      if (tries > 0) this.counts.retried++;
      const a = await this.attempt('POST', '/api/cases', this.opts.complainantToken, body, {
        'Idempotency-Key': key,
      });
      if (a.kind === 'response' && a.status === 201) {
        if (a.headers.get('idempotent-replayed') === 'true') this.counts.replayed++;
        this.counts.acknowledged++;
        this.acked.push({
          kind: 'filing',
          caseId: String(a.body.id),
          seq: 1,
          type: 'FILED',
          marker: title,
          idempotencyKey: key,
        });
        return;
      }
      // 409: another request with this key is still being processed (or was cut short): ask again
      const retryable = a.kind !== 'response' || a.status === 503 || a.status === 409;
      if (!retryable) {
        this.unexpected(`filing ${key}`, a);
        this.giveUp({ kind: 'filing', marker: title, outcome: 'refused', reason: `status ${a.status}` });
        return;
      }
      if (Date.now() > deadline) {
        this.giveUp({
          kind: 'filing',
          marker: title,
          outcome: 'timedOut',
          reason: a.kind === 'response' ? `still ${a.status}: ${String(a.body.detail)}` : a.kind,
        });
        return;
      }
      await this.backoff(tries + 1);
    }
  }

  /** Refreshes what this client knows of a session case; drops it when it left the session. */
  private async refresh(c: SessionCase): Promise<void> {
    const a = await this.attempt('GET', `/api/cases/${c.id}`, c.mediatorToken);
    if (a.kind !== 'response' || a.status !== 200) return;
    c.seq = Number(a.body.seq);
    if (!String(a.body.stage).includes('inSession')) {
      const at = this.opts.sessionCases.indexOf(c);
      if (at >= 0) this.opts.sessionCases.splice(at, 1);
    }
  }

  /** Records a mediation session with `expectedSeq`; a retry after an unknown outcome is safe. */
  private async recordSession(i: number): Promise<void> {
    const pool = this.opts.sessionCases;
    const c = pool[Math.floor(this.opts.random() * pool.length)];
    if (!c) return;
    const notes = `Fault-run session ${this.runId}-${i}`;
    const expectedSeq = c.seq;
    const deadline = Date.now() + this.opts.actionDeadlineMs;
    let unknownBefore = false;
    for (let tries = 0; ; tries++) {
      if (tries > 0) this.counts.retried++;
      const a = await this.attempt('POST', `/api/cases/${c.id}/actions`, c.mediatorToken, {
        type: 'RECORD_SESSION',
        notes,
        expectedSeq,
      });
      if (a.kind === 'response' && a.status === 200) {
        this.counts.acknowledged++;
        this.acked.push({
          kind: 'session',
          caseId: c.id,
          // the answer is the case after this event (a session has no follow-ups)
          seq: Number(a.body.seq),
          expectedSeq,
          type: 'RECORD_SESSION',
          marker: notes,
        });
        c.seq = Math.max(c.seq, Number(a.body.seq));
        return;
      }
      if (a.kind === 'response' && a.status === 409) {
        if (unknownBefore && (await this.appliedAt(c, expectedSeq, notes))) this.committedUnacknowledged++;
        this.giveUp({ kind: 'session', marker: notes, caseId: c.id, outcome: 'refused', reason: '409' });
        await this.refresh(c);
        return;
      }
      const retryable = a.kind !== 'response' || a.status === 503;
      if (!retryable) {
        this.unexpected(`RECORD_SESSION on ${c.id}`, a);
        this.giveUp({
          kind: 'session',
          marker: notes,
          caseId: c.id,
          outcome: 'refused',
          reason: `status ${a.status}`,
        });
        return;
      }
      unknownBefore ||= a.kind === 'lost' || (a.kind === 'response' && !saysNothingChanged(a));
      if (Date.now() > deadline) {
        this.giveUp({ kind: 'session', marker: notes, caseId: c.id, outcome: 'timedOut', reason: a.kind });
        return;
      }
      await this.backoff(tries + 1);
    }
  }

  /** Whether the event after `seq` is this client's own session record (a lost answer). */
  private async appliedAt(c: SessionCase, seq: number, notes: string): Promise<boolean> {
    const a = await this.attempt('GET', `/api/cases/${c.id}/events?after=${seq}&limit=1`, c.mediatorToken);
    if (a.kind !== 'response' || a.status !== 200) return false;
    const first = (a.body.items as { type: string; data: { notes?: string } }[] | undefined)?.[0];
    return first?.type === 'RECORD_SESSION' && first.data.notes === notes;
  }

  /** Posts a joint message; sent again only when it surely did not reach the server. */
  private async postMessage(i: number): Promise<void> {
    const pool = this.opts.sessionCases;
    const c = pool[Math.floor(this.opts.random() * pool.length)];
    if (!c) return;
    const byMediator = this.opts.random() < 0.4;
    const token = byMediator ? c.mediatorToken : this.opts.complainantToken;
    const body = `Fault-run message ${this.runId}-${i}`;
    const deadline = Date.now() + this.opts.actionDeadlineMs;
    for (let tries = 0; ; tries++) {
      if (tries > 0) this.counts.retried++;
      const a = await this.attempt('POST', `/api/cases/${c.id}/messages`, token, {
        body,
        visibility: 'joint',
      });
      if (a.kind === 'response' && a.status === 201) {
        this.counts.acknowledged++;
        this.acked.push({
          kind: 'message',
          caseId: c.id,
          seq: Number(a.body.seq),
          type: 'MESSAGE_POSTED',
          marker: body,
          messageId: String(a.body.id),
        });
        return;
      }
      const safeToResend = a.kind === 'refused' || (a.kind === 'response' && saysNothingChanged(a));
      if (a.kind === 'response' && a.status !== 503) {
        if (a.status !== 409) this.unexpected(`message on ${c.id}`, a);
        this.giveUp({
          kind: 'message',
          marker: body,
          caseId: c.id,
          outcome: 'refused',
          reason: `status ${a.status}`,
        });
        return;
      }
      if (!safeToResend || Date.now() > deadline) {
        this.giveUp({
          kind: 'message',
          marker: body,
          caseId: c.id,
          outcome: safeToResend ? 'timedOut' : 'unknown',
          reason: a.kind === 'lost' ? a.error : String(a.kind === 'response' ? a.status : a.kind),
        });
        return;
      }
      await this.backoff(tries + 1);
    }
  }
}

/** The 503 of a refused write ("nothing was changed"), as opposed to one that failed midway. */
function saysNothingChanged(a: Attempt): boolean {
  return a.kind === 'response' && a.status === 503 && String(a.body.detail).includes('nothing was changed');
}
