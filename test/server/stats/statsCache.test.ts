import { expect } from 'chai';
import { createStatsService } from '../../../server/stats/statsService.js';
import { smallTrademarkMediation } from '../../fixtures/complaints.js';
import { U, useCaseWorld } from '../../support/caseWorld.js';

describe('dashboard figures served from memory for STATS_CACHE_SECONDS', () => {
  const w = useCaseWorld('stats-cache');
  const admin = () => w.authUser(U.admin);

  it('serves one count to concurrent and repeated requests until it expires, then counts again', async () => {
    await w.file(smallTrademarkMediation);
    const stats = createStatsService({ cases: w.store.models.cases, now: w.clock.now, cacheSeconds: 1 });
    const [a, b] = await Promise.all([stats.stats(admin(), {}), stats.stats(admin(), {})]);
    expect(b).to.equal(a); // one count shared by both
    expect(a.byStatus.screening).to.equal(1);
    await w.file(smallTrademarkMediation);
    const cached = await stats.stats(admin(), {});
    expect(cached.asOf).to.equal(a.asOf);
    expect(cached.byStatus.screening).to.equal(1);
    await new Promise((r) => setTimeout(r, 1100));
    w.clock.set(new Date(w.clock.now().getTime() + 60_000));
    const fresh = await stats.stats(admin(), {});
    expect(fresh.byStatus.screening).to.equal(2);
    expect(Date.parse(fresh.asOf)).to.be.greaterThan(Date.parse(a.asOf));
  });

  it('keeps scopes and periods apart, and counts every time when the cache is off', async () => {
    const stats = createStatsService({ cases: w.store.models.cases, now: w.clock.now, cacheSeconds: 60 });
    const all = await stats.stats(admin(), {});
    const lastWeek = await stats.stats(admin(), { from: new Date(w.clock.now().getTime() - 7 * 86_400_000) });
    expect(lastWeek).to.not.equal(all);
    expect(lastWeek.filed.from).to.not.equal(all.filed.from);
    const uncached = createStatsService({ cases: w.store.models.cases, now: w.clock.now, cacheSeconds: 0 });
    const first = await uncached.stats(admin(), {});
    await w.file(smallTrademarkMediation);
    expect((await uncached.stats(admin(), {})).byStatus.screening).to.equal(
      (first.byStatus.screening ?? 0) + 1,
    );
  });
});
