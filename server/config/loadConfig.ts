import Joi from 'joi';
import { DEFAULT_PASSWORD_MIN_LENGTH, PASSWORD_FLOOR } from '../../shared/passwords/passwordPolicy.js';
import { DEFAULT_DEMO_CASES } from './demoDefaults.js';

const DAY_SECONDS = 24 * 3600;

/** Validated, frozen server configuration. Only `loadConfig` reads the environment. */
export interface Config {
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  /** A MongoDB URI; when absent the server runs the embedded SecantusDB. */
  readonly mongodbUri: string | undefined;
  /** Folder of the embedded database, its lock and generated secrets. */
  readonly dataDir: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** JWT signing secret; generated into the data folder when not given and not in production. */
  readonly jwtSecret: string | undefined;
  /** Lifetime of an access token, in seconds. */
  readonly jwtTtlSeconds: number;
  /** Demo organisations and users are created on start. */
  readonly demoData: boolean;
  /** How many demo cases a first start with demo data creates (in an empty database). */
  readonly demoCases: number;
  /** Path of the SecantusDB launcher (`secantusd-py`); defaults to the one `npm install` installs. */
  readonly secantusBin: string | undefined;
  /** Largest accepted evidence file, in bytes. */
  readonly evidenceMaxBytes: number;
  /** Redis for several instances (Socket.IO adapter). */
  readonly redisUrl: string | undefined;
  /** How long graceful shutdown waits for open requests, in milliseconds. */
  readonly shutdownTimeoutMs: number;
  /** How many reverse-proxy hops to trust for the client address (`X-Forwarded-For`); 0: none. */
  readonly trustProxy: number;
  /** Consecutive failed sign-ins of one account from one client address before each attempt waits. */
  readonly loginDelayAfterFailures: number;
  /** The first such wait, in seconds; it doubles with each further failure. */
  readonly loginDelayBaseSeconds: number;
  /** The longest such wait, in seconds. */
  readonly loginDelayMaxSeconds: number;
  /** How long consecutive failures are remembered, in seconds from the first of them. */
  readonly loginFailureWindowSeconds: number;
  /** Failed sign-ins one client address may make per day, across all accounts. */
  readonly loginIpFailuresPerDay: number;
  /** Registrations one client address may make per hour. */
  readonly registerLimitPerIpPerHour: number;
  /** Shortest password a new account may have, in characters (its strength is checked too). */
  readonly passwordMinLength: number;
  /** How long a scope's dashboard figures are served from memory before they are counted again (0: never). */
  readonly statsCacheSeconds: number;
  /** Case projections a server keeps for its actions (each commit proves the one it used current; 0: none). */
  readonly caseCacheSize: number;
  /** Signed-in accounts a server keeps between requests, forgotten on every change (`ACCOUNT_CACHE_SIZE`; 0: none). */
  readonly accountCacheSize: number;
  /** How long the public pages' figures and disclosure pages are served from memory (0: never). */
  readonly publicCacheSeconds: number;
  /** Fewest cases a published outcome figure may rest on; smaller groups are hidden. */
  readonly publicMetricsMinSample: number;
  /** Public supervision reports one client address may send per hour. */
  readonly reportLimitPerIpPerHour: number;
  /** Messages one user may post per minute (HTTP and Socket.IO together). */
  readonly messageLimitPerMinute: number;
  /** Evidence files one user may upload per hour. */
  readonly evidenceLimitPerHour: number;
  /** Complaints one user may file per day. */
  readonly filingLimitPerDay: number;
  /** Sockets one account may hold open at once, per instance (counted in its memory). */
  readonly realtimeMaxSocketsPerUser: number;
  /** How long presence changes of a case are gathered before they are pushed, in milliseconds. */
  readonly realtimePresenceDebounceMs: number;
  /** SMTP server for outgoing mail (`smtp://` or `smtps://`); without it mails stay in the local outbox. */
  readonly smtpUrl: string | undefined;
  /** The sender of outgoing mail (`Name <address>`). */
  readonly mailFrom: string;
  /** The address people open Sevenfold at; links in mails start with it (no trailing slash). */
  readonly publicUrl: string;
  /** How long a password-reset link works, in minutes. */
  readonly passwordResetTtlMinutes: number;
  /** Password-reset requests per client address, and per e-mail address, per hour. */
  readonly passwordResetPerHour: number;
  /** How long a respondent's invitation link stays valid, in hours. */
  readonly invitationTtlHours: number;
  /** How long a staff member's invitation link (choose a password, sign in) works, in hours. */
  readonly staffInvitationTtlHours: number;
  /** Invitation links one client address may look up per minute (opening, registering, claiming). */
  readonly invitationLookupsPerMinute: number;
}

const schema = Joi.object({
  NODE_ENV: Joi.string().valid('development', 'production', 'test').default('development'),
  HOST: Joi.string().hostname().default('127.0.0.1'),
  PORT: Joi.number().integer().min(0).max(65535).default(3000),
  MONGODB_URI: Joi.string()
    .uri({ scheme: ['mongodb', 'mongodb+srv'] })
    .empty(''),
  DATA_DIR: Joi.string().default('./data'),
  LOG_LEVEL: Joi.string().valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent').default('info'),
  JWT_SECRET: Joi.string().min(32).empty(''),
  JWT_TTL_SECONDS: Joi.number()
    .integer()
    .min(60)
    .max(7 * 24 * 3600)
    .default(3600),
  DEMO_DATA: Joi.boolean().truthy('1').falsy('0'),
  DEMO_CASES: Joi.number().integer().min(0).max(100_000).default(DEFAULT_DEMO_CASES),
  SECANTUSDB_BIN: Joi.string().empty(''),
  EVIDENCE_MAX_BYTES: Joi.number()
    .integer()
    .min(1024)
    .default(25 * 1024 * 1024),
  REDIS_URL: Joi.string()
    .uri({ scheme: ['redis', 'rediss'] })
    .empty(''),
  SHUTDOWN_TIMEOUT_MS: Joi.number().integer().min(0).default(10_000),
  TRUST_PROXY: Joi.number().integer().min(0).max(10).default(0),
  LOGIN_FREE_FAILURES: Joi.number().integer().min(1).default(5),
  LOGIN_DELAY_SECONDS: Joi.number().integer().min(1).max(3600).default(1),
  LOGIN_MAX_DELAY_SECONDS: Joi.number().integer().min(1).max(DAY_SECONDS).default(900),
  LOGIN_FAILURE_TTL_SECONDS: Joi.number()
    .integer()
    .min(60)
    .max(30 * DAY_SECONDS)
    .default(DAY_SECONDS),
  LOGIN_IP_FAILURES_PER_DAY: Joi.number().integer().min(1).default(100),
  REGISTER_PER_IP_PER_HOUR: Joi.number().integer().min(1).default(10),
  PASSWORD_MIN_LENGTH: Joi.number()
    .integer()
    .min(PASSWORD_FLOOR)
    .max(128)
    .default(DEFAULT_PASSWORD_MIN_LENGTH),
  // replaced in issue 15: refused, so a deployment that still sets them learns what to set instead
  LOGIN_LIMIT_PER_IP: Joi.any().forbidden().messages({
    'any.unknown': 'LOGIN_LIMIT_PER_IP was replaced by LOGIN_IP_FAILURES_PER_DAY (see the README)',
  }),
  LOGIN_LIMIT_PER_ACCOUNT: Joi.any().forbidden().messages({
    'any.unknown':
      'LOGIN_LIMIT_PER_ACCOUNT was replaced by LOGIN_FREE_FAILURES and LOGIN_DELAY_SECONDS (see the README)',
  }),
  STATS_CACHE_SECONDS: Joi.number().integer().min(0).max(3600).default(30),
  CASE_CACHE_SIZE: Joi.number().integer().min(0).max(1_000_000).default(2000),
  ACCOUNT_CACHE_SIZE: Joi.number().integer().min(0).max(1_000_000).default(10_000),
  PUBLIC_CACHE_SECONDS: Joi.number().integer().min(0).max(86_400).default(300),
  PUBLIC_METRICS_MIN_SAMPLE: Joi.number().integer().min(1).max(10_000).default(10),
  REPORT_LIMIT_PER_IP_PER_HOUR: Joi.number().integer().min(1).max(10_000).default(5),
  MESSAGE_LIMIT_PER_MINUTE: Joi.number().integer().min(1).default(30),
  EVIDENCE_LIMIT_PER_HOUR: Joi.number().integer().min(1).default(60),
  FILING_LIMIT_PER_DAY: Joi.number().integer().min(1).default(20),
  REALTIME_MAX_SOCKETS_PER_USER: Joi.number().integer().min(1).max(100_000).default(20),
  REALTIME_PRESENCE_DEBOUNCE_MS: Joi.number().integer().min(0).max(10_000).default(250),
  SMTP_URL: Joi.string()
    .uri({ scheme: ['smtp', 'smtps'] })
    .empty(''),
  MAIL_FROM: Joi.string().max(200).default('Sevenfold <no-reply@sevenfold.local>'),
  INVITATION_TTL_HOURS: Joi.number()
    .integer()
    .min(1)
    .max(24 * 90)
    .default(24 * 14),
  INVITATION_LOOKUPS_PER_MINUTE: Joi.number().integer().min(1).default(20),
  PUBLIC_URL: Joi.string()
    .uri({ scheme: ['http', 'https'] })
    .empty(''),
  PASSWORD_RESET_TTL_MINUTES: Joi.number().integer().min(5).max(1440).default(30),
  PASSWORD_RESET_PER_HOUR: Joi.number().integer().min(1).default(5),
  STAFF_INVITATION_TTL_HOURS: Joi.number()
    .integer()
    .min(1)
    .max(24 * 30)
    .default(72),
})
  .unknown(true)
  .custom((env: Record<string, unknown>, helpers) => {
    if (env.NODE_ENV === 'production' && env.MONGODB_URI && !env.JWT_SECRET) {
      return helpers.message({ custom: 'JWT_SECRET is required in production (32 characters or more)' });
    }
    if (env.NODE_ENV === 'production' && env.SMTP_URL && !env.PUBLIC_URL) {
      return helpers.message({
        custom: 'PUBLIC_URL is required in production when SMTP_URL is set (links in mails)',
      });
    }
    return env;
  });

/** Thrown when the environment does not describe a valid configuration. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads and validates the configuration from an environment once; the result is frozen.
 * Demo data defaults to on for the embedded database and off with `MONGODB_URI`.
 */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const { value, error } = schema.validate(env, { abortEarly: false, convert: true });
  if (error) {
    throw new ConfigError(`Invalid configuration: ${error.details.map((d) => d.message).join('; ')}`);
  }
  const v = value as Record<string, unknown>;
  const mongodbUri = v.MONGODB_URI as string | undefined;
  return Object.freeze({
    nodeEnv: v.NODE_ENV as Config['nodeEnv'],
    host: v.HOST as string,
    port: v.PORT as number,
    mongodbUri,
    dataDir: v.DATA_DIR as string,
    logLevel: v.LOG_LEVEL as Config['logLevel'],
    jwtSecret: v.JWT_SECRET as string | undefined,
    jwtTtlSeconds: v.JWT_TTL_SECONDS as number,
    demoData: (v.DEMO_DATA as boolean | undefined) ?? !mongodbUri,
    demoCases: v.DEMO_CASES as number,
    secantusBin: v.SECANTUSDB_BIN as string | undefined,
    evidenceMaxBytes: v.EVIDENCE_MAX_BYTES as number,
    redisUrl: v.REDIS_URL as string | undefined,
    shutdownTimeoutMs: v.SHUTDOWN_TIMEOUT_MS as number,
    trustProxy: v.TRUST_PROXY as number,
    loginDelayAfterFailures: v.LOGIN_FREE_FAILURES as number,
    loginDelayBaseSeconds: v.LOGIN_DELAY_SECONDS as number,
    loginDelayMaxSeconds: v.LOGIN_MAX_DELAY_SECONDS as number,
    loginFailureWindowSeconds: v.LOGIN_FAILURE_TTL_SECONDS as number,
    loginIpFailuresPerDay: v.LOGIN_IP_FAILURES_PER_DAY as number,
    registerLimitPerIpPerHour: v.REGISTER_PER_IP_PER_HOUR as number,
    passwordMinLength: v.PASSWORD_MIN_LENGTH as number,
    statsCacheSeconds: v.STATS_CACHE_SECONDS as number,
    caseCacheSize: v.CASE_CACHE_SIZE as number,
    accountCacheSize: v.ACCOUNT_CACHE_SIZE as number,
    publicCacheSeconds: v.PUBLIC_CACHE_SECONDS as number,
    publicMetricsMinSample: v.PUBLIC_METRICS_MIN_SAMPLE as number,
    reportLimitPerIpPerHour: v.REPORT_LIMIT_PER_IP_PER_HOUR as number,
    messageLimitPerMinute: v.MESSAGE_LIMIT_PER_MINUTE as number,
    evidenceLimitPerHour: v.EVIDENCE_LIMIT_PER_HOUR as number,
    filingLimitPerDay: v.FILING_LIMIT_PER_DAY as number,
    realtimeMaxSocketsPerUser: v.REALTIME_MAX_SOCKETS_PER_USER as number,
    realtimePresenceDebounceMs: v.REALTIME_PRESENCE_DEBOUNCE_MS as number,
    passwordResetTtlMinutes: v.PASSWORD_RESET_TTL_MINUTES as number,
    passwordResetPerHour: v.PASSWORD_RESET_PER_HOUR as number,
    smtpUrl: v.SMTP_URL as string | undefined,
    mailFrom: v.MAIL_FROM as string,
    publicUrl: (
      (v.PUBLIC_URL as string | undefined) ?? `http://${v.HOST as string}:${v.PORT as number}`
    ).replace(/\/+$/, ''),
    invitationTtlHours: v.INVITATION_TTL_HOURS as number,
    staffInvitationTtlHours: v.STAFF_INVITATION_TTL_HOURS as number,
    invitationLookupsPerMinute: v.INVITATION_LOOKUPS_PER_MINUTE as number,
  });
}
