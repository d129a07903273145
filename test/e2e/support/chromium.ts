import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`); the e2e suite never downloads a browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Whether Debian's Chromium is installed. */
export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** Launches headless Chromium, quiet (no background networking, updates or sync). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** In a `before` hook: skips the suite, saying which package it needs, when Chromium is missing. */
export function skipWithoutChromium(ctx: Mocha.Context): void {
  if (chromiumAvailable()) return;
  process.stdout.write(
    `      skipped: this suite needs Debian's Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium)\n`,
  );
  ctx.skip();
}
