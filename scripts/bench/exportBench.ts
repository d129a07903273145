import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Connection } from 'mongoose';
import { pino } from 'pino';
import type { CaseDoc } from '../../server/cases/caseModel.js';
import { composeSevenfold } from '../../server/compose/composeSevenfold.js';
import { intakeSources } from '../../server/compose/intakeSources.js';
import { fileComplaint } from '../../server/cases/fileComplaint.js';
import { loadConfig } from '../../server/config/loadConfig.js';
import { prepareDatabase } from '../../server/compose/prepareDatabase.js';
import { DEMO_PASSWORD } from '../../server/demo/demoDirectory.js';
import { seedDemoDirectory } from '../../server/demo/seedDemoDirectory.js';
import type { BenchSection } from './benchTypes.js';
import { downloadExport, type ExportRun } from './exportDownload.js';
import { syntheticCase } from './syntheticCases.js';

/**
 * The CSV export's cost by size (`BENCH_ONLY=export`): the app in this process, on a database of its
 * own beside the run's, seeded with synthetic case projections; each size downloaded over loopback as
 * the admin (every case), the server's heap sampled while it streams (`exportDownload.ts`).
 */
export async function exportBench(runDb: Connection, sizes: number[]): Promise<BenchSection> {
  const db = runDb.useDb(`${runDb.name}_export`, { useCache: false });
  await prepareDatabase(db);
  await seedDemoDirectory(db);
  const logger = pino({ level: 'silent' });
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-00',
  });
  const { engine, app } = composeSevenfold({ config, logger, db, jwtSecret: config.jwtSecret! });
  const http = createServer(app);
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  try {
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.local', password: DEMO_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const { caseDoc } = await fileComplaint(
      intakeSources(db),
      engine.store,
      {
        title: 'Tea mark used on packaging',
        description: 'A tea shop uses our registered word mark on its sign and packaging.',
        ipType: 'trademark',
        rights: [{ number: 'TM 87654321' }],
        complainant: { name: 'Bench Tea Co., Ltd.', type: 'enterprise', sme: true },
        respondent: { name: 'Bench Respondent', type: 'individual' },
        claim: { amountCny: 60_000, remedies: ['cease', 'damages'] },
        consents: { mediation: true, arbitrationAgreement: false },
        evidence: { hasRightCertificate: true, hasInfringementProof: true, hasDamagesProof: true },
      },
      { id: 'u-complainant', name: 'Lin Wei' },
      { id: 'u-complainant', role: 'complainant', orgId: null, orgType: null },
      new Date(),
    );
    const Cases = db.collection('cases');
    const template = (await Cases.findOne({ _id: caseDoc._id as never })) as unknown as CaseDoc;
    await Cases.deleteOne({ _id: caseDoc._id as never });
    await downloadExport(url, token); // warm
    const runs: { size: number; run: ExportRun }[] = [];
    let seeded = 0;
    const now = new Date();
    for (const size of [...sizes].sort((a, b) => a - b)) {
      for (; seeded < size; seeded += 1000) {
        const batch = Array.from({ length: Math.min(1000, size - seeded) }, (_, i) =>
          syntheticCase(seeded + i, template, now),
        );
        await Cases.insertMany(batch as never[], { ordered: false });
      }
      seeded = size;
      const run = await downloadExport(url, token);
      if (run.dataRows !== size) throw new Error(`export of ${size} cases gave ${run.dataRows} rows`);
      runs.push({ size, run });
    }
    const mib = (n: number) => n / 2 ** 20;
    const first = runs[0]!;
    const last = runs[runs.length - 1]!;
    return {
      title: 'CSV export (streamed)',
      description:
        '`GET /api/exports/cases` as the admin (every case), over loopback from the app in this process, after synthetic case projections were added; one download per size. The ratios compare the peak heap growth of the server process while it streams (sampled every 5 ms and at every chunk, after a full collection): a buffered export would grow with the rows.',
      figures: runs.map(({ size, run }) => ({
        name: `export ${size.toLocaleString('en-US')} rows (heap +${mib(run.peakGrowth).toFixed(1)} MiB)`,
        p50Ms: run.ms,
        p99Ms: run.ms,
        opsPerSec: (size / run.ms) * 1000,
        samples: 1,
      })),
      ratios: [
        {
          name: `heap growth, ${last.size.toLocaleString('en-US')} vs ${first.size.toLocaleString('en-US')} rows`,
          value: last.run.peakGrowth / Math.max(first.run.peakGrowth, 1),
          explanation: `${last.size / first.size}× the rows; near 1 means memory stays flat (ops/s above: rows per second)`,
        },
      ],
    };
  } finally {
    await new Promise((r) => http.close(r));
    await db.dropDatabase().catch(() => undefined);
  }
}
