import type { BrowserWindow, IpcMain } from 'electron';
import { CALL_NAMES, channelFor } from '../../shared/api/calls';
import { failure } from '../../shared/api/result';
import type { Dispatch } from '../api/dispatcher';
import { isTrustedSender } from './security';

/** One handler per contract call; a message from anything but our window's own page is dropped. */
export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch, window: () => BrowserWindow | null, allowedOrigins: readonly string[]): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(channelFor(name), (event, input: unknown) => {
      const win = window();
      if (!win || !isTrustedSender(event.senderFrame, win.webContents.mainFrame, allowedOrigins)) {
        return failure('forbidden', 'This request did not come from the Fettle window and was ignored.');
      }
      return dispatch(name, input);
    });
  }
}
