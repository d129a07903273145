import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../../server/config/loadConfig.js';

describe('loadConfig', () => {
  it('applies defaults: embedded database, demo data on, port 3000', () => {
    const config = loadConfig({});
    expect(config).to.include({
      port: 3000,
      host: '127.0.0.1',
      dataDir: './data',
      demoData: true,
      logLevel: 'info',
    });
    expect(config.mongodbUri).to.equal(undefined);
    expect(config.evidenceMaxBytes).to.equal(25 * 1024 * 1024);
  });

  it('limits sockets per account and debounces presence, by default and as configured', () => {
    expect(loadConfig({})).to.include({ realtimeMaxSocketsPerUser: 20, realtimePresenceDebounceMs: 250 });
    expect(
      loadConfig({ REALTIME_MAX_SOCKETS_PER_USER: '100', REALTIME_PRESENCE_DEBOUNCE_MS: '0' }),
    ).to.include({ realtimeMaxSocketsPerUser: 100, realtimePresenceDebounceMs: 0 });
    expect(() => loadConfig({ REALTIME_MAX_SOCKETS_PER_USER: '0', REALTIME_PRESENCE_DEBOUNCE_MS: '-1' }))
      .to.throw(ConfigError)
      .with.property('message')
      .that.matches(/REALTIME_MAX_SOCKETS_PER_USER/)
      .and.matches(/REALTIME_PRESENCE_DEBOUNCE_MS/);
  });

  it('is frozen', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).to.equal(true);
  });

  it('turns demo data off by default with MONGODB_URI, and on with DEMO_DATA=1', () => {
    expect(loadConfig({ MONGODB_URI: 'mongodb://127.0.0.1:27017/sf' }).demoData).to.equal(false);
    expect(loadConfig({ MONGODB_URI: 'mongodb://127.0.0.1:27017/sf', DEMO_DATA: '1' }).demoData).to.equal(
      true,
    );
  });

  it('rejects bad values with one message listing each problem', () => {
    expect(() => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', MONGODB_URI: 'http://x' }))
      .to.throw(ConfigError)
      .with.property('message')
      .that.matches(/PORT/)
      .and.matches(/LOG_LEVEL/)
      .and.matches(/MONGODB_URI/);
  });

  it('requires JWT_SECRET in production with MONGODB_URI', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', MONGODB_URI: 'mongodb://db:27017/sf' })).to.throw(
      /JWT_SECRET is required/,
    );
    expect(
      loadConfig({ NODE_ENV: 'production', MONGODB_URI: 'mongodb://db:27017/sf', JWT_SECRET: 'x'.repeat(32) })
        .jwtSecret,
    ).to.equal('x'.repeat(32));
  });

  it('creates 250 demo cases on a first start unless DEMO_CASES says otherwise', () => {
    expect(loadConfig({}).demoCases).to.equal(250);
    expect(loadConfig({ DEMO_CASES: '0' }).demoCases).to.equal(0);
    expect(loadConfig({ DEMO_CASES: '40' }).demoCases).to.equal(40);
    expect(() => loadConfig({ DEMO_CASES: 'many' })).to.throw(/DEMO_CASES/);
    expect(() => loadConfig({ DEMO_CASES: '-1' })).to.throw(/DEMO_CASES/);
  });

  it('limits writes per user: 30 messages a minute, 60 uploads an hour, 20 filings a day unless set', () => {
    expect(loadConfig({})).to.include({
      messageLimitPerMinute: 30,
      evidenceLimitPerHour: 60,
      filingLimitPerDay: 20,
    });
    expect(
      loadConfig({ MESSAGE_LIMIT_PER_MINUTE: '5', EVIDENCE_LIMIT_PER_HOUR: '6', FILING_LIMIT_PER_DAY: '7' }),
    ).to.include({ messageLimitPerMinute: 5, evidenceLimitPerHour: 6, filingLimitPerDay: 7 });
    for (const name of ['MESSAGE_LIMIT_PER_MINUTE', 'EVIDENCE_LIMIT_PER_HOUR', 'FILING_LIMIT_PER_DAY']) {
      expect(() => loadConfig({ [name]: '0' })).to.throw(ConfigError, new RegExp(name));
      expect(() => loadConfig({ [name]: 'lots' })).to.throw(ConfigError, new RegExp(name));
    }
  });

  it('rejects a short JWT secret', () => {
    expect(() => loadConfig({ JWT_SECRET: 'short' })).to.throw(/JWT_SECRET/);
  });

  it('has sign-in, registration and password limits, and refuses the replaced LOGIN_LIMIT_* names', () => {
    expect(loadConfig({})).to.include({
      trustProxy: 0,
      loginDelayAfterFailures: 5,
      loginDelayBaseSeconds: 1,
      loginDelayMaxSeconds: 900,
      loginFailureWindowSeconds: 86_400,
      loginIpFailuresPerDay: 100,
      registerLimitPerIpPerHour: 10,
      passwordMinLength: 12,
    });
    expect(() => loadConfig({ LOGIN_LIMIT_PER_ACCOUNT: '10' }))
      .to.throw(ConfigError)
      .with.property('message')
      .that.matches(/LOGIN_FREE_FAILURES/);
    expect(() => loadConfig({ LOGIN_LIMIT_PER_IP: '100' })).to.throw(/LOGIN_IP_FAILURES_PER_DAY/);
    expect(() => loadConfig({ PASSWORD_MIN_LENGTH: '6' })).to.throw(/PASSWORD_MIN_LENGTH/);
  });
});
