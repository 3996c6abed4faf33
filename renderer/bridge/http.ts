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

/**
 * Reads server-sent event frames: numbered events are delivered once each, in order (a frame
 * replayed after a reconnect is skipped); a bad frame or a throwing listener is reported and
 * the stream goes on for everyone else.
 */
export function createEventReader(deliver: (name: EventName, payload: unknown) => void, report: (problem: string) => void) {
  let buffer = '';
  let lastId = 0;
  let streamId: string | null = null;
  return {
    /** The last event id delivered: sent back when reconnecting, so nothing is lost. */
    get lastId(): number {
      return lastId;
    },
    push(chunk: string): void {
      buffer += chunk;
      let sep: number;
      while ((sep = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, sep);
        buffer = buffer.slice(sep + 2);
        let id: number | null = null;
        let event = 'message';
        const data: string[] = [];
        for (const line of frame.split('\n')) {
          if (line.startsWith('id: ')) id = Number(line.slice(4));
          else if (line.startsWith('event: ')) event = line.slice(7);
          else if (line.startsWith('data: ')) data.push(line.slice(6));
        }
        if (event === 'hello') {
          // Another numbering (the host restarted): ids start again.
          let stream: unknown;
          try {
            stream = (JSON.parse(data.join('')) as { stream?: unknown }).stream;
          } catch {
            stream = null;
          }
          if (typeof stream === 'string' && stream !== streamId) {
            streamId = stream;
            lastId = 0;
          }
          continue;
        }
        if (event === 'gap') {
          report(`事件流中断期间有事件未能补发：${data.join('')}`);
          continue;
        }
        if (data.length === 0) continue;
        if (id !== null && Number.isInteger(id)) {
          if (id <= lastId) continue; // already delivered before the reconnect
          lastId = id;
        }
        let message: { name: EventName; payload: unknown };
        try {
          message = JSON.parse(data.join('\n')) as { name: EventName; payload: unknown };
        } catch {
          report(`收到无法解析的事件（第 ${id ?? '?'} 个），已跳过。`);
          continue;
        }
        deliver(message.name, message.payload);
      }
    },
  };
}

/** Calls each listener of `name`; one that throws is reported and the others still run. */
export function deliverToListeners(name: EventName, payload: unknown, registry: Map<EventName, Set<Listener>> = listeners): void {
  for (const listener of [...(registry.get(name) ?? [])]) {
    try {
      listener(payload);
    } catch (error) {
      // One failing listener must not cost the others their events.
      console.error(`[events] listener for ${name} failed:`, error);
    }
  }
}

/** One server-sent event stream per page, shared by all subscribers; reconnects and resumes. */
function startStream(): void {
  if (streamStarted) return;
  streamStarted = true;
  const reader = createEventReader(deliverToListeners, (problem) => console.warn(`[events] ${problem}`));
  const connect = async (): Promise<void> => {
    try {
      const after = reader.lastId > 0 ? `?after=${reader.lastId}` : '';
      // The frame order is hello, then replayed events, then live ones.
      const response = await fetch(`./api/events${after}`, { credentials: 'same-origin' });
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      const stream = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await stream.read();
        if (done) break;
        reader.push(value);
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
