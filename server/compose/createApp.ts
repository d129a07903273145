import express, { type Express } from 'express';
import { authRoutes } from '../accounts/authRoutes.js';
import { auditRoutes } from '../audit/auditRoutes.js';
import { requireAuth } from '../auth/requireAuth.js';
import { calendarRoutes } from '../calendar/calendarRoutes.js';
import { caseFileRoutes } from '../caseFiles/caseFileRoutes.js';
import { caseRoutes, routingRoutes } from '../cases/caseRoutes.js';
import { creditRoutes } from '../credit/creditRoutes.js';
import { documentRoutes } from '../documents/documentRoutes.js';
import { evidenceRoutes } from '../evidence/evidenceRoutes.js';
import { healthRoutes } from '../health/healthRoutes.js';
import { noStore } from '../http/noStore.js';
import { platformMiddleware } from '../http/platformMiddleware.js';
import { notFoundHandler, problemMiddleware } from '../http/problemMiddleware.js';
import { refuseWritesWhenDown } from '../http/refuseWritesWhenDown.js';
import { findClientDir, serveClient } from '../http/serveClient.js';
import { invitationRoutes } from '../invitations/invitationRoutes.js';
import { outboxRoutes } from '../mail/outboxRoutes.js';
import { messageRoutes } from '../messages/messageRoutes.js';
import { metricsRoutes } from '../metrics/metricsRoutes.js';
import { notificationRoutes } from '../notifications/notificationRoutes.js';
import { openApiRoutes } from '../openapi/openApiRoutes.js';
import { orgRoutes } from '../orgs/orgRoutes.js';
import { publicRoutes, supervisionRoutes } from '../public/publicRoutes.js';
import { exportRoutes } from '../search/exportRoutes.js';
import { statsRoutes } from '../stats/statsRoutes.js';
import { staffInvitationRoutes } from '../users/staffInvitationRoutes.js';
import { userRoutes } from '../users/userRoutes.js';

import type { AppDeps, AppServices } from './createServices.js';

/** Builds the Express 5 app. It never listens: `server/index.ts` and the tests do. */
export function createApp(deps: AppDeps, services: AppServices): Express {
  const app = express();
  app.disable('x-powered-by');
  // every API answer is `no-store` JSON: nothing keeps it to revalidate, so no ETag hash of each body;
  // the web client's files keep theirs (`express.static`), its `index.html` (`sendFile`, which follows
  // this setting) revalidates by `Last-Modified`
  app.disable('etag');
  app.set('trust proxy', deps.config.trustProxy);
  app.use(platformMiddleware({ logger: deps.logger, metrics: services.metrics.http }));
  app.use(healthRoutes(deps.db));
  app.use(refuseWritesWhenDown(deps.db));
  app.use(express.json({ limit: '256kb' }));

  app.use('/api', noStore);
  const auth = requireAuth(services.loadAuthUser, services.tokens);
  app.use(
    '/api/auth',
    authRoutes({
      users: services.users,
      tokens: services.tokens,
      auth,
      loginThrottle: services.loginThrottle,
      registrationThrottle: services.registrationThrottle,
      passwordMinLength: deps.config.passwordMinLength,
      passwordResets: services.passwordResets,
    }),
  );
  app.use(
    '/api/users',
    userRoutes({
      users: services.users,
      invitations: services.staffInvitations,
      auth,
      passwordMinLength: deps.config.passwordMinLength,
    }),
  );
  app.use(
    '/api/staff-invitations',
    staffInvitationRoutes({
      invitations: services.staffInvitations,
      tokens: services.tokens,
      throttle: services.invitationThrottle,
      passwordMinLength: deps.config.passwordMinLength,
    }),
  );
  app.use('/api/orgs', orgRoutes({ orgs: services.orgs, auth }));
  const audit = services.auditLog;
  app.use('/api', auditRoutes({ audit: services.audit, cases: services.cases, auth }));
  app.use(
    '/api/cases',
    caseRoutes({ cases: services.cases, idempotency: services.idempotency, auth, audit }),
  );
  app.use('/api/cases', evidenceRoutes({ evidence: services.evidence, auth, audit }));
  app.use('/api/cases', caseFileRoutes({ caseFiles: services.caseFiles, auth, audit }));
  app.use('/api/cases', documentRoutes({ documents: services.documents, auth }));
  app.use('/api/cases', calendarRoutes({ calendar: services.calendar, auth, audit }));
  app.use('/api/cases', messageRoutes({ messages: services.messages, auth }));
  app.use(
    '/api/public',
    publicRoutes({
      metrics: services.publicMetrics,
      disclosure: services.disclosure,
      reports: services.reports,
      reportThrottle: services.reportThrottle,
    }),
  );
  app.use('/api/supervision', supervisionRoutes({ reports: services.reports, auth }));
  app.use('/api/exports', exportRoutes({ cases: services.cases, auth }));
  const invitationRouters = invitationRoutes({
    invitations: services.invitations,
    throttle: services.invitationThrottle,
    auth,
    passwordMinLength: deps.config.passwordMinLength,
  });
  app.use('/api/invitations', invitationRouters.links);
  app.use('/api/cases', invitationRouters.cases);
  app.use('/api/routing', routingRoutes({ cases: services.cases, auth }));
  app.use('/api/stats', statsRoutes({ stats: services.stats, auth }));
  app.use('/api/credit', creditRoutes({ credit: services.credit, auth }));
  app.use('/api/mail', outboxRoutes({ outbox: services.outbox, auth }));
  app.use('/api/notifications', notificationRoutes({ notifications: services.notifications, auth }));
  app.use(metricsRoutes(services.metrics));
  app.use(openApiRoutes());

  serveClient(app, deps.clientDir ?? findClientDir(), { production: deps.config.nodeEnv === 'production' });

  app.use(notFoundHandler);
  app.use(problemMiddleware(deps.logger));
  return app;
}
