/** Binds every contract call to ipcMain.handle, checking who is asking. */
import { ipcMain, webContents, type IpcMainInvokeEvent } from 'electron';
import { dispatch, type ApiHandlers } from '../common/api';
import { CALL_NAMES, eventChannel, ipcChannel } from '../common/channels';
import type { EventHub } from './services/events';
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

/**
 * Sends every contract event to each window showing our own renderer (never to a page
 * that navigated elsewhere, nor to frames inside it); returns the function that stops it.
 */
export function bindEvents(hub: EventHub, devServerUrl: string | undefined): () => void {
  return hub.subscribe((event) => {
    for (const contents of webContents.getAllWebContents()) {
      if (contents.isDestroyed() || contents.getType() !== 'window') continue;
      if (!isTrustedSenderUrl(contents.getURL(), devServerUrl)) continue;
      contents.send(eventChannel(event.name), event.payload);
    }
  });
}
