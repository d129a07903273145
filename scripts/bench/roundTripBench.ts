import { benchApi, caseInSession, mediatorToken, type BenchServer } from './benchServerHandle.js';
import type { BenchSection } from './benchTypes.js';
import { browserGet, HOME_ROUNDS } from './httpBench.js';

/** Database commands by name, as the server's driver reported them (command monitoring). */
type Counted = Record<string, number>;

const sum = (c: Counted) => Object.values(c).reduce((a, b) => a + b, 0);
const breakdown = (c: Counted, times: number) =>
  Object.entries(c)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([name, n]) => `${name} ${+(n / times).toFixed(2)}`)
    .join(', ');

/** How many times each measured operation is repeated (the counts are averaged). */
const REPEAT = 10;

/**
 * Database round trips per operation, counted by the server's driver (command monitoring: every
 * command it sends, `commandStarted`), averaged over {@link REPEAT} runs of each operation sent one at
 * a time: a sign-in, an action (RECORD_SESSION by the assigned mediator), a case's page and each
 * role's home page. `label` names the variant (the server's caches on or off) in each row.
 */
export async function roundTripBench(
  server: BenchServer,
  tokens: Record<string, string>,
  as: Record<string, string> = tokens,
  label = '',
): Promise<BenchSection> {
  const ratios: BenchSection['ratios'] = [];
  const suffix = label ? ` (${label})` : '';
  /** Counts `run`'s commands; `before` (a change the run must show) runs first each time, not counted. */
  const count = async (
    name: string,
    run: () => Promise<unknown>,
    explanation = '',
    before?: () => Promise<void>,
  ) => {
    await before?.();
    await run(); // warm: the first of a kind may load what later ones find ready
    const counted: Counted = {};
    for (let i = 0; i < REPEAT; i++) {
      await before?.();
      await server.ask('countCommands');
      await run();
      const once = (await server.ask<{ counted: Counted }>('countCommands')).counted;
      for (const [command, n] of Object.entries(once)) counted[command] = (counted[command] ?? 0) + n;
    }
    ratios.push({
      name: `${name}${suffix}`,
      value: sum(counted) / REPEAT,
      explanation: `${explanation}${explanation ? '; ' : ''}${breakdown(counted, REPEAT) || 'none'}`,
    });
  };
  // `as` holds the synthetic mediator too, whom the assignment may pick once the lists made it
  const caseId = await caseInSession(server.url, as, 'Round-trip benchmark case');
  const view = await benchApi(server.url, `/api/cases/${caseId}`, tokens.admin);
  const mediator = mediatorToken(as, view.mediatorId);
  await server.ask('countCommands');
  await count('sign-in (POST /api/auth/login)', () =>
    benchApi(server.url, '/api/auth/login', undefined, {
      email: 'mediator@demo.local',
      password: 'sevenfold-demo',
    }),
  );
  await count(
    'one action (RECORD_SESSION over HTTP, the assigned mediator)',
    () =>
      benchApi(server.url, `/api/cases/${caseId}/actions`, mediator, {
        type: 'RECORD_SESSION',
        notes: 'round trips',
      }),
    'authentication, load, one transaction, effects and fan-out',
  );
  await count('a case page (GET /api/cases/:id)', () =>
    benchApi(server.url, `/api/cases/${caseId}`, tokens.admin),
  );
  for (const home of HOME_ROUNDS) {
    const token = as[home.as];
    if (!token) continue;
    await count(
      `${home.label}`,
      async () => {
        const answers: unknown[] = [];
        for (const p of home.paths)
          answers.push(JSON.parse((await browserGet(`${server.url}${p}`, token)).body) as unknown);
        for (const p of home.then?.(answers) ?? []) await browserGet(`${server.url}${p}`, token);
      },
      home.paths.join(' + ') + (home.then ? ', then /api/cases/:id + /api/cases/:id/actions' : ''),
      home.before && (() => home.before!(server.url, as)),
    );
  }
  await server.ask('stopCounting');
  return {
    title: `Database round trips${suffix}`,
    description:
      "Commands the server's MongoDB driver sends (counted with the driver's command monitoring, " +
      '`commandStarted`), per operation, averaged over ' +
      `${REPEAT} runs sent one at a time after one warm-up: each is one round trip to the engine ` +
      '(a transaction is its commands plus `commitTransaction`). Each row lists the commands by name.',
    figures: [],
    ratios,
  };
}
