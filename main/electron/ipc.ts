/**
 * The contract over Electron IPC, main side: one `ipcMain.handle('yandu:<ns>.<method>')` per
 * contract method, each checking who is asking before anything runs (as VS Code does: channel
 * prefix, main frame only, our own origin only).
 *
 * Replies are plain `{ ok, result | error }` objects: Electron turns a thrown error into a
 * generic "Error invoking remote method" message and loses its code.
 *
 * Only types come from 'electron' here and nothing from Node, so this module runs in Node tests
 * as it is, and the sandboxed preload may import its constants.
 */
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { dispatch, methodNames, parseEvent, type EventName, type EventPayload, type Services } from '../../shared/contract';
import { AppError, toErrorInfo, type ErrorInfo } from '../../shared/errors';

/** Every contract channel is this prefix plus the method's wire name ("app.info"). */
export const CHANNEL_PREFIX = 'yandu:';
/** Host-to-renderer events travel on this one channel as `(name, payload)`. */
export const EVENT_CHANNEL = 'yandu:event';

export const APP_SCHEME = 'app';
export const APP_HOST = 'yandu';
/** The renderer's origin, the only one allowed to call the contract. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** Where the main window starts. */
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * `scheme://host` of a URL, computed by hand: Node's WHATWG URL reports "null" as the origin
 * of any non-special scheme such as app:, unlike Chromium once the scheme is registered
 * as standard. Returns null for unparsable URLs and URLs with credentials.
 */
export function appOriginOf(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.username !== '' || u.password !== '') return null;
  return `${u.protocol}//${u.host}`.toLowerCase();
}

/** Whether a URL belongs to the renderer's own origin, `app://yandu`. */
export function isAppUrl(url: string): boolean {
  return appOriginOf(url) === APP_ORIGIN;
}

export type IpcReply = { ok: true; result: unknown } | { ok: false; error: ErrorInfo };

/** The parts of a frame the sender check reads (Electron's WebFrameMain has them all). */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
  readonly processId?: number;
  readonly routingId?: number;
}

/** The parts of an invoke event the sender check reads. */
export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null;
  readonly sender: { readonly mainFrame?: FrameLike | null };
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<IpcReply>): void;
  removeHandler(channel: string): void;
}

function sameFrame(a: FrameLike, b: FrameLike): boolean {
  if (a === b) return true;
  return a.processId !== undefined && a.routingId !== undefined && a.processId === b.processId && a.routingId === b.routingId;
}

/**
 * Whether an IPC message comes from the top frame of one of our windows showing our own
 * `app://yandu` page: no sub-frame, no foreign or navigated-away page, no destroyed frame.
 */
export function isTrustedSender(event: InvokeEventLike): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null) return false;
  const main = event.sender.mainFrame;
  if (main && !sameFrame(frame, main)) return false;
  return isAppUrl(frame.url);
}

/** One invocation: sender check, then `dispatch` (validates argument and result), as a plain reply. */
/**
 * Told of refused and failed calls (main.ts writes them to the support log). Injected rather
 * than imported: the sandboxed preload imports this module's constants and may load nothing
 * but 'electron'.
 */
export type IpcFailureListener = (name: string, what: 'refused' | 'failed', error: unknown) => void;

export async function handleInvoke(
  services: Services,
  name: string,
  event: InvokeEventLike,
  arg: unknown,
  onFailure?: IpcFailureListener,
): Promise<IpcReply> {
  if (!isTrustedSender(event)) {
    console.warn(`[ipc] refused ${name} from ${String(event.senderFrame?.url ?? 'a destroyed frame').slice(0, 200)}`);
    onFailure?.(name, 'refused', null);
    return { ok: false, error: toErrorInfo(new AppError('E_FORBIDDEN', '拒绝来自未知页面的调用。')) };
  }
  try {
    const result = await dispatch(services, name, arg);
    return { ok: true, result };
  } catch (error) {
    const info = toErrorInfo(error);
    if (info.code === 'E_INTERNAL' || info.code === 'E_INVALID_RESULT') {
      console.error(`[ipc] ${name} failed:`, error);
      onFailure?.(name, 'failed', error);
    }
    return { ok: false, error: info };
  }
}

/** Registers one handler per contract method; returns a function that removes them all. */
export function registerIpc(ipcMain: IpcMainLike, services: Services, onFailure?: IpcFailureListener): () => void {
  const channels = methodNames.map((name) => {
    const channel = CHANNEL_PREFIX + name;
    ipcMain.handle(channel, (event, arg) => handleInvoke(services, name, event, arg, onFailure));
    return channel;
  });
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

/** Sends a validated event to one renderer as `(name, payload)` on `yandu:event`. */
export function sendEvent<E extends EventName>(
  webContents: Pick<WebContents, 'send' | 'isDestroyed'>,
  name: E,
  payload: EventPayload<E> | unknown,
): void {
  const valid = parseEvent(name, payload);
  if (webContents.isDestroyed()) return;
  webContents.send(EVENT_CHANNEL, name, valid);
}
