/**
 * `npm run bench [-- suite ...]`: every benchmark prints `name: value` lines. Suites are
 * loaded lazily so one missing piece never hides the others' numbers.
 */
export {};

const suites: Record<string, () => Promise<Record<string, number>>> = {
  app: async () => (await import('./app')).benchApp(),
  paint: async () => (await import('./paint')).benchPaint(),
  notebook: async () => (await import('./notebook')).benchNotebook(),
  notes: async () => (await import('./notes')).benchNotes(),
  extract: async () => (await import('./extract')).benchExtract(),
  'extract-speed': async () => (await import('./extract-speed')).benchSpeed(),
  // `-- extract-outside [--outside2 | … | --outside11] [--verbose]`: one outside
  // Chinese set (--outside3 … --outside11 list their pages).
  'extract-outside': async () => {
    const m = await import('./extract-outside');
    const set = m.outsideSetFromArgv(process.argv);
    const listed = set !== 'outside' && set !== 'outside2';
    return m.benchOutside(process.argv.includes('--verbose') || listed, set);
  },
  anchoring: async () => (await import('./anchoring')).benchAnchoring(),
  // The outside tester's bench: its own texts, highlights and revisions (anchoring-independent.ts).
  anchor: async () => (await import('./anchoring-independent')).benchAnchorIndependent(process.argv.slice(2)),
  // A second outside tester's bench, with revision kinds neither of the above makes (anchoring-outside2.ts).
  anchor2: async () => (await import('./anchoring-outside2')).benchAnchorOutside2(process.argv.slice(2)),
  // A third outside tester's bench, with revision kinds neither outside bench lists (anchoring-outside3.ts).
  anchor3: async () => (await import('./anchoring-outside3')).benchAnchorOutside3(process.argv.slice(2)),
  // A fourth outside tester's bench: revisions of 条例, outlines, tables, 繁体 and PDF reprints… (anchoring-outside4.ts).
  anchor4: async () => (await import('./anchoring-outside4')).benchAnchorOutside4(process.argv.slice(2)),
  // A fifth outside tester's bench: 名单, 征求意见稿 → 正式稿, 中英对照, 答记者问, 公报 figures, print export… (anchoring-outside5.ts).
  anchor5: async () => (await import('./anchoring-outside5')).benchAnchorOutside5(process.argv.slice(2)),
  // A sixth outside tester's bench: 注音, 脱敏, 的地得, 摘编, 连载, 公众号, accidental repeats, 洗稿 clause swaps, watermarks (anchoring-outside6.ts).
  anchor6: async () => (await import('./anchoring-outside6')).benchAnchorOutside6(process.argv.slice(2)),
  // A seventh outside tester's bench: 讲话摘要, 简报, 手机分行, 导读/重点标记, 英文注释, 半繁体, 去引号, 广告插段, 时间线倒序 (anchoring-outside7.ts).
  anchor7: async () => (await import('./anchoring-outside7')).benchAnchorOutside7(process.argv.slice(2)),
  // An eighth outside tester's bench: 答记者问 labels, 引语 attribution moved, 删节, 专题 double print, 注释 inline, lossy re-save, 将→已 updates (anchoring-outside8.ts).
  anchor8: async () => (await import('./anchoring-outside8')).benchAnchorOutside8(process.argv.slice(2)),
  // A ninth outside tester's bench: 规避敏感词, 视频文字稿, 约/近 figures, 、-list reorders, Markdown links, 滚动更新, 长微博 threads (anchoring-outside9.ts).
  anchor9: async () => (await import('./anchoring-outside9')).benchAnchorOutside9(process.argv.slice(2)),
  // A tenth outside tester's bench: 一是… restyled, 〔〕 notes, 修订对照稿, 首字下沉, 转版, two columns, lead heads, 行号, quotes cut with …… (anchoring-outside10.ts).
  anchor10: async () => (await import('./anchoring-outside10')).benchAnchorOutside10(process.argv.slice(2)),
  // An eleventh outside tester's bench: 掌声 stage notes, 摘要/关键词, 点评 lines, 精选留言, 目录, 电头/引题, 精读 sentence numbers, IME slips, 转载 frames (anchoring-outside11.ts).
  anchor11: async () => (await import('./anchoring-outside11')).benchAnchorOutside11(process.argv.slice(2)),
  // A twelfth outside tester's bench: 引文出处, 填空题, 文字卡片, 图解数说, 朗读版断句, 展开全文 folds, 独立引文, 名词解释, 学习问答 (anchoring-outside12.ts).
  anchor12: async () => (await import('./anchoring-outside12')).benchAnchorOutside12(process.argv.slice(2)),
  // A thirteenth outside tester's bench: HTML entities, leaked tags, 导语 lifted, 追踪报道 合订本, 地方转载, 顿号校对, run-in heads, 洗稿 synonyms, 字间距 (anchoring-outside13.ts).
  anchor13: async () => (await import('./anchoring-outside13')).benchAnchorOutside13(process.argv.slice(2)),
  // A fourteenth outside tester's bench: 转发通知 nested quotes, 简繁简 round trip, code-page marks, 竖排 marks, 注释, 摘编 → 全文, 过渡语, 机构改革 names, 括注 → 破折号 (anchoring-outside14.ts).
  anchor14: async () => (await import('./anchoring-outside14')).benchAnchorOutside14(process.argv.slice(2)),
  // A fifteenth outside tester's bench: GB/T 15834 标点, 图片占位, 标题改写, 并句, 删节, 分隔符, 脱衍, 体例 of times and ranges, 数据来源 notes (anchoring-outside15.ts).
  anchor15: async () => (await import('./anchoring-outside15')).benchAnchorOutside15(process.argv.slice(2)),
  // A sixteenth outside tester's bench: Markdown copies, 上一页/下一页 pagination, invisible format characters, 全角/半角, 思考题, asides dropped, 列举 cut to 等, 小标题 dropped, numerals to digits (anchoring-outside16.ts).
  anchor16: async () => (await import('./anchoring-outside16')).benchAnchorOutside16(process.argv.slice(2)),
  // A seventeenth outside tester's bench: 量词校对, 引文核校, 结语 restating sentences, 字幕稿 lines, 外宣 names for 我省/本报, 文件链接 and 相关文件 lists, 排比 in lines, 指代明确, 同比 口径 (anchoring-outside17.ts).
  anchor17: async () => (await import('./anchoring-outside17')).benchAnchorOutside17(process.argv.slice(2)),
  // An eighteenth outside tester's bench: CMS 摘要 copies, 字数精简, 学习记录 forms, 要点 boxes, 断句 commas, 倒字, 涉密数字 masked, inline list numbers, 背景 paragraphs moved to a box (anchoring-outside18.ts).
  anchor18: async () => (await import('./anchoring-outside18')).benchAnchorOutside18(process.argv.slice(2)),
  // A nineteenth outside tester's bench: 书面语 tone marks, 法定计量单位, 规范表述, 数据修约, 去重 of pasted copies, acronyms spelled out, 扩写 clauses, 小标题 splits, 倒叙 → 顺叙 (anchoring-outside19.ts).
  anchor19: async () => (await import('./anchoring-outside19')).benchAnchorOutside19(process.argv.slice(2)),
  print: async () => (await import('./print')).benchPrint(),
  search: async () => (await import('./search')).benchSearch(process.argv.slice(2)),
  packets: async () => (await import('./packets')).benchPackets(),
  backup: async () => (await import('./backup')).benchBackup(),
  'backup-originals': async () => (await import('./backup-originals')).benchBackupOriginals(),
  sync: async () => (await import('./sync')).benchSync(),
  archive: async () => (await import('./archive')).benchArchive(),
  feeds: async () => (await import('./feeds')).benchFeeds(),
  documents: async () => (await import('./documents')).benchDocuments(),
  attachments: async () => (await import('./attachments')).benchAttachments(),
  library: async () => (await import('./library')).benchLibrary(),
  channel: async () => (await import('./channel')).benchChannel(),
};

// Suite names only: skip options and the values that follow them (`--docs 100000`).
const args = process.argv.slice(2);
const wanted = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const names = wanted.length ? wanted : Object.keys(suites);
let failed = false;
for (const name of names) {
  const suite = suites[name];
  if (!suite) {
    process.stderr.write(`unknown bench suite: ${name} (have: ${Object.keys(suites).join(', ')})\n`);
    failed = true;
    continue;
  }
  try {
    for (const [key, value] of Object.entries(await suite())) process.stdout.write(`${key}: ${value}\n`);
  } catch (error) {
    process.stderr.write(`bench ${name} failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
