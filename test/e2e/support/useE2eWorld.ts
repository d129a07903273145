import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seedDirectory } from '../../support/testApp.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';
import { launchChromium, skipWithoutChromium } from './chromium.js';
import { startE2eServer, type E2eServer } from './e2eServer.js';
import { ensureClientBuilt } from './ensureClientBuilt.js';
import { openContext, screenshotsOnFailure, signIn } from './ui.js';

/** What an e2e suite works with once its `before` hooks ran. */
export interface E2eWorld {
  server: E2eServer;
  browser: Browser;
  /** A new browser context signed in as `email` (closed after the suite, screenshotted on a failure). */
  signedIn(email: string): Promise<Page>;
}

/**
 * The usual e2e suite around a real server and Chromium: skips without Chromium, builds the client
 * when stale, seeds the demo directory into its own database, starts the server and the browser,
 * screenshots every open page when a test fails, and closes everything after. Call it at the top of a
 * `describe`; `setup` runs once the server is up (file cases through the API there).
 */
export function useE2eWorld(name: string, setup?: (world: E2eWorld) => Promise<void>): E2eWorld {
  const t = useTestDatabase(name);
  const contexts: BrowserContext[] = [];
  const world = {
    async signedIn(email: string): Promise<Page> {
      const { context, page } = await openContext(world.browser, world.server.url);
      contexts.push(context);
      await signIn(page, email);
      return page;
    },
  } as E2eWorld;

  before(async function () {
    skipWithoutChromium(this);
    this.timeout(240_000);
    ensureClientBuilt();
    await seedDirectory(t.db);
    world.server = await startE2eServer(t.db);
    world.browser = await launchChromium();
    await setup?.(world);
  });

  afterEach(async function () {
    await screenshotsOnFailure(this, contexts);
  });

  after(async function () {
    this.timeout(30_000);
    for (const c of contexts) await c.close().catch(() => undefined);
    await world.browser?.close();
    await world.server?.close();
  });
  return world;
}
