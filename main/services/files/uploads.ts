/**
 * Files the user picked or dropped in the window (.pdf, .doc, .wps, .ofd, .docx, .html, .txt):
 * they arrive as bytes, because a browser page has no paths. Each is imported on its own; one
 * bad file never stops the others, and nothing is stored here but its pictures
 * (content-addressed in media/) and, for document files that imported, the original
 * (content-addressed in documents/).
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as v from 'valibot';
import { ArticlePayloadSchema, type ArticlePayload } from '../../../shared/domain/article';
import { AppError } from '../../../shared/errors';
import { ImageStore } from '../sync/images';
import { documentInfo, importFile, isSupportedFile, SUPPORTED_EXTENSIONS } from './local-files';

export const LOCAL_SOURCE_ID = 'local';
export const LOCAL_SOURCE_NAME = '本地导入';

export interface UploadedFile {
  name: string;
  dataBase64: string;
}

export interface UploadResult {
  articles: ArticlePayload[];
  failures: { name: string; code: string; message: string }[];
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** A name from the page is only a label: never a path. */
function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // Control characters and characters Windows forbids in names become "_".
  return (
    [...base]
      .map((c) => (c.charCodeAt(0) < 32 || '<>:"|?*'.includes(c) ? '_' : c))
      .join('')
      .slice(0, 120) || 'file'
  );
}

export async function importUploads(files: readonly UploadedFile[], dataDir: string): Promise<UploadResult> {
  const result: UploadResult = { articles: [], failures: [] };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'yandu-upload-'));
  const images = new ImageStore({ dataDir });
  try {
    for (const file of files) {
      const name = safeName(file.name);
      let temp = '';
      try {
        if (!isSupportedFile(name))
          throw new AppError('E_INVALID_ARGUMENT', `不支持的文件类型：${name}（支持 ${SUPPORTED_EXTENSIONS.join('、')}）`);
        const bytes = Buffer.from(file.dataBase64, 'base64');
        if (bytes.length === 0) throw new AppError('E_INVALID_ARGUMENT', `文件是空的：${name}`);
        temp = path.join(dir, `${sha256(bytes).slice(0, 16)}${path.extname(name).toLowerCase()}`);
        await writeFile(temp, bytes);
        const imported = await importFile(temp, { images, dataDir, label: name });
        // The same bytes imported twice are the same article, wherever they came from.
        const urlKey = `upload:${sha256(bytes)}`;
        const title = imported.title.trim() || path.basename(name, path.extname(name));
        const payload = v.parse(ArticlePayloadSchema, {
          id: `a_${sha256(urlKey).slice(0, 20)}`,
          urlKey,
          url: null,
          title: title.slice(0, 500),
          publishedAt: imported.publishedAt,
          origin: imported.origin?.slice(0, 200) ?? null,
          author: imported.author?.slice(0, 200) ?? null,
          editor: imported.editor?.slice(0, 200) ?? null,
          column: null,
          sourceId: LOCAL_SOURCE_ID,
          sourceName: LOCAL_SOURCE_NAME,
          html: imported.html,
          text: imported.text,
          contentHash: sha256(imported.text),
          ...(imported.document ? { document: documentInfo(imported.document, name) } : {}),
        });
        result.articles.push(payload);
      } catch (error) {
        // Messages from importFile name the temporary copy; show the user's file name instead.
        const raw = error instanceof AppError ? error.message : `文件无法导入：${name}`;
        const message = temp ? raw.split(temp).join(name) : raw;
        result.failures.push({ name, code: error instanceof AppError ? error.code : 'E_INTERNAL', message });
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return result;
}
