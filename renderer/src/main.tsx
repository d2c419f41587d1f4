import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './app.css';
import 'dayjs/locale/en-gb';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { call, callKey, queryClient } from './api';
import { SessionGate } from './access/SessionGate';
import { StorageGate } from './backups/StorageGate';
import { router } from './router';
import { cssVariablesResolver, theme } from './theme';

// The start-up gates ask these one after another (storage, then session, then the screen);
// asked together here, their answers are waiting by the time each gate renders.
for (const name of ['storage:status', 'session:status', 'app:info'] as const) {
  void queryClient.prefetchQuery({ queryKey: callKey(name, {}), queryFn: () => call(name, {}) });
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      {/* Day first and Monday weeks in every date picker, whatever the laptop's locale. */}
      <DatesProvider settings={{ locale: 'en-gb', firstDayOfWeek: 1, consistentWeeks: true }}>
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <StorageGate>
            <SessionGate>
              <RouterProvider router={router} />
            </SessionGate>
          </StorageGate>
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  </StrictMode>,
);
