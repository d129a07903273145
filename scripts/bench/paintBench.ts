/**
 * The mediator console's largest contentful paint in Chromium as the platform grows, and the size of
 * the JavaScript the sign-in page loads first (gzip, as the server sends it).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { CHROMIUM_PATH, launchChromium } from '../../test/e2e/support/chromium.js';
import { ensureClientBuilt } from '../../test/e2e/support/ensureClientBuilt.js';
import { measureClientBundle } from '../clientBundleSize.js';
import { casesInSession, startBenchServer } from './benchServerHandle.js';
import type { BenchFigure, BenchSection } from './benchTypes.js';
import { benchTokens } from './httpBench.js';
import { latencyFigure } from './latencyFigure.js';

/** Real cases filed through the API and driven into a session, shared by the two demo mediators. */
const REAL_CASES = 6;
/** Page loads per size. */
const LOADS = Number(process.env.BENCH_PAINT_LOADS ?? 7);

/**
 * Run in the page (a string: the benchmarks compile without the DOM types): the last
 * largest-contentful-paint entry (buffered), in ms from navigation start, and what it painted.
 */
const READ_LCP = `new Promise((resolve) => {
  const entries = [];
  new PerformanceObserver((list) => entries.push(...list.getEntries())).observe({
    type: 'largest-contentful-paint',
    buffered: true,
  });
  setTimeout(() => {
    const last = entries[entries.length - 1];
    const el = last && last.element;
    const text = el && el.textContent ? el.textContent.trim().slice(0, 40) : '';
    resolve({ ms: last ? last.startTime : -1, element: el ? '<' + el.tagName.toLowerCase() + '> ' + text : '' });
  }, 200);
})`;

/**
 * Signs in as mediator@demo.local through the sign-in page once, then loads the mediator console
 * `LOADS` times per size, each in a fresh browser context (cold HTTP cache) holding that session,
 * and reads its largest contentful paint once the console shows its assignments and queue.
 */
export async function paintBench(root: string, sizes: number[] = [1_000, 10_000]): Promise<BenchSection> {
  ensureClientBuilt();
  if (!existsSync(join(root, 'client', 'dist', '.vite', 'manifest.json'))) {
    throw new Error(
      'client/dist has no .vite/manifest.json: rebuild it with npx vite build --config client/vite.config.ts',
    );
  }
  const bundle = measureClientBundle(join(root, 'client', 'dist'));
  const server = await startBenchServer();
  const figures: BenchFigure[] = [];
  const ratios: BenchSection['ratios'] = [];
  const seen: { element: string; requests: string[] } = { element: '', requests: [] };
  let browser: Browser | undefined;
  try {
    const tokens = await benchTokens(server.url);
    // the demo mediators' own real cases: filed through the API and driven into a session
    const real = await casesInSession(server.url, tokens, 'Paint benchmark case', REAL_CASES, 2);
    browser = await launchChromium();
    const signIn = await browser.newContext({ baseURL: server.url, viewport: { width: 1440, height: 900 } });
    const page = await signIn.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('电子邮箱').fill('mediator@demo.local');
    await page.getByLabel(/^密码/).fill('sevenfold-demo');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    const session = await signIn.storageState();
    await signIn.close();

    const medians: Record<number, number> = {};
    for (const size of sizes) {
      const have = await server.ask<{ synthetic: number }>('addCases', { count: 0 });
      if (have.synthetic < size)
        await server.ask('addCases', { count: size - have.synthetic, templateId: real[0] });
      const samples: number[] = [];
      for (let i = 0; i < LOADS; i++) {
        const context = await browser.newContext({
          baseURL: server.url,
          viewport: { width: 1440, height: 900 },
          locale: 'zh-CN',
          timezoneId: 'Asia/Shanghai',
          storageState: session,
        });
        const home = await context.newPage();
        const requests: string[] = [];
        home.on('request', (req) => {
          const url = new URL(req.url());
          if (url.pathname.startsWith('/api/')) requests.push(`${req.method()} ${url.pathname}${url.search}`);
        });
        await home.goto('/mediator');
        await home.getByTestId('assignments').waitFor({ timeout: 60_000 });
        await home.waitForTimeout(500);
        const lcp = (await home.evaluate(READ_LCP)) as { ms: number; element: string };
        if (lcp.ms < 0) throw new Error('Chromium reported no largest-contentful-paint entry');
        samples.push(lcp.ms);
        if (!seen.element) Object.assign(seen, { element: lcp.element, requests });
        await context.close();
      }
      const figure = latencyFigure(
        `mediator console, largest contentful paint — ${size.toLocaleString('en')} cases`,
        samples,
        // ops/s: 1000 ÷ the mean largest paint
        samples.length / (samples.reduce((a, b) => a + b, 0) / 1000),
      );
      figures.push(figure);
      medians[size] = figure.p50Ms;
      process.stdout.write(`  ${figure.name}: p50 ${figure.p50Ms.toFixed(0)} ms\n`);
    }
    const [small, ...larger] = sizes;
    for (const size of larger) {
      ratios.push({
        name: `mediator console LCP: ${size / 1000}k ÷ ${small! / 1000}k (p50)`,
        value: medians[size]! / Math.max(medians[small!]!, 0.001),
        explanation: 'the console paints the same whatever the number of cases (target ~1)',
      });
    }
  } finally {
    await browser?.close();
    await server.stop();
  }
  const kib = (bytes: number) => bytes / 1024;
  ratios.push(
    {
      name: 'first-load JS of the sign-in page, gzip (KiB)',
      value: kib(bundle.signInJs.gzipBytes),
      explanation: `${bundle.signInJs.files.length} file(s), ${kib(bundle.signInJs.rawBytes).toFixed(0)} KiB raw (scripts/clientBundleSize.ts)`,
    },
    {
      name: 'first-load CSS of the sign-in page, gzip (KiB)',
      value: kib(bundle.signInCss.gzipBytes),
      explanation: `${bundle.signInCss.files.length} file(s)`,
    },
    {
      name: 'all JS of the client, gzip (KiB)',
      value: kib(bundle.totalJs.gzipBytes),
      explanation: `${bundle.totalJs.files.length} files, lazy chunks included`,
    },
  );
  return {
    title: 'Mediator console paint and client size',
    description:
      `Headless Chromium (${CHROMIUM_PATH}, playwright-core) against the benchmark server with the built client ` +
      '(client/dist), 1440×900. The mediator signs in once through the sign-in page; each sample then loads ' +
      '/mediator in a fresh browser context (cold HTTP cache, session in localStorage), waits for the console, and ' +
      'reads the last largest-contentful-paint entry (PerformanceObserver, buffered), in ms from navigation start. ' +
      `${LOADS} loads per size; cases are the synthetic ones of the list benchmark, plus ${REAL_CASES} real cases in session ` +
      `shared by the two demo mediators. Largest paint seen: ${seen.element || 'n/a'}; the console's API requests: ` +
      `${seen.requests.join(', ') || 'none'}. Client sizes are gzip at zlib's default level, as the server sends them.`,
    figures,
    ratios,
  };
}
