import { loadConfig, type Config } from '../../server/config/loadConfig.js';

/** A valid test configuration; `env` adds or overrides environment variables. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: './data/test-unused',
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
    DEMO_DATA: '0',
    // figures counted afresh on every request, so a test sees what it just did
    STATS_CACHE_SECONDS: '0',
    PUBLIC_CACHE_SECONDS: '0',
    // write limits far above what any suite posts; the limit tests set realistic ones
    MESSAGE_LIMIT_PER_MINUTE: '100000',
    EVIDENCE_LIMIT_PER_HOUR: '100000',
    FILING_LIMIT_PER_DAY: '100000',
    // suites sign in and register far more than a person would: the abuse-limit tests set real limits
    LOGIN_FREE_FAILURES: '1000000',
    LOGIN_IP_FAILURES_PER_DAY: '1000000',
    REGISTER_PER_IP_PER_HOUR: '1000000',
    PASSWORD_RESET_PER_HOUR: '1000000',
    INVITATION_LOOKUPS_PER_MINUTE: '1000000',
    ...env,
  });
}
