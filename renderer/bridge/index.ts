/**
 * The renderer's one way to reach its host. The transport is chosen once, at start-up:
 * Electron's preload exposes `window.yandu`; otherwise we talk HTTP to the browser host.
 * Results and events are validated here too, so the renderer never trusts the wire.
 */
import { buildApi, parseEvent, parseResult, type Api, type EventName } from '../../shared/contract';
import { AppError, fromErrorInfo } from '../../shared/errors';
import { httpCall, httpSubscribe } from './http';

declare global {
  interface Window {
    yandu?: Api;
  }
}

function ipcCall(ipc: Api): (name: string, arg: unknown) => Promise<unknown> {
  return (name, arg) => {
    const [ns, m] = name.split('.') as [string, string];
    const fn = (ipc as unknown as Record<string, Record<string, (a: unknown) => Promise<unknown>>>)[ns]?.[m];
    if (!fn) return Promise.reject(new AppError('E_UNKNOWN_METHOD', `缺少调用：${name}`));
    // The preload rejects with plain { code, message } (contextBridge would strip an Error's code).
    return fn(arg).catch((error: unknown) => {
      throw fromErrorInfo(error);
    });
  };
}

export type Transport = 'ipc' | 'http';

function createApi(): { api: Api; transport: Transport } {
  const ipc = typeof window !== 'undefined' ? window.yandu : undefined;
  const call = ipc ? ipcCall(ipc) : httpCall;
  const subscribe = ipc ? (name: EventName, listener: (p: unknown) => void) => ipc.events.on(name, listener as never) : httpSubscribe;
  const api = buildApi(
    async (name, arg) => parseResult(name, await call(name, arg)),
    (name, listener) => subscribe(name, (payload) => listener(parseEvent(name, payload))),
  );
  return { api, transport: ipc ? 'ipc' : 'http' };
}

const created = createApi();
export const api: Api = created.api;
export const transport: Transport = created.transport;
