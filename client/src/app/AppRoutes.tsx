import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { RegisterPage } from '../auth/RegisterPage.js';
import { RequireAuth } from '../auth/RequireAuth.js';
import { RequireRole } from '../auth/RequireRole.js';
import { SignInPage } from '../auth/SignInPage.js';
import { CasePage } from '../cases/CasePage.js';
import { MyCasesPage } from '../cases/MyCasesPage.js';
import { LoadingState } from '../ui/LoadingState.js';
import { AppLayout } from './AppLayout.js';
import { HomeRedirect } from './HomeRedirect.js';
import { NotFoundPage } from './NotFoundPage.js';

// Role-specific screens load on first use (charts and the complaint form are the heavy parts).
const DeskPage = lazy(() => import('../admin/DeskPage.js').then((m) => ({ default: m.DeskPage })));
const CenterDashboard = lazy(() =>
  import('../center/CenterDashboard.js').then((m) => ({ default: m.CenterDashboard })),
);
const NewComplaintPage = lazy(() =>
  import('../complaints/NewComplaintPage.js').then((m) => ({ default: m.NewComplaintPage })),
);
const MediatorConsole = lazy(() =>
  import('../mediator/MediatorConsole.js').then((m) => ({ default: m.MediatorConsole })),
);
const StatsPage = lazy(() => import('../stats/StatsPage.js').then((m) => ({ default: m.StatsPage })));

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingState minHeight={320} />}>{children}</Suspense>;
}

/** The route table: public sign-in and registration; everything else behind sign-in and roles. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/register" element={<RegisterPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomeRedirect />} />
        <Route path="cases" element={<MyCasesPage />} />
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
        <Route path="cases/:id" element={<CasePage />} />
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
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
