/** Messages between the documents pool (pool.ts) and its thread (worker.ts). */
import type { ConvertedDocx } from './docx';
import type { ExtractDocumentOptions } from './index';
import type { DocumentArticle } from './types';

export type WorkerRequest =
  | { task: 'document'; id: number; bytes: Uint8Array; name: string; options: ExtractDocumentOptions }
  | { task: 'docx'; id: number; bytes: Uint8Array; name: string };

export type WorkerReply =
  | { kind: 'document'; id: number; article: DocumentArticle }
  | { kind: 'docx'; id: number; result: ConvertedDocx }
  | { kind: 'error'; id: number; code: string | null; message: string }
  | { kind: 'log'; text: string };
