import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Where the suite saves its screenshots (shown in the README). */
export const SCREENSHOT_DIR = join(root, 'docs', 'screenshots');

/** The password of every demo account. */
export const DEMO_PASSWORD = 'sevenfold-demo';

/** A browser context at 1440×900 in Beijing time, with its first page; browser errors are collected. */
export async function openContext(
  browser: Browser,
  baseURL: string,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1440, height: 900 },
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

/** Saves a 1440×900 screenshot of the page under docs/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // let charts finish their entry animation and fonts settle
  await page.waitForTimeout(700);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}
