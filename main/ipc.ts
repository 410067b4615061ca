/** Binds every contract call to ipcMain.handle, checking who is asking. */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { dispatch, type ApiHandlers } from '../common/api';
import { CALL_NAMES, ipcChannel } from '../common/channels';
import { isTrustedSenderUrl } from './services/trust';

/** Only our own renderer's main frame (the bundled page or the dev server) may call. */
function isTrustedSender(event: IpcMainInvokeEvent, devServerUrl: string | undefined): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent) return false;
  return isTrustedSenderUrl(frame.url, devServerUrl);
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
