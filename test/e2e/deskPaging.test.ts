/**
 * End-to-end (Chromium): the intake desk shows its queue 20 at a time, says how many there are, and
 * loads the rest on request, oldest filing first (one request per page carries the queue badges too).
 */
import { expect } from 'chai';
import { apiAs } from './support/api.js';
import { mediationTrademark } from './support/e2eComplaints.js';
import { screenshot } from './support/ui.js';
import { useE2eWorld } from './support/useE2eWorld.js';

describe('the intake desk pages its queue (e2e, Chromium)', function () {
  this.timeout(120_000);
  const filed: string[] = [];
  const world = useE2eWorld('e2eDeskPaging', async ({ server }) => {
    const holder = await apiAs(server.app, 'complainant@demo.local');
    for (let i = 1; i <= 28; i++) filed.push((await holder.file(mediationTrademark(`排队测试案件 ${i}`))).id);
  });

  it('shows 20 of 28 with the count, then the last 8 on 加载更多, in filing order', async () => {
    const page = await world.signedIn('admin@demo.local');
    const queue = page.getByTestId('desk-queue');
    await queue.locator('[data-case-id]').first().waitFor();
    expect(await page.getByTestId('desk-shown').innerText()).to.equal('显示 20 / 共 28 件（按提交先后）');
    expect(await page.getByRole('tab', { name: /立案审查/ }).innerText()).to.contain('28');
    const shown = async () =>
      queue.locator('[data-case-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-case-id')));
    expect(await shown()).to.deep.equal(filed.slice(0, 20));
    await page.getByTestId('desk-more').scrollIntoViewIfNeeded();
    await screenshot(page, 'desk-queue-more');
    await page.getByTestId('desk-more').click();
    await page.getByText('显示 28 / 共 28 件（按提交先后）').waitFor();
    expect(await shown()).to.deep.equal(filed);
    expect(await page.getByTestId('desk-more').count()).to.equal(0);
  });
});
