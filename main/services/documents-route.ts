/**
 * Serving the originals of imported documents (查看原件): `/documents/<sha256>.<ext>` in the
 * browser host, `app://yandu/documents/<sha256>.<ext>` in Electron. Only a content hash and a
 * known extension name a file, so no user-made name ever reaches the file system. Pure path
 * logic, tested without a server.
 */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { processAlive } from './process-alive';

/** extract/documents/index.ts DOCUMENTS_DIR (not imported: that module pulls in pdf.js). */
const DOCUMENTS_DIR = 'documents';

export const DOCUMENT_PREFIX = '/documents/';

const DOCUMENT_NAME = /^([0-9a-f]{64})\.(pdf|doc|wps|ofd|docx)$/;

const DOCUMENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  wps: 'application/vnd.ms-works',
  ofd: 'application/ofd',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The file a `/documents/…` path (raw, still percent-encoded) names in the data folder, or null. */
export function resolveDocumentPath(dataDir: string, urlPath: string): string | null {
  if (!urlPath.startsWith(DOCUMENT_PREFIX)) return null;
  // Matched before decoding: an encoded separator or dot can never make a hash.
  const m = DOCUMENT_NAME.exec(urlPath.slice(DOCUMENT_PREFIX.length));
  if (!m) return null;
  return path.join(path.resolve(dataDir), DOCUMENTS_DIR, `${m[1]}.${m[2]}`);
}

/** The stored `document.file` ("documents/<hash>.<ext>") as a path in the data folder, or null. */
export function documentFilePath(dataDir: string, file: string): string | null {
  return resolveDocumentPath(dataDir, `/${file}`);
}

export function documentContentType(file: string): string {
  return DOCUMENT_TYPES[path.extname(file).slice(1).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * A download's Content-Disposition with the user's file name (RFC 6266/5987): control
 * characters and separators dropped, an ASCII fallback for old clients.
 */
export function downloadDisposition(name: string, file: string): string {
  const ext = path.extname(file);
  let clean = [...name]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c !== '\u007f' && !'/\\"'.includes(c))
    .join('')
    .trim()
    .slice(0, 200);
  if (!clean || clean === '.' || clean === '..') clean = `document${ext}`;
  const ascii = clean.replace(/[^\x20-\x7e]/g, '_').replace(/[%;]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(clean)}`;
}

/** storeOriginal's temporary names: `<hash>.<ext>.<pid>.<ms>.tmp`. */
const ORIGINAL_TEMP = /^[0-9a-f]{64}\.(?:pdf|doc|wps|ofd|docx)\.(\d+)\.\d+\.tmp$/;

/**
 * At start: removes the temporary files of originals whose writer is gone (killed mid-import);
 * a live writer's (another 研读 on this data folder) are left alone. Returns the names removed.
 */
export async function sweepOriginalTemps(dataDir: string): Promise<string[]> {
  const dir = path.join(dataDir, DOCUMENTS_DIR);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = ORIGINAL_TEMP.exec(name);
    if (!m || Number(m[1]) === process.pid || processAlive(Number(m[1]))) continue;
    await rm(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}
