/**
 * The head and record of a 公文 set above or around its text: the red head, 文号, 签发人 and grade
 * lines, a securities notice's code line, an event's host lines, and the record table after the
 * text (dropDocumentHeadAndRecord).
 */
import type { Block, Stats } from './blocks';
import { isProse } from './predicates';
import type { Element } from '../parsed-dom';
import { NEGATIVE_CLASS_RE } from './patterns';
import { HEADING_WORD_RE } from './walk';

/** A 公文's red head: the issuing office's name and 文件 (简报, 会议纪要) as a line of its own. */
const RED_HEAD_RE = /^[\u4e00-\u9fff（）()、\s]{4,40}(?:文件|文件简报|会议纪要)$/;
/** A 发文字号 alone on its line (示人社发〔2024〕21号), maybe with the 签发人. */
const DOC_NUMBER_LINE_RE =
  /^[\u4e00-\u9fff]{0,16}\s*[〔[（(【]\s*(?:19|20)\d{2}\s*[〕\]）)】]\s*\d{1,5}\s*号(?:\s+签发人\s*[:：]\s*[\u4e00-\u9fff·\s]{2,12})?$/;
/**
 * A 公文's 版记 line: 抄送：…, the 报/送/发 lines of a 简报, `某办公室 2024年7月3日印发`.
 * 主送 is not one: the 主送 opens the text and is part of it.
 */
const RECORD_LINE_RE =
  /^(?:抄\s*送|抄\s*报|分\s*送|报|送|发)\s*[:：]\S|^[^。！？；]{2,40}?\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发$/;

/**
 * A letter's 签发人 line (答复件, 请示, 报告), maybe after the reply's grade (A类 签发人：某某),
 * several signers allowed: a 版头 line as surely as a red head.
 */
const SIGNER_LINE_RE =
  /^(?:[(（]?\s*[A-CＡ-Ｃ]\s*类\s*[)）]?\s*)?签\s*发\s*人\s*[:：]\s*[\u4e00-\u9fff·]{2,5}(?:[\s、，,]+[\u4e00-\u9fff·]{2,5}){0,3}$/;
/** A reply's grade alone on its line (A类, （B类）): a head line only beside a red head or 签发人. */
const GRADE_LINE_RE = /^[(（]?\s*[A-CＡ-Ｃ]\s*类\s*[)）]?$/;

/** 证券代码：600000 证券简称：某某 (股票代码, 债券代码): the head of a listed company's announcement. */
export const SECURITIES_HEAD_RE = /^(?:证券|股票|债券)代码\s*[:：]\s*[\dA-Z]{6}[^。！？]{0,80}(?:证券|股票|债券)简称\s*[:：]/;

/**
 * A label line of an event notice: its time, place, speaker or topic (报告时间：, 活动地点：, 主讲人：);
 * an exhibition's or a performance's text opens with the same lines (展览时间：, 演出地点：).
 */
const EVENT_LABEL_RE =
  /^(?:(?:报告|讲座|会议|活动|培训|论坛|沙龙|比赛|竞赛|展览|展出|展演|演出)?(?:时\s*间|地\s*点|题\s*目|主\s*题)|报告人|主讲人|主讲嘉宾|主持人)\s*[:：]/;

/**
 * 主办单位：… / 承办单位：… in an event notice, among its time and place lines, is a line of the
 * notice; the same label in a footer is the site's credit (boilerplate). Kept when it is one label
 * with a short value and an event label line stands within three lines of it.
 */
/**
 * A section heading between two paragraphs of the text (<h2>安装客户端</h2> in a guide) is the
 * text's, though its words alone read like chrome (an app bar's 安装客户端, 下载App): chrome is
 * not set as a heading with prose of the same box on both sides.
 */
export function sectionHeadingInText(b: Block, blocks: Block[]): boolean {
  if (!/^h[2-6]$/.test(b.el.localName) || b.len > 30) return false;
  const box = b.el.parentElement;
  const proseBeside = (step: 1 | -1): boolean => {
    for (let j = b.index + step, n = 0; j >= 0 && j < blocks.length && n < 2; j += step) {
      const x = blocks[j]!;
      if (x.len === 0) continue;
      n++;
      if (x.negative || x.boiler || x.el.parentElement !== box) return false;
      if (isProse(x)) return true;
    }
    return false;
  };
  return proseBeside(-1) && proseBeside(1);
}

export function eventHostLine(b: Block, blocks: Block[]): boolean {
  if (b.len > 60 || !/^(?:主办|承办|协办|联办)单位\s*[:：]\s*[^:：]{2,40}$/.test(b.text)) return false;
  for (let j = Math.max(0, b.index - 3); j <= Math.min(blocks.length - 1, b.index + 3); j++)
    if (j !== b.index && !blocks[j]!.negative && EVENT_LABEL_RE.test(blocks[j]!.text)) return true;
  return false;
}

/**
 * The 版头 (red head, 签发人, 发文字号, a reply's grade) above a 公文's or letter's text and the
 * 版记 (抄送, 印发) under it are the form's parts, not its text (the 主送, the 落款 unit and date and
 * （此件公开发布） are). Only at the two ends: the same words inside the text stay; a 文号 or grade
 * only in a head that has a red head or a 签发人 line.
 */
export function dropDocumentHeadAndRecord(body: Block[]): void {
  // The opening run of head lines (empty lines between them); a 文号 alone under the title stays (a policy page's).
  let run = 0;
  let head = false;
  for (; run < body.length - 1 && body[run]!.images.length === 0; run++) {
    const b = body[run]!;
    if (b.len === 0) continue;
    if (RED_HEAD_RE.test(b.text) || SIGNER_LINE_RE.test(b.text) || (/签\s*发\s*人\s*[:：]/.test(b.text) && DOC_NUMBER_LINE_RE.test(b.text)))
      head = true;
    else if (!DOC_NUMBER_LINE_RE.test(b.text) && !GRADE_LINE_RE.test(b.text)) break;
  }
  if (head) body.splice(0, run);
  else while (body.length > 1 && body[0]!.images.length === 0 && body[0]!.len === 0) body.shift();
  let end = body.length;
  while (end > 1 && (body[end - 1]!.len === 0 ? body[end - 1]!.images.length === 0 : RECORD_LINE_RE.test(body[end - 1]!.text))) end--;
  // Empty lines alone are no record: keep them as they were.
  if (body.slice(end).some((b) => b.len > 0)) body.length = end;
}

/**
 * A table named like a page's head (`*-head`, `header`) that holds no link: a document's own head
 * (a 会议纪要's 会议时间 / 出席 / 列席 rows), not the site's header, which links its logo and menu.
 */
export function documentHeadTable(el: Element, named: string, s: Stats): boolean {
  return el.localName === 'table' && s.linkChars === 0 && s.chars > 0 && !NEGATIVE_CLASS_RE.test(named.replace(HEADING_WORD_RE, ' '));
}

/**
 * An entry of a reference list in the GB/T 7714 form: its number, then the work with its type
 * mark (`[1]某某研究[J]. 刊名,2024,(06):45-53.`, `[M]`, `[D]`, `[EB/OL]`).
 */
const CITATION_ENTRY_RE =
  /^(?:\[\d{1,3}\]|［\d{1,3}］|\d{1,3}\s*[.．、])\s*\S[^\n]{0,200}?\[(?:[JMDCNRSPZAG]|EB\/OL|[JMNCD]\/OL|DB\/OL|CP\/DK)\]/;

export function citationEntry(text: string): boolean {
  return text.length <= 300 && CITATION_ENTRY_RE.test(text);
}

/** A form table has at least this many rows (a page's meta bar or footer table has fewer). */
const FORM_TABLE_MIN_ROWS = 5;

/**
 * A label cell of a form table inside the text (a 报表's `主办单位 | 某办公室`, `网站总访问量 | 3187204`):
 * a field of the form, though its words alone read like a footer credit or a visit counter. A
 * cell of nothing but a label (no colon but in a bracketed unit, no sentence), the next cell of its row holding the
 * value, in a table of at least FORM_TABLE_MIN_ROWS rows, after the text has begun. A footer's
 * `主办单位：…` line, or a counter in a short meta table above the text, stays chrome.
 */
export function formLabelCell(b: Block, textBegun: boolean): boolean {
  // A unit in brackets may carry its own colon: 访问总量（单位：次）.
  if (!textBegun || b.len > 30 || /[:：。！？；]/.test(b.text.replace(/[（(][^（）()]*[)）]/g, ''))) return false;
  const cell = b.el.localName === 'td' || b.el.localName === 'th' ? b.el : b.el.parentElement;
  if (!cell || (cell.localName !== 'td' && cell.localName !== 'th')) return false;
  const value = cell.nextElementSibling;
  if (!value || (value.localName !== 'td' && value.localName !== 'th') || !(value.textContent ?? '').trim()) return false;
  let table: Element | null = cell.parentElement;
  while (table && table.localName !== 'table') table = table.parentElement;
  return table !== null && table.querySelectorAll('tr').length >= FORM_TABLE_MIN_ROWS;
}
