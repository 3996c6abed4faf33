/** An opened highlight: recolour, underline, note, tags, copy, delete. */
import { useEffect, useId, useRef, useState } from 'react';
import type { HighlightRow } from '../../core/highlights';
import { messages } from '../../i18n/messages';
import { Button, Input } from '../../ui';
import { allHighlightTags, recolorHighlight, removeHighlight, restyleHighlight, setHighlightTags } from '../../core/highlights';
import { HIGHLIGHT_COLORS } from './colors';
import { typeAheadActive } from '../notes';

const t = messages.highlights;

interface Props {
  row: HighlightRow;
  position: { top: number; left: number };
  /** Changes when the popover should take the keyboard focus (opened by key). */
  focusToken: number;
  /** The highlight carries a note: the note button opens it (查看/编辑笔记) rather than adding one. */
  hasNote: boolean;
  onNote(): void;
  onCopy(): void;
  /** 原件第 N 页: for a passage of a PDF-derived article, the page of the original it lies on. */
  originalPage?: number | null;
  onOriginal?(): void;
  onClose(): void;
}

export function HighlightPopover({ row, position, focusToken, hasNote, onNote, onCopy, onClose, originalPage, onOriginal }: Props) {
  const [draft, setDraft] = useState('');
  const [known, setKnown] = useState<string[]>([]);
  const boxRef = useRef<HTMLDivElement>(null);
  const listId = useId();

  useEffect(() => {
    let cancelled = false;
    void allHighlightTags().then((tags) => {
      if (!cancelled) setKnown(tags);
    });
    return () => {
      cancelled = true;
    };
  }, [row.tags]);

  useEffect(() => {
    // Not while a note is opening: the keys typed meanwhile belong to it.
    if (focusToken > 0 && !typeAheadActive()) boxRef.current?.querySelector<HTMLButtonElement>('button[aria-pressed="true"]')?.focus();
  }, [focusToken, row.id]);

  const addTags = (raw: string) => {
    const more = raw
      .split(/[,，、]/)
      .map((s) => s.trim())
      .filter(Boolean);
    setDraft('');
    if (more.length) void setHighlightTags(row.id, [...row.tags, ...more]);
  };

  return (
    <div
      ref={boxRef}
      className="hl-popover"
      role="dialog"
      aria-label={t.popover}
      data-testid="hl-popover"
      style={{ top: position.top, left: position.left }}
    >
      <div className="hl-popover-row">
        {/* Colour swatches: round buttons painted in the highlight's colour (not ui Buttons). */}
        {HIGHLIGHT_COLORS.map((c) => (
          <button
            key={c.id}
            type="button"
            className={`hl-swatch hl-${c.id}`}
            aria-label={t.color(c.name)}
            aria-pressed={row.color === c.id}
            title={`${c.name}（${c.key}）`}
            onClick={() => void recolorHighlight(row.id, c.id)}
          />
        ))}
        <Button
          small
          className="hl-style"
          aria-pressed={row.style === 'underline'}
          title={`${t.underline}（u）`}
          onClick={() => void restyleHighlight(row.id, row.style === 'fill' ? 'underline' : 'fill')}
        >
          <u>{t.underline}</u>
        </Button>
      </div>
      <div className="hl-popover-row hl-tags">
        {row.tags.map((tag) => (
          <span key={tag} className="hl-tag">
            {tag}
            <Button
              small
              kind="quiet"
              aria-label={t.removeTag(tag)}
              onClick={() =>
                void setHighlightTags(
                  row.id,
                  row.tags.filter((x) => x !== tag),
                )
              }
            >
              ×
            </Button>
          </span>
        ))}
        <Input
          aria-label={t.tags}
          placeholder={t.tagPlaceholder}
          list={listId}
          value={draft}
          onChange={(e) => {
            const value = e.target.value;
            if (/[,，、]/.test(value)) addTags(value);
            else setDraft(value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              addTags(draft);
            } else if (e.key === 'Escape') {
              e.preventDefault();
              onClose();
            } else if (e.key === 'Backspace' && draft === '' && row.tags.length) {
              void setHighlightTags(row.id, row.tags.slice(0, -1));
            }
          }}
        />
        <datalist id={listId}>
          {known
            .filter((k) => !row.tags.includes(k))
            .map((k) => (
              <option key={k} value={k} />
            ))}
        </datalist>
      </div>
      <div className="hl-popover-row">
        <Button small title={`${hasNote ? t.viewNote : t.addNote}（n）`} onClick={onNote}>
          {hasNote ? t.viewNote : t.addNote}
        </Button>
        <Button small title={`${t.copyCitation}（c）`} onClick={onCopy}>
          {t.copyCitation}
        </Button>
        {originalPage && onOriginal ? (
          <Button small data-testid="hl-original-page" onClick={onOriginal}>
            {messages.documents.citedPage(originalPage)}
          </Button>
        ) : null}
        <Button small kind="danger" title={`${t.remove}（Delete）`} onClick={() => void removeHighlight(row.id)}>
          {t.remove}
        </Button>
        <Button small kind="quiet" aria-label={t.close} onClick={onClose}>
          ×
        </Button>
      </div>
    </div>
  );
}
