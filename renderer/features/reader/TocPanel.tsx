/** 目录: the article's h2/h3 blocks, shown for articles with at least three of them. */
import { messages } from '../../i18n/messages';

export interface TocEntry {
  /** Index of the heading among the article body's blocks. */
  block: number;
  level: 2 | 3;
  text: string;
}

export const TOC_MIN_HEADINGS = 3;

export function headingsOf(body: Element): TocEntry[] {
  const out: TocEntry[] = [];
  const blocks = body.children;
  for (let i = 0; i < blocks.length; i++) {
    const el = blocks[i]!;
    if (el.tagName === 'H2' || el.tagName === 'H3') {
      const text = (el.textContent ?? '').trim();
      if (text) out.push({ block: i, level: el.tagName === 'H2' ? 2 : 3, text });
    }
  }
  return out;
}

/** The entry whose section is at the top of the viewport (a heading just below the top counts). */
export function currentEntry(scroller: HTMLElement, body: Element, entries: readonly TocEntry[]): number {
  const top = scroller.getBoundingClientRect().top + 24;
  let found = -1;
  for (let i = 0; i < entries.length; i++) {
    const el = body.children[entries[i]!.block];
    if (!el || el.getBoundingClientRect().top > top) break;
    found = i;
  }
  return found;
}

export function TocPanel(props: { entries: readonly TocEntry[]; current: number; onGo(entry: TocEntry): void }) {
  return (
    <nav className="reader-side toc" aria-label={messages.reader.tocLabel} data-testid="toc">
      <h2>{messages.reader.toc}</h2>
      <ol>
        {props.entries.map((e, i) => (
          <li key={e.block} className={`toc-h${e.level}`}>
            {/* A 目录 entry, styled as a link line (not a ui Button). */}
            <button type="button" aria-current={i === props.current ? 'location' : undefined} onClick={() => props.onGo(e)}>
              {e.text}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
