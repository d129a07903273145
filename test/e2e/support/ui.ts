import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Where the suite saves its screenshots (shown in the README). */
export const SCREENSHOT_DIR = join(root, 'docs', 'screenshots');

/** The password of every demo account. */
export const DEMO_PASSWORD = 'sevenfold-demo';

/** A phone: 390×844 CSS pixels at 3× with touch (a current iPhone's viewport, emulated). */
export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
};

/**
 * A browser context at 1440×900 (or as `device` says, e.g. {@link PHONE}) in Beijing time, with its
 * first page; browser errors are collected.
 */
export async function openContext(
  browser: Browser,
  baseURL: string,
  device: Partial<typeof PHONE> = { viewport: { width: 1440, height: 900 } },
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL,
    ...device,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/status of 40[134]/.test(msg.text())) errors.push(msg.text());
  });
  return { context, page, errors };
}

/** Signs in through the sign-in page and waits for the role's home page. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('电子邮箱').fill(email);
  await page.getByLabel(/^密码/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.getByTestId('user-menu').waitFor();
}

/** Saves a screenshot of the page's viewport under docs/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // let charts finish their entry animation and fonts settle
  await page.waitForTimeout(700);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/**
 * In an `afterEach` hook: when the test failed, saves what each page showed to a temporary folder and
 * says where, for the person reading the failure.
 */
export async function screenshotsOnFailure(ctx: Mocha.Context, contexts: readonly BrowserContext[]) {
  if (ctx.currentTest?.state !== 'failed') return;
  const dir = mkdtempSync(join(tmpdir(), 'sevenfold-e2e-'));
  let n = 0;
  for (const c of contexts)
    for (const p of c.pages())
      await p.screenshot({ path: join(dir, `page-${++n}.png`) }).catch(() => undefined);
  process.stdout.write(`      screenshots of the failure: ${dir}\n`);
}

/**
 * Opens the options of a select or multi-select (Mantine's combobox) by its field and picks each
 * option named: a click opens the list, and when it did not (a click on a loaded machine can land
 * before the field listens), the arrow key does, as a keyboard user would open it. Closes it after.
 */
export async function pickOptions(page: Page, field: Locator, names: string[]): Promise<void> {
  await field.click({ force: true });
  const first = page.getByRole('option', { name: names[0], exact: true });
  await first.waitFor({ timeout: 2000 }).catch(() => undefined);
  for (let attempt = 0; !(await first.isVisible()); attempt++) {
    if (attempt === 5) throw new Error(`the options of the field did not open (looking for ${names[0]})`);
    await field.focus();
    await field.press('ArrowDown');
    await first.waitFor({ timeout: 1000 }).catch(() => undefined);
  }
  for (const name of names) await page.getByRole('option', { name, exact: true }).click();
  await page.keyboard.press('Escape');
}
