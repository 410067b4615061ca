/** Binds every contract call to ipcMain.handle, checking who is asking. */
import { ipcMain, webContents, type IpcMainInvokeEvent } from 'electron';
import { dispatch, type ApiHandlers } from '../common/api';
import { CALL_NAMES, eventChannel, ipcChannel } from '../common/channels';
import { announceChange, windowOrigin } from './services/changes';
import type { EventHub } from './services/events';
import { isTrustedSenderUrl } from './services/trust';

/** Only our own renderer's main frame (the bundled page or the dev server) may call. */
function isTrustedSender(event: IpcMainInvokeEvent, devServerUrl: string | undefined): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent) return false;
  return isTrustedSenderUrl(frame.url, devServerUrl);
}

/**
 * Answers every contract call of a trusted window, then tells the open workspace's other
 * windows what the call changed (`events` is the open workspace's hub).
 */
export function bindIpc(
  handlers: ApiHandlers,
  devServerUrl: string | undefined,
  events: () => EventHub | undefined = () => undefined,
): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(ipcChannel(name), async (event, input: unknown) => {
      if (!isTrustedSender(event, devServerUrl)) {
        return {
          ok: false,
          error: { code: 'unauthorized', message: 'Calls are accepted only from the Parallax window.' },
        };
      }
      const result = await dispatch(handlers, name, input);
      announceChange(events(), name, result, windowOrigin(event.sender.id));
      return result;
    });
  }
}

/**
 * Sends every contract event to each window showing our own renderer (never to a page
 * that navigated elsewhere, nor to frames inside it), except a window's own changes back
 * to it; returns the function that stops it.
 */
export function bindEvents(hub: EventHub, devServerUrl: string | undefined): () => void {
  return hub.subscribe((event) => {
    for (const contents of webContents.getAllWebContents()) {
      if (contents.isDestroyed() || contents.getType() !== 'window') continue;
      if (!isTrustedSenderUrl(contents.getURL(), devServerUrl)) continue;
      if (event.name === 'workspaceChanged' && event.payload.origin === windowOrigin(contents.id)) continue;
      contents.send(eventChannel(event.name), event.payload);
    }
  });
}
