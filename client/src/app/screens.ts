/**
 * The screens of the app, loaded on first use, so the sign-in page loads only itself: the signed-in
 * frame with the role homes (one chunk, `signedInScreens.ts`), the case page, the complaint form,
 * statistics and registration are chunks of their own, and the charts and the Joi schemas the
 * forms validate with come only with the screens that use them.
 *
 * {@link loadScreen} fetches the frame's and a page's chunks side by side; a screen whose chunk is
 * in renders at once, without a loading state (React shows a suspended screen's content no sooner
 * than 300 ms after its fallback, which would be most of a home's first paint). The app's start
 * and sign-in wait for it briefly. {@link prefetchScreenData} asks for the data the role homes
 * open with at the same time: a home's code and its data arrive together, in one round.
 */
import type { QueryClient } from '@tanstack/react-query';
import { createElement, lazy, useState, type ComponentType } from 'react';
import { matchPath } from 'react-router';
import { defaultDeskQueue, deskQuery } from '../admin/deskQueues.js';
import { caseListQuery } from '../api/cases.js';
import { statsQuery } from '../api/directory.js';
import { roleHome } from '../auth/roleHome.js';
import type { SessionUser } from '../auth/sessionStore.js';
import { myCasesParams } from '../cases/myCasesQuery.js';
import { centerQueueParams } from '../center/centerQueue.js';
import { MEDIATOR_QUEUE } from '../mediator/mediatorQueue.js';

/** A lazily loaded screen: its route path (none for the frame), its loader and its component. */
export interface Screen {
  path: string | null;
  /** Loads the screen's chunk (once). */
  load: () => Promise<unknown>;
  /** The screen: rendered directly once its chunk is in, through `React.lazy` (suspending) before. */
  Component: ComponentType;
  /** Starts the requests the screen opens with (the same queries it then reads), for users it is for. */
  prefetch?: (qc: QueryClient, user: SessionUser) => void;
}

function screen<M>(
  path: string | null,
  importModule: () => Promise<M>,
  pick: (module: M) => ComponentType,
  prefetch?: Screen['prefetch'],
): Screen {
  let loaded: ComponentType | undefined;
  const load = () =>
    importModule().then((module) => {
      loaded ??= pick(module);
      return loaded;
    });
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  function LazyScreen() {
    // chosen once per mount, so a screen never swaps between the two (which would remount it)
    const [component] = useState<ComponentType>(() => loaded ?? Lazy);
    return createElement(component);
  }
  return { path, load, Component: LazyScreen, prefetch };
}

const signedIn = () => import('./signedInScreens.js');
const publicPages = () => import('../public/publicScreens.js');

/** Every lazily loaded screen (`/cases/new` before `/cases/:id`: the first match wins). */
export const screens = {
  layout: screen(null, signedIn, (m) => m.AppLayout),
  register: screen(
    '/register',
    () => import('../auth/RegisterPage.js'),
    (m) => m.RegisterPage,
  ),
  myCases: screen(
    '/cases',
    signedIn,
    (m) => m.MyCasesPage,
    (qc) => void qc.prefetchQuery(caseListQuery(myCasesParams('open'))),
  ),
  newComplaint: screen(
    '/cases/new',
    () => import('../complaints/NewComplaintPage.js'),
    (m) => m.NewComplaintPage,
  ),
  casePage: screen(
    '/cases/:id',
    () => import('../cases/CasePage.js'),
    (m) => m.CasePage,
  ),
  mediator: screen(
    '/mediator',
    signedIn,
    (m) => m.MediatorConsole,
    (qc, user) => {
      if (user.role === 'mediator') void qc.prefetchQuery(caseListQuery(MEDIATOR_QUEUE));
    },
  ),
  center: screen(
    '/center',
    signedIn,
    (m) => m.CenterDashboard,
    (qc, user) => {
      if (user.role !== 'admin' && !(user.role === 'officer' && user.orgType === 'protectionCenter')) return;
      void qc.prefetchQuery(caseListQuery(centerQueueParams(user.role === 'admin')));
      void qc.prefetchQuery(statsQuery());
    },
  ),
  desk: screen(
    '/desk',
    signedIn,
    (m) => m.DeskPage,
    (qc, user) => {
      if (user.role !== 'admin' && user.role !== 'officer') return;
      void qc.prefetchInfiniteQuery(deskQuery(defaultDeskQueue(user.role)));
    },
  ),
  settings: screen(
    '/settings',
    () => import('../account/SettingsPage.js'),
    (m) => m.SettingsPage,
  ),
  outbox: screen(
    '/outbox',
    () => import('../outbox/OutboxPage.js'),
    (m) => m.OutboxPage,
  ),
  forgotPassword: screen(
    '/forgot-password',
    () => import('../account/ForgotPasswordPage.js'),
    (m) => m.ForgotPasswordPage,
  ),
  resetPassword: screen(
    '/reset-password/:token',
    () => import('../account/ResetPasswordPage.js'),
    (m) => m.ResetPasswordPage,
  ),
  staffInvitation: screen(
    '/staff-invitation/:token',
    () => import('../account/StaffInvitationPage.js'),
    (m) => m.StaffInvitationPage,
  ),
  stats: screen(
    '/stats',
    () => import('../stats/StatsPage.js'),
    (m) => m.StatsPage,
  ),
  organisations: screen(
    '/admin/organisations',
    () => import('../administration/OrganisationsPage.js'),
    (m) => m.OrganisationsPage,
  ),
  staff: screen(
    '/admin/staff',
    () => import('../administration/StaffPage.js'),
    (m) => m.StaffPage,
  ),
  audit: screen(
    '/admin/audit',
    () => import('../administration/AuditPage.js'),
    (m) => m.AuditPage,
  ),
  supervisionReports: screen(
    '/supervision/reports',
    () => import('../supervision/SupervisionReportsPage.js'),
    (m) => m.SupervisionReportsPage,
  ),
  creditRegister: screen(
    '/credit',
    () => import('../credit/CreditRegisterPage.js'),
    (m) => m.CreditRegisterPage,
  ),
  // the public pages (no sign-in): one chunk
  publicLayout: screen(null, publicPages, (m) => m.PublicLayout),
  selfHelp: screen('/help', publicPages, (m) => m.SelfHelpPage),
  report: screen('/report', publicPages, (m) => m.ReportPage),
  outcomes: screen('/outcomes', publicPages, (m) => m.PublicMetricsPage),
  disclosure: screen('/disclosure', publicPages, (m) => m.DisclosurePage),
} satisfies Record<string, Screen>;

/** The screen of a path (with its query, if any); `/` is the user's home. */
function screenAt(path: string, user: SessionUser): Screen | undefined {
  const pathname = path.split(/[?#]/, 1)[0] || '/';
  const target = pathname === '/' ? roleHome(user) : pathname;
  return Object.values(screens).find((s: Screen) => s.path !== null && matchPath(s.path, target));
}

/**
 * Loads the chunks a signed-in user at `path` needs: the frame's and the page's. Resolves when they
 * are in, or failed (the screen's own load then shows the failure), or after `waitMs` at most.
 */
export function loadScreen(path: string, user: SessionUser, waitMs = 1000): Promise<void> {
  const loads = [screens.layout, screenAt(path, user)].map((s) => s?.load());
  return new Promise((resolve) => {
    const timer = window.setTimeout(resolve, waitMs);
    void Promise.allSettled(loads).then(() => {
      window.clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Asks for the data the screen at `path` opens with (the queries it reads, while fresh in the cache,
 * are not asked again), so the data loads beside the code and is in when the screen first renders.
 */
export function prefetchScreenData(path: string, user: SessionUser, qc: QueryClient): void {
  screenAt(path, user)?.prefetch?.(qc, user);
}
