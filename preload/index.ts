/**
 * The preload bridge: one function per contract call, plus a listener for menu
 * commands. Nothing else (never ipcRenderer itself) reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CALL_NAMES, COMMAND_CHANNEL, ipcChannel, MENU_COMMANDS, type MenuCommand } from '../common/channels';

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

contextBridge.exposeInMainWorld('parallax', api);
