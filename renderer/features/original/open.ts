/** 查看原件 for a format the app does not draw, shared by the reader and the original view. */
import { documents } from '../../core/documents';
import type { LibraryRow } from '../../core/library';
import { messages } from '../../i18n/messages';
import { navigate } from '../../ui/router';
import { notify } from '../../ui';

const t = messages.documents;

/** 下载原件 / 用系统程序打开, with a notice that says which happened. */
export async function openOriginal(row: LibraryRow): Promise<void> {
  if (!row.document) return;
  try {
    const how = await documents.openOriginal(row.document);
    if (how === 'opened') notify(t.opened);
    else if (how === 'downloaded') notify(t.downloaded(row.document.name));
    else notify(t.none, { kind: 'error' });
  } catch (error) {
    notify(t.openFailed(error instanceof Error ? error.message : String(error)), { kind: 'error' });
  }
}

/** 查看原件 from the reader: PDFs open in the app (at `page`), other formats outside it. */
export function viewOriginal(row: LibraryRow, page?: number | null): void {
  if (row.document?.format === 'pdf') navigate(page ? { name: 'original', id: row.id, page } : { name: 'original', id: row.id });
  else void openOriginal(row);
}
