import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The benchmark server process and how to talk to it. */
export interface BenchServer {
  url: string;
  bareUrl: string;
  plainUrl: string;
  /** Sends a request over IPC and resolves with the reply of the same kind. */
  ask<T>(kind: string, payload?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Forks `benchServer.ts` (real app on the embedded engine plus the floors), with `env` added to its
 * environment (`BENCH_CASE_CACHE_SIZE=0`: no case projection cache), and waits until it listens.
 */
export async function startBenchServer(env: Record<string, string> = {}): Promise<BenchServer> {
  const child: ChildProcess = fork(join(here, 'benchServer.ts'), [], {
    env: { ...process.env, ...env },
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waitFor = <T>(kind: string) =>
    new Promise<T>((resolve, reject) => {
      const exited = (code: number | null) => reject(new Error(`benchmark server exited (${code})`));
      const on = (msg: { kind: string }) => {
        if (msg.kind !== kind) return;
        child.off('message', on);
        child.off('exit', exited);
        resolve(msg as T);
      };
      child.on('message', on);
      child.once('exit', exited);
    });
  const ready = await waitFor<{ url: string; bareUrl: string; plainUrl: string }>('ready');
  return {
    ...ready,
    ask<T>(kind: string, payload: Record<string, unknown> = {}) {
      const reply = waitFor<T>(kind);
      child.send({ kind, ...payload });
      return reply;
    },
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.send({ kind: 'stop' });
      await exited;
    },
  };
}

/** JSON request helper for the benchmarks (throws on a non-2xx answer). */
export async function benchApi(
  base: string,
  path: string,
  token: string | undefined,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const res = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/** Signs a demo user in. */
export async function benchLogin(url: string, who: string): Promise<string> {
  return (
    await benchApi(url, '/api/auth/login', undefined, {
      email: `${who}@demo.local`,
      password: 'sevenfold-demo',
    })
  ).token as string;
}

/**
 * The token of a case's mediator among the benchmark's accounts: the two demo mediators and, once the
 * lists benchmark made it (`benchMediator`), the synthetic mediator of the same organisation, whom the
 * automatic assignment may pick as well.
 */
export function mediatorToken(tokens: Record<string, string>, mediatorId: unknown): string {
  const key = { 'u-mediator': 'mediator', 'u-mediator2': 'mediator2', 'u-bench-mediator-0': 'benchMediator' }[
    String(mediatorId)
  ];
  const token = key ? tokens[key] : undefined;
  if (!token) throw new Error(`no benchmark token for the mediator ${String(mediatorId)}`);
  return token;
}

/** Files a mediation case as the complainant of `tokens` (it waits in screening); resolves with its id. */
export async function fileBenchCase(
  url: string,
  tokens: Record<string, string>,
  title: string,
): Promise<string> {
  const filed = await benchApi(url, '/api/cases', tokens.complainant, {
    title,
    description: 'A tea shop uses our registered word mark on packaging; we have photos and receipts.',
    ipType: 'trademark',
    rights: [{ number: `TM ${Math.floor(Math.random() * 1e8)}` }],
    complainant: { name: 'Bench Tea', type: 'enterprise', sme: true },
    respondent: { name: 'Bench Shop', type: 'individual', email: 'respondent@demo.local' },
    claim: { amountCny: 50000, remedies: ['cease'] },
    consents: { mediation: true, arbitrationAgreement: false },
  });
  return filed.id as string;
}

/** Files a mediation case and drives it into session; resolves with its id. */
export async function caseInSession(
  url: string,
  tokens: Record<string, string>,
  title: string,
): Promise<string> {
  const id = await fileBenchCase(url, tokens, title);
  await benchApi(url, `/api/cases/${id}/actions`, tokens.admin, { type: 'ACCEPT' });
  const routed = await benchApi(url, `/api/cases/${id}/actions`, tokens.admin, {
    type: 'ROUTE',
    channel: 'mediation',
    reason: 'benchmark',
  });
  const mediator = mediatorToken(tokens, routed.mediatorId);
  await benchApi(url, `/api/cases/${id}/actions`, mediator, { type: 'ACCEPT_ASSIGNMENT' });
  await benchApi(url, `/api/cases/${id}/actions`, tokens.respondent, { type: 'CONSENT' });
  return id;
}

/** Files `count` mediation cases and drives each into session, a few at a time; resolves with their ids. */
export async function casesInSession(
  url: string,
  tokens: Record<string, string>,
  title: string,
  count: number,
  concurrency = 4,
  /** The rights holder filing each case (default: the demo complainant files them all). */
  complainantTokens?: string[],
): Promise<string[]> {
  const ids: string[] = new Array<string>(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const as = complainantTokens ? { ...tokens, complainant: complainantTokens[index]! } : tokens;
      ids[index] = await caseInSession(url, as, `${title} ${index + 1}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return ids;
}

/** Registers `count` rights holders (as people do, through the API); resolves with their tokens. */
export async function registerRightsHolders(url: string, count: number, concurrency = 4): Promise<string[]> {
  const tokens: string[] = new Array<string>(count);
  const run = `${Date.now().toString(36)}`;
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const account = { email: `holder-${run}-${index}@bench.local`, password: 'sevenfold-bench-holder' };
      await benchApi(url, '/api/auth/register', undefined, {
        ...account,
        name: `Rights holder ${index + 1}`,
      });
      tokens[index] = (await benchApi(url, '/api/auth/login', undefined, account)).token as string;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return tokens;
}
