import { createHashRouter, Navigate } from 'react-router';
import { AuditPage } from './access/AuditPage';
import { AppLayout } from './components/AppLayout';
import { ErrorScreen, NotFoundScreen } from './components/ErrorScreen';
import { CalendarPage } from './pages/CalendarPage';
import { DaySheetPage } from './diary/DaySheetPage';
import { RecallPage } from './recall/RecallPage';
import { TodayPage } from './pages/TodayPage';
import { ClientsPage } from './clients/ClientsPage';
import { ClientPage } from './clients/ClientPage';
import { ClientFormPage } from './clients/ClientFormPage';
import { ClientImportPage } from './clients/ClientImportPage';
import { RacesPage } from './races/RacesPage';
import { SettingsPage } from './settings/SettingsPage';
import { TreatmentFormPage } from './treatments/TreatmentFormPage';

// Hash routes work under the custom protocol, the test host and deep links (#/clients/42).
export const router = createHashRouter([
  // The day sheet prints on its own, without the navigation around it.
  { path: 'daysheet/:date', element: <DaySheetPage />, errorElement: <ErrorScreen /> },
  {
    element: <AppLayout />,
    errorElement: <ErrorScreen />,
    children: [
      {
        // A screen that fails keeps the navigation around it.
        errorElement: <ErrorScreen />,
        children: [
          { index: true, element: <TodayPage /> },
          { path: 'diary', element: <CalendarPage /> },
          { path: 'calendar', element: <Navigate to="/diary" replace /> },
          { path: 'recall', element: <RecallPage /> },
          { path: 'clients', element: <ClientsPage /> },
          { path: 'clients/new', element: <ClientFormPage /> },
          { path: 'clients/import', element: <ClientImportPage /> },
          { path: 'clients/:clientId', element: <ClientPage /> },
          { path: 'clients/:clientId/edit', element: <ClientFormPage /> },
          { path: 'clients/:clientId/treatments/new', element: <TreatmentFormPage /> },
          { path: 'races', element: <RacesPage /> },
          { path: 'settings', element: <SettingsPage /> },
          { path: 'audit', element: <AuditPage /> },
          { path: '*', element: <NotFoundScreen /> },
        ],
      },
    ],
  },
]);
