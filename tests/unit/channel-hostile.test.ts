/**
 * The channel client against hostile or broken WebDAV servers (real HTTP servers on 127.0.0.1):
 * a redirect to another origin or to a link-local address (refused, never asked), a 50 MB
 * listing and an XML entity bomb (refused, reading stops), a full disk (507: an error, not
 * retried), a server that dies mid-upload (retried; no half file is ever listed), wrong
 * credentials (one challenge answered, then an error), a 503 that passes (retried), two writers
 * making one folder at once (423), two MOVEs of one name that both answer 201, and a LOCK
 * answered 201 for a name that already holds a packet (the packet is never deleted).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { DavClient } from '../../main/services/channel/dav-client';

type Handler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void;
const servers: Server[] = [];

async function serve(handler: Handler, raw?: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; log: string[] }> {
  const log: string[] = [];
  const server = createServer((req, res) => {
    log.push(`${req.method} ${decodeURIComponent(req.url ?? '')}`);
    if (raw) return raw(req, res);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, res, Buffer.concat(chunks)));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, log };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => (s.closeAllConnections(), s.close(() => resolve())))));
});

const client = (url: string, extra: Partial<ConstructorParameters<typeof DavClient>[0]> = {}) =>
  new DavClient({ url, backoffMs: 5, retries: 2, lookup: null, ...extra });

/** A tiny in-memory WebDAV store, enough for the write path; `beforePut` may break a request. */
function memoryDav(files: Map<string, Buffer>, beforePut?: (req: IncomingMessage, res: ServerResponse) => boolean): Handler {
  return (req, res, body) => {
    const p = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (req.method === 'MKCOL') return void res.writeHead(files.has(p) ? 405 : 201).end(files.set(p, Buffer.alloc(0)) && '');
    if (req.method === 'PUT') {
      if (beforePut?.(req, res)) return;
      files.set(p, body);
      return void res.writeHead(201).end();
    }
    if (req.method === 'MOVE') {
      const dest = decodeURIComponent(new URL(String(req.headers.destination)).pathname);
      if (req.headers.overwrite === 'F' && files.has(dest)) return void res.writeHead(412).end();
      if (!files.has(p)) return void res.writeHead(404).end();
      files.set(dest, files.get(p)!);
      files.delete(p);
      return void res.writeHead(201).end();
    }
    if (req.method === 'HEAD') return void res.writeHead(files.has(p) ? 200 : 404, { etag: '"e1"' }).end();
    if (req.method === 'GET')
      return void (files.has(p) ? res.writeHead(200, { etag: '"e1"' }).end(files.get(p)) : res.writeHead(404).end());
    if (req.method === 'DELETE') return void res.writeHead(files.delete(p) ? 204 : 404).end();
    if (req.method === 'PROPFIND') {
      const inside = [...files.keys()].filter((k) => k.startsWith(p) && k !== p && !k.slice(p.length).replace(/\/$/, '').includes('/'));
      const xml = `<?xml version="1.0"?><D:multistatus xmlns:D="DAV:">${inside
        .map(
          (k) =>
            `<D:response><D:href>${encodeURI(k)}</D:href><D:propstat><D:prop><D:getcontentlength>${files.get(k)!.length}</D:getcontentlength><D:resourcetype>${k.endsWith('/') ? '<D:collection/>' : ''}</D:resourcetype></D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response>`,
        )
        .join('')}</D:multistatus>`;
      return void res.writeHead(207, { 'content-type': 'application/xml' }).end(xml);
    }
    res.writeHead(405).end();
  };
}

it('a redirect to another origin or to a link-local address is refused and never asked', async () => {
  const other = await serve((_req, res) => res.writeHead(207).end('<D:multistatus xmlns:D="DAV:"/>'));
  const site = await serve((req, res) => {
    const to = req.url?.includes('meta') ? 'http://169.254.169.254/latest/' : `${other.url}stolen/`;
    res.writeHead(302, { location: to }).end();
  });
  await expect(client(site.url).list('packets/')).rejects.toMatchObject({ code: 'E_FORBIDDEN' });
  await expect(client(`${site.url}meta/`).list('')).rejects.toMatchObject({
    code: 'E_FORBIDDEN',
    message: expect.stringContaining('链路本地'),
  });
  expect(other.log).toEqual([]);
});

it('a 50 MB listing is refused while it streams, and an entity bomb is refused before parsing', async () => {
  let sent = 0;
  const huge = await serve(
    () => undefined,
    (_req, res) => {
      res.writeHead(207, { 'content-type': 'application/xml' });
      res.write('<?xml version="1.0"?><D:multistatus xmlns:D="DAV:">');
      const chunk = Buffer.from(`<D:response><D:href>/x/${'a'.repeat(1000)}</D:href></D:response>`.repeat(64));
      const pump = () => {
        while (sent < 50 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end('</D:multistatus>');
      };
      res.on('close', () => undefined);
      pump();
    },
  );
  await expect(client(huge.url, { maxListingBytes: 1024 * 1024 }).list('')).rejects.toMatchObject({
    code: 'E_CHANNEL_SERVER',
    message: expect.stringContaining('过大'),
  });
  // Reading stopped near the cap: the server could not push the whole 50 MB.
  expect(sent).toBeLessThan(30 * 1024 * 1024);

  const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><D:multistatus xmlns:D="DAV:"><D:response><D:href>&lol3;</D:href></D:response></D:multistatus>`;
  const bombSite = await serve((_req, res) => res.writeHead(207).end(bomb));
  await expect(client(bombSite.url).list('')).rejects.toMatchObject({
    code: 'E_CHANNEL_SERVER',
    message: expect.stringContaining('DOCTYPE'),
  });
});

it('a full disk (507) is an error at once: one PUT, no retry, no MOVE, nothing listed', async () => {
  const files = new Map<string, Buffer>();
  const site = await serve(
    memoryDav(files, (_req, res) => {
      res.writeHead(507).end();
      return true;
    }),
  );
  await expect(client(site.url).putNew('packets/a-v1.yandu', new Uint8Array(1000))).rejects.toMatchObject({ code: 'E_DISK_FULL' });
  expect(site.log.filter((l) => l.startsWith('PUT'))).toHaveLength(1);
  expect(site.log.filter((l) => l.startsWith('MOVE'))).toHaveLength(0);
  expect(await client(site.url).list('packets/')).toEqual([]);
});

it('a server that dies mid-upload: the upload is retried, and no half file is ever listed', async () => {
  const files = new Map<string, Buffer>([['/packets/', Buffer.alloc(0)]]);
  let puts = 0;
  const site = await serve(
    memoryDav(files, (req) => {
      puts++;
      if (puts > 1) return false;
      // The first attempt: the connection drops with half the body received.
      req.socket.destroy();
      return true;
    }),
  );
  const dav = client(site.url);
  const bytes = new Uint8Array(200_000).fill(7);
  await dav.putNew('packets/a-v1.yandu', bytes);
  expect(puts).toBe(2);
  expect((await dav.list('packets/')).map((e) => e.name)).toEqual(['a-v1.yandu']);
  expect(files.get('/packets/a-v1.yandu')?.length).toBe(bytes.length);

  // A server that always dies: an error, and still nothing half-written is listed.
  const broken = new Map<string, Buffer>([['/packets/', Buffer.alloc(0)]]);
  const dead = await serve(
    memoryDav(broken, (req) => {
      req.socket.destroy();
      return true;
    }),
  );
  await expect(client(dead.url).putNew('packets/b-v1.yandu', bytes)).rejects.toMatchObject({ code: 'E_CHANNEL_OFFLINE' });
  expect(await client(dead.url).list('packets/')).toEqual([]);
});

it('wrong credentials: the challenge is answered once, then E_CHANNEL_AUTH; a 503 is retried and passes', async () => {
  const denied = await serve((_req, res) => res.writeHead(401, { 'www-authenticate': 'Basic realm="x"' }).end());
  await expect(client(denied.url, { user: 'u', password: 'bad' }).list('')).rejects.toMatchObject({ code: 'E_CHANNEL_AUTH' });
  expect(denied.log).toHaveLength(2);

  let calls = 0;
  const flaky = await serve((_req, res) => {
    calls++;
    if (calls === 1) return void res.writeHead(503).end();
    res.writeHead(207).end('<D:multistatus xmlns:D="DAV:"><D:response><D:href>/packets/p-v2.yandu</D:href></D:response></D:multistatus>');
  });
  expect((await client(flaky.url).list('packets/')).map((e) => e.name)).toEqual(['p-v2.yandu']);
  expect(calls).toBe(2);
});

it('answers Digest challenges (RFC 7616, qop=auth) the server can check', async () => {
  const { createHash } = await import('node:crypto');
  const md5 = (s: string) => createHash('md5').update(s).digest('hex');
  const site = await serve((req, res) => {
    // Node reads header bytes as latin1: back to the UTF-8 the client sent.
    const auth = Buffer.from(String(req.headers.authorization ?? ''), 'latin1').toString('utf8');
    if (!auth.startsWith('Digest '))
      return void res.writeHead(401, { 'www-authenticate': 'Digest realm="r", nonce="n0", qop="auth", opaque="o"' }).end();
    const p = Object.fromEntries([...auth.matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]+))/g)].map((m) => [m[1], m[2] ?? m[3]]));
    const expected = md5(`${md5('张三:r:密码')}:n0:${p.nc}:${p.cnonce}:auth:${md5(`PROPFIND:${p.uri}`)}`);
    if (p.response !== expected || p.opaque !== 'o')
      return void res.writeHead(401, { 'www-authenticate': 'Digest realm="r", nonce="n0", qop="auth"' }).end();
    res.writeHead(207).end('<D:multistatus xmlns:D="DAV:"/>');
  });
  expect(await client(site.url, { user: '张三', password: '密码' }).list('')).toEqual([]);
  await expect(client(site.url, { user: '张三', password: '错' }).list('')).rejects.toMatchObject({ code: 'E_CHANNEL_AUTH' });
});

it.each([
  [423, 'rclone'],
  [403, 'Apache'],
])('another writer making the same folder at once (%i from %s) is as good as made by us', async (answer) => {
  const files = new Map<string, Buffer>();
  const dav = memoryDav(files);
  let locked = 0;
  const site = await serve((req, res, body) => {
    const p = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (req.method === 'MKCOL' && p === '/returns/s1/' && !files.has(p)) {
      // The other writer's MKCOL holds the lock and makes the folder; ours is told 423.
      locked++;
      files.set(p, Buffer.alloc(0));
      return void res.writeHead(answer).end();
    }
    if (req.method === 'PROPFIND' && req.headers.depth === '0')
      return void res.writeHead(files.has(p) ? 207 : 404).end('<D:multistatus xmlns:D="DAV:"/>');
    dav(req, res, body);
  });
  await client(site.url).ensureFolder('returns/s1/');
  expect(locked).toBe(1);
  expect(files.has('/returns/s1/')).toBe(true);
});

it('a 403 on MKCOL with no folder made by anyone stays a refusal', async () => {
  const site = await serve((req, res) =>
    req.method === 'MKCOL' ? void res.writeHead(403).end() : void res.writeHead(404).end('<D:multistatus xmlns:D="DAV:"/>'),
  );
  await expect(client(site.url).ensureFolder('returns/s1/')).rejects.toMatchObject({ code: 'E_CHANNEL_AUTH' });
});

it('two MOVEs of one name that both answer 201 (a check-then-rename server): the writer whose bytes were replaced is told', async () => {
  const files = new Map<string, Buffer>([['/packets/', Buffer.alloc(0)]]);
  const dav = memoryDav(files);
  const theirs = Buffer.from('the other writer’s packet');
  const site = await serve((req, res, body) => {
    if (req.method === 'MOVE') {
      // Ours goes through; the other writer's rename lands right after and replaces it.
      const dest = decodeURIComponent(new URL(String(req.headers.destination)).pathname);
      const onDone = () => files.set(dest, theirs);
      res.on('finish', onDone);
    }
    dav(req, res, body);
  });
  await expect(client(site.url).putNew('packets/a-v1.yandu', new Uint8Array(1000).fill(1))).rejects.toMatchObject({
    code: 'E_CHANNEL_EXISTS',
  });
  expect(files.get('/packets/a-v1.yandu')).toEqual(theirs);
  // With nobody racing, the same write is checked and stands.
  const calm = await serve(memoryDav(new Map([['/packets/', Buffer.alloc(0)]])));
  await expect(client(calm.url).putNew('packets/a-v1.yandu', new Uint8Array(1000).fill(1))).resolves.toMatchObject({ etag: '"e1"' });
});

it('a server that answers 201 to a LOCK of a name already holding a packet: the write is refused and the packet never deleted', async () => {
  const packet = Buffer.from('the packet already published under this name');
  const files = new Map<string, Buffer>([
    ['/packets/', Buffer.alloc(0)],
    ['/packets/a-v1.yandu', packet],
  ]);
  const dav = memoryDav(files);
  const site = await serve((req, res, body) => {
    const p = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    // Not RFC 4918 (200 for an existing resource), as some servers answer: "created" whatever was there.
    if (req.method === 'LOCK') return void res.writeHead(201, { 'lock-token': '<opaquelocktoken:t1>' }).end();
    if (req.method === 'UNLOCK') return void res.writeHead(204).end();
    if (req.method === 'HEAD' && files.has(p)) return void res.writeHead(200, { 'content-length': String(files.get(p)!.length) }).end();
    dav(req, res, body);
  });
  await expect(client(site.url).putNew('packets/a-v1.yandu', new Uint8Array(1000).fill(1))).rejects.toMatchObject({
    code: 'E_CHANNEL_EXISTS',
  });
  expect(files.get('/packets/a-v1.yandu')).toEqual(packet);
  expect(site.log.filter((l) => l.startsWith('DELETE /packets/a-v1.yandu'))).toEqual([]);
});
