/**
 * The 附件 of a synced page (each readable one opens as its own article; the others say why
 * not and keep their original link), and on an attachment article the way back to its page.
 */
import { useEffect, useState } from 'react';
import { documents, type AttachmentEntry } from '../../core/documents';
import type { LibraryRow } from '../../core/library';
import { messages } from '../../i18n/messages';
import { hrefFor } from '../../ui/router';

const t = messages.documents;

/** Re-read when the article row changes (a sync adds attachments after the page). */
export function AttachmentList({ row, onExternal }: { row: LibraryRow; onExternal: (url: string) => void }) {
  const [entries, setEntries] = useState<AttachmentEntry[] | null>(null);
  useEffect(() => {
    let cancelled = false;
    void documents.attachmentsOf(row).then(
      (list) => !cancelled && setEntries(list),
      (error: unknown) => console.error(error),
    );
    return () => {
      cancelled = true;
    };
  }, [row]);
  if (!entries || entries.length === 0) return null;
  return (
    <section className="reader-attachments" aria-labelledby="reader-attachments-title" data-testid="attachments">
      <h2 id="reader-attachments-title">{t.attachments}</h2>
      <ol aria-label={t.attachmentsLabel}>
        {entries.map((e, i) => (
          <li key={`${i}:${e.link.url}`} data-testid="attachment" data-state={e.state.kind}>
            {e.state.kind === 'article' ? (
              <a href={hrefFor({ name: 'reader', id: e.state.id })} data-testid="attachment-open">
                {e.link.name}
              </a>
            ) : (
              <>
                <span className="reader-attachment-name">{e.link.name}</span>
                <span className="reader-attachment-why" title={'message' in e.state ? (e.state.message ?? undefined) : undefined}>
                  {t.states[e.state.kind]}
                </span>
                <a
                  href={e.link.url}
                  rel="noopener noreferrer"
                  onClick={(ev) => {
                    ev.preventDefault();
                    onExternal(e.link.url);
                  }}
                >
                  {t.originalLink}
                </a>
              </>
            )}
            <small className="reader-attachment-ext">{e.link.ext.toUpperCase()}</small>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** 「附件，来自《…》」 linking back to the page the attachment came from. */
export function AttachmentOf({ row }: { row: LibraryRow }) {
  const [parent, setParent] = useState<LibraryRow | null | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    void documents.parentOf(row).then(
      (p) => !cancelled && setParent(p),
      (error: unknown) => console.error(error),
    );
    return () => {
      cancelled = true;
    };
  }, [row]);
  if (!row.document?.attachmentOf || parent === undefined) return null;
  if (!parent) return <span data-testid="attachment-of">{t.attachmentOfUnknown}</span>;
  return (
    <span data-testid="attachment-of">
      {t.attachmentOf}
      <a href={hrefFor({ name: 'reader', id: parent.id })}>《{parent.title}》</a>
    </span>
  );
}
