import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { RealtimeProvider } from '../realtime/RealtimeProvider.js';
import { AppRoutes } from './AppRoutes.js';
import { theme } from './theme.js';

/** The app: theme, notifications, data cache (made by the caller), the session's socket and the routes. */
export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" limit={4} />
      <QueryClientProvider client={queryClient}>
        <RealtimeProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </RealtimeProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
