/** The services behind the routes and the realtime layer, built once by the composition root. */
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { createLoginThrottle, type LoginThrottle } from '../accounts/loginThrottle.js';
import { createPasswordResets, type PasswordResets } from '../accounts/passwordResets.js';
import { createRegistrationThrottle, type RegistrationThrottle } from '../accounts/registrationThrottle.js';
import { createAuditLog, type AuditLog } from '../audit/auditLog.js';
import { createAuditReader, type AuditReader } from '../audit/auditReader.js';
import type { LoadAuthUser } from '../auth/authUser.js';
import { createTokenService, type TokenService } from '../auth/tokenService.js';
import { createCalendarService, type CalendarService } from '../calendar/calendarService.js';
import { createCaseFileService, type CaseFileService } from '../caseFiles/caseFileService.js';
import { createCaseMetrics } from '../cases/caseMetrics.js';
import { caseOrgs } from '../cases/caseOrgs.js';
import { createCaseService, type CaseService } from '../cases/caseService.js';
import { createIdempotencyKeys, type IdempotencyKeys } from '../cases/idempotencyKeys.js';
import type { Config } from '../config/loadConfig.js';
import { createCreditDisclosure, type CreditDisclosure } from '../credit/creditDisclosure.js';
import { createCreditService, type CreditService } from '../credit/creditService.js';
import { checkAgreementSignature } from '../documents/checkAgreementSignature.js';
import { createDocumentService, type DocumentService } from '../documents/documentService.js';
import { createEvidenceService, type EvidenceService } from '../evidence/evidenceService.js';
import { type SharedRedis } from '../http/createRateLimiter.js';
import { createInvitationIssuer } from '../invitations/createInvitationIssuer.js';
import { createInvitationService, type InvitationService } from '../invitations/invitationService.js';
import { createInvitationThrottle, type InvitationThrottle } from '../invitations/invitationThrottle.js';
import { createWriteLimits, type WriteLimits } from '../limits/writeLimits.js';
import { createMailOutbox, type MailOutbox } from '../mail/createMailOutbox.js';
import { createMailSender, type MailSender } from '../mail/createMailSender.js';
import { createOutboxService, type OutboxService } from '../mail/outboxService.js';
import { createMessageService, type MessageService } from '../messages/messageService.js';
import { createAppMetrics, type AppMetrics } from '../metrics/appMetrics.js';
import { createNotificationService, type NotificationService } from '../notifications/notificationService.js';
import { createOrgService, type OrgService } from '../orgs/orgService.js';
import { createPublicMetrics, type PublicMetrics } from '../public/publicMetrics.js';
import { createReportThrottle, type ReportThrottle } from '../public/reportThrottle.js';
import { createSupervisionReports, type SupervisionReports } from '../public/supervisionReports.js';
import { createStatsService, type StatsService } from '../stats/statsService.js';
import { createAccountCache, type AccountCache } from '../users/accountCache.js';
import { createStaffInvitations, type StaffInvitations } from '../users/staffInvitations.js';
import { createUserService, type UserService } from '../users/userService.js';
import type { CaseEngine } from './createCaseEngine.js';
import { intakeSources } from './intakeSources.js';

/** What the HTTP app needs from the composition root. */
export interface AppDeps {
  config: Config;
  logger: Logger;
  db: Connection;
  /** Secret that signs and verifies access tokens. */
  jwtSecret: string;
  engine: CaseEngine;
  now?: () => Date;
  /** The built web client to serve; by default `client/dist` when it has been built. */
  clientDir?: string;
  /** A connected Redis shared by the instances (`REDIS_URL`): the abuse limits then count across them. */
  redis?: SharedRedis | undefined;
}

/** The services behind the routes (the realtime layer uses the same ones). */
export interface AppServices {
  /** Finds the signed-in user of a token (HTTP and sockets): `accounts.load`. */
  loadAuthUser: LoadAuthUser;
  /** The signed-in accounts kept between requests (the realtime layer relays forgets to the other servers). */
  accounts: AccountCache;
  tokens: TokenService;
  users: UserService;
  cases: CaseService;
  idempotency: IdempotencyKeys;
  evidence: EvidenceService;
  /** Calendar invitations of scheduled sessions. */
  calendar: CalendarService;
  /** Case files (卷宗): the log and the evidence as one verifiable archive. */
  caseFiles: CaseFileService;
  /** Generated documents (PDF) and the agreement being signed. */
  documents: DocumentService;
  messages: MessageService;
  /** The organisations (a directory for staff). */
  orgs: OrgService;
  stats: StatsService;
  credit: CreditService;
  /** The public pages: outcome figures, the credit disclosure, reports to the supervision office. */
  publicMetrics: PublicMetrics;
  disclosure: CreditDisclosure;
  reports: SupervisionReports;
  /** Public reports per client address. */
  reportThrottle: ReportThrottle;
  /** The app's Prometheus registry (one per app); counts the engine's transitions. */
  metrics: AppMetrics;
  /** Per-user limits of messages, evidence and filings. */
  limits: WriteLimits;
  /** Sign-in limits (per account and client address, per client address). */
  loginThrottle: LoginThrottle;
  /** Registrations per client address. */
  registrationThrottle: RegistrationThrottle;
  /** The durable outbox every mail goes through. */
  mailOutbox: MailOutbox;
  /** Delivers the outbox (started and stopped by the composition root and the test server). */
  mailSender: MailSender;
  /** The signed-in user's notification centre and settings. */
  notifications: NotificationService;
  /** Password reset by e-mail. */
  passwordResets: PasswordResets;
  /** Staff invited by e-mail to choose their password. */
  staffInvitations: StaffInvitations;
  /** The administrator's view of the outbox. */
  outbox: OutboxService;
  /** The audit log: reads recorded in batches, administrative changes in their transactions. */
  auditLog: AuditLog;
  /** Reading the audit log (the audit screen, a case's access log). */
  audit: AuditReader;
  /** Respondents' invitation links (holders) and their management (staff). */
  invitations: InvitationService;
  /** Invitation-link uses per client address. */
  invitationThrottle: InvitationThrottle;
}

/** Builds the services of the app from its dependencies. */
export function createServices(deps: AppDeps): AppServices {
  const now = deps.now ?? (() => new Date());
  const limits = createWriteLimits(
    {
      messagesPerMinute: deps.config.messageLimitPerMinute,
      evidencePerHour: deps.config.evidenceLimitPerHour,
      filingsPerDay: deps.config.filingLimitPerDay,
    },
    deps.redis,
  );
  const cases = createCaseService({
    db: deps.db,
    store: deps.engine.store,
    now,
    limits,
    intake: intakeSources(deps.db),
    prepareAction: (doc, action) => checkAgreementSignature(deps.engine.store, doc, action),
  });
  const auditLog = createAuditLog({
    db: deps.db,
    logger: deps.logger,
    now,
    orgsOfCases: (ids) => caseOrgs(deps.db, ids),
  });
  const tokens = createTokenService(deps.jwtSecret, deps.config.jwtTtlSeconds, now);
  const accounts = createAccountCache({ db: deps.db, size: deps.config.accountCacheSize });
  const users = createUserService(deps.db, now, auditLog, accounts.forget);
  const mailOutbox = createMailOutbox({ db: deps.db, config: deps.config, logger: deps.logger, now });
  const metrics = createAppMetrics();
  createCaseMetrics(metrics.registry, { store: deps.engine.store, logger: deps.logger });
  return {
    loadAuthUser: accounts.load,
    accounts,
    auditLog,
    audit: createAuditReader({ db: deps.db, log: auditLog, now }),
    limits,
    tokens,
    users,
    cases,
    idempotency: createIdempotencyKeys(deps.db, now),
    evidence: createEvidenceService({
      db: deps.db,
      cases,
      store: deps.engine.store,
      logger: deps.logger,
      maxBytes: deps.config.evidenceMaxBytes,
      limits,
    }),
    calendar: createCalendarService({ cases, store: deps.engine.store }),
    caseFiles: createCaseFileService({
      db: deps.db,
      cases,
      store: deps.engine.store,
      logger: deps.logger,
      now,
    }),
    documents: createDocumentService({ db: deps.db, cases, store: deps.engine.store, logger: deps.logger }),
    messages: createMessageService({ db: deps.db, cases, store: deps.engine.store, limits }),
    orgs: createOrgService(deps.db, auditLog, () => accounts.forget('*')),
    stats: createStatsService({
      cases: deps.engine.store.models.cases,
      now,
      cacheSeconds: deps.config.statsCacheSeconds,
    }),
    credit: createCreditService(deps.db, now, deps.engine.store),
    publicMetrics: createPublicMetrics({
      cases: deps.engine.store.models.cases,
      now,
      cacheSeconds: deps.config.publicCacheSeconds,
      minSample: deps.config.publicMetricsMinSample,
    }),
    disclosure: createCreditDisclosure({ db: deps.db, now, cacheSeconds: deps.config.publicCacheSeconds }),
    reports: createSupervisionReports(deps.db, now, auditLog),
    reportThrottle: createReportThrottle(deps.config.reportLimitPerIpPerHour, deps.redis),
    metrics,
    loginThrottle: createLoginThrottle(
      {
        delayAfterFailures: deps.config.loginDelayAfterFailures,
        delayBaseSeconds: deps.config.loginDelayBaseSeconds,
        delayMaxSeconds: deps.config.loginDelayMaxSeconds,
        failureWindowSeconds: deps.config.loginFailureWindowSeconds,
        ipFailuresPerDay: deps.config.loginIpFailuresPerDay,
      },
      deps.redis,
    ),
    registrationThrottle: createRegistrationThrottle(deps.config.registerLimitPerIpPerHour, deps.redis),
    mailOutbox,
    mailSender: createMailSender({ db: deps.db, config: deps.config, logger: deps.logger, now }),
    notifications: createNotificationService(deps.db, now),
    outbox: createOutboxService(deps.db, deps.config.smtpUrl ? 'smtp' : 'local'),
    passwordResets: createPasswordResets({
      db: deps.db,
      users,
      outbox: mailOutbox,
      logger: deps.logger,
      now,
      ttlMinutes: deps.config.passwordResetTtlMinutes,
      perHour: deps.config.passwordResetPerHour,
      redis: deps.redis,
    }),
    staffInvitations: createStaffInvitations({
      db: deps.db,
      users,
      outbox: mailOutbox,
      audit: auditLog,
      now,
      ttlHours: deps.config.staffInvitationTtlHours,
    }),
    invitations: createInvitationService({
      db: deps.db,
      store: deps.engine.store,
      cases,
      users,
      tokens,
      issuer: createInvitationIssuer({
        db: deps.db,
        outbox: mailOutbox,
        ttlHours: deps.config.invitationTtlHours,
        now,
      }),
      now,
    }),
    invitationThrottle: createInvitationThrottle(deps.config.invitationLookupsPerMinute, deps.redis),
  };
}
