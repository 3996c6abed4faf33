/** The host this renderer runs in: what it is and can do (app.info) and how it is reached. Views ask here, never the bridge. */
import type { AppInfo } from '../../shared/contract';
import type { InterfaceScale } from '../../shared/domain/settings';
import { api, transport, type Transport } from '../bridge';
import { settings } from '../db';

export const appHost = {
  info: (): Promise<AppInfo> => api.app.info({}),
  transport: transport as Transport,
  /** Opens a link in the system browser (Electron) or a new tab (browser host). */
  openExternal: (url: string) => api.app.openExternal({ url }),
  /** The OS folder dialog, where the host has one (capabilities.folderDialog). */
  chooseFolder: () => api.files.chooseFolder({}),
};

/** 界面大小 (settings table key `interfaceScale`). */
export const interfaceScale = {
  load: (): Promise<InterfaceScale> => settings.read('interfaceScale'),
  save: (scale: InterfaceScale): Promise<void> => settings.write('interfaceScale', scale),
};
