import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter } from 'react-router';
import { createQueryClient } from '../api/queryClient.js';
import { RealtimeProvider } from '../realtime/RealtimeProvider.js';
import { AppRoutes } from './AppRoutes.js';
import { theme } from './theme.js';

/** The app: theme, notifications, data cache, the session's socket and the routes. */
export function App() {
  const [queryClient] = useState(createQueryClient);
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
