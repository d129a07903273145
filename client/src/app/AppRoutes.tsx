import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, type ReactNode } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { RequireAuth } from '../auth/RequireAuth.js';
import { RequireRole } from '../auth/RequireRole.js';
import { SignInPage } from '../auth/SignInPage.js';
import { InvitationPage } from '../invitations/InvitationPage.js';
import { useSession } from '../auth/useSession.js';
import { LoadingState } from '../ui/LoadingState.js';
import { HomeRedirect } from './HomeRedirect.js';
import { NotFoundPage } from './NotFoundPage.js';
import { loadScreen, prefetchScreenData, screens } from './screens.js';

const AppLayout = screens.layout.Component;
const RegisterPage = screens.register.Component;
const MyCasesPage = screens.myCases.Component;
const NewComplaintPage = screens.newComplaint.Component;
const CasePage = screens.casePage.Component;
const MediatorConsole = screens.mediator.Component;
const CenterDashboard = screens.center.Component;
const DeskPage = screens.desk.Component;
const StatsPage = screens.stats.Component;
const SettingsPage = screens.settings.Component;
const OutboxPage = screens.outbox.Component;
const ForgotPasswordPage = screens.forgotPassword.Component;
const ResetPasswordPage = screens.resetPassword.Component;
const StaffInvitationPage = screens.staffInvitation.Component;
const OrganisationsPage = screens.organisations.Component;
const StaffPage = screens.staff.Component;
const AuditPage = screens.audit.Component;
const CreditRegisterPage = screens.creditRegister.Component;
const SupervisionReportsPage = screens.supervisionReports.Component;
const PublicLayout = screens.publicLayout.Component;
const SelfHelpPage = screens.selfHelp.Component;
const ReportPage = screens.report.Component;
const PublicMetricsPage = screens.outcomes.Component;
const DisclosurePage = screens.disclosure.Component;

/** A spinner, labelled in the UI language, while a screen's chunk loads. */
function Lazy({ children, minHeight = 320 }: { children: ReactNode; minHeight?: number | string }) {
  return <Suspense fallback={<LoadingState minHeight={minHeight} />}>{children}</Suspense>;
}

/** The signed-in frame; the page being opened (its chunk and its data) loads alongside the frame. */
function SignedInFrame() {
  const session = useSession();
  const { pathname } = useLocation();
  const qc = useQueryClient();
  const user = session?.user;
  useEffect(() => {
    if (!user) return;
    void loadScreen(pathname, user);
    prefetchScreenData(pathname, user, qc);
  }, [pathname, user, qc]);
  return (
    <Lazy minHeight="100vh">
      <AppLayout />
    </Lazy>
  );
}

/**
 * The route table: public sign-in, registration and the public pages (self-help, report, outcomes,
 * disclosure); everything else behind sign-in and roles.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/invitations/:token" element={<InvitationPage />} />
      <Route
        path="/register"
        element={
          <Lazy minHeight="100vh">
            <RegisterPage />
          </Lazy>
        }
      />
      <Route
        path="/forgot-password"
        element={
          <Lazy minHeight="100vh">
            <ForgotPasswordPage />
          </Lazy>
        }
      />
      <Route
        path="/reset-password/:token"
        element={
          <Lazy minHeight="100vh">
            <ResetPasswordPage />
          </Lazy>
        }
      />
      <Route
        path="/staff-invitation/:token"
        element={
          <Lazy minHeight="100vh">
            <StaffInvitationPage />
          </Lazy>
        }
      />
      <Route
        element={
          <Lazy minHeight="100vh">
            <PublicLayout />
          </Lazy>
        }
      >
        <Route
          path="help"
          element={
            <Lazy>
              <SelfHelpPage />
            </Lazy>
          }
        />
        <Route
          path="report"
          element={
            <Lazy>
              <ReportPage />
            </Lazy>
          }
        />
        <Route
          path="outcomes"
          element={
            <Lazy>
              <PublicMetricsPage />
            </Lazy>
          }
        />
        <Route
          path="disclosure"
          element={
            <Lazy>
              <DisclosurePage />
            </Lazy>
          }
        />
      </Route>
      <Route
        element={
          <RequireAuth>
            <SignedInFrame />
          </RequireAuth>
        }
      >
        <Route index element={<HomeRedirect />} />
        <Route
          path="cases"
          element={
            <Lazy>
              <MyCasesPage />
            </Lazy>
          }
        />
        <Route
          path="cases/new"
          element={
            <RequireRole roles={['complainant']}>
              <Lazy>
                <NewComplaintPage />
              </Lazy>
            </RequireRole>
          }
        />
        <Route
          path="cases/:id"
          element={
            <Lazy>
              <CasePage />
            </Lazy>
          }
        />
        <Route
          path="mediator"
          element={
            <RequireRole roles={['mediator']}>
              <Lazy>
                <MediatorConsole />
              </Lazy>
            </RequireRole>
          }
        />
        <Route
          path="center"
          element={
            <RequireRole
              roles={['officer', 'admin']}
              when={(u) => u.role === 'admin' || u.orgType === 'protectionCenter'}
            >
              <Lazy>
                <CenterDashboard />
              </Lazy>
            </RequireRole>
          }
        />
        <Route
          path="desk"
          element={
            <RequireRole roles={['officer', 'admin']}>
              <Lazy>
                <DeskPage />
              </Lazy>
            </RequireRole>
          }
        />
        <Route
          path="stats"
          element={
            <RequireRole roles={['officer', 'admin']}>
              <Lazy>
                <StatsPage />
              </Lazy>
            </RequireRole>
          }
        />
        <Route
          path="settings"
          element={
            <Lazy>
              <SettingsPage />
            </Lazy>
          }
        />
        <Route
          path="outbox"
          element={
            <RequireRole roles={['admin']}>
              <Lazy>
                <OutboxPage />
              </Lazy>
            </RequireRole>
          }
        />
        <Route
          path="admin/organisations"
          element={
            <RequireRole roles={['admin']}>
              <Lazy>
                <OrganisationsPage />
              </Lazy>
            </RequireRole>
          }
        />
        <Route
          path="admin/staff"
          element={
            <RequireRole roles={['officer', 'admin']} when={(u) => u.role === 'admin' || u.lead === true}>
              <Lazy>
                <StaffPage />
              </Lazy>
            </RequireRole>
          }
        />
        <Route
          path="admin/audit"
          element={
            <RequireRole roles={['officer', 'admin']}>
              <Lazy>
                <AuditPage />
              </Lazy>
            </RequireRole>
          }
        />
        <Route
          path="supervision/reports"
          element={
            <RequireRole
              roles={['officer', 'admin']}
              when={(u) => u.role === 'admin' || u.orgType === 'socialSupervision'}
            >
              <Lazy>
                <SupervisionReportsPage />
              </Lazy>
            </RequireRole>
          }
        />
        <Route
          path="credit"
          element={
            <RequireRole roles={['officer', 'admin']}>
              <Lazy>
                <CreditRegisterPage />
              </Lazy>
            </RequireRole>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
