// Fettle's main process: the thin Electron shell around plain Node services.
import fs from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { createDispatcher } from '../api/dispatcher';
import { ClinicStorage } from '../db/storage';
import { ClinicSession } from '../services/access/session';
import { keepGuidanceFilled } from '../services/kept-guidance';
import { keepSearchIndexMerged } from '../services/search-upkeep';
import { fixedClock, systemClock } from '../services/context';
import { registerIpc } from './ipc';
import { menuTemplate } from './menu';
import { APP_ENTRY, APP_ORIGIN, APP_SCHEME } from './origin';
import { resolveDataDir } from './paths';
import { serveRenderer } from './protocol';
import { choosePath, keepBackedUp } from './storage';
import { denyAllPermissions, guardWebContents } from './security';

// Native date inputs show dd/MM/yyyy.
app.commandLine.appendSwitch('lang', 'en-GB');

protocol.registerSchemesAsPrivileged([
  // codeCache: V8 keeps the compiled renderer between starts, as it would for an https page.
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

// electron-vite sets this in `npm run dev` only: the renderer then comes from its dev server.
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const allowedOrigins = devServerUrl ? [APP_ORIGIN, new URL(devServerUrl).origin] : [APP_ORIGIN];

let mainWindow: BrowserWindow | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: 'Fettle',
    show: false,
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.js'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(devServerUrl ?? APP_ENTRY);
  return win;
}

function start(): void {
  const dataDir = resolveDataDir(process.env, app.getPath('userData'));
  const log = (message: string, detail?: unknown) => console.error(`[fettle] ${message}`, detail ?? '');
  // A database Fettle will not open (damaged, another copy's, not Fettle's, a full disk...) is
  // not an error here: the storage keeps the reason, every call answers with it, and the window
  // shows the start-up screen from storage:status, with its ways out (restore, another folder).
  let storage: ClinicStorage;
  try {
    storage = ClinicStorage.open(dataDir);
  } catch (error) {
    dialog.showErrorBox('Fettle cannot open its database', (error as Error).message);
    app.exit(1);
    return;
  }
  if (storage.refusal) log(`The database in ${dataDir} was not opened (${storage.refusal.reason})`);
  const backups = keepBackedUp(storage, log);
  // Search stays at its quickest after an import or months of saves (electron/services/search-upkeep.ts).
  const searchUpkeep = keepSearchIndexMerged(storage, log);
  // Test hook, never honoured in a packaged build: pins "today" so e2e runs are repeatable.
  const testToday = !app.isPackaged ? process.env.FETTLE_TEST_TODAY : undefined;
  const clock = testToday ? fixedClock(testToday) : systemClock();
  // The diary and recall list read the phase engine's answers kept ahead (electron/services/kept-guidance.ts).
  const guidanceUpkeep = keepGuidanceFilled(storage, clock, log);
  // No one is signed in at start: the window opens on sign-in (or the first-run set-up).
  const clinicSession = new ClinicSession();
  const dispatch = createDispatcher(
    () => ({
      get db() {
        return storage.db;
      },
      storage,
      ...clock,
      session: clinicSession,
      version: app.getVersion(),
      dataDir: storage.dataDir,
      choosePath: (purpose) => choosePath(mainWindow, purpose),
      printWindowToPdf: () =>
        mainWindow
          ? mainWindow.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true })
          : Promise.reject(new Error('There is no window to print.')),
    }),
    { logger: { error: log } },
  );

  serveRenderer(protocol, APP_SCHEME, path.join(__dirname, '../renderer'), (file) => fs.readFile(file));
  denyAllPermissions(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, allowedOrigins));
  registerIpc(ipcMain, dispatch, () => mainWindow, allowedOrigins);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ isMac: process.platform === 'darwin', isPackaged: app.isPackaged })));

  mainWindow = createWindow();
  mainWindow.on('closed', () => (mainWindow = null));
  // The backup on quit, then the data folder is released; the quit resumes once that is done.
  let finished = false;
  let finishing: Promise<void> | null = null;
  app.on('before-quit', (event) => {
    if (finished) return;
    event.preventDefault();
    searchUpkeep.stop();
    guidanceUpkeep.stop();
    finishing ??= backups.finish().finally(() => {
      finished = true;
      app.quit();
    });
  });
}

// Launched again on the usual data folder, Fettle brings its window forward. Electron keys that
// lock on its own user-data folder, not on FETTLE_DATA_DIR, so a copy given a data folder of its
// own relies on the lock on that folder instead (a second copy there is told it is in use).
if (!process.env.FETTLE_DATA_DIR?.trim() && !app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}
