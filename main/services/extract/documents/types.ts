/** What every document reader returns: the extracted-article shape of HTML pages, plus pages. */
import { AppError, type ErrorCode } from '../../../../shared/errors';

export type DocumentFormat = 'pdf' | 'doc' | 'wps' | 'ofd' | 'docx';

/** Where a page starts: an offset into `text` (a page may start inside a paragraph). */
export interface PageMarker {
  page: number;
  offset: number;
}

export interface DocumentArticle {
  title: string;
  publishedAt: string | null;
  origin: string | null;
  author: string | null;
  editor: string | null;
  paragraphs: string[];
  text: string;
  html: string;
  images: string[];
  publishedTime: string | null;
  docNumber: string | null;
  confidence: number;
  /** The reader that produced it (the HTML extractor says template / readability). */
  method: DocumentFormat;
  format: DocumentFormat;
  /** Paged formats (PDF, OFD): one marker per page; null for flowing ones (.doc, .docx). */
  pages: PageMarker[] | null;
  pageCount: number | null;
  /** A PDF with no text layer: the text only says so. */
  scanned: boolean;
}

export interface DocumentLimits {
  /** Wall-clock budget for one file, ms. */
  deadlineMs: number;
  maxBytes: number;
  maxPages: number;
  /** All of a PDF's compressed streams together may inflate to this much (a bomb is refused). */
  maxInflateBytes: number;
}

export const DOCUMENT_LIMITS: DocumentLimits = {
  deadlineMs: 60_000,
  maxBytes: 50 * 1024 * 1024,
  maxPages: 2000,
  maxInflateBytes: 256 * 1024 * 1024,
};

export function documentError(code: ErrorCode, message: string, cause?: unknown): AppError {
  return new AppError(code, message, cause === undefined ? undefined : { cause });
}
