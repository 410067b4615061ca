/** Binds every contract call to ipcMain.handle, checking who is asking. */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { dispatch, type ApiHandlers } from '../common/api';
import { CALL_NAMES, ipcChannel } from '../common/channels';

/** Only our own renderer (the bundled page or the dev server) may call. */
export function isTrustedSender(event: IpcMainInvokeEvent, devServerUrl: string | undefined): boolean {
  const url = event.senderFrame?.url;
  if (!url) return false;
  if (url.startsWith('file://')) return true;
  return !!devServerUrl && url.startsWith(devServerUrl);
}

export function bindIpc(handlers: ApiHandlers, devServerUrl: string | undefined): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(ipcChannel(name), async (event, input: unknown) => {
      if (!isTrustedSender(event, devServerUrl)) {
        return {
          ok: false,
          error: { code: 'unauthorized', message: 'Calls are accepted only from the Parallax window.' },
        };
      }
      return dispatch(handlers, name, input);
    });
  }
}
