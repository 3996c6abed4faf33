/** The host this renderer runs in: what it is and can do (app.info) and how it is reached. Views ask here, never the bridge. */
import type { AppInfo } from '../../shared/contract';
import { api, transport, type Transport } from '../bridge';

export const appHost = {
  info: (): Promise<AppInfo> => api.app.info({}),
  transport: transport as Transport,
};
