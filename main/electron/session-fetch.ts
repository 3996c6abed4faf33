/**
 * A `fetch` for the sync services that goes through Chromium's network stack in a dedicated
 * session (`session.fromPartition('sync')`): the system proxy and PAC (Windows, GNOME/KDE) and
 * the OS certificate store, so an intranet site behind a proxy or with an internal CA works in
 * the app as it does in the browser. Node's global fetch has neither, and the
 * enableNodeOptionsEnvironmentVariable fuse also turns off NODE_EXTRA_CA_CERTS.
 *
 * Why not `session.fetch` itself: with `redirect: 'manual'` Electron's fetch rejects with
 * "Redirect was cancelled" instead of returning the 3xx, and the HTTP client follows redirects
 * by hand so that every hop is checked (robots, limits, loops, the network policy). So this
 * builds the Response from `net.request` in the same session, returning a 3xx as it is.
 *
 * Only types come from 'electron'; the caller passes `net.request` and the session.
 */
import type { ClientRequest, ClientRequestConstructorOptions, Session } from 'electron';

/** The parts of Electron's ClientRequest used here. */
export type ClientRequestLike = Pick<ClientRequest, 'setHeader' | 'on' | 'end' | 'abort'>;

export type NetRequest = (options: ClientRequestConstructorOptions) => ClientRequestLike;

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * Header values from the HTTP client are byte strings (UTF-8 bytes as latin1 characters, which
 * is what Node's fetch writes). Electron encodes header strings as UTF-8 itself, so turn them
 * back into text, or non-ASCII (our User-Agent says 研读) would be encoded twice.
 */
export function headerText(value: string): string {
  // Nothing above ASCII, or characters a byte string cannot hold: already text.
  if (![...value].some((c) => c.charCodeAt(0) > 0x7f) || [...value].some((c) => c.charCodeAt(0) > 0xff)) return value;
  const bytes = Buffer.from(value, 'latin1');
  const text = bytes.toString('utf8');
  return Buffer.from(text, 'utf8').equals(bytes) ? text : value;
}

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      try {
        headers.append(name, v);
      } catch {
        // A header a WHATWG Headers object cannot hold is dropped, as a browser would.
      }
    }
  }
  return headers;
}

function makeResponse(body: ReadableStream<Uint8Array> | null, status: number, statusText: string, headers: Headers): Response {
  try {
    return new Response(body, { status, statusText, headers });
  } catch {
    return new Response(body, { status, headers });
  }
}

function urlOf(input: FetchInput): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  return input.url;
}

// Spelt from fetch itself: main typechecks without the DOM library, which names it RequestInfo.
type FetchInput = Parameters<typeof fetch>[0];

/** A fetch (GET/HEAD, no request body) over `net.request` in `session`. */
export function createSessionFetch(request: NetRequest, session: Session): typeof fetch {
  const sessionFetch = (input: FetchInput, init: RequestInit = {}): Promise<Response> => {
    const url = urlOf(input);
    const method = (init.method ?? 'GET').toUpperCase();
    const signal = init.signal ?? undefined;
    if (init.body != null) return Promise.reject(new TypeError('session fetch sends no request body'));
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<Response>((resolve, reject) => {
      let settled = false;
      let bodyController: ReadableStreamDefaultController<Uint8Array> | null = null;
      let bodyDone = false;
      const fail = (error: unknown) => {
        if (!settled) {
          settled = true;
          reject(error);
        } else if (bodyController && !bodyDone) {
          bodyDone = true;
          bodyController.error(error);
        }
      };
      let req: ClientRequestLike;
      try {
        req = request({
          url,
          method,
          session,
          redirect: init.redirect ?? 'follow',
          // The client sends its own validators; Chromium's cache must not answer for the server.
          cache: 'no-store',
          useSessionCookies: false,
        });
        for (const [name, value] of new Headers(init.headers)) req.setHeader(name, headerText(value));
      } catch (error) {
        reject(error);
        return;
      }
      const onAbort = () => {
        req.abort();
        fail(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const finish = () => signal?.removeEventListener('abort', onAbort);

      req.on('redirect', (statusCode, _method, redirectUrl, responseHeaders) => {
        // Only reached with redirect: 'manual'; hand the 3xx to the caller, which decides.
        const headers = toHeaders(responseHeaders);
        headers.set('location', redirectUrl);
        settled = true;
        finish();
        req.abort();
        resolve(makeResponse(null, statusCode, '', headers));
      });
      req.on('response', (res) => {
        if (settled) return;
        settled = true;
        const headers = toHeaders(res.headers);
        if (NULL_BODY_STATUSES.has(res.statusCode) || method === 'HEAD') {
          finish();
          req.abort();
          resolve(makeResponse(null, res.statusCode, res.statusMessage, headers));
          return;
        }
        // At run time IncomingMessage is a Node Readable; electron.d.ts only declares its events.
        const flow = res as unknown as { pause(): void; resume(): void };
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            bodyController = controller;
            res.on('data', (chunk) => {
              if (bodyDone) return;
              controller.enqueue(new Uint8Array(chunk));
              if ((controller.desiredSize ?? 1) <= 0) flow.pause();
            });
            res.on('end', () => {
              finish();
              if (bodyDone) return;
              bodyDone = true;
              controller.close();
            });
            res.on('error', (error) => {
              finish();
              fail(error);
            });
          },
          pull() {
            flow.resume();
          },
          cancel() {
            bodyDone = true;
            finish();
            req.abort();
          },
        });
        resolve(makeResponse(body, res.statusCode, res.statusMessage, headers));
      });
      req.on('error', (error) => {
        finish();
        fail(error);
      });
      req.end();
    });
  };
  return sessionFetch as typeof fetch;
}

/** Whether the sync session may send a request: plain http(s) only, never with credentials in the URL. */
export function isSyncRequestAllowed(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return (u.protocol === 'http:' || u.protocol === 'https:') && u.username === '' && u.password === '';
}

type SyncSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'>;

/**
 * The sync session shows no page, so it grants nothing, and it sends only http(s): a
 * redirect Chromium follows by itself (robots.txt) cannot reach file: or the app's scheme.
 */
export function guardSyncSession(ses: SyncSession): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isSyncRequestAllowed(details.url);
    if (!allowed) console.warn(`[sync] blocked ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
}
