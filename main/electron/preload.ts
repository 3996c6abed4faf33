/**
 * The sandboxed preload: builds the contract's Api over IPC and exposes it as `window.yandu`.
 *
 * Bundled to dist/electron/preload.cjs; in a sandboxed preload only `require('electron')` is
 * available, everything else (the contract, valibot) is bundled in. Exposed: the contract's
 * methods and `events.on`, nothing else; never ipcRenderer, never an IPC event object.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi, type Api, type EventName } from '../../shared/contract';
import { AppError, fromErrorInfo } from '../../shared/errors';
import { CHANNEL_PREFIX, EVENT_CHANNEL } from './ipc';

/** The three ipcRenderer functions the preload uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Turns a `{ ok, result | error }` reply into the result, or throws the rebuilt AppError. */
export function unwrapReply(reply: unknown): unknown {
  if (typeof reply === 'object' && reply !== null && 'ok' in reply) {
    if (reply.ok === true && 'result' in reply) return reply.result;
    if (reply.ok === false && 'error' in reply) throw fromErrorInfo(reply.error);
  }
  throw fromErrorInfo(undefined);
}

export function createPreloadApi(ipc: IpcRendererLike): Api {
  // contextBridge keeps only the message of an Error it passes to the page, so failures cross
  // as plain { code, message } objects; the renderer's bridge turns them back into AppErrors.
  const call = (name: string, arg: unknown): Promise<unknown> =>
    invoke(name, arg).catch((error: unknown) => {
      throw error instanceof AppError ? error.toJSON() : { code: 'E_TRANSPORT', message: '与后台服务通信失败。' };
    });
  const invoke = async (name: string, arg: unknown): Promise<unknown> => {
    let reply: unknown;
    try {
      reply = await ipc.invoke(CHANNEL_PREFIX + name, arg);
    } catch (error) {
      // No handler, or the main process is gone: Electron's own error, not a contract reply.
      throw new AppError('E_TRANSPORT', '与后台服务通信失败。', { cause: error });
    }
    return unwrapReply(reply);
  };

  // One ipcRenderer listener for the event channel, whatever the number of subscriptions
  // (several concurrent sync runs would pass Node's 10-listener warning), dispatching by name.
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const onEvent = (_event: unknown, eventName: unknown, payload: unknown): void => {
    const set = listeners.get(eventName as EventName);
    if (!set) return;
    for (const listener of [...set]) listener(payload);
  };
  let listening = false;

  const subscribe = (name: EventName, listener: (payload: unknown) => void): (() => void) => {
    // A fresh function per subscription, so one listener subscribed twice is two subscriptions.
    const entry = (payload: unknown): void => listener(payload);
    let set = listeners.get(name);
    if (!set) listeners.set(name, (set = new Set()));
    set.add(entry);
    if (!listening) {
      listening = true;
      ipc.on(EVENT_CHANNEL, onEvent as (event: unknown, ...args: unknown[]) => void);
    }
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      set.delete(entry);
      if (set.size === 0) listeners.delete(name);
      if (listeners.size === 0 && listening) {
        listening = false;
        ipc.removeListener(EVENT_CHANNEL, onEvent as (event: unknown, ...args: unknown[]) => void);
      }
    };
  };

  return buildApi(call, subscribe);
}

contextBridge.exposeInMainWorld('yandu', createPreloadApi(ipcRenderer as IpcRendererLike));
