import type { Browser } from 'playwright-core';

const LAMP = (stroke: string, fill: string, extra: string) => `
<svg xmlns="http://www.w3.org/2000/svg" width="480" height="360" viewBox="0 0 480 360">
  <rect width="480" height="360" fill="${fill}"/>
  ${extra}
  <g fill="none" stroke="${stroke}" stroke-width="6" stroke-linecap="round" stroke-linejoin="round">
    <ellipse cx="240" cy="318" rx="96" ry="16"/>
    <path d="M240 318 L240 300 M240 300 L170 190 L262 96"/>
    <circle cx="170" cy="190" r="9"/>
    <path d="M232 70 L322 70 L344 132 L210 132 Z"/>
  </g>
</svg>`;

/**
 * Two PNG images for the design comparison, drawn by the browser itself: the registered design (a
 * line drawing, as in a patent certificate) and the accused product (a photo-like rendering).
 */
export async function designImages(browser: Browser): Promise<{ registered: Buffer; accused: Buffer }> {
  const page = await browser.newPage({ viewport: { width: 480, height: 360 } });
  const shoot = async (svg: string) => {
    await page.setContent(`<html><body style="margin:0">${svg}</body></html>`);
    return page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: 480, height: 360 } });
  };
  const registered = await shoot(
    LAMP(
      '#1f2937',
      '#ffffff',
      '<text x="16" y="28" font-size="16" fill="#6b7280">ZL202130123456.7 主视图</text>',
    ),
  );
  const accused = await shoot(
    LAMP(
      '#b45309',
      '#f5efe6',
      '<rect x="0" y="300" width="480" height="60" fill="#e7dccb"/><text x="16" y="28" font-size="16" fill="#92400e">公证购买样品 · 2026-03</text>',
    ),
  );
  await page.close();
  return { registered, accused };
}
