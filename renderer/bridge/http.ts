/**
 * The HTTP transport to the browser host. The page was opened from the host's tokenised
 * address, so the session cookie rides along with every same-origin request.
 */
import type { EventName } from '../../shared/contract';
import { AppError, fromErrorInfo } from '../../shared/errors';

export async function httpCall(name: string, arg: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`./api/call/${encodeURIComponent(name)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(arg ?? {}),
    });
  } catch (cause) {
    throw new AppError('E_TRANSPORT', '无法连接研读后台服务，请确认它仍在运行。', { cause });
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new AppError('E_TRANSPORT', `后台服务返回了无效的响应（HTTP ${response.status}）。`);
  }
  const envelope = body as { ok?: unknown; result?: unknown; error?: unknown };
  if (envelope.ok === true) return envelope.result;
  throw fromErrorInfo(envelope.error);
}

type Listener = (payload: unknown) => void;
const listeners = new Map<EventName, Set<Listener>>();
let streamStarted = false;

/** One server-sent event stream per page, shared by all subscribers; reconnects with a delay. */
function startStream(): void {
  if (streamStarted) return;
  streamStarted = true;
  const connect = async (): Promise<void> => {
    try {
      const response = await fetch('./api/events', { credentials: 'same-origin' });
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let sep: number;
        while ((sep = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, sep);
          buffer = buffer.slice(sep + 2);
          const data = frame
            .split('\n')
            .filter((l) => l.startsWith('data: '))
            .map((l) => l.slice(6))
            .join('\n');
          if (!data) continue;
          const message = JSON.parse(data) as { name: EventName; payload: unknown };
          for (const listener of listeners.get(message.name) ?? []) listener(message.payload);
        }
      }
    } catch {
      // The host went away or restarted; try again shortly.
    }
    setTimeout(() => void connect(), 2000);
  };
  void connect();
}

export function httpSubscribe(name: EventName, listener: Listener): () => void {
  let set = listeners.get(name);
  if (!set) listeners.set(name, (set = new Set()));
  set.add(listener);
  startStream();
  return () => set.delete(listener);
}
