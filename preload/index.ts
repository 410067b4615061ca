/**
 * The preload bridge: one function per contract call, a listener for menu commands and
 * one for contract events. Nothing else (never ipcRenderer itself) reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  CALL_NAMES,
  COMMAND_CHANNEL,
  eventChannel,
  ipcChannel,
  isEventName,
  MENU_COMMANDS,
  type MenuCommand,
} from '../common/channels';

const api: Record<string, unknown> = {};
for (const name of CALL_NAMES) {
  api[name] = (input: unknown) => ipcRenderer.invoke(ipcChannel(name), input ?? {});
}
api.onCommand = (listener: (command: MenuCommand) => void) => {
  const handler = (_event: unknown, command: unknown) => {
    if (typeof command === 'string' && (MENU_COMMANDS as readonly string[]).includes(command))
      listener(command as MenuCommand);
  };
  ipcRenderer.on(COMMAND_CHANNEL, handler);
  return () => ipcRenderer.removeListener(COMMAND_CHANNEL, handler);
};
/** Listens to one declared event; the page gets the payload only (the bridge validates it). */
api.onEvent = (name: unknown, listener: (payload: unknown) => void) => {
  if (!isEventName(name)) throw new Error(`Parallax has no event "${String(name)}".`);
  if (typeof listener !== 'function') throw new Error('onEvent needs a listener function.');
  const channel = eventChannel(name);
  const handler = (_event: unknown, payload: unknown) => listener(payload);
  ipcRenderer.on(channel, handler);
  return () => ipcRenderer.removeListener(channel, handler);
};

contextBridge.exposeInMainWorld('parallax', api);
