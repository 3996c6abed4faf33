/** Text patterns of Chinese CMS article pages: metadata labels and boilerplate lines (dates: shared/dates.ts). */
import { findDate, foldDigits, isDateOnly, isoOf } from '../../../shared/dates';
import type { Element } from '../parsed-dom';

/** CJK ideographs and full-width punctuation (used to drop spaces between them). */
export const CJK =
  '\\u2e80-\\u2fff\\u3000-\\u303f\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u201c\\u201d\\u2018\\u2019\\u2014\\u2026\\u00b7';

const CJK_SPACE_RE = new RegExp(`([${CJK}]) +(?=[${CJK}])`, 'g');
/** What CJK_SPACE_RE needs to match at all: a CJK character before a space (a cheap test, no capture). */
const CJK_BEFORE_SPACE_RE = new RegExp(`[${CJK}] `);

/** Whitespace as the collapses see it: JS `\s` (U+3000, U+00A0, U+2002, U+2003, U+2009, U+FEFF among it) and U+200B–U+200D. */
const SPACE_RE = /[\s\u200b-\u200d]/;
const SPACE_RUN_RE = /[\s\u200b-\u200d]+/g;
/** A line of spaces only: most lines of a page are the indentation between its tags. */
const ONLY_SPACE_RE = /^[\s\u200b-\u200d]*$/;
/**
 * Whitespace the collapse would change, but for a space at either end (tested apart: anchored
 * alternatives are tried at every position): any space but U+0020, or two in a row. A line
 * without it (most Latin lines: words and single spaces) comes out of the collapse and the trim
 * as it went in. The class is `\s` and U+200B–U+200D less U+0020, spelled out.
 */
const UNNORMAL_SPACE_RE = /[\t-\r\u00a0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}/;

/** Whether the collapse and trim would leave `s` as it is (`s` holds a space: SPACE_RE). */
function collapsed(s: string): boolean {
  return s.charCodeAt(0) !== 0x20 && s.charCodeAt(s.length - 1) !== 0x20 && !UNNORMAL_SPACE_RE.test(s);
}

/** Collapses whitespace to single spaces, keeping it between CJK characters (metadata lines). */
export function collapseSpaces(s: string): string {
  if (!SPACE_RE.test(s) || collapsed(s)) return s;
  return s.replace(SPACE_RUN_RE, ' ').trim();
}

/**
 * normaliseText(s) from `spaced`, collapseSpaces(s) already made: the same string, without a
 * second collapse of the line (the walker needs both forms of every line). With a U+3000 in `s`
 * the two collapses differ (normaliseText keeps a typed full-width space), so it starts over.
 */
export function normaliseCollapsed(s: string, spaced: string): string {
  if (s.includes('\u3000')) return normaliseText(s);
  return CJK_BEFORE_SPACE_RE.test(spaced) ? spaced.replace(CJK_SPACE_RE, '$1') : spaced;
}

/** Whether normaliseText(s) would be empty: `s` holds nothing but whitespace. */
export const INK_RE = /[^\s\u200b-\u200d]/;

/** Collapses whitespace (incl. full-width spaces and &nbsp;) and removes it between CJK characters. */
export function normaliseText(s: string): string {
  // Most lines of a page need nothing done (no space at all, or none left between CJK): skip the passes.
  if (!SPACE_RE.test(s)) return s;
  if (ONLY_SPACE_RE.test(s)) return '';
  // A full-width space typed between words is the writer's (北京3月5日电 U+3000 正文, a byline's names):
  // kept as one, where a source line break or indent between CJK characters is dropped. Without
  // a U+3000 in the line every run is one space: a plain replacement, no callback per run.
  const t = collapsed(s)
    ? s
    : s.includes('\u3000')
      ? s.replace(SPACE_RUN_RE, (run) => (run.includes('\u3000') && !run.includes('\n') ? '\u3000' : ' ')).trim()
      : s.replace(SPACE_RUN_RE, ' ').trim();
  return CJK_BEFORE_SPACE_RE.test(t) ? t.replace(CJK_SPACE_RE, '$1') : t;
}

/** Characters that print nothing at a value's edges: spaces, zero-width space/joiners, direction marks, word joiner, BOM, soft hyphen. */
const EDGE_INVISIBLE_RE = /^[\s\u00ad\u200b-\u200f\u2060\ufeff]+|[\s\u00ad\u200b-\u200f\u2060\ufeff]+$/g;
const INVISIBLE_AT_EDGE_RE = /^[\s\u00ad\u200b-\u200f\u2060\ufeff]|[\s\u00ad\u200b-\u200f\u2060\ufeff]$/;

/**
 * A metadata value without invisible characters at either end: an editor's line-end marker (a
 * zero-width span after each line) is no part of a title or a name a reader copies.
 */
export function trimInvisible(s: string): string {
  return INVISIBLE_AT_EDGE_RE.test(s) ? s.replace(EDGE_INVISIBLE_RE, '') : s;
}

/** Sentence punctuation, the best single signal of article prose. */
export const PUNCT_RE = /[，。；！？、,;!?]/g;
export function countPunct(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // ， 。 ； ！ ？ 、 , ; ! ?
    if (
      c === 0xff0c ||
      c === 0x3002 ||
      c === 0xff1b ||
      c === 0xff01 ||
      c === 0xff1f ||
      c === 0x3001 ||
      c === 44 ||
      c === 59 ||
      c === 33 ||
      c === 63
    )
      n++;
  }
  return n;
}

/** Characters that count (no whitespace). */
export function countChars(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && c !== 0x3000 && c !== 0xa0) n++;
  }
  return n;
}

/**
 * A label that says the date on the line is the publication date; a blog engine's stamp opening
 * its line (`posted @ 2024-08-15 21:03 作者 阅读(…)`, `Posted on …`) too.
 */
export const DATE_LABEL_RE =
  /(?:发布|信息|发表|更新|录入|上传|添加|成文|出版|发文|印发|公开)?(?:时间|日期)\s*[:：]|发[布表]于|publish|^\s*posted\s*(?:@|on\b)/i;

const PUBLISHED_LABEL = '(?:发布|发表|信息|公开)(?:时间|日期)\\s*[:：]|发[布表]于';
const PUBLISHED_LABEL_RE = new RegExp(PUBLISHED_LABEL);
const PUBLISHED_LABEL_DATE_RE = new RegExp(`(?:${PUBLISHED_LABEL})\\s*(?:19|20)\\d{2}\\s*[-/.年]`);

/**
 * A publication label right before a date, the label in the line's own words and the date maybe a
 * link (`发表于 <a href="?m=20240403">2024年4月3日</a>`): `text` is the line, `plain` its words
 * outside links.
 */
export function publishedLabelDate(text: string, plain: string): boolean {
  return PUBLISHED_LABEL_DATE_RE.test(text) && PUBLISHED_LABEL_RE.test(plain);
}

/**
 * A line that says when the page was last changed (本文最后更新于2024年4月20日，已超过…, 最近修改时间：…),
 * not when it was published: a date the page gives only when it has no other.
 */
const UPDATE_NOTICE_RE =
  /^[\s[【(（]*(?:本文|本页|本篇|本帖|文章|页面|内容)?(?:最后|最近|最新)?(?:更新|修改|编辑)(?:于|时间|日期)\s*[:：]?\s*(?:\d{2}|\d{4})\s*[-/.年]/;
/**
 * The stamp with the verb after the date: (已)于 2024-08-20 22:05 修改, 最后于 … 更新; a forum
 * post's names who edited it last (本帖最后由某某于 2024-7-10 09:03 编辑).
 */
const UPDATED_ON_RE =
  /^[\s[【(（]*(?:本文|本页|本篇|本帖|文章|帖子)?(?:已|最后|最近)?(?:由\s*[^\s，。,:：]{1,20}?\s*)?于\s*(?:19|20)\d{2}\s*[-/.年][^。！？，,]{3,30}?(?:修改|更新|编辑)(?:过)?[\s\])）】]*$/;
export function isUpdateNotice(text: string): boolean {
  return text.length <= 120 && (UPDATE_NOTICE_RE.test(text) || UPDATED_ON_RE.test(text));
}

/**
 * A last-change label anywhere in a line, the date right after it: 此页面最后编辑于2024年9月12日,
 * 该文件修订时间：2024-08-30 10:21:44, 最近更新：…. Not a site's or a system's (本站最后更新, 数据更新时间),
 * nor a bare 编辑于 / 更新于 (a comment's or a list entry's stamp).
 */
const LAST_CHANGE_RE =
  /(?:(?:最后|最近)(?:一次)?(?:更新|修改|编辑|修订)(?:于|时间|日期)?|(?:更新|修改|编辑|修订)(?:时间|日期))\s*[:：]?\s*(?=(?:19|20)\d{2}\s*[-/.年])/;
const NOT_THE_PAGE_RE = /(?:网站|本站|站点|全站|系统|数据|栏目|页脚|首页)\s*$/;
export function lastChangeDate(text: string): string | null {
  const m = LAST_CHANGE_RE.exec(text);
  if (!m || NOT_THE_PAGE_RE.test(text.slice(Math.max(0, m.index - 4), m.index))) return null;
  return text.slice(m.index + m[0].length, m.index + m[0].length + 40);
}

/** A label of the day a text first ran: 首次发布, 首发于 / 首发时间, 最初发表. */
const FIRST_PUBLISHED_RE = /首次发[布表]|首发(?:于|时间|日期)|(?:初次|最初|最早)发[布表]/;
const YEAR_START_RE_G = /(?:19|20)\d{2}\s*[-/.年]/g;

/**
 * The date a line gives as the text's first publication (`于 2024-08-18 09:12 首次发布`,
 * `首发于 2024年8月18日`), from the text next to the label: the date right after it, else the last
 * one before it. Null when the line has no such label.
 */
export function firstPublishedDate(text: string): string | null {
  const label = FIRST_PUBLISHED_RE.exec(text);
  if (!label) return null;
  const after = text.slice(label.index + label[0].length, label.index + label[0].length + 40);
  if (/^\s*[:：]?\s*(?:19|20)\d{2}/.test(after) && findDate(after)) return after;
  const before = text.slice(Math.max(0, label.index - 40), label.index);
  const starts = [...before.matchAll(YEAR_START_RE_G)];
  const last = starts.at(-1);
  return last && findDate(before.slice(last.index)) ? before.slice(last.index) : null;
}

/**
 * A date with a two-digit year right after a date label (DedeCMS's `y-m-d H:i`: 时间:24-04-08 09:05),
 * as YYYY-MM-DD in this century. Only after the label: elsewhere 24-04-08 may be anything.
 */
const SHORT_YEAR_DATE_RE = /(?:时\s*间|日\s*期|发布于|发表于)\s*[:：]?\s*(\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d.:/-])/;
export function findShortYearDate(text: string): string | null {
  const m = SHORT_YEAR_DATE_RE.exec(text);
  return m ? isoOf(2000 + Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/**
 * A Taiwan page dates in the 民國 (ROC) calendar, a three-digit year counted from 1912
 * (發布日期：113-10-08, 日期：113年10月8日, 民國113年10月8日): year + 1911. Only right after a date
 * label or after 民國 (elsewhere 113-10-08 may be anything), and only a year 100–189 (2011–2100).
 */
const ROC_YEAR_DATE_RE =
  /(?:(?:[时時]\s*[间間]|日\s*期|發布於|发布于)\s*[:：]?\s*(?:民[國国]\s*)?|民[國国]\s*)(1[0-8]\d)\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?![\d.:/-])/;
export function findRocYearDate(text: string): string | null {
  const m = ROC_YEAR_DATE_RE.exec(foldDigits(text));
  return m ? isoOf(1911 + Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** The event a notice announces (活动时间：… 活动地点：…, 时间：… 地址：…): text, not the page's metadata. */
const EVENT_PLACE_RE = /(?:地\s*点|地\s*址|场\s*地)\s*[:：]/;
/**
 * A date label named for what a notice announces (报告时间：, 公示时间：, 报名日期：): the event's
 * own time, a line of the notice, not when the page was published (a tender's 开标时间 or
 * 投标截止时间 too). A numbered item of the notice
 * opens the same way after its number (（一）报名时间：…, 2. 考试时间：…).
 */
const EVENT_DATE_LABEL_RE =
  /^\s*(?:(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,2}\s*[、.．](?!\d)))?\s*(?:报告|讲座|会议|活动|培训|考试|笔试|面试|比赛|竞赛|报名|公示|征求意见|征集|受理|开放|演出|展演|展览|展出|答辩|开幕|开课|集合|截止|开标|评标|(?:投标|递交|响应)(?:文件)?(?:截止)?|签约|交货)\s*(?:时\s*间|日\s*期)\s*[:：]/;

/**
 * A 时间/日期 label, bare or named for what happens then (挂牌时间, 缴费日期), whose value runs from
 * one day to another (至, 到, a dash): a notice's period. A page is published on one day, so only a
 * label of the page's own record (发布, 更新, 录入…) is left out.
 */
const DATE_SPAN_LINE_RE =
  /^\s*(?![\u4e00-\u9fff]{0,2}(?:发布|发表|发文|成文|印发|公开|信息|更新|修改|最后|最近|录入|上传|添加|生成|创建)(?:时|日))[\u4e00-\u9fff]{0,4}?(?:时\s*间|日\s*期)\s*[:：]\s*(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?[^，。；,;]{0,16}?(?:至|到|—|–|－|~|～)\s*(?:(?:19|20)\d{2}\s*[-/.年]\s*)?\d{1,2}\s*[-/.月]\s*\d{1,2}/;

/** A numbered item's mark at a line's start: （一）, 一、, 2． (not a decimal: 2.5). */
const ITEM_NUMBER =
  '(?:[（(]\\s*[一二三四五六七八九十\\d]{1,3}\\s*[)）]|[一二三四五六七八九十]{1,3}\\s*[、.．]|\\d{1,2}\\s*[、.．](?!\\d))';

/**
 * One date label (bare or named for an event, not the page's own 发布/更新 record) and a date,
 * the line closed by a full stop: one sentence or several (统计截止日期：2024年3月31日。支部现有…。),
 * maybe as a numbered item of the notice (一、资格复审时间：…。). A page's stamp is no sentence.
 */
const EVENT_SENTENCE_RE = new RegExp(
  `^\\s*(?:${ITEM_NUMBER}\\s*)?(?![\\u4e00-\\u9fff]{0,2}(?:发布|发表|发文|成文|印发|公开|信息|更新|修改|最后|最近|录入|上传|添加|生成|创建)(?:时|日))[\\u4e00-\\u9fff]{0,4}?(?:时\\s*间|日\\s*期)\\s*[:：]\\s*(?:19|20)\\d{2}\\s*[-/.年](?:[^。]*。)+$`,
);

// ---- metadata labels ------------------------------------------------------------------------

/**
 * Labels that may end a value (the next field on a metadata line), and a date, except a journal's
 * issue after its name (《求是》2024年第8期, 《示例论丛》2025/08: a reader cites it with the 期号).
 * 发布 only as a label's start (发布时间, 发布于, 发布：): an account's name may end in 发布 (某某发布).
 */
const STOP =
  '(?=\\s*(?:(?:文章|稿件|信息|新闻|消息)?来\\s*[源自稿]|稿\\s*源|发布机构|供\\s*稿|作\\s*者|摄\\s*影|通讯员|记\\s*者|访问量|访问|浏览|点击|阅读|人气|热度|发布(?=\\s*[:：]|时|日|于|者|人|机构|单位|部门|组织|机关|法院|检察院)|发表|更新|时\\s*间|日\\s*期|责任编辑|责编|编\\s*辑|审\\s*核|校\\s*对|录\\s*入|字\\s*号|字\\s*体|评论|收藏|打印|分享|关闭|举报|纠错|【|\\[|［|〖|\\||｜|丨|(?!(?<=》\\s*)(?:19|20)\\d{2}\\s*[-/.]\\d{1,2}(?![-/.\\d]))(?:19|20)\\d{2}\\s*(?:[-/.]|年(?!\\s*第)))|(?<![A-Za-z])\\s|\\s(?![A-Za-z])|$)';

function labelRe(label: string): RegExp {
  return new RegExp(`(?:${label})\\s*[:：]\\s*(.*?)${STOP}`);
}

/**
 * A 来源 qualified by what it is the source of (图片来源, 数据来源, 视频来源, 辟谣来源, 线索来源)
 * credits a picture, a figure or the body that refuted a rumour, not the page: it is no 来源
 * label, and a 来源 later on the same line is read instead.
 */
const QUALIFIED_SOURCE = '(?:图片|照片|题图|配图|数据|视频|音频|素材|辟谣|线索)\\s*';
/**
 * A label naming the kind of body that published the page (发布机构, 发布单位, a court's 发布法院):
 * who the page comes from, a 来源.
 */
const PUBLISHING_BODY_LABEL = '发布(?:机构|单位|部门|组织|机关|法院|检察院)';
const ORIGIN_LABEL = `(?<!${QUALIFIED_SOURCE})(?:文章|稿件|信息|新闻|消息|内容)?来\\s*源(?:于|单位)?|来\\s*自|稿\\s*源|转\\s*自|转载自|${PUBLISHING_BODY_LABEL}|发文机关|解读(?:机关|机构|单位|部门)|供\\s*稿(?:单位)?|来\\s*稿(?:单位)?|出\\s*处|刊\\s*名`;
const ORIGIN_RE = labelRe(ORIGIN_LABEL);
/** The label alone in brackets, the value after them (【来源】县融媒体中心【作者】…): no colon. */
const BRACKETED_ORIGIN_RE = new RegExp(`[【［〖[]\\s*(?:${ORIGIN_LABEL})\\s*[】］〗\\]]\\s*[:：]?\\s*(.*?)${STOP}`);
const AUTHOR_RE = labelRe('作\\s*者|撰\\s*稿|文\\s*字|(?<!通讯员\\s*|实习)记\\s*者');
const EDITOR_RE = labelRe('责任编辑|责\\s*编');
const PLAIN_EDITOR_RE = labelRe('(?<!责任)编\\s*辑');

const CLOSERS: Record<string, string> = {
  ')': '(',
  '）': '（',
  ']': '[',
  '］': '［',
  '】': '【',
  '〗': '〖',
  '」': '「',
  '』': '『',
  '〕': '〔',
  '》': '《',
};
const OPENERS = new Set(Object.values(CLOSERS));
/** A bracketed next field run together with the value: …宣传部［录入时间：…, …新华社【审核：…】. */
const NEXT_FIELD_RE = /[［[【〖「〔]\s*[\u4e00-\u9fff]{1,8}\s*[:：]/;

/**
 * A value ends at its own closing bracket (［稿件来源：县委宣传部］［录入时间：…］) and at the next
 * bracketed 「label：」 field; brackets the value opens itself stay (党群工作部（企业文化部）, 《求是》).
 */
function cutAtFieldEnd(v: string): string {
  const open: string[] = [];
  for (let i = 0; i < v.length; i++) {
    const c = v[i]!;
    if (OPENERS.has(c)) open.push(c);
    else if (CLOSERS[c] !== undefined) {
      if (open.length === 0) return v.slice(0, i);
      if (open.at(-1) === CLOSERS[c]) open.pop();
    }
  }
  const next = NEXT_FIELD_RE.exec(v);
  return next && next.index > 0 ? v.slice(0, next.index) : v;
}

function cleanValue(v: string | undefined): string | null {
  if (!v) return null;
  let s = cutAtFieldEnd(v.replace(/^[\s:：]+/, '')).replace(/[\s,，;；。、|｜丨]+$/, '');
  // Drop a wrapping bracket left over from forms like （来源：人民日报）.
  s = s.replace(/[)）\]】〗>》]+$/, (tail) => {
    const opens = (s.match(/[(（[【〖<《]/g) ?? []).length;
    return opens > 0 ? tail : '';
  });
  s = s.trim();
  if (!s || s.length > 60 || /^(?:无|暂无|未知|null|undefined)$/i.test(s)) return null;
  return s;
}

/**
 * A Hong Kong, Macao or Taiwan page writes its metadata labels in Traditional script (來源：,
 * 發佈日期：, 編輯：, 瀏覽：): the same labels. The characters those labels are written with, each
 * mapped to its Simplified form one for one, so a match in the folded line sits at the same place
 * in the line as written and the value is read from the line as written (本會秘書處 stays so).
 */
const TRADITIONAL_LABEL_CHARS: Record<string, string> = {
  來: '来',
  發: '发',
  佈: '布',
  編: '编',
  輯: '辑',
  時: '时',
  間: '间',
  責: '责',
  瀏: '浏',
  覽: '览',
  點: '点',
  擊: '击',
  閱: '阅',
  讀: '读',
  轉: '转',
  載: '载',
  處: '处',
  單: '单',
  機: '机',
  構: '构',
  門: '门',
  審: '审',
  對: '对',
  錄: '录',
  攝: '摄',
  記: '记',
  訊: '讯',
  員: '员',
  號: '号',
  體: '体',
  圖: '图',
  簽: '签',
  監: '监',
  論: '论',
  數: '数',
};
const TRADITIONAL_LABEL_RE = new RegExp(`[${Object.keys(TRADITIONAL_LABEL_CHARS).join('')}]`, 'g');
const HAS_TRADITIONAL_LABEL_RE = new RegExp(`[${Object.keys(TRADITIONAL_LABEL_CHARS).join('')}]`);

export function foldTraditionalLabels(text: string): string {
  return HAS_TRADITIONAL_LABEL_RE.test(text) ? text.replace(TRADITIONAL_LABEL_RE, (c) => TRADITIONAL_LABEL_CHARS[c]!) : text;
}

/**
 * The value a label regex (label, colon, then the value as its last group up to a lookahead) finds
 * in a line, the labels read in either script, the value as written.
 */
function labelValue(re: RegExp, text: string): string | undefined {
  const folded = foldTraditionalLabels(text);
  const m = re.exec(folded);
  if (!m || m[1] === undefined || folded === text) return m?.[1];
  const end = m.index + m[0].length;
  return text.slice(end - m[1].length, end);
}

export function matchOrigin(text: string): string | null {
  return cleanValue(labelValue(ORIGIN_RE, text)) ?? cleanValue(labelValue(BRACKETED_ORIGIN_RE, text));
}
/**
 * A journal issue as a citation gives it, the line's start: `刊名. 2024,(06)`, `刊名, 2024, 43(6)`,
 * `《刊名》2024年第6期`. The journal's name, or null.
 */
const JOURNAL_ISSUE_RE =
  /^(?:《([^《》]{2,24})》\s*[.．,，]?\s*(?:19|20)\d{2}\s*年\s*第\s*\d{1,3}\s*期|([\u4e00-\u9fff][\u4e00-\u9fff（）()·]{1,23})\s*[.．,，]\s*(?:19|20)\d{2}\s*[,，]\s*(?:\d{1,3}\s*)?[(（]\s*\d{1,3}\s*[)）])/;
export function matchJournalIssue(text: string): string | null {
  const m = JOURNAL_ISSUE_RE.exec(text);
  return m ? cleanValue(m[1] ?? m[2]) : null;
}

/** Two-character names are often padded: 作者：王 芳 → 作者：王芳. */
function joinPaddedNames(text: string): string {
  return text.replace(/([:：]\s*[\u4e00-\u9fff])\s+([\u4e00-\u9fff])(?=\s|$|[|｜)）\]】〗,，;；])/g, '$1$2');
}
export function matchAuthor(text: string): string | null {
  return cleanValue(labelValue(AUTHOR_RE, joinPaddedNames(text)));
}
export function matchEditor(text: string): string | null {
  const t = joinPaddedNames(text);
  return cleanValue(labelValue(EDITOR_RE, t)) ?? cleanValue(labelValue(PLAIN_EDITOR_RE, t));
}

/** A line that is only a reporter byline: 本报记者 卢 静, （记者 张远、刘静）, 记者 林晓 通讯员 何平. */
const BYLINE_RE =
  /^[(（[【]?\s*(?:本[报台网刊站]|[\u4e00-\u9fff]{2,6}?(?:报|台|社|网))?(?:特约|首席|驻[\u4e00-\u9fff]{1,4})?记\s*者\s*([\u4e00-\u9fff][\u4e00-\u9fff\s、，,]*?)(?:\s*(?:通讯员|实习生|摄影)[\u4e00-\u9fff\s、，,]*)?\s*[)）\]】]?$/;

/**
 * The reporters a byline line names, joined with 、 (a two-character name padded to three,
 * 卢 静, as one), or null when the line is not a byline alone.
 */
export function bylineNames(text: string): string | null {
  if (text.length > 40) return null;
  const m = BYLINE_RE.exec(text);
  // Names set off by a space or brackets: 记者手记, 记者观察 are column names.
  if (!m || !/^[(（[【]|记\s*者\s/.test(text)) return null;
  const parts = m[1]!.split(/[\s\u3000、，,]+/).filter(Boolean);
  const names: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.length === 1 && parts[i + 1]?.length === 1) names.push(p + parts[++i]!);
    else names.push(p);
  }
  if (names.length === 0 || names.length > 4 || names.some((n) => n.length < 2 || n.length > 4)) return null;
  return names.join('、');
}

const META_LABEL_RE_G =
  /(?:(?:文章|稿件|信息|新闻|消息)?来\s*[源自稿]|稿\s*源|转\s*自|发布(?:机构|单位|部门|机关|法院|检察院|者|人)|解读(?:机关|机构|单位|部门)|供\s*稿|记\s*者|作\s*者|责任编辑|责\s*编|编\s*辑|(?:发布|信息|发表|更新|发文|成文)?(?:时\s*间|日\s*期)|访问量|访问次数|浏览(?:次数|量)?|点击(?:数|量|率)?|阅读(?:次数|量)?|字\s*[号体]|审\s*核|[一二三初复终]\s*审|编\s*审|校\s*对|签\s*发|监\s*制|撰\s*稿|拟\s*稿|核\s*稿|摄\s*影|通讯员|评论数?|文\s*字|图\s*片|(?:文章|信息|新闻)?录\s*入(?:者|员|人)?)\s*[:：]/g;

/** A metadata line: 信息时间/来源/作者/访问量/字号… (short, label-led or with several labels). */
/** Pages repeat their lines (menus, lists) and the extractor asks about a line several times. */
const metaLineMemo = new Map<string, boolean>();
/** The date label of a form's own field: when it was filled in, drawn up, signed or reported. */
const FORM_DATE_LABEL_RE = /(?:填报|填表|制表|签订|签署|报送)\s*(?:日\s*期|时\s*间)\s*[:：]/;

export function isMetaLine(text: string): boolean {
  if (text.length > 220) return false;
  let v = metaLineMemo.get(text);
  if (v === undefined) {
    if (metaLineMemo.size > 4096) metaLineMemo.clear();
    metaLineMemo.set(text, (v = metaLineUncached(text)));
  }
  return v;
}

function metaLineUncached(written: string): boolean {
  // Labels in Traditional script (來源：, 發佈日期：) are the same labels.
  const text = foldTraditionalLabels(written);
  if (isDateOnly(text) || isUpdateNotice(text)) return true;
  const found = text.match(META_LABEL_RE_G);
  const labels = found?.length ?? 0;
  // An event's time and place: its date label is the event's own (活动时间, 会议时间, 时间).
  if (labels === 1 && EVENT_PLACE_RE.test(text) && /^(?:时\s*间|日\s*期)\s*[:：]$/.test(found![0]!)) return false;
  if (labels === 1 && EVENT_DATE_LABEL_RE.test(text)) return false;
  // 填报日期：…, 签订日期：… — the date a form was filled in or a contract signed is the form's own
  // field (a 报表's foot line), never the page's publication stamp.
  if (labels === 1 && FORM_DATE_LABEL_RE.test(text)) return false;
  // 时间：2024年08月13日至2024年08月19日: a span of days is a notice's period, never a publication stamp.
  if (labels === 1 && DATE_SPAN_LINE_RE.test(text)) return false;
  // 时间：2024年12月20日（星期五）上午9:00。 A date line that ends a sentence is a line of a
  // notice's text (the event it announces); a page's own stamp is never written as a sentence.
  if (labels === 1 && EVENT_SENTENCE_RE.test(text)) return false;
  if (labels >= 2) return true;
  if (
    labels === 1 &&
    text.length <= 90 &&
    /^[\s[【(（〖]*(?:(?:本文|本篇|本稿)?(?:文章|稿件|信息|新闻|消息)?来\s*[源稿]|稿\s*源|转\s*自|发布(?:机构|单位|部门|机关|法院|检察院|者|人)|供\s*稿|作\s*者|责任编辑|责\s*编|编\s*辑|(?:发布|信息|发表|更新)?(?:时\s*间|日\s*期)|访问量|浏览|点击|阅读|字\s*[号体]|审\s*核|[一二三初复终]\s*审|编\s*审|校\s*对|监\s*制|撰\s*稿|拟\s*稿|核\s*稿|摄\s*影|(?:文章|信息|新闻)?录\s*入(?:者|员|人)?\s*[:：])/.test(
      text,
    )
  ) {
    return true;
  }
  // 发布者/时间 lines without colons: "2024-03-05 10:21 来源：…" handled above; "时间 2024-03-05"
  if (labels === 1 && findDate(text) !== null && text.length <= 120) return true;
  return isCreditLine(text);
}

// ---- credits, publishers and who a 来源 can be ------------------------------------------------

/**
 * Labels of an editorial credit line (编辑/苏芳, 责编｜陈某, 编辑刘某 校对李某, …供稿); an office's
 * text is credited to who drafted and who checked it (拟稿：某某 审核：某某, 核稿).
 */
const CREDIT_LABEL =
  '(?:责任编辑|值班编辑|网络编辑|编辑|责编|文字|图片|校对|审核|审校|审签|终审|初审|复审|[一二三]审|签发|监制|统筹|策划|摄影|摄像|美编|制图|排版|出品|主编|来源|供稿|来稿|供图|拟稿|核稿)';
const CREDIT_NAME = '[\\u4e00-\\u9fffA-Za-z·]{1,12}?';
// 丨 (U+4E28) is the bar WeChat layouts set between a label and its name (编辑丨苏芳).
const CREDIT_SEG = `${CREDIT_LABEL}\\s*[:：/|｜丨]?\\s*${CREDIT_NAME}(?:[、\\s]+(?!${CREDIT_LABEL})${CREDIT_NAME})*`;
const CREDIT_LINE_RE = new RegExp(
  `^[（(【\\[]?\\s*(?:[^\\s，。]{2,30}?(?:供稿|来稿|供图)\\s*)?(?:${CREDIT_SEG}(?:\\s*[|｜丨/，,；;]?\\s*${CREDIT_SEG})*)?\\s*[)）】\\]]?$`,
);
const CREDIT_LABEL_RE_G = new RegExp(CREDIT_LABEL, 'g');
const CREDIT_SEPARATED_RE = new RegExp(`^[（(【\\[]?\\s*${CREDIT_LABEL}\\s*[/|｜丨]`);
/** 来源丨某某日报, 来源 | 某某网 as a credit line of its own: the value after the bar. */
const CREDIT_ORIGIN_RE = /^[（(【[]?\s*(?:文章|稿件|信息|新闻)?来\s*源\s*[/|｜丨]\s*([^/|｜丨\s]{2,30})\s*[)）】\]]?$/;
/** （市委组织部供稿）, （县教育局来稿）: the whole line names who sent the piece in. */
const SENT_IN_RE = /^[（(【[]\s*([^（）()【】[\]\s]{2,30}?)\s*(?:供稿|来稿)\s*[)）】\]]$/;

/**
 * A line of editorial credits and nothing else: 编辑/苏芳, 编辑｜某某 责编｜某某, 编辑刘某 校对李某,
 * 某党支部供稿 摄影/张某 编辑/苏某, （市委组织部供稿）. With colons such lines are metadata lines
 * already; without them, one label needs its separator (编辑/…) and bare labels need two.
 */
export function isCreditLine(text: string): boolean {
  if (text.length > 60 || /[。！？；]/.test(text)) return false;
  if (SENT_IN_RE.test(text)) return true;
  if (!CREDIT_LINE_RE.test(text)) return false;
  const labels = text.match(CREDIT_LABEL_RE_G)?.length ?? 0;
  return labels >= 2 || (labels === 1 && CREDIT_SEPARATED_RE.test(text));
}

/** The 来源 a credit line of its own names (来源丨示例日报); null for any other line. */
export function matchCreditOrigin(text: string): string | null {
  const v = CREDIT_ORIGIN_RE.exec(text)?.[1];
  return v && isCreditLine(text) ? cleanValue(v) : null;
}

/** The organisation a （…供稿） line names. */
export function matchSentIn(text: string): string | null {
  const v = SENT_IN_RE.exec(text)?.[1];
  return v ? cleanValue(v) : null;
}

/** A login name or a back-office role, not anyone's name: admin, HN666, 系统管理员, 杨倩_NF4425. */
export function isAccountName(name: string): boolean {
  // A Latin pen name (kingname) may be a person: only a login with digits or a role word is not.
  return (
    (/^[A-Za-z0-9_.\-@]+$/.test(name) && /\d|^(?:admin|administrator|root|editor|user|guest|test|system|webmaster|manager)$/i.test(name)) ||
    /(?:管理员|超级用户|站长|小编)$/.test(name) ||
    /_[A-Za-z]*\d{2,}$/.test(name)
  );
}

/** The name of an organisation or a publication (市委宣传部, 数学学院, 新华社, 某某新闻网). */
export function isOrganisation(name: string): boolean {
  return /(?:部|委|办|局|厅|处|科|室|院|校|所|站|中心|会|社|报|刊|网|台|馆|队|组|团|司|政府|党委|党组|支部|总支|街道|镇|乡|村|社区|联|署|厂|频道|杂志|新闻|传媒|媒体|客户端|平台|发布|在线|班|银行|企业|基地)$/.test(
    name,
  );
}

/**
 * 来源：<img alt="人民日报">: the label's value is a logo. Read from the element (a small logo is
 * no image of the article), only when the line's label has no text value.
 */
export function originFromImageAlt(line: string, el: Element): string | null {
  if (!/来\s*源\s*[:：]/.test(line) || matchOrigin(line)) return null;
  for (const img of Array.from(el.querySelectorAll('img'))) {
    const alt = cleanValue(normaliseText(img.getAttribute('alt') ?? ''));
    if (alt && alt.length <= 30 && !/^(?:logo|图片|图标|image|icon|img|pic)\b/i.test(alt)) return alt;
  }
  return null;
}

/**
 * A byline's author field that names a site or a publication (网易 on 网易财经's pages, 新浪科技,
 * 新浪财经-自媒体综合): that publication, to stand in as 来源; null when it names a person.
 */
export function publicationName(name: string, sites: readonly string[]): string | null {
  const n = normaliseText(name);
  if (sites.some((s) => s === n || s.startsWith(n) || n.startsWith(s))) return n;
  if (/[-－—·]/.test(n) && /[\u4e00-\u9fff]/.test(n)) return n;
  return /(?:网|报|社|台|新闻|日报|晚报|杂志|频道|传媒|媒体|客户端|科技|财经|资讯|在线|发布)$/.test(n) ? n : null;
}

/** An author or editor field as a person: no site name, no login (杨倩_NF4425 → 杨倩, admin → null). */
export function personName(name: string | null, sites: readonly string[]): string | null {
  if (!name) return null;
  const n = name.replace(/_[A-Za-z]*\d{2,}$/, '').trim();
  if (!n || isAccountName(n) || sites.some((s) => s === n || s.startsWith(n))) return null;
  return n;
}

const BARE_ORIGIN_RE = new RegExp(
  `(?:^|[\\s|｜丨])(?:(?:文章|稿件|信息|新闻)?来\\s*源|稿\\s*源|出\\s*处)(?![于自是为和与及广])\\s*[|｜丨]?\\s*(.*?)${STOP}`,
);

/**
 * 来源 without a colon (<span>来源</span><span>新华社</span>, 来源 | 人民日报) on a short line that
 * carries the date too: the date says it is the metadata line, not a sentence (资金来源…).
 */
export function matchBareOrigin(text: string): string | null {
  if (text.length > 80 || /[，。；！？]/.test(text) || !findDate(text)) return null;
  const v = cleanValue(BARE_ORIGIN_RE.exec(text)?.[1]);
  return v && !findDate(v) && !/^\d/.test(v) ? v : null;
}

const REPLY_UNIT_RE = labelRe('(?:回复|答复)(?:单位|部门|机关)');

/**
 * 回复单位/答复部门 over a 问政 reply: the office whose answer the page publishes, a 来源 where
 * nothing else is named (the caller asks late). An organisation, not a date or a person.
 */
export function matchReplyUnit(text: string): string | null {
  if (text.length > 90) return null;
  const v = cleanValue(REPLY_UNIT_RE.exec(text)?.[1]);
  return v && isOrganisation(v) && !findDate(v) ? v : null;
}

/**
 * An organisation's name and a date on one line, with nothing else (示例市某某委员会办公室
 * 2024年7月15日): how a 简报 or 公文 head names who issued it, without a label. Null otherwise.
 */
export function unitAndDate(text: string): string | null {
  if (text.length > 60 || /[，。；！？:：、]/.test(text)) return null;
  const m = /^(\S{4,30}?)\s+((?:19|20)\d{2}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}))$/.exec(text.trim());
  if (!m || !isDateOnly(m[2]!)) return null;
  return isOrganisation(m[1]!) && !/\d/.test(m[1]!) ? m[1]! : null;
}

/** A counter field closing a header line (点击：, 浏览：128次): the page's widget, not a field of who. */
const COUNTER_TAIL_RE = /\s+(?:点击|浏览|阅读|访问)(?:数|量|次数)?\s*[:：]\s*\d*\s*次?\s*$/;

/**
 * The line under a title that gives the date, then the issuing office's name with no label,
 * then the page's counter (2024-07-05 16:20 人事处 点击：): how some templates (博达 VSB's author
 * cell) name the office that posted the page. The counter makes the line the page's own record;
 * a date and a name alone may be anything. The office, or null.
 */
export function dateAndUnit(text: string): string | null {
  const counter = COUNTER_TAIL_RE.exec(text.trim());
  if (!counter) return null;
  const t = text.trim().slice(0, counter.index);
  // A clock time may follow the date (its colon is no label's).
  if (t.length > 60 || /[，。；！？：、]/.test(t)) return null;
  const m =
    /^((?:19|20)\d{2}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}))(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+([^\s\d:]{3,30})$/.exec(
      t,
    );
  if (!m || !isDateOnly(m[1]!)) return null;
  return isOrganisation(m[2]!) ? m[2]! : null;
}

/** A 落款 unit: a short line that is only an organisation's name (no sentence, no digits). */
export function isSignOffUnit(text: string): boolean {
  return text.length >= 4 && text.length <= 30 && !/[\s\d，。；！？:：、,.!?;（）()《》“”]/.test(text) && isOrganisation(text);
}

const PUBLISHER_RE = labelRe('发布者|发布人|发稿人|上传者|录入者?|发布用户');

/**
 * 发布者/发布人 is who uploaded the page: a 来源 only when it is an organisation (数学学院), not a
 * person (张伟) or an account (admin).
 */
export function matchPublisher(text: string): string | null {
  const v = cleanValue(PUBLISHER_RE.exec(text)?.[1]);
  return v && isOrganisation(v) && !isAccountName(v) ? v : null;
}

const DEPARTMENT_RE = new RegExp(`(?:^|[\\s|｜丨[［【(（])(?:所属|发文|主办|发布)部门\\s*[:：]\\s*(.*?)${STOP}`);

/**
 * 所属部门/发文部门/主办部门 as a field of the article's metadata: the unit that issued an intranet
 * page, a 来源 only when nothing else is named (the caller asks last). A unit, not a date or a login.
 */
export function matchDepartment(text: string): string | null {
  const v = cleanValue(DEPARTMENT_RE.exec(text)?.[1]);
  return v && !findDate(v) && !/^\d/.test(v) && !isAccountName(v) ? v : null;
}

const IMPLEMENTING_BODY_RE = labelRe('实施(?:主体|机关|机构)');

/**
 * 实施主体：X under a 办事指南's name: the office that carries the service out and issues its guide,
 * a 来源 only when nothing else is named (the caller asks last). An office, not a date or a code.
 */
export function matchImplementingBody(text: string): string | null {
  const v = cleanValue(IMPLEMENTING_BODY_RE.exec(text)?.[1]);
  return v && isOrganisation(v) && !/\d/.test(v) ? v : null;
}

// ---- boilerplate ----------------------------------------------------------------------------

/** The heading of a list of other articles: 相关阅读, 为你推荐, 延伸·推荐 … */
const RELATED_HEADING_RE =
  /^[【[]?\s*(?:相关文章|相关新闻|相关阅读|相关链接|相关信息|相关附件|相关报道|相关专题|相关推荐|相关[\u4e00-\u9fff]{1,4}(?:推荐|阅读)|热点文章|热门文章|热点新闻|热门新闻|推荐阅读|推荐内容|热点内容|热门推荐|精彩推荐|编辑推荐|为你推荐|为您推荐|猜你喜欢|大家都在看|延伸\s*[·・•]?\s*(?:阅读|推荐)|更多阅读|最新文章|最新动态|图片新闻|阅读排行|点击排行|往期(?:回顾|推荐|精选)|本期(?:导读|要目))\s*[】\]]?\s*[:：]?$/;

/** Lines that are never article text, whatever their length (they are short in practice). */
const BOILER_SHORT: RegExp[] = [
  /当前位置|您的位置|你的位置|所在位置|现在位置|您现在的位置/,
  /字\s*[体号]\s*[:：]?\s*[【[]?\s*大\s*[】\]]?\s*[【[]?\s*中\s*[】\]]?\s*[【[]?\s*小/,
  /^[【[]?\s*[大中小]\s*[】\]]?\s*[【[]?\s*[大中小]\s*[】\]]?\s*[【[]?\s*[大中小]\s*[】\]]?$/,
  /打印本页|打印此页|关闭窗口|关闭本页|【\s*打印\s*】|【\s*关闭\s*】|\[\s*打印\s*\]|\[\s*关闭\s*\]|返回顶部|返回首页|回到顶部/,
  /^[【[]?\s*(?:收藏|打印|关闭|分享|纠错|我要纠错|推荐|顶|踩|返回|字号)\s*[】\]]?$/,
  // A row of widget words: 打印 关闭, 【收藏】【打印】【关闭】, 点赞 收藏 举报.
  /^(?:[【[]?\s*(?:收藏|打印|关闭|分享|纠错|我要纠错|推荐|返回|字号|点赞|评论|举报|复制链接|打印本页|关闭窗口|打印本文|返回顶部|返回列表)\s*[】\]]?\s*[|｜]?\s*){2,}$/,
  // A counter, not a sentence that uses the word (景区人气持续攀升。文章阅读量突破十万).
  /(?:访问量|访问次数|浏览次数|浏览量|点击数|点击量|点击率|阅读次数|阅读量|人气)(?:\s*[:：]|\s*\d)|^[^。！？，]{0,6}(?:访问量|访问次数|浏览次数|浏览量|点击数|点击量|点击率|阅读次数|阅读量|人气)[^。！？，]{0,6}$/,
  /(?:已被|被)(?:浏览|阅读|访问|查看|点击)\s*\d+\s*次/,
  /我要评论|发表评论|网友评论|查看评论|评论数\s*[:：]|^评\s*论\s*[:：]?$/,
  // 已有256人阅读 as a counter; 已有300人报名参加。 is a sentence.
  /已有\s*\d+\s*(?:人|条|次)\s*(?:阅读|浏览|访问|评论|参与评论|点赞|收藏|围观|关注|参与)|^[^。！？，]{0,6}已有\s*\d+\s*(?:人|条)[^。！？，]{0,6}$/,
  /网站已被访问|本站已被访问|您是第\s*\d+\s*位|访客总数|在线人数|今日访问/,
  // 上一篇：…, 【上一篇】…, < 上一篇; a sentence that starts with the word (上一篇文章中，我们谈到…) is text.
  /^[\s【[<《«‹(（]*(?:上一篇|下一篇|上一条|下一条|上篇|下篇|前一篇|后一篇)(?:文章)?\s*(?:[】\]>》»›)）]\s*[:：]?|[:：]|(?=[^。！？，]{0,40}$))/,
  // 返回搜狐，查看更多 / 返回首页>> under a copied article.
  /^(?=.{0,24}$)返回[^。！？]{0,10}(?:[，,]\s*查看更多|首页\s*(?:>>|》|»)?)$/,
  RELATED_HEADING_RE,
  // 相关资讯请关注：专区, 更多新闻请点击：…, 点击进入专题：
  /^(?=.{0,40}$)(?:相关|更多)(?:资讯|新闻|文章|阅读|报道|专题|链接|精彩|内容|信息)[^。！？，]{0,8}[:：]|^(?=.{0,24}$)(?:点击|点此)(?:进入|查看|阅读|浏览|访问)[^。！？，]{0,10}$/,
  // Share and scan widgets; a sentence that mentions them (群众扫一扫即可办理。) is text.
  /^(?![^]*[。！？；])(?=.{0,30}$|[^，]*$)[^]*(?:分享到|一键分享|扫一扫|微信扫一扫|扫描二维码|二维码分享|转发到)/,
  // 分享：微信 微博 QQ空间 — a row of share targets.
  /^(?:(?:分享|转发)(?:到|至)?\s*[:：]?)?\s*(?:(?:微信|朋友圈|微博|新浪微博|腾讯微博|QQ空间|QQ好友|QQ|豆瓣|人人网|贴吧|复制链接|钉钉)\s*[|｜、/]?\s*){2,}$|^(?:分享|转发)(?:到|至)?\s*[:：]\s*$/i,
  // WeChat reply menus and 在看 buttons: 1、回复【社保】查看…, 点击菜单栏…, 点【在看】
  /^\d{0,2}\s*[、.．]?\s*回复\s*[【「“"][^】」”"]{1,10}[】」”"]|(?:回复\s*[【「“"][^】」”"]{1,10}[】」”"][^。！？]{0,16}){2,}|^点击(?:底部)?菜单栏|点(?:亮|个|一下)?\s*[【「“"]?\s*在看/,
  /版权所有|Copyright|©|ICP备|ICP证|公网安备|建议使用.*浏览器/i,
  // Footer credits in words prose uses too (承办单位负责同志…): a label, or a line that is no sentence.
  /(?:技术支持|主办单位|承办单位|分辨率)\s*[:：]|^[^。！？]*(?:技术支持|主办单位|承办单位|分辨率)[^。！？]*$/,
  // A login or captcha box (看不清？换一张, 验证码：); a sentence that uses the words (晚上看不清路面。
  // 不要透露短信验证码。) is text.
  /看不清楚?\s*[?？，,、!！]?\s*(?:换一张|换一个|点一下|点击|刷新)|验证码\s*[:：]|^(?![^]*[。！？；])(?=.{0,20}$)[^]*验证码|^登\s*录$|用户名\s*[:：]|密\s*码\s*[:：]|匿名发表/,
  /请自觉遵守|仅代表其个人|不通知用户的情况下|就事论事|漫骂和人身攻击|发表内容引起的纠纷/,
  /加入收藏|设为首页|设为主页/,
  // A script page's placeholder: 正在加载…, 加载中，请稍候, Loading..., 请开启浏览器的JavaScript功能;
  // a reader widget's button before its own placeholder (`Like Loading...`).
  /^(?:(?:正在|努力|拼命|数据|页面|内容)加载中?|加载中)[\s.…。,，!！]*(?:请稍[候等][\s.…。!！]*)?$|^(?:(?:like|likes|share|reblog|comments?|reactions?)\s+)?loading[\s.…]*$/i,
  /^(?=.{0,40}$)(?![^]*[。！？；][^]*\S)[^]*(?:开启|启用|打开|允许|支持)[^。，]{0,10}(?:JavaScript|JS|脚本)/i,
  // An app's download bar: 打开App, 下载客户端, 示例App 打开App.
  /^(?=.{0,24}$)(?![^]*[。！？；])[^]*(?:打开|下载|安装|前往)\s*[\w\u4e00-\u9fff]{0,6}?(?:App|APP|客户端)\s*(?:内?(?:打开|阅读|查看))?$/,
  // …and an outlet's tag closing a piece, asking for its app ((本文来自示例新闻，更多原创资讯请下载“示例新闻”APP)):
  // the whole line in brackets, for more of the outlet's pieces.
  /^[（(【[]\s*(?:本文来自[^，,。！？()（）]{1,20}[，,]\s*)?更多[^。！？()（）]{0,12}请?(?:下载|安装|关注)[^。！？()（）]{0,20}(?:App|APP|app|客户端)\s*[。]?\s*[)）】\]]$/,
  // A row of reader widgets and their counts: 点赞 收藏 分享, 评论（0）, 阅读 1024, 分享：
  /^(?:(?:点赞|收藏|分享|转发|评论|在看|阅读(?:量|数)?)\s*[:：]?\s*[（(]?\s*\d*\s*[)）]?\s*)+$/,
  /如有侵权|侵权请联系|转载请注明|未经授权(?:不得|禁止)转载/,
  // WeChat copies: the follow-us tail.
  /^.{0,16}(?:长按|扫描|识别)(?:识别)?(?:图中|下方|上方|文末|下图)?二维码.{0,16}$|^(?:点击)?阅读原文$|点击(?:上方)?蓝字.{0,12}关注/,
  // …and the end mark and scan-to-follow line of WeChat layouts (— END —, 扫码关注我们).
  /^[-—–=~·\s]*(?:END|THE END)[-—–=~·\s]*$|^.{0,16}扫码(?:关注|加入|添加|识别|阅读|下载).{0,16}$/i,
  // …and an end card's follow line (关注示例公众号, 欢迎关注我们的视频号): a short line, no sentence.
  /^(?:欢迎|请|敬请)?(?:关注|订阅)[^。！？，；]{0,16}(?:公众号|视频号|服务号|订阅号|微信号)[!！~～]*$/,
  /^[【[(（]?\s*(?:免责声明|版权声明|特别声明)\s*[】\])）:：]/,
  // A bare 声明： line is a disclaimer only by what it says (an announcement's 声明 is its text).
  /^[【[(（]?\s*声明\s*[】\])）:：].*(?:仅供参考|不构成(?:任何)?(?:实质性)?投资建议|风险自担|不代表本(?:站|网|平台))/,
  // Media players and share widgets on English pages: whole lines only.
  /^(?:full ?screen|autoplay|close|×|✕|view (?:photos|gallery)|caption|share(?: this)?|tweet|email|print|advertisement|skip ad|replay|play video|enlarge (?:this )?image|toggle caption|hide caption)$/i,
  /^media caption\b/i,
  // An expand/collapse toggle of a folded text (展开全文 ∨, 点击阅读全文, 收起): the whole line only.
  /^(?:点击)?(?:展开|阅读|查看)(?:全文|全部|更多)?\s*[∨∧⌄▼▽↓>》»+]*$|^收起(?:全文)?\s*[∧^▲△↑]*$/,
  // A printed page number of a converted document: — 1 —, - 12 -.
  /^[-—–－]\s*\d{1,4}\s*[-—–－]$/,
  // A document reader's page count under each page (第 2 页 / 共 9 页, 共9页 第2页): the whole line only.
  /^第\s*\d{1,4}\s*页\s*[/／|｜,，、]?\s*共\s*\d{1,4}\s*页$|^共\s*\d{1,4}\s*页\s*[/／|｜,，、]?\s*第\s*\d{1,4}\s*页$/,
  // …and its fold notice (剩余3页未读，继续阅读; 还剩40%未读，点击展开): the whole line only.
  /^(?:还\s*)?剩余?\s*\d{1,4}\s*(?:页|%|％)\s*(?:内容)?\s*未读\s*[，,。]?\s*(?:(?:点击|继续|展开)(?:阅读|展开|查看)?(?:全文)?)?\s*[>》»]*$/,
  // Not 附件：: a notice's attachment list is part of it (issue 19).
  /【\s*(?:我要)?纠错\s*】|【\s*责任编辑/,
];

/**
 * A line after which a Chinese article is over: a 责任编辑 credit or the heading of a related
 * list (what follows it is the list or the page's chrome).
 */
export function isEndMark(text: string): boolean {
  if (text.length > 40) return false;
  return RELATED_HEADING_RE.test(text) || /^[\s(（【[]*(?:责任编辑|责\s*编)\s*[:：]/.test(text);
}

/**
 * Whether any of `list` matches a string, as few regexes as possible (speed, issue 16): the rules
 * of one flag set joined into one alternation, which V8 scans once per line instead of once per
 * rule (a third of the time on a page's lines). `(?:a)|(?:b)` matches where `a` or `b` does, so
 * the answer is `list.some(re => re.test(s))`; a rule with a back reference (its group number
 * would move) or a stateful flag (g, y: test() moves lastIndex) is tested on its own.
 */
export function anyOf(list: readonly RegExp[]): (s: string) => boolean {
  const joined = new Map<string, string[]>();
  const alone: RegExp[] = [];
  for (const re of list) {
    if (/[gy]/.test(re.flags) || /\\(?:[1-9]|k<)/.test(re.source)) {
      alone.push(re);
      continue;
    }
    const sources = joined.get(re.flags);
    if (sources) sources.push(`(?:${re.source})`);
    else joined.set(re.flags, [`(?:${re.source})`]);
  }
  const all = [...[...joined].map(([flags, sources]) => new RegExp(sources.join('|'), flags)), ...alone];
  return (s) => {
    for (const re of all) if (re.test(s)) return true;
    return false;
  };
}
const anyBoilerShort = anyOf(BOILER_SHORT);

/** A line that is site chrome, not article text. */
export function isBoilerplate(text: string): boolean {
  if (text.length > 160) return false;
  if (anyBoilerShort(text)) return true;
  // A column list written as text: 党员发展 | 党建时讯 | 文化论坛 | …
  if (!text.includes('|') && !text.includes('｜')) return false;
  const parts = text.split(/\s*[|｜]\s*/);
  if (parts.length >= 4 && text.length / parts.length <= 12) return true;
  return false;
}

/** An author box under an English article (on Chinese pages such a box holds the 来源/date line). */
export const AUTHOR_BOX_RE = /(?:^|[-_\s])(?:author-?bio|author-?card|author-?box|about-?author|bio|disclaimer)(?:[-_\s\d]|$)/i;

/** class/id words of navigation, footers, share bars, comments, related lists and sidebars. */
export const NEGATIVE_CLASS_RE =
  /(?:^|[-_\s])(?:nav|navbar|navigation|menu|menus|breadcrumbs?|crumbs?|location|position|weizhi|dqwz|footer|foot|bottom|copyright|banquan|share|bdshare|sharebar|jiathis|comments?|pinglun|plun|related|relate|xgwz|xgxw|xgwd|hot|hotnews|rmwz|rdwz|rank|paihang|sidebar|side|aside|sidenav|right-?col|left-?col|advert|ads?|guanggao|banner|toolbar|tools|print|fontsize|font-size|zihao|pager|prevnext|sxp|sxpian|pre-?next|login|search|sousuo|logo|topbar|top-?bar|header|head|masthead|friendlink|links|yqlj|qrcode|erweima|tags|top|topnav|sitenav|newsletter|signup|subscribe|gallery|slideshow|carousel|user-?post)(?:[-_\s\d]|$)/i;

// ---- the end of an English article --------------------------------------------------------------

/**
 * A whole line that ends an English article: what follows is a press-office or disclaimer tail
 * ("Ends", "Notes to editors", "Media enquiries", "The views expressed…") or a list of other
 * stories ("More local news", "Related", "Read more").
 */
const EN_END_RE = [
  /^[-–—#*\s]*ends[-–—#*\s.]*$/i,
  /^(?:for (?:more|further) information|media (?:enquiries|inquiries|contacts?)|press (?:office|enquiries|inquiries|contacts?)|about the author)\s*[:.]?$/i,
  /^the (?:views|opinions) (?:and opinions )?expressed (?:in|here|by|are)\b/i,
  // An e-mail newsletter's footer (an archived issue read as a page).
  /^(?:our mailing address is|want to change how you receive these e-?mails\??|you (?:are receiving|received) this (?:e-?mail|newsletter)\b.*)\s*:?$/i,
  /^(?:related|related (?:posts|articles|stories|content|links|coverage|reading)|read (?:more|next)|more (?:from|on|like) (?:this|us)(?: (?:topic|story|subject|issue))?|you (?:may|might) also (?:like|enjoy)|recommended(?: for you| reading)?|most (?:read|popular|viewed)|most (?:read|popular|viewed|shared|emailed)(?: [\w&'’-]+){1,3} (?:stories|news|articles|posts|headlines)|in other news|also (?:in|on) [\w\s]{1,30}|more [\w\s]{0,24}(?:news|stories|articles|posts|headlines|coverage)|related topics|topics|tags)\s*[:.]?$/i,
  // A taxonomy box's label under the text ("Filed under", "Index entries for this article").
  /^(?:filed under|index entries|index terms)(?: for this (?:article|story|post|page))?\s*[:.]?$/i,
  // The comment section's heading with its count ("Comments (12 posted)", "12 comments", "Comments (3)")
  // and the prompt above it to sign in first ("(Log in to post comments)"): readers' posts follow.
  /^(?:\d[\d,]*\s+comments?|comments?\s*\(\s*\d[\d,]*(?:\s+posted)?\s*\))\s*:?$/i,
  /^\(?\s*(?:log|sign) ?in (?:to (?:post (?:a )?)?(?:comments?|reply)|or register to (?:post )?comments?)\s*\)?\.?$/i,
];
const anyEnEnd = anyOf(EN_END_RE);

export function isLatinEndLine(text: string): boolean {
  if (text.length > 160) return false;
  return anyEnEnd(text);
}

/**
 * A widget line inside an English body: a share bar's heading ("Share this:"), a click-to-tweet
 * quote ("…”Tweet this"), a page-turn line ("Continued on page 2: …"), a row of counts
 * ("4.8K 612 comments"), a post's or comment's meta line ("user0 · 1mo ago").
 */
export function isLatinWidgetLine(text: string): boolean {
  if (text.length > 300) return false;
  return (
    /^(?:share (?:this|on|via)(?: (?:story|article|post|page))?|share)\s*:?$/i.test(text) ||
    /\b(?:tweet|share) this\s*$/i.test(text) ||
    /^(?:like this|read later|save for later|listen to (?:this )?(?:article|story)|advertising|contents|table of contents)\s*:?$/i.test(
      text,
    ) ||
    // A contents box's label ("Jump to:", "In this guide") once its links went; a pager's "Page 1 of 2".
    /^(?:jump to|skip to|in this (?:article|guide|story|post|page))\s*:?$/i.test(text) ||
    /^page\s+\d{1,3}\s+of\s+\d{1,3}$/i.test(text) ||
    // A long text's part counter over a part's heading (`Part 1 of 3:`, `Method 2 of 2:`).
    /^(?:part|method|section)\s+\d{1,3}\s+of\s+\d{1,3}\s*:$/i.test(text) ||
    /^(?:your video will play in\b|this is a modal window\b|stream type\s*live$)/i.test(text) ||
    /^continued (?:on|from) (?:page|p\.)\s*\d+\b/i.test(text) ||
    // An ad slot's label left in the text once its ad is gone.
    /^(?:(?:the )?(?:story|article|text) continues (?:below|after)(?: (?:this )?(?:advertisement|ad|the ad))?|sponsored(?: content| post| message)?|paid (?:content|post|partnership)|promoted(?: content)?)\s*:?$/i.test(
      text,
    ) ||
    /^(?:[\d.,]+[km]?\s+)+(?:comments?|replies|votes?|points|likes|shares|views)$/i.test(text) ||
    // A post's tags as a line of hashtags (`#rail #winter #timetables`): no sentence.
    /^(?:#[\p{L}\p{N}_-]+[\s,]*){2,}$/u.test(text) ||
    (text.length <= 80 && RELATIVE_AGE_RE.test(text) && /[·•|]/.test(text) && !/[.!?]["”’]?$/.test(text))
  );
}

/** `3h ago`, `1mo ago`, `9 mo. ago`, `2 years ago`: how old a post or comment is. */
const RELATIVE_AGE_RE =
  /\b\d+\s*(?:s|sec|secs|m|min|mins|h|hr|hrs|d|w|wk|mo|y|yr|yrs|seconds?|minutes?|hours?|days?|weeks?|months?|years?)\.?\s+ago\b/i;

/**
 * A subscription, membership or support notice set into an English article: a paywall line
 * ("Subscribe now to read this and every story", "Already a subscriber? Sign in"), a support-us
 * appeal ("we have a small favour to ask", "Support us from as little as £1"), a call to join
 * ending in its button ("Members get the digest by email. Join free.").
 */
export function isLatinNotice(text: string, linked: boolean): boolean {
  // A disclaimer paragraph runs longer than a notice line.
  if (text.length <= 800 && LATIN_DISCLAIMER_RE.test(text)) return true;
  if (text.length > 300) return false;
  // The button of a call to join is a link; a sentence that only ends in "Register now." is not one.
  if (linked && /^.{0,200}[.!?]\s*(?:join|sign up|subscribe|register|donate)(?: (?:for )?(?:free|now|today|here))?[.!]?$/i.test(text))
    return true;
  // A newsletter's pitch closed by its sign-up link: "…stories every morning. Sign up for our Early Brief newsletter."
  if (linked && /(?:^|[.!?]\s+)sign up (?:for|to) (?:our|the) [^.!?]{0,50}\bnewsletters?\s*[.!]?$/i.test(text)) return true;
  return anyLatinNotice(text);
}

/**
 * What stands for a widget that a script fills in, in an English body: "Compatibility tables only
 * load in the browser", "Enable JavaScript to view the chart". One short line, nothing else. It
 * stands for a section's content: the section's heading stays.
 */
export function isLatinScriptPlaceholder(text: string): boolean {
  return (
    text.length <= 100 &&
    (/^[^.!?]{0,60}\b(?:only loads?|loads? only|only (?:shows?|appears?|displays?)) (?:in (?:the|a|your) browser|with javascript(?: enabled)?)\s*[.!]?$/i.test(
      text,
    ) ||
      /^(?:please )?(?:enable|turn on) javascript (?:to (?:view|see|load|display|use)\b[^.!?]*|in your browser\b[^.!?]*)[.!]?$/i.test(text))
  );
}

/**
 * A sponsor's label opening its box in a newsletter or article, a line of its own: `Together with
 * Acme`, `In partnership with Acme`, `Brought to you by Acme`. A name, no sentence.
 */
export function isLatinSponsorLabel(text: string): boolean {
  return (
    text.length <= 60 &&
    !/[.!?:]$/.test(text) &&
    /^(?:together with|in partnership with|in association with|presented by|sponsored by|brought to you by|a (?:word|message) from)\s+\S/i.test(
      text,
    )
  );
}

const LATIN_NOTICE_RE = [
  // A reference page's status banner a template puts over the text: "Experimental: This is an
  // experimental technology", "Deprecated: This feature is no longer recommended".
  /^(?:experimental|deprecated|non-standard|obsolete)\s*:\s*this (?:is an? (?:experimental|deprecated|non-standard|obsolete)\b|feature (?:is|has been|may)\b)/i,
  /\b(?:subscribe|sign (?:in|up)|log in|register)\b[^.!?]{0,40}\bto (?:continue|keep) reading\b/i,
  /^subscribe (?:now |today )?(?:to|for) (?:read|unlimited|full|access)/i,
  /\balready (?:a )?(?:subscriber|member|supporter|contributed|donated)\?/i,
  /\b(?:this (?:article|story|content) is (?:only )?(?:for|available to) (?:subscribers|members))\b/i,
  /\byou(?:'|’)?ve (?:reached|read) (?:your|all your|the) (?:limit|\d+ free)/i,
  /\bsmall favou?r to ask\b/i,
  /\bsupport (?:us|our journalism|independent journalism) (?:from|for|with|today)\b/i,
  /\b(?:make|give) a (?:contribution|donation) (?:today|now)\b/i,
  // A reader-revenue appeal: "Contribute as little as $2 to keep our reporting going."
  /\b(?:contribute|donate|chip in)\b[^.!?]{0,20}\bas little as\b[^.!?]{0,40}\b(?:our|us)\b/i,
  // The same appeal put as a request: "If you can, please consider supporting us with a regular contribution."
  /\bplease consider (?:supporting|donating to|contributing to|subscribing to) (?:us|our (?:journalism|reporting|work|newsroom))\b/i,
  // An inline newsletter box: "Get the latest news delivered to your inbox… By registering, you agree to our T&C".
  /\b(?:news|newsletters?|stories|updates|headlines|briefing|digest)\b[^.!?]{0,60}\bdelivered (?:straight |directly )?to your inbox\b/i,
  /\bby (?:registering|signing up|subscribing)\b[^.!?]{0,20}\byou agree to\b/i,
  // A sponsor's line in a newsletter or article: `Sponsor: …`, `This issue is brought to you by …`.
  /^(?:sponsor(?:ed)?(?: (?:content|message|post))?|today['’]s sponsor|presented by|paid (?:post|content|partnership))\s*[:—–]/i,
  /^this (?:issue|newsletter|email|edition|episode) is (?:sponsored|brought to you|presented) by\b/i,
  /^(?:stay informed|support local journalism)\b.{0,40}\bsubscribe\b/i,
  // A follow-us strapline: "Keep up with the latest news from the region by following the Courier".
  /^(?:keep up|stay up to date|stay updated|stay informed)\b[^.!?]{0,80}\bby following\b/i,
  // A newsletter box's pitch: "Get more local stories in your inbox with …".
  /^(?:get|receive|have)\b[^.!?]{0,60}\b(?:in|to|into) your inbox\b/i,
  // A sign-up form's own messages, shown by its script: "Thanks for subscribing.", "An error occurred."
  /^(?:thanks|thank you) for (?:subscribing|signing up|registering)\b/i,
  /^(?:an? )?(?:unexpected )?error (?:has )?occur+ed[.!]?$/i,
  // A newsletter box's call put first: "Join our daily and weekly newsletters for the latest updates …".
  /^join (?:our|the)\b[^.!?]{0,40}\bnewsletters?\b/i,
  // A press office's contact line: "Media enquiries: the press office, 020 7946 0321".
  /^(?:media|press|journalists?)\s+(?:enquiries|inquiries|contacts?|office|desk)\s*[:–—-]\s*.{0,200}?(?:\+?\d[\d ()-]{7,}\d|[\w.-]+@[\w-]+\.\w)/i,
  // A note printed after the text: where it ran in print, the affiliate disclosure, the publisher's disclaimer.
  /^this (?:article|story|essay|piece|review) (?:appears|appeared|will appear|was published) in (?:the )?[^.!?]{0,80}\bprint edition\b/i,
  /\b(?:when|if) you buy [^.!?]{0,60}\b(?:links?|retailers?)\b[^.!?]{0,60}\b(?:we|the publisher) (?:may )?(?:receive|earn|get) (?:a )?(?:small )?(?:commission|fee|share)\b/i,
  // The same disclosure with the clauses the other way round, often the first line of the text:
  // "<Site> may receive a commission when you buy through links on this page", "We may earn an
  // affiliate commission from links in this story".
  /\b(?:may|might|can|could|will) (?:receive|earn|get|make|collect) (?:a |an )?(?:small )?(?:affiliate )?(?:commission|fee|share of (?:the )?(?:sales?|revenue))\b[^.!?]{0,40}\b(?:(?:when|if) you (?:buy|purchase|shop|click)\b[^.!?]{0,30}|(?:from|through|via) (?:the |our )?(?:affiliate )?)links?\b/i,
];
const anyLatinNotice = anyOf(LATIN_NOTICE_RE);

/** A publisher's disclaimer under a report: the findings are the authors' own, not the institution's. */
const LATIN_DISCLAIMER_RE =
  /\b(?:are|is) (?:solely |entirely )?(?:those|the responsibility) of (?:the |its )?authors?(?:\(s\))?\b[^.!?]{0,40}\bdo not (?:necessarily )?(?:reflect|represent) the (?:views|positions?|opinions?)\b|\b(?:views|positions|conclusions|opinions)\b[^.!?]{0,80}\b(?:are|be) (?:understood to be )?(?:solely|entirely) (?:those|the responsibility) of the authors?(?:\(s\))?/i;

/** Letters, digits and nothing else, lower-case: to find a block repeated inside another. */
export function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
