/**
 * Entry point of the Sevenfold web client.
 */
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from './api/queryClient.js';
import { App } from './app/App.js';
import { loadScreen, prefetchScreenData } from './app/screens.js';
import { sessionStore } from './auth/sessionStore.js';
import { initI18n } from './i18n/i18n.js';
import { openRealtimeEarly } from './realtime/RealtimeProvider.js';

const i18n = initI18n();

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
const queryClient = createQueryClient();
const render = () =>
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  );

// signed in: the socket connects and the page's data is asked for (once the socket is live) while
// the frame's and the page's code load; the first render waits for the code (briefly), so the page
// renders whole rather than behind spinners
const session = sessionStore.get();
if (session) {
  const path = `${location.pathname}${location.search}`;
  openRealtimeEarly(session.token, queryClient, i18n);
  prefetchScreenData(path, session.user, queryClient);
  void loadScreen(path, session.user).then(render);
} else {
  render();
}
