import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import type { CaseDoc } from '../../../server/cases/caseModel.js';
import { downloadExport } from '../../../scripts/bench/exportDownload.js';
import { syntheticCase } from '../../../scripts/bench/syntheticCases.js';
import { fileCaseViaApi, mediationComplaint } from '../../support/caseApi.js';
import { buildTestApp, login, seedDirectory, type TestApp } from '../../support/testApp.js';
import { useTestDatabase } from '../../support/useTestDatabase.js';

describe('GET /api/exports/cases: 10,000 rows stream with flat memory', function () {
  // seeding 10,000 projections takes minutes on a loaded machine
  this.timeout(900_000);
  const t = useTestDatabase('exportMemory');
  let a: TestApp;
  let server: Server;
  let url = '';
  let admin = '';
  let template: CaseDoc;

  before(async () => {
    await seedDirectory(t.db);
    a = buildTestApp(t.db);
    admin = await login(a.app, 'admin@demo.local');
    const complainant = await login(a.app, 'complainant@demo.local');
    const id = await fileCaseViaApi(a.app, complainant, mediationComplaint('导出模板案件'));
    const Cases = t.db.collection('cases');
    template = (await Cases.findOne({ _id: id as never })) as unknown as CaseDoc;
    // only synthetic projections are listed: the export's row count is exactly the seeded count
    await Cases.deleteOne({ _id: id as never });
    server = createServer(a.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** Inserts synthetic cases numbered [from, to) straight into the projection, 1,000 at a time. */
  async function seed(from: number, to: number): Promise<void> {
    const now = new Date();
    for (let n = from; n < to; n += 1000) {
      const batch = Array.from({ length: Math.min(1000, to - n) }, (_, i) =>
        syntheticCase(n + i, template, now),
      );
      await t.db.collection('cases').insertMany(batch as never[], { ordered: false });
    }
  }

  const download = async (url: string, token: string) => {
    const run = await downloadExport(url, token);
    expect(run.status).to.equal(200);
    expect(run.contentLength).to.equal(null);
    return run;
  };

  it('downloads 1,000 and then 10,000 rows; the heap grows no more for ten times the rows', async () => {
    try {
      await measure();
    } finally {
      // the bulk rows go before the database is dropped (dropping them with it takes the engine longer)
      await t.db.collection('cases').deleteMany({ _id: /^bench-/ as never });
    }
  });

  async function measure(): Promise<void> {
    await seed(0, 1000);
    await download(url, admin); // warm: the first request compiles and caches what every later one uses
    const small = await download(url, admin);
    expect(small.dataRows).to.equal(1000);

    await seed(1000, 10_000);
    const large = await download(url, admin);
    expect(large.dataRows).to.equal(10_000);

    const mib = (n: number) => (n / 2 ** 20).toFixed(1);
    const ratio = large.peakGrowth / Math.max(small.peakGrowth, 1);
    console.log(
      `      export heap growth: 1,000 rows ${mib(small.peakGrowth)} MiB in ${small.ms.toFixed(0)} ms; ` +
        `10,000 rows ${mib(large.peakGrowth)} MiB in ${large.ms.toFixed(0)} ms; ratio ${ratio.toFixed(2)}`,
    );
    // a buffered export holds every row (ratio near 10); a streamed one a batch at a time, and the heap
    // grows only until the young generation's next scavenge (a few MiB either way: the ratio is noisy)
    expect(ratio).to.be.lessThan(5);
    expect(large.peakGrowth).to.be.lessThan(48 * 2 ** 20);
  }
});
