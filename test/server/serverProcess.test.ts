import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { defaultSecantusPath } from '../../server/db/secantusInstall.js';
import { freePort } from '../../server/db/freePort.js';
import { alive, spawnServer, waitForExit, waitForOk } from '../support/spawnServer.js';
import { testDatabaseServer } from '../support/testEnvironment.js';

/** The real server process with its embedded database: start, lock, crash, orphan, shutdown. */
describe('server process with the embedded database', function () {
  this.timeout(60_000);
  let dataDir: string;

  before(function () {
    // These tests are about the embedded engine; with MONGODB_URI there is nothing to start.
    if (!testDatabaseServer().embedded) this.skip();
    dataDir = mkdtempSync(join(tmpdir(), 'sevenfold-proc-'));
  });
  after(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const env = () => ({ DATA_DIR: dataDir, NODE_ENV: 'test', DEMO_DATA: '0' });
  const enginePid = () => Number(readFileSync(join(dataDir, 'secantusdb.pid'), 'utf8'));

  it('starts, refuses a second server on the same DATA_DIR, and leaves no process after Ctrl-C', async () => {
    const first = spawnServer(env());
    const url = await first.listening;
    await waitForOk(`${url}/readyz`);
    const engine = enginePid();
    expect(alive(engine)).to.equal(true);

    const second = spawnServer(env());
    const { code } = await second.exited;
    expect(code).to.not.equal(0);
    expect(second.output()).to.match(/in use by another Sevenfold server \(pid \d+/);
    // the first is unharmed
    await waitForOk(`${url}/readyz`);

    first.proc.kill('SIGINT');
    const exit = await first.exited;
    expect(exit.code).to.equal(0);
    expect(await waitForExit(engine)).to.equal(true);
  });

  it('after SIGKILL of the server, its engine dies and the next start finds the data', async () => {
    const first = spawnServer(env());
    const url = await first.listening;
    await waitForOk(`${url}/readyz`);
    const engine = enginePid();
    first.proc.kill('SIGKILL');
    await first.exited;
    expect(await waitForExit(engine)).to.equal(true);

    const again = spawnServer(env());
    const url2 = await again.listening;
    await waitForOk(`${url2}/readyz`);
    again.proc.kill('SIGTERM');
    expect((await again.exited).code).to.equal(0);
  });

  it('stops an orphaned engine left behind (no parent-death signal) before starting', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sevenfold-orphan-'));
    try {
      const storageDir = join(dir, 'secantusdb');
      mkdirSync(storageDir, { recursive: true });
      const port = await freePort();
      const orphan = spawn(
        defaultSecantusPath(),
        ['--host=127.0.0.1', `--port=${port}`, `--storage-path=${storageDir}`, '--sync-on-commit'],
        { detached: true, stdio: 'ignore', env: { HOME: dir } },
      );
      orphan.unref();
      const pid = orphan.pid ?? -1;
      writeFileSync(join(dir, 'secantusdb.pid'), String(pid));
      // a lock left by a server that no longer exists
      writeFileSync(join(dir, 'sevenfold.lock'), JSON.stringify({ pid: 999_999, since: 'earlier' }));
      expect(alive(pid)).to.equal(true);

      const server = spawnServer({ DATA_DIR: dir, NODE_ENV: 'test', DEMO_DATA: '0' });
      const url = await server.listening;
      await waitForOk(`${url}/readyz`);
      expect(await waitForExit(pid, 5000)).to.equal(true);
      expect(server.output()).to.include('orphaned embedded SecantusDB');
      server.proc.kill('SIGTERM');
      await server.exited;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails with one clear message naming both ways out when SecantusDB is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sevenfold-nobin-'));
    try {
      const server = spawnServer({ DATA_DIR: dir, SECANTUSDB_BIN: join(dir, 'no-such-secantusd') });
      const { code } = await server.exited;
      expect(code).to.not.equal(0);
      expect(server.output()).to.include('python3-venv').and.include('MONGODB_URI=');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
