/**
 * Issue 12 item 4, round 45 (anchor22e): built by hand, our own words.
 * - Paragraphs re-pasted from a 竖排 (vertical) PDF: every mark in its vertical presentation form
 *   (︐ ︑ ︒ ︓ ︔ ︕ ︖ ﹁﹂ ﹃﹄ ︵︶ ︽︾ ︙ ︱ …), or a small form variant (﹐ ﹒ ﹔). Another form of a
 *   mark is that mark (normalise.ts PRESENTATION), so a passage is placed on its words there; a
 *   vertical comma is still a comma and not a full stop, so the form never merges two marks.
 */
import { describe as suite, expect, it } from 'vitest';
import { anchorAll, describe } from '../../shared/anchoring/index';
import { normalise } from '../../shared/anchoring/normalise';
import { at, filler } from './helpers/anchoring-text';

const span = (text: string, q: string, n = 0): [number, number] => {
  const i = at(text, q, n);
  return [i, i + q.length];
};

/** Our own horizontal → vertical mark table (the forms a vertical PDF prints). */
const VERT: Record<string, string> = {
  '，': '︐',
  '、': '︑',
  '。': '︒',
  '：': '︓',
  '；': '︔',
  '！': '︕',
  '？': '︖',
  '“': '﹁',
  '”': '﹂',
  '（': '︵',
  '）': '︶',
  '《': '︽',
  '》': '︾',
  '…': '︙',
  '—': '︱',
};
const vertical = (s: string) => [...s].map((c) => VERT[c] ?? c).join('');

suite('marks in their vertical or small presentation forms', () => {
  it('compares each presentation form as the mark it presents, and only as that mark', () => {
    expect(normalise('甲︐乙︑丙︒丁︓戊︔己︕庚︖')).toBe(normalise('甲，乙、丙。丁：戊；己！庚？'));
    expect(normalise('﹁好﹂︵注︶︽书︾︙︙︱︱')).toBe(normalise('“好”（注）《书》……——'));
    expect(normalise('甲﹐乙﹒丙﹔丁﹙戊﹚')).toBe(normalise('甲,乙.丙;丁(戊)'));
    // a comma stays a comma, a full stop a full stop, a question mark a question mark
    expect(normalise('︐')).not.toBe(normalise('。'));
    expect(normalise('︒')).not.toBe(normalise('？'));
    expect(normalise('︖')).not.toBe(normalise('！'));
  });

  const P = [
    '河湾村的夜校',
    '入冬以后，河湾村的夜校又开课了。第一课讲的是“冬季果树怎样防冻”，来听的有四十多人。',
    '讲课的是县农技站的老周（他在村里蹲点三年了），他说：“树干刷白、根部培土，两样都不能省。”',
    '课后，不少村民围着老周问个不停……直到十点多才散。有人问：“明年还办吗？”老周答：办！',
    '村支书说，下一课准备讲《农村土地承包法》里和大家切身相关的几条。',
  ];
  const OLD = P.join('\n');

  it('places passages in paragraphs re-pasted from a vertical PDF on their words', () => {
    const NEW = [P[0], vertical(P[1]!), vertical(P[2]!), vertical(P[3]!), P[4]].join('\n');
    const qs = [
      '第一课讲的是“冬季果树怎样防冻”，来听的有四十多人。',
      '（他在村里蹲点三年了），他说：“树干刷白、根部培土，',
      '不少村民围着老周问个不停……直到十点多才散。',
      '来听的有四十多人。\n讲课的是',
      '“明年还办吗？”',
      '办！',
    ];
    const out = anchorAll(
      NEW,
      qs.map((q) => describe(OLD, ...span(OLD, q))),
    );
    qs.forEach((q, i) => {
      const a = out[i];
      expect(a, q).toBeTruthy();
      expect(NEW.slice(a!.start, a!.end)).toBe(vertical(q));
    });
  });

  it('keeps a full stop apart from a comma: the vertical full stop is chosen, not the comma', () => {
    // the same words twice, once ended by a comma and once by a full stop, both pasted vertical
    const Q = [
      '清晨的集市',
      '卖菜的大姐收了摊，我们才往回走，路上又遇见了几位赶集回来的老乡。',
      '天色渐渐暗了下来。卖菜的大姐收了摊。我们才往回走，一路说着明年的打算。',
      '回到村口，灯已经亮了。',
    ];
    const old = Q.join('\n');
    const q = '卖菜的大姐收了摊。我们才往回走';
    const NEW = [Q[0], vertical(Q[1]!), vertical(Q[2]!), Q[3]].join('\n');
    const [a] = anchorAll(NEW, [describe(old, ...span(old, q))]);
    expect(a).toBeTruthy();
    expect(a!.start).toBe(NEW.indexOf(vertical(q)));
    expect(NEW.slice(a!.start, a!.end)).toBe(vertical(q));
  });
});

suite('a list item under its ★ printed twice once its abridged copy is written back', () => {
  // A page printing the same list twice (a story and its 专题 copy), the abridged edition having
  // left the third item out of the first printing; the full text writes it back there. The item's
  // context is the same at both printings, the position alone chooses, and the text written back
  // in front moved the passage's own printing farther from its old offset than the other one.
  const LIST = ['★周一上午：参观新建的水厂，了解净水流程；', '★周三下午：走访两个社区，听取居民意见；'];
  const ITEM = '★周五全天：到农场体验秋收，晚上在村里住宿。';
  const block = (withItem: boolean) => ['研学路线安排如下：', ...LIST, ...(withItem ? [ITEM] : []), '报名请联系学校办公室。'];
  const intro = ['秋季研学活动通知', '学校将在十月组织学生参加研学活动。'];
  const middle = filler(0, 90);
  const restored = filler(100, 180);
  // the article after the list: its lines are the only sure neighbours near the item
  const tail = filler(300, 20);
  const OLD = [...intro, ...block(false), ...middle, ...block(true), ...tail].join('\n');
  const NEW = [...intro, ...restored, ...block(true), ...middle, ...block(true), ...tail].join('\n');

  it('leaves the item an orphan rather than put it on the printing nearer its old offset', () => {
    const q = '★周五全天：到农场体验秋收';
    const near = tail[5]!;
    const sels = [q, near].map((x) => describe(OLD, ...span(OLD, x)));
    const [a, b] = anchorAll(NEW, sels);
    // the neighbour is placed on its own words
    expect(b && NEW.slice(b.start, b.end)).toBe(near);
    // the item: its own printing (the second) or nothing, never the first
    if (a) expect(a.start).toBe(at(NEW, q, 1));
  });
});

suite('a paragraph marker after the opening mark of a quotation of several paragraphs', () => {
  // A 转发 notice quotes an article whole: every paragraph opens with “ (only the last closes), so
  // a marker that headed a paragraph (（二） 第三条 ★) now stands after that mark. It still heads
  // the paragraph (normalise.ts OPENING_QUOTES), compared as one marker unit as before.
  it('reads a marker after an opening quotation mark as the paragraph head, and nothing else', () => {
    expect(normalise('“（五）对下级的工作', true)).toBe(normalise('“', true) + normalise('（五）对下级的工作', true));
    expect(normalise('“第三条　各级', true)).toBe(normalise('“', true) + normalise('第三条　各级', true));
    // a number is no marker, quoted or not; nor is a marker in the middle of a line
    expect(normalise('“1.5亿元投入', true)).toBe(normalise('"1.5亿元投入'));
    expect(normalise('他说“（五）', true)).toBe('他说"(五)');
  });

  const P = [
    '关于做好秋粮收购工作的意见',
    '（一）收购网点。各乡镇至少设立一个收购点，方便农户就近交售，不得拒收、压级压价。',
    '（二）资金保障。县财政安排专项资金，确保收购款当天结清，不打白条。',
    '（三）质量检测。收购点配备快速检测设备，检测结果当场告知农户。',
    '各单位要高度重视，认真抓好落实。',
  ];
  const OLD = P.join('\n');
  const notice = (paras: string[]) =>
    [
      '关于转发《关于做好秋粮收购工作的意见》的通知',
      '各乡镇：',
      ...paras.map((p, i) => `“${p}${i === paras.length - 1 ? '”' : ''}`),
      '县农业农村局办公室',
    ].join('\n');

  it('places a paragraph opening and a span over a break on their words inside the quotation', () => {
    const NEW = notice(P);
    const qs = ['（二）资金保障', '不得拒收、压级压价。\n（二）资金保障', '（三）质量检测。收购点配备快速检测设备'];
    const out = anchorAll(
      NEW,
      qs.map((q) => describe(OLD, ...span(OLD, q))),
    );
    expect(out[0] && NEW.slice(out[0].start, out[0].end)).toBe('（二）资金保障');
    expect(out[1] && NEW.slice(out[1].start, out[1].end)).toBe('不得拒收、压级压价。\n“（二）资金保障');
    expect(out[2] && NEW.slice(out[2].start, out[2].end)).toBe('（三）质量检测。收购点配备快速检测设备');
  });

  it('leaves a paragraph opening an orphan when its paragraph went and another numbered one took its place', () => {
    // the quotation leaves 资金保障 out; another item is numbered （二） now
    const NEW = notice([P[0]!, P[1]!, P[3]!.replace('（三）', '（二）'), P[4]!]);
    const [a] = anchorAll(NEW, [describe(OLD, ...span(OLD, '（二）资金保障'))]);
    expect(a).toBeNull();
  });
});
