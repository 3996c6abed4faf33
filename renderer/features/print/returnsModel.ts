/**
 * The 学习心得汇编's sections as print-ready text: one per member and session, with the heading
 * the 目录 lists, the byline (职务, date of return, 字 counts) and each item's heading, reading,
 * excerpt and paragraphs. Pure: the print view, the Word export and the 学习档案 share it (build
 * the Compilation with core/returns.ts compilationOf, then call compilationSections).
 */
import { nestBookTitles } from '../../../shared/print-text';
import { compilationEntries, returnDateText, type Compilation, type ReturnItem } from '../../core/returns';
import { messages } from '../../i18n/messages';

const t = messages.returns;

export interface CompilationItem {
  id: string;
  /** 心得体会：标题 */
  head: string;
  /** 篇目：《…》, or '' for a standalone item. */
  reading: string;
  /** 摘录：…, or ''. */
  quote: string;
  paragraphs: string[];
}

export interface CompilationSection {
  key: string;
  /** The section's title and its 目录 entry: 张三（办公室主任）. */
  heading: string;
  /** 职务：… then 交回 date. */
  byline: string;
  /** 笔记 N 字 · 心得 N 字 · 发言提纲 N 字. */
  counts: string;
  items: CompilationItem[];
}

function itemOf(item: ReturnItem): CompilationItem {
  return {
    id: item.id,
    head: `${t.kinds[item.kind]}${item.title.trim() ? `：${nestBookTitles(item.title.trim())}` : ''}`,
    reading: item.reading ? `${t.reading}：${nestBookTitles(`《${item.reading.title}》`)}` : '',
    quote: item.quote ? `${t.excerpt}：${nestBookTitles(item.quote)}` : '',
    paragraphs: nestBookTitles(item.text)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  };
}

export function compilationSections(c: Pick<Compilation, 'sessions'>): CompilationSection[] {
  return compilationEntries(c).map((e) => ({
    key: e.key,
    heading: nestBookTitles(e.heading),
    byline: [e.member.title ? `职务：${e.member.title}` : '', returnDateText(e.member)].filter(Boolean).join('　'),
    counts: t.counts(e.member.counts.note, e.member.counts.reflection, e.member.counts.outline),
    items: e.member.items.map(itemOf),
  }));
}
