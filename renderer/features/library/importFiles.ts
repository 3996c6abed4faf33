/**
 * Importing .docx/.html/.txt files picked in a dialog or dropped on the window: main reads
 * them (mammoth, decoding, extraction), the library stores what came back in one transaction.
 */
import { api } from '../../bridge';
import { articles } from '../../db';
import { useLibrary } from '../../stores/library';
import { beforeBulkChange } from '../backup';

export const IMPORT_ACCEPT = '.docx,.pdf,.doc,.wps,.ofd,.html,.htm,.txt';
const MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface ImportReport {
  added: number;
  skipped: number;
  failures: { name: string; message: string }[];
}

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** One file per call keeps every request small and lets the others go on when one fails. */
export async function importLocalFiles(files: readonly File[], onProgress?: (done: number, total: number) => void): Promise<ImportReport> {
  const report: ImportReport = { added: 0, skipped: 0, failures: [] };
  let done = 0;
  // Several files at once are a bulk change: changes not yet in a backup are backed up first.
  if (files.length > 1) await beforeBulkChange();
  for (const file of files) {
    try {
      if (file.size > MAX_FILE_BYTES) throw new Error(`文件过大（超过 20 MB）：${file.name}`);
      const result = await api.files.importFiles({ files: [{ name: file.name, dataBase64: toBase64(await file.arrayBuffer()) }] });
      for (const f of result.failures) report.failures.push({ name: f.name, message: f.message });
      if (result.articles.length) {
        const added = await articles.addMany(result.articles);
        report.added += added;
        report.skipped += result.articles.length - added;
      }
    } catch (error) {
      report.failures.push({ name: file.name, message: error instanceof Error ? error.message : String(error) });
    }
    onProgress?.(++done, files.length);
  }
  if (report.added) await useLibrary.getState().load();
  return report;
}
