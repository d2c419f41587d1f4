import { createHashRouter, Navigate, type LazyRouteFunction, type RouteObject } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { ErrorScreen, NotFoundScreen } from './components/ErrorScreen';
import { TodayPage } from './pages/TodayPage';
import { ClientsPage } from './clients/ClientsPage';

/**
 * A screen loaded the first time someone opens it. The window starts on sign-in and then Today
 * or the client list, so only those are in the first script the window parses; the diary (with
 * its calendar library), settings, import and the rest come in their own files (a first screen
 * sooner, bench/clients.bench.ts).
 */
const screen = (load: () => Promise<{ Component: React.ComponentType }>): LazyRouteFunction<RouteObject> => load;

// Hash routes work under the custom protocol, the test host and deep links (#/clients/42).
export const router = createHashRouter([
  // The day sheet prints on its own, without the navigation around it.
  { path: 'daysheet/:date', lazy: screen(async () => ({ Component: (await import('./diary/DaySheetPage')).DaySheetPage })), errorElement: <ErrorScreen /> },
  {
    element: <AppLayout />,
    errorElement: <ErrorScreen />,
    children: [
      {
        // A screen that fails keeps the navigation around it.
        errorElement: <ErrorScreen />,
        children: [
          { index: true, element: <TodayPage /> },
          { path: 'diary', lazy: screen(async () => ({ Component: (await import('./pages/CalendarPage')).CalendarPage })) },
          { path: 'calendar', element: <Navigate to="/diary" replace /> },
          { path: 'recall', lazy: screen(async () => ({ Component: (await import('./recall/RecallPage')).RecallPage })) },
          { path: 'clients', element: <ClientsPage /> },
          { path: 'clients/new', lazy: screen(async () => ({ Component: (await import('./clients/ClientFormPage')).ClientFormPage })) },
          { path: 'clients/import', lazy: screen(async () => ({ Component: (await import('./clients/ClientImportPage')).ClientImportPage })) },
          { path: 'clients/:clientId', lazy: screen(async () => ({ Component: (await import('./clients/ClientPage')).ClientPage })) },
          { path: 'clients/:clientId/edit', lazy: screen(async () => ({ Component: (await import('./clients/ClientFormPage')).ClientFormPage })) },
          { path: 'clients/:clientId/treatments/new', lazy: screen(async () => ({ Component: (await import('./treatments/TreatmentFormPage')).TreatmentFormPage })) },
          { path: 'races', lazy: screen(async () => ({ Component: (await import('./races/RacesPage')).RacesPage })) },
          { path: 'settings', lazy: screen(async () => ({ Component: (await import('./settings/SettingsPage')).SettingsPage })) },
          { path: 'audit', lazy: screen(async () => ({ Component: (await import('./access/AuditPage')).AuditPage })) },
          { path: '*', element: <NotFoundScreen /> },
        ],
      },
    ],
  },
]);
