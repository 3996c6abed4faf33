/**
 * Extraction benchmark: our extractor (linkedom + Chinese-tuned scoring) over the fixture pages
 * repeated to ~300 pages, against plain @mozilla/readability on jsdom over the same pages.
 * Accuracy on the public corpora and our fixtures comes first (extract-corpus.ts).
 * Run standalone: npx tsx tests/bench/extract.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { decodeHtml } from '../../main/services/extract/decode';
import { extractArticle } from '../../main/services/extract/extract';
import { benchAccuracy } from './extract-corpus';
import { benchEnFresh } from './extract-en-fresh';
import { benchHeldout } from './extract-heldout';
import { benchOutside } from './extract-outside';
import { benchReferee } from './extract-referee';

const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/extract/', import.meta.url));
const TARGET_PAGES = 300;

interface BenchPage {
  html: string;
  url: string;
}

function loadPages(): BenchPage[] {
  const base = readdirSync(FIXTURE_DIR)
    .filter((n) => n.endsWith('.html'))
    .sort()
    .map((file) => {
      const expected = JSON.parse(readFileSync(`${FIXTURE_DIR}${file.replace(/\.html$/, '.expected.json')}`, 'utf8')) as { url: string };
      return { html: decodeHtml(readFileSync(`${FIXTURE_DIR}${file}`)), url: expected.url };
    });
  const pages: BenchPage[] = [];
  while (pages.length < TARGET_PAGES) pages.push(...base);
  return pages.slice(0, TARGET_PAGES);
}

/** Wall seconds and this process's CPU seconds (the "one core" figure, steadier on a busy machine). */
function timeIt(pages: BenchPage[], run: (p: BenchPage) => unknown): { wall: number; cpu: number } {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const p of pages) run(p);
  const c = process.cpuUsage(c0);
  return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

export async function benchExtract(): Promise<Record<string, number>> {
  const pages = loadPages();
  const ours = (p: BenchPage) => extractArticle(p.html, p.url);
  const virtualConsole = new VirtualConsole(); // jsdom: swallow CSS/script noise, run no scripts
  const baseline = (p: BenchPage) => new Readability(new JSDOM(p.html, { url: p.url, virtualConsole }).window.document).parse();
  // Warm up both (JIT, lazy module init).
  for (const p of pages.slice(0, 22)) {
    ours(p);
    baseline(p);
  }
  const oursS = timeIt(pages, ours);
  const baseS = timeIt(pages, baseline);
  const oursRate = pages.length / oursS.wall;
  const baseRate = pages.length / baseS.wall;
  return {
    // The corpora and Readability's labelled pages; with --verbose page by page, as the sets below.
    ...benchAccuracy(process.argv.includes('--verbose')),
    ...benchHeldout(),
    // Outside pages (Chinese CMS, English); `npm run bench -- extract --verbose` lists them page by page.
    ...benchOutside(process.argv.includes('--verbose')),
    ...benchEnFresh(process.argv.includes('--verbose')),
    // Second outside sets (another tester, other site shapes).
    ...benchOutside(process.argv.includes('--verbose'), 'outside2'),
    ...benchEnFresh(process.argv.includes('--verbose'), true, 'fresh2'),
    // Third outside English set: heavy saved pages shaped like big news sites.
    ...benchEnFresh(process.argv.includes('--verbose'), true, 'fresh3'),
    // Fourth outside English set: other page types (blog, TV, match report, press release, advice, feature, notice, email).
    ...benchEnFresh(process.argv.includes('--verbose'), true, 'fresh4'),
    // Fifth outside English set (a fifth tester: big-news families after this session's fixes).
    ...benchEnFresh(process.argv.includes('--verbose'), true, 'fresh5'),
    // Sixth outside English set (a sixth tester: China Daily/Xinhua/CGTN/Global Times/SCMP/Reuters/NPR/UN shapes).
    ...benchEnFresh(process.argv.includes('--verbose'), true, 'fresh6'),
    // Seventh outside English set (a seventh tester: BBC/Guardian/Al Jazeera/Bloomberg/FT/Nikkei/Straits Times/ScienceDaily shapes).
    ...benchEnFresh(process.argv.includes('--verbose'), true, 'fresh7'),
    // Eighth outside English set (an eighth tester: Atlantic/Economist/Washington Post/Wired/Ars/Substack/GOV.UK/Brookings/Conversation/Axios shapes).
    ...benchEnFresh(process.argv.includes('--verbose'), true, 'fresh8'),
    // Ninth outside English set (a ninth tester: AP/NYT/CSIS/Wikipedia/McClatchy/Lee-BLOX/Yahoo/US-government shapes).
    ...benchEnFresh(process.argv.includes('--verbose'), true, 'fresh9'),
    // Tenth outside English set (a tenth tester: Medium/Jekyll/Nature/Science/Newspack/Arc XP/Quartz-Kinja/CNN shapes).
    ...benchEnFresh(process.argv.includes('--verbose'), true, 'fresh10'),
    // Eleventh outside English set (an eleventh tester: WSJ/LA Times/Business Insider/fact-check/PMC/arXiv HTML/Blogger/dev.to shapes).
    ...benchEnFresh(process.argv.includes('--verbose'), true, 'fresh11'),
    // Twelfth outside English set (a twelfth tester: TIME/HuffPost/Smithsonian/ProPublica/PLOS/Daily Mail/DW/CBC shapes).
    ...benchEnFresh(process.argv.includes('--verbose'), true, 'fresh12'),
    // Thirteenth outside English set (a thirteenth tester: Slate/Scientific American/Webflow/Wix/The Hindu/France 24/ABC Australia/Japan Times shapes).
    ...benchEnFresh(process.argv.includes('--verbose'), true, 'fresh13'),
    // Fourteenth outside English set (a fourteenth tester: Times of India/MSN/Sanity-Next.js/RSS reader/WordPress.com/Hugo Docsy/Semafor/Mirror shapes).
    ...benchEnFresh(process.argv.includes('--verbose'), true, 'fresh14'),
    // Fifteenth outside English set (a fifteenth tester: Fox News/Sky News/SMH-Nine/beehiiv/LinkedIn/Notion/Quanta/Tumblr shapes).
    ...benchEnFresh(process.argv.includes('--verbose'), true, 'fresh15'),
    // Sixteenth outside English set (a sixteenth tester: Variety-PMC/ESPN/Independent/Telegraph/Discourse/Read the Docs/Shopify/HubSpot shapes).
    ...benchEnFresh(process.argv.includes('--verbose'), true, 'fresh16'),
    // Seventeenth outside English set (a seventeenth tester: GitHub-like README/MDN-like reference/Hacker News-like Ask post/LWN-like/Verge-like Duet/Future plc-like guide/Joomla/published Google-Docs-like shapes).
    ...benchEnFresh(process.argv.includes('--verbose'), true, 'fresh17'),
    // Eighteenth outside English set (an eighteenth tester: Wayback-like snapshot/print view/Dreamwidth-like entry/phpBB-like topic/Confluence-like page/MkDocs Material-like page/court opinion/podcast episode shapes).
    ...benchEnFresh(process.argv.includes('--verbose'), true, 'fresh18'),
    // Nineteenth outside English set (a nineteenth tester: Stack Exchange-like question/code-forge release/museum object/patent record/LMS syllabus/charity annual report/job-board posting/translated citizen-media story shapes).
    ...benchEnFresh(process.argv.includes('--verbose'), true, 'fresh19'),
    // Twentieth outside English set (a twentieth tester: dictionary entry/data-journalism story/leader's speech/help-centre article/RFC-like document/manual page/literary-magazine poem/letters page shapes).
    ...benchEnFresh(process.argv.includes('--verbose'), true, 'fresh20'),
    // Twenty-first outside English set (a twenty-first tester: fediverse thread/parish sermon/web-serial chapter/conference talk/transit notice/petition letter/publisher excerpt/weather explainer shapes).
    ...benchEnFresh(process.argv.includes('--verbose'), true, 'fresh21'),
    // Twenty-second outside English set (a twenty-second tester: status-page incident/food recall announcement/council minutes/photo essay/historical marker/travel advisory/real-estate listing/bird species account shapes).
    ...benchEnFresh(process.argv.includes('--verbose'), true, 'fresh22'),
    // Twenty-third outside English set (a twenty-third tester: security advisory/health-condition overview/terms of service/trail guide/lyrics page/retraction notice/event listing/charity appeal letter shapes).
    ...benchEnFresh(process.argv.includes('--verbose'), true, 'fresh23'),
    // Twenty-fourth outside English set (a twenty-fourth tester: Q&A answer page/finance term explainer/grant call/museum exhibition/crowdfunding campaign/app-store listing/school newsletter/how-to steps shapes).
    ...benchEnFresh(process.argv.includes('--verbose'), true, 'fresh24'),
    // Twenty-fifth outside English set (a twenty-fifth tester: Hansard-like debate/earnings release/patient leaflet/list-archive message/shop product page/reader's book review/fan-wiki episode/rendered notebook shapes).
    ...benchEnFresh(process.argv.includes('--verbose'), true, 'fresh25'),
    // Third outside Chinese set (a third tester, other builders and encoding traps).
    ...benchOutside(process.argv.includes('--verbose'), 'outside3'),
    // Fourth outside Chinese set (a fourth tester: intranet, e-paper, app share page, BOM, <td> articles).
    ...benchOutside(process.argv.includes('--verbose'), 'outside4'),
    // Fifth outside Chinese set (a fifth tester: 党校 VSB, two-row 信息公开 table, WordPress multisite, 党刊 notes).
    ...benchOutside(process.argv.includes('--verbose'), 'outside5'),
    // Sixth outside Chinese set (a sixth tester: no-h1 政策 table, OA 公文, JSON-only share page, 澎湃号, 供稿单位).
    ...benchOutside(process.argv.includes('--verbose'), 'outside6'),
    // Seventh outside Chinese set (a seventh tester: 泛微 intranet, late GBK meta, 2008 <font> tables, 【】 fields, new 来源 labels).
    ...benchOutside(process.argv.includes('--verbose'), 'outside7'),
    // Eighth outside Chinese set (an eighth tester: 生成日期 / after-body 信息公开 tables, 数字报, page 2 of 3, 蓝凌 OA, icon-only and script-written metadata, GBK in a gb2312 label).
    ...benchOutside(process.argv.includes('--verbose'), 'outside8'),
    // Ninth outside Chinese set (a ninth tester: pages where the metadata is the hard part — several dates, 转自/转载自/来源｜, 引题/副标题, charset traps).
    ...benchOutside(process.argv.includes('--verbose'), 'outside9'),
    // Tenth outside Chinese set (a tenth tester: 公开日期 / name-value / 关联文件 信息公开, 党刊 刊期, 135 editor, <br> in the h1, 导语, 原标题, GBK 生效日期).
    ...benchOutside(process.argv.includes('--verbose'), 'outside10'),
    // Eleventh outside Chinese set (an eleventh tester: 提案 replies, JS tabs, 专题 detail, m. page, 图片新闻 slider, 打印 view, Drupal UTC time, yearless 发布于).
    ...benchOutside(process.argv.includes('--verbose'), 'outside11'),
    // Twelfth outside Chinese set (a twelfth tester: pages where the body is the hard part — Word/FrontPage/秀米 markup, long 讲话, data table, 图解, ads, 访谈, comments, 内容提要, broken markup, page 1 of 3).
    ...benchOutside(process.argv.includes('--verbose'), 'outside12'),
    // Thirteenth outside Chinese set (a thirteenth tester: page kinds — forum thread, Z-Blog, MIP, 搜狐号, 知乎专栏, pdf2htmlEX, 中英对照, 问政, 诗词, WPS export, 视频 实录, 知更鸟).
    ...benchOutside(process.argv.includes('--verbose'), 'outside13'),
    // Fourteenth outside Chinese set (a fourteenth tester: page kinds — 知网 abstract, Hexo/Typecho/Halo blogs, 语雀/飞书 docs, Confluence, 会议纪要, 年鉴 条目, 微博 头条文章, 人民网/新华网 page 2).
    ...benchOutside(process.argv.includes('--verbose'), 'outside14'),
    // Fifteenth outside Chinese set (a fifteenth tester: page kinds — 致远 A8 公告, 一网通办 解读, 法规库, 采购公告, 裁判文书, CSDN/博客园/简书, 统计公报, 建议答复, 钉钉 H5, 网易号).
    ...benchOutside(process.argv.includes('--verbose'), 'outside15'),
    // Sixteenth outside Chinese set (a sixteenth tester: page kinds — 招聘公告, 任前公示, 意见征集, 新浪/中新网, MetInfo, VitePress, 新浪博客, 学报 full text, 讲座预告, 图文直播, 上市公司公告).
    ...benchOutside(process.argv.includes('--verbose'), 'outside16'),
    // Seventeenth outside Chinese set (a seventeenth tester: page kinds — 豆瓣日记, B站专栏, 贴吧 thread, 腾讯/凤凰/界面, 办事指南, 行政处罚 公示, 志愿服务 报道, 档案史料, 博物馆 展览, PbootCMS).
    ...benchOutside(process.argv.includes('--verbose'), 'outside17'),
    // Eighteenth outside Chinese set (an eighteenth tester: page kinds — 政府公报, 检察院 典型案例, 医院, 小红书, 掘金, GitBook, 招生简章, 知乎 回答, 凡科建站, MediaWiki, 法院 公告, 社会责任报告).
    ...benchOutside(process.argv.includes('--verbose'), 'outside18'),
    // Nineteenth outside Chinese set (a nineteenth tester: page kinds — 香港 新聞公報, 范文网 (GBK), 题库, 气象 预警, 非遗 名录, 内刊 网页版, 中标候选人公示, SingleFile 保存页, 广播 文稿, 党史上的今天, 12366 问答, 书屋 章节).
    ...benchOutside(process.argv.includes('--verbose'), 'outside19'),
    // Twentieth outside Chinese set (a twentieth tester: page kinds — 网页存档 copy, 博物馆 藏品, 农技 问答, 读书会 书评, 繁体 Big5 社團, 放假通知, 停电公告, 讣告, 以案说法, 学会 征文通知, 微博 正文, 党员教育 课件).
    ...benchOutside(process.argv.includes('--verbose'), 'outside20'),
    // Twenty-first outside Chinese set (a twenty-first tester: page kinds — 大事记, 倡议书, 巡察整改通报, 表彰决定 (GB2312 XHTML), 台湾 新聞稿 (民國 dates), AMP, 政府工作报告, 发言摘登, 抽检通告, Coremail 读信, 主题党日 记录, 评选投票).
    ...benchOutside(process.argv.includes('--verbose'), 'outside21'),
    // Twenty-second outside Chinese set (a twenty-second tester: page kinds — 述职述廉报告, 党课讲稿, flipbook 电子刊 text layer, 信息公开年度报告, 英烈档案, 村务公开 (GBK), 征地预公告, 会议通知 回执 (GB2312), 调研报告, 帮助中心, 警情通报, 景区介绍).
    ...benchOutside(process.argv.includes('--verbose'), 'outside22'),
    // Twenty-third outside Chinese set (a twenty-third tester: page kinds — Excel 另存为网页 名单 (GB2312), 事故调查报告, 审计结果公告, 部门预算公开, 慰问信 (GBK), 忏悔录, 修改对照表, 云笔记 share page, 宣讲课件 slides, 驻村日志, 招商项目推介, 健康科普).
    ...benchOutside(process.argv.includes('--verbose'), 'outside23'),
    // Twenty-fourth outside Chinese set (a twenty-fourth tester: page kinds — 水情通报, 政协 委员风采, 交通管制 通告, 价格监测 周报, 环评 受理公示 (GBK), 法院 执行悬赏公告, 网络辟谣, 拟接收预备党员公示, 地震速报, 人事任免 (GBK), 校园 优秀习作, 学位论文答辩公告).
    ...benchOutside(process.argv.includes('--verbose'), 'outside24'),
    // Twenty-fifth outside Chinese set (a twenty-fifth tester: page kinds — 地名命名公告, 价格听证会公告, 行政复议决定书, 依申请公开 答复书, 土地挂牌出让公告 (GB2312), 病虫情报, 学校 每周食谱, 领导之窗, 消费提示, 资助政策 十问十答, 集体资产招租公告 (GBK), 纪念馆 讲解词).
    ...benchOutside(process.argv.includes('--verbose'), 'outside25'),
    // Twenty-sixth outside Chinese set (a twenty-sixth tester: page kinds — 供水水质公告, 空气质量排名通报 (GBK), 督察 信访件办理公示, 合同示范文本, 政府网站工作年度报表, 专家门诊出诊安排, 公交线路调整公告, 银行 网点迁址公告, 文库 文档页, 规划许可 批前公示, 校运会 成绩公告, 征兵通告 (GB2312, ASP.NET)).
    ...benchOutside(process.argv.includes('--verbose'), 'outside26'),
    // Twenty-seventh outside Chinese set (a twenty-seventh tester: page kinds — 党费收缴公示, 政府采购意向, 公积金 政策解读 (Vue SSR state), 笔试成绩 公示 (GBK), 拟聘用人员公示 (VSB, unlabelled unit), 青年大学习 通报 (WeChat), 开庭公告 (ASP.NET), 中心组 学习计划, 应知应会 (folded answers), 校历 (GB2312), 低保 公示 (masked names), 图书馆 新书通报 (Next.js, no 来源)).
    ...benchOutside(process.argv.includes('--verbose'), 'outside27'),
    ...benchReferee(),
    extract_pages_per_s: Math.round(oursRate * 10) / 10,
    extract_pages_per_cpu_s: Math.round((pages.length / oursS.cpu) * 10) / 10,
    extract_baseline_pages_per_cpu_s: Math.round((pages.length / baseS.cpu) * 10) / 10,
    extract_baseline_pages_per_s: Math.round(baseRate * 10) / 10,
    extract_baseline_ratio: Math.round((oursRate / baseRate) * 100) / 100,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await benchExtract();
  for (const [k, v] of Object.entries(result)) process.stdout.write(`${k}: ${v}\n`);
}
