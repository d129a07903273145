import { startTestDatabaseServer, stopTestDatabaseServer } from './testEnvironment.js';

/**
 * Mocha root hooks: one database server for the whole run (the embedded SecantusDB in a temporary
 * folder, or MONGODB_URI), stopped at the end so no process is left behind.
 */
export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(60_000);
    await startTestDatabaseServer();
  },
  async afterAll(this: Mocha.Context) {
    this.timeout(30_000);
    await stopTestDatabaseServer();
    const errors = (globalThis as { __sevenfoldServerErrors?: string[] }).__sevenfoldServerErrors ?? [];
    if (errors.length > 0) {
      throw new Error(`requests in this run produced server errors:\n${errors.join('\n')}`);
    }
  },
};
