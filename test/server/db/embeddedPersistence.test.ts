import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import request from 'supertest';
import { connectDatabase } from '../../../server/db/connectDatabase.js';
import { DataDirLockedError } from '../../../server/db/dataDirLock.js';
import { startEmbeddedDatabase } from '../../../server/db/startEmbeddedDatabase.js';
import { buildTestApp } from '../../support/testApp.js';
import { testDatabaseServer, testLogger } from '../../support/testEnvironment.js';

/** Data written through the app's connection survives an engine restart and a full stop/start. */
describe('embedded FerretDB durability and recovery', function () {
  this.timeout(60_000);
  let dataDir: string;

  before(function () {
    if (!testDatabaseServer().embedded) this.skip();
    dataDir = mkdtempSync(join(tmpdir(), 'sevenfold-persist-'));
  });
  after(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps data across an engine crash, and the app reports not-ready until it is back', async () => {
    const engine = await startEmbeddedDatabase({ dataDir, logger: testLogger });
    const db = await connectDatabase(engine.uri, 'sevenfold');
    const app = buildTestApp(db).app;
    try {
      await db.collection('notes').insertOne({ _id: 'n1' as never, text: 'before the crash' });
      await request(app).get('/readyz').expect(200);

      engine.kill('SIGKILL');
      await new Promise((r) => setTimeout(r, 300));
      const down = await request(app).get('/readyz');
      expect(down.status).to.equal(503);
      expect(down.headers['content-type']).to.match(/application\/problem\+json/);
      // writes are refused with 503 problem+json while the engine is down (nothing is changed)
      const write = await request(app)
        .post('/api/auth/register')
        .send({ email: 'while-down@example.org', password: 'a-long-password', name: 'Down' });
      expect(write.status).to.equal(503);
      expect(write.headers['content-type']).to.match(/application\/problem\+json/);

      await engine.restart();
      let ready = 503;
      for (let i = 0; i < 100 && ready !== 200; i++) {
        ready = (await request(app).get('/readyz')).status;
        if (ready !== 200) await new Promise((r) => setTimeout(r, 100));
      }
      expect(ready).to.equal(200);
      const doc = await db.collection('notes').findOne({ _id: 'n1' as never });
      expect(doc?.text).to.equal('before the crash');
    } finally {
      await db.close();
      await engine.stop();
    }
  });

  it('restarts a crashed engine by itself when supervised, and the app recovers without a restart', async () => {
    const engine = await startEmbeddedDatabase({ dataDir, logger: testLogger, supervise: true });
    const db = await connectDatabase(engine.uri, 'sevenfold');
    const app = buildTestApp(db).app;
    try {
      const before = engine.pid;
      engine.kill('SIGKILL');
      let ready = 0;
      for (let i = 0; i < 150 && ready !== 200; i++) {
        await new Promise((r) => setTimeout(r, 100));
        ready = (await request(app).get('/readyz')).status;
      }
      expect(ready).to.equal(200);
      expect(engine.pid).to.not.equal(before);
      const doc = await db.collection('notes').findOne({ _id: 'n1' as never });
      expect(doc?.text).to.equal('before the crash');
      expect(
        (
          await request(app)
            .post('/api/auth/register')
            .send({ email: 'after@example.org', password: 'a-long-password', name: 'After' })
        ).status,
      ).to.equal(202);
    } finally {
      await db.close();
      await engine.stop();
    }
  });

  it('a second start on the same folder finds the data of the first; a concurrent one is refused', async () => {
    const first = await startEmbeddedDatabase({ dataDir, logger: testLogger });
    let refused: unknown;
    try {
      await startEmbeddedDatabase({ dataDir, logger: testLogger });
    } catch (err) {
      refused = err;
    }
    expect(refused).to.be.instanceOf(DataDirLockedError);
    await first.stop();

    const second = await startEmbeddedDatabase({ dataDir, logger: testLogger });
    const db = await connectDatabase(second.uri, 'sevenfold');
    try {
      const doc = await db.collection('notes').findOne({ _id: 'n1' as never });
      expect(doc?.text).to.equal('before the crash');
    } finally {
      await db.close();
      await second.stop();
    }
  });
});
