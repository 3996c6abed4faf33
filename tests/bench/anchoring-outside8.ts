/**
 * Anchoring bench of an EIGHTH outside tester (issue 12 item 4: after an article is updated, at
 * least 99% of the surviving highlighted passages placed and none on the wrong words, on edits
 * never seen). Written without reading shared/anchoring beyond the exported signatures and doc
 * comments of shared/anchoring/index.ts, nor the anchoring tests or the other benches' bodies;
 * its revision kinds are ones the seven earlier outside benches' headers do not list.
 *
 *   npx tsx tests/bench/anchoring-outside8.ts [--seeds a-b] [--kind name] [--list]
 *   npm run bench -- anchor8 [--seeds a-b] [--kind name] [--list]
 *
 * Texts: the Chinese pages of ../shared/corpora/chinese-news-pages turned into stored article
 * text by the project's extractor (paragraphs joined by '\n'), read in place and never copied;
 * every fifth seed a long article of 60k–120k units made by joining pages. Without the corpora
 * the bench prints why and reports nothing. Words the revisions write (names, notes, heads,
 * update lines) are made up here from small lists of our own.
 *
 * Highlights, made on the text as it was (after the kind's prepare step), as readers make them:
 * sentence, clause, term (2–4 units after a particle or mark), number (with its unit), quote
 * (inside “”, with or without the marks), cross (a span over a paragraph break), repeated (one
 * chosen occurrence of a 4–8-unit phrase the text holds more than once), first and last (the
 * article's first and last words), and target (words at or beside what the kind edits). 40 per
 * text, 200 on a long article. Described with describe() and re-found with one anchorAll() per
 * revision, as renderer/core/highlights/anchorJob.ts does.
 *
 * Revision kinds (each on its own on a fresh copy of the seed's text, then `mixed`: three in a row):
 * - qa_labels: a 答记者问 relabelled. Prepare: paragraphs after the title led by 问： and 答： in
 *   turn. Revision (one house style per text): labels dropped; 记者： / a made-up spokesman's
 *   name； bold **记者**： / **name**：; 【问】/【答】; Q： / A：.
 * - attrib_move: 引语 attribution moved. Prepare: 30% of the sentences become name说：“…。”.
 *   Revision: “…，”name说。 (the full stop becomes a comma inside the marks), name表示，… (marks
 *   dropped), a quote split by its attribution (“A，”name说，“B。”), or left alone.
 * - abridge: an abridged reprint: every second or every third paragraph dropped, or every
 *   paragraph cut to its first sentence; （有删节） at the end.
 * - zhuanti: a 专题 page printing the article twice under different heads: the updated article (a
 *   sentence dropped from a fifth of its paragraphs) and an abridged copy of the old one (every
 *   second paragraph), in either order, with a 专题 head, heads that repeat the title's words and
 *   相关报道 lines between. A placement on the copy's words is RIGHT_COPY.
 * - footnote_inline: footnotes. Prepare: 4–8 markers (① … or [1] …) after terms mid-sentence
 *   and a 注释： block at the end. Revision: notes moved inline as （注：…） at the markers, or
 *   markers and block dropped, or the markers restyled (① ↔ [1]).
 * - lossy: a lossy re-save into a small character set: Han characters at most twice in the whole
 *   corpus become ? (80% of them), curly quotes become straight ones.
 * - update: an article updated after the event: 即将 → 已经, 将于 → 已于, 将在 → 已在, 预计 → 初步统计,
 *   有望 → 已, 正在 → 已经, 目前 → 截至发稿时 … at 80% of the places, an update line on top.
 * Definitions of SURVIVING, RIGHT, RIGHT_COPY, PARTIAL, WRONG, ON_REMAINS, MISS and ORPHAN:
 * anchoring-outside8-judge.ts.
 *
 * Output: anchor_out8_recall_pct, anchor_out8_wrong, _highlights, _surviving, _partial, _miss,
 * _right_copy, _lost, _on_remains, per kind and per highlight type (recall, wrong); the CPU time
 * of one anchorAll on a long article (median, max) and of the whole run. `--list` prints every
 * miss, partial and wrong with context (⏎ is a paragraph break): old place, true new place,
 * placed one and where the placed units came from. Written on seeds 901–910 only (the default
 * range); a range of 40 seeds takes about 25–40 s of CPU (extraction of the pages included).
 *
 * FIRST MEASUREMENT, once, on main d84d5be (merged at 8fe9bcd; shared/anchoring unchanged by the
 * merge), seeds 1–40, 13:57 UTC 2026-12-06, load average ~30; run before any failure of these
 * seeds was looked at (the bench was written on seeds 901–910 only):
 *   anchor_out8_recall_pct 91.5   anchor_out8_wrong 18   highlights 23040   surviving 21353
 *   miss 1800   partial 5   right on a copy 141   lost 1687 (on their remains: 83)
 *   qa_labels       recall 91.1%  wrong  0  (surviving 2875)
 *   attrib_move     recall 95.1%  wrong  0  (surviving 2843)
 *   abridge         recall   86%  wrong  0  (surviving 1856)
 *   zhuanti         recall 89.1%  wrong 14  (surviving 2809)
 *   footnote_inline recall 95.3%  wrong  0  (surviving 2813)
 *   lossy           recall 98.3%  wrong  0  (surviving 2840)
 *   update          recall 93.6%  wrong  0  (surviving 2865)
 *   mixed           recall 79.9%  wrong  4  (surviving 2452)
 *   by highlight type (recall/wrong): first 86.8%/0, last 87.6%/0, target 88.7%/0, sentence 92.7%/3,
 *     clause 94.3%/2, term 94.5%/2, number 93.6%/1, quote 90.5%/0, cross 90.4%/2, repeated 86.9%/8
 *   CPU: one anchorAll on a long article (200 highlights) median 109 ms, max 235 ms; the whole run
 *   23.7 s CPU.
 * The target (≥ 99% of surviving passages placed, 0 wrong) is not met on these edits: 91.5%, 18 wrong.
 *
 * FAILURE CLASSES (seeds 1–40, read from --list; reproduce with --seeds N --kind K --list):
 * NOTE on the texts: the extractor keeps 49 usable pages (97k units), so a long article whose goal
 * is above that (seeds 15, 20, 35, 40 among 1–40) holds some pages twice: whole-page twins, identical
 * for thousands of units. Real long reads reprint too, but here it comes from the join.
 * WRONG 18 (all but one on the same words as the highlight):
 * - whole-page twin, 15 (zhuanti 14, mixed 1; seeds 20, 35, 40): in a 专题 with the abridged copy
 *   first, the passage stands unchanged in the updated article, and its twin in the page's other
 *   printing (old 6.6k vs old 103.7k, seed 40) takes it, often because a sentence dropped next to
 *   the true place left the twin with the better context (seed 40 number 100名: true context
 *   无不感到欣喜。⏎往年, the twin's 到100多个。⏎往年 as stored). 5 of them are lost passages (their
 *   sentence dropped, the copy abridged) placed on the twin or its copy.
 * - look-alike line in the same page, 2 (seed 11 mixed zhuanti+footnote_inline+abridge): two
 *   phone spec lines alike (前置 1000 万像素摄像头，电池容量为 4000mAh / 4500mAh); the highlighted one
 *   dropped by the abridged reprint, its words placed on the other line.
 * - lost cross span placed as its first half on a repeat of that sentence 900 units before, 1
 *   (seed 35 mixed lossy+qa_labels+zhuanti).
 * MISS 1800: 1210 of them are passages whose words the old text holds more than once (whole-page
 * twins of the long articles, 'repeated' highlights), left orphans once the revision moves
 * things unevenly: update 166 of 183 misses, footnote_inline 117/131, abridge 220/259, qa_labels
 * 208/254, zhuanti 206/297 (where the 专题 prints the words up to three times: the head repeats the
 * title's first 12 units). The other 590:
 * - edited inside (attrib_move 125 of 138: 。 inside the marks turned into ，, 说： → 表示，, the
 *   speaker moved behind the quote; qa_labels: a label in the highlight, 答：许多年来 → **孙国平**：许多
 *   年来; update: 目前 → 截至发稿时 inside a clause; lossy: ? for rare characters).
 * - moved: footnote notes moved inline from the 注释 block at the end to the marker, 1–2k units
 *   earlier (the `last` highlight: 含部分预估数据 → （注：含部分预估数据）).
 * - context gone on both sides (abridge: the neighbouring paragraphs dropped; zhuanti: the 专题
 *   head now before the first paragraph and a sentence dropped next to it).
 * - copies: zhuanti `first`/lead sentences printed in the head, the abridged copy and the article.
 *
 * LATER, development (anchor16d), seeds 1–40 (before = main c7dfeb5, after = 56b0b3b, before merging
 * anchor16b), load ~35: 91.5% / 18 wrong → 91.4% / 8 wrong; zhuanti 89.1% / 14 → 87.9% / 4, mixed
 * 79.9% / 4 unchanged, other kinds unchanged. Rule: a placement on the quote's very words, the new
 * text holding more copies than the old one did, with no more stored context there than another
 * copy had (copyContext), is in doubt: only sure neighbours place it (index.ts, doubt()). Whole-page
 * twins of the long articles were the 10 wrongs removed; the cost is 34 right placements on the twins
 * whose neighbours are all twins too. Left: 4 zhuanti wrongs are LOST passages (sentence dropped,
 * the count of copies unchanged because the 专题's abridged copy adds one), placed on the twin; mixed 4.
 * Tried and dropped: letting far sure neighbours (beyond 3000 units, one side at the text's edge)
 * lift these doubts won back the 34 (91.6%) but added a wrong in mixed (9).
 * Seeds 41–80 (before = main 6e61680, after = that merged with this rule): 92.3% / 3 → 92.0% / 2
 * (zhuanti 89.5% / 2 → 88.9% / 1, mixed 82.6% / 0 → 81.5% / 0).
 * FRESH, once, seeds 81–120, on main 5caf9fc (after anchor16b/c/d; lead, 2026-12-06 15:20 UTC, once,
 *   clean-clone CI running beside it): 94.2% placed, 6 wrong (abridge 3, mixed 2, qa_labels 1; 5 of
 *   the 6 are 'repeated' highlights); qa_labels 94, attrib_move 95.7, abridge 89.6, zhuanti 93.5 (0
 *   wrong), footnote_inline 96.6, lossy 98.4, update 97.2, mixed 85.2; anchorAll on a long article
 *   median 138 ms, max 738 ms CPU (load ~5).
 * LATER, development (anchor17b), before = main b252f8c, after = branch s17-anchor17b (load 20–35):
 *   1–40   91.3% / 7 wrong → 92.0% / 7 (the same 7); qa_labels 91.1 → 92.7, attrib_move 95.1 → 98.1,
 *          mixed 79.8 → 80.7, other kinds unchanged.
 *   41–80  92.4% / 2 → 93.0% / 2 (the same 2); qa_labels 93 → 93.9, attrib_move 95 → 98.1, mixed
 *          82.6 → 83.3 (measured before the look-alike refusal of relabelled.ts, which only refuses).
 *   81–120 94.2% / 6 → 95.0% / 3 (3 of the 6 left, no new); qa_labels 94 → 95.9, attrib_move 95.7 →
 *          98.5, abridge 89.6 / 3 wrong → 89.6 / 1, mixed 85.2 / 2 → 86.0 / 1; anchorAll on a long
 *          article median 150 → 148 ms, max 727 → 769 ms CPU (load ~30, noisy); whole run 27.8 → 27.6 s.
 *   Guards (main → branch before its last two refusals, which only refuse): prose 800–830, generated
 *   80001–80030, independent 481–520, outside4 1–40 identical; outside2 281–320 identical but on
 *   remains 378 → 380; outside3 1–40 99.1 → 99.2%; outside5 1–40 97.8% / 3 unchanged (indirect
 *   97.9 → 97.8, leader 97.3 → 97.6); outside6 1–40 98.4% / 0, one miss fewer; outside7 1–40
 *   identical (93.7% / 6). The generated bench's 113k/200 CPU 94 → 102 ms at load ~30 (not re-timed quiet).
 *   Rules: relabelled.ts (labels at paragraph heads restyled at or inside a highlight: its label-free
 *   words and whole label-free context exactly once, inside its neighbours' bracket; refused where
 *   the old text held a look-alike differing in its labels' units, seed 35 mixed); edges.ts reads a
 *   speaker's attribution before a quotation (王某说：“) as the side's edge: moved behind it with the
 *   full stop, rewritten 王某表示，, or splitting it at a comma; contextcopy.ts orphans a placement
 *   on the copy of the quote its own stored context held (seed 88 abridge and mixed: ……”苹果公司说。
 *   dropped, placed on the next paragraph's opening name). Abridged reprints with both neighbouring
 *   paragraphs gone were left to anchor17a's ownpara.ts (the same idea).
 *   Left wrong on 81–120: seed 90 abridge (a repeated question of a Q&A page on a twin's copy,
 *   both contexts gone), seed 95 mixed (a lost passage on a whole-page twin), seed 100 qa_labels (a
 *   whole-page twin whose labels alternate the other way, found by the main search: score 0.905).
 * FRESH, once, seeds 121–160, on main 64b98c4 (after anchor17a/b/c/d/e; lead, 2026-12-06 18:12 UTC,
 *   load ~2; the footnote_inline revision no longer throws where the page's own text already used a
 *   marker — the note's units kept at the first, written as new text at the others): 92.8% placed,
 *   1 wrong (mixed); qa_labels 93.2, attrib_move 97.9, abridge 88.5, zhuanti 90.1, footnote_inline
 *   94.1, lossy 96.8, update 94.5, mixed 84.4; anchorAll on a long article median 86 ms, max 234 ms.
 * LATER, development (anchor18b), before = main 1d3ab8e, after = branch s18-anchor18b (load 10–37).
 *   Measured with four rules; rule (2) below was then DROPPED for a new wrong on outside2 281–320
 *   (seed 310 merge: a whole page the revision inserted again into a long article, the quote and
 *   both sides verbatim there: new text, not a printing of the passage). Kept (1), (3), (4).
 *   With all four: 121–160 92.8% / 1 wrong → 93.3% / 0 (qa_labels 93.2 → 93.5, abridge 88.5 → 90.3,
 *   zhuanti 90.1 → 91.7, mixed 84.4 / 1 → 85.5 / 0); 1–40 92.2% / 3 → 92.6% / 3 (the same 3: seed
 *   11's look-alike spec lines, seed 15's twin; qa_labels 94 → 94.2, abridge 87 → 88.2, zhuanti
 *   87.5 → 89.4, mixed 82.5 → 83.1). After the drop, measured: zhuanti 121–160 90.1% / 0 (main's),
 *   outside2 seed 310 merge 0 wrong again; the totals above overstate zhuanti's share (about 1.6
 *   points of zhuanti, 0.2 of the total) and were not re-run whole for lack of time.
 *   Rules: (1) the wrong on 121–160 (seed 134 mixed zhuanti+abridge+attrib_move): 王建华说：“而在这
 *   周四，眼尖 at a paragraph's head, read by relabelled.ts as a label (王建华说：) and placed on the
 *   article's “而在这周四，眼尖 (the attribution moved behind), while the 专题's other printing held
 *   王建华表示，而在这周四，眼尖: a copy with more of the passage. relabelled.ts now refuses where the
 *   quote's label-free words stand elsewhere with the label's words (its name, a verb of saying
 *   aside) within 12 units before them. (2, dropped) a passage printed again whole (quote and both
 *   full sides verbatim, old copies sharing at most one side) taken as no guess among copies.
 *   (3) abridge: a paragraph cut to its opening sentence is no pull quote: pinned.ts places a
 *   quote that opened its old paragraph and ends a sentence, standing alone between its placed
 *   neighbours. (4) qa_labels: relabelled.ts's look-alike refusal (anchor17b, seed 35's twin
 *   printing) only where the look-alike had more than half of the stored context; a law's 问：/答：
 *   lines opening alike (seed 133) are told apart by the whole label-free context.
 *   Guards with all four (main → branch): prose 800–830, generated 80001–80030, default bench,
 *   outside4, outside6, outside9 identical; outside5 and outside7 one miss fewer; outside2 281–320
 *   8 → 9 wrong (the drop above).
 *   Left: zhuanti passages in both printings with all their context (neighbours split between the
 *   printings cannot confirm the copy chosen by position), zhuanti misses at the text's edges,
 *   abridge passages that were not the opening sentence, qa_labels cross spans over a label placed
 *   as their first half only (PARTIAL), and the long articles' whole-page twins.
 * FRESH, once, seeds 161–200, on main e964917+042b0d8 (after anchor18a–e; lead, 2026-12-06 21:20 UTC, load ~2): 97.4% placed, 0 wrong;
 *   qa_labels 99.2, attrib_move 99.1, abridge 95, zhuanti 96.3, footnote_inline 99.2, lossy 99.3,
 *   update 98.7, mixed 90.6; anchorAll on a long article median 79 ms, max 208 ms CPU.
 * LATER, development (anchor19c), seeds 1–200 (all seen), before = main e989642, after = branch
 *   s19-anchor19c a3da8a5 (onesided.ts only; linked.ts after it touches Markdown-like runs), load 25–38:
 *   94.3% / 6 wrong → 94.6% / 6 (the same 6: seed 11's spec lines, 15, 60, 90, 157); zhuanti 91.5 →
 *   93.2, footnote_inline 95.6 → 96, update 95.7 → 96, mixed 85.9 → 86.3, others unchanged.
 *   Rule (onesided.ts): a 专题 with the abridged copy first (or the article first and the copy
 *   after) prints the passages of the paragraphs the copy kept twice with the same stored context;
 *   the first pass guesses one by the old position, and the neighbour pass confirmed a guess only
 *   between placed neighbours on both sides. With placed neighbours on ONE side only (none on the
 *   other at all) the copy that moved exactly as the nearest of them did is placed.
 *   Left: abridge misses are mostly long articles whose pages repeat (twins, and the corpus's near-
 *   twin pages: two versions of the bond Q&A, the cruise-port pages) and cross spans whose second
 *   paragraph was dropped; zhuanti misses with the title's 12 units in the heads at the text's start.
 * FRESH, once, seeds 201–240, on main 8026ebe (after anchor19a–e; lead, 2026-12-07 00:36 UTC, CI beside it): 95.3% placed, 0 wrong;
 *   mixed 89.1, abridge 92.1, zhuanti 93.9, qa_labels 96.5, footnote_inline 96.4, update 96.6, attrib_move 97.9, lossy 98.4.
 * LATER, development (anchor20c), seeds 201–240 (now seen), before = main ed86a2e, after = branch
 *   s20-anchor20c (load ~25): 95.3% / 0 wrong → 96.3% / 0; qa_labels 96.5 → 97.8, abridge 92.1 → 92.2,
 *   zhuanti 93.9 → 94.6, footnote_inline 96.4 → 98.6, update 96.6 → 97.8, mixed 89.1 → 90.8, attrib_move
 *   and lossy unchanged; misses 994 → 793. The kind: 565 of the 994 (380 with the copy count
 *   unchanged) were passages of the long articles' whole-page twins (57 and 54 pages of 49: the
 *   first pages printed again at the end), the same words with the
 *   same context at both printings, picked by position (a guess) and dropped by the neighbour pass,
 *   whose every neighbour inside the repeated stretch is a guess too. Rule (shared/anchoring/
 *   chained.ts): a guess whose guessed neighbours lead, link by link (≤ 3000 old units apart, shifts
 *   within 200), to a sure neighbour that moved alike, none moving otherwise on the other side, the
 *   copy count unchanged, the guess the copy of the passage's rank and no other copy within 3000
 *   units. Left: abridge twins (shifts change by hundreds between neighbours as paragraphs drop; a
 *   looser chain allowing shrinking gaps gained only 0.2 on abridge and was not kept), twins whose
 *   printings were edited differently (copy counts changed), the 专题's printings, edited passages.
 * FRESH, once, seeds 241–280, on main 3460984 (after anchor20a–d; lead, 2026-12-07 03:30 UTC, CI beside it): 94.8% placed, 7 WRONG
 *   (abridge 2, mixed 5; main ed86a2e, before this session's passes, gave 93.8% and the same 7 wrong on
 *   these seeds); mixed 84.8, abridge 89.4, zhuanti 92.9, qa_labels 94.6, update 97.1, the rest ≥98.1.
 * LATER, development (anchor21a), before = main ddc6027, after = branch s21-a21a, same minute (load ~30):
 *   241–280 94.8% / 7 wrong → 94.8% / 3 (misses 1087 → 1087); 1–40 94.2% / 2 → 94.2% / 0 (misses 1231 →
 *   1231); per kind unchanged at one decimal. The wrongs, by kind:
 *   - parallel spec lines, 6 (seed 249 abridge 2 and mixed 2, seed 11 mixed 2): a product list writing
 *     one line per model, the same words and a figure changed; the abridged reprint cut the passage's
 *     line and kept the next, whose copy read all the stored context but the figure, moved about where
 *     the passage stood. One copy lost; a neighbour far away (or itself on the wrong line) lifted the
 *     doubt. Rule (shared/anchoring/parallel.ts): a quote held 3+ times, a copy lost, placed on a copy
 *     with no more of the stored context than another old copy had (that one ≥ ¾ of it, not all) is a
 *     doubt no neighbour lifts; paragraph twins excluded (their label-restyled printings cost 1 right).
 *   - a question line repeating its answer's words, 1 (seed 242 mixed zhuanti+qa_labels+lossy): the
 *     answer's sentence dropped, the 专题 digest printing the question again kept the count, and the
 *     pinned pass took the article's question line as the copy of the passage's rank. Rule (index.ts
 *     pinnedOrphans): not a copy reading no more of the context than the other copy had, when that
 *     one stood inside other words (< ½ of the stored context).
 *   Left, 3: seed 249 mixed (the same spec lines, the count kept by the 专题 printing a third line
 *   twice: a doubt there whenever the count is unchanged cost 6 (soft) to 15 (firm) right placements
 *   of short quotes on 241–280 for this one wrong, not kept); seed 245 mixed 2 (a whole-page twin of
 *   a long article lost in one printing while the 专题 printed another copy: count and rank agree on
 *   the twin; a "twin class shrank" doubt cost 26 + 42 right placements, not kept).
 *   Guards (old tree vs branch, same minutes, seeds 1–20): outside5 98% / 2 wrong / 365 misses both,
 *   outside7 and outside10 identical lists (--list), only CPU figures differing.
 *   Recall: not raised. Seen kind left: the 'lead' abridgement (every paragraph cut to its first
 *   sentence) leaves long unique sentences alone in their paragraph with both sides new; pinned.ts
 *   places them only between placed neighbours on both sides, and near the text's end there are none.
 * FRESH, once, seeds 281–320, on main f524775 (after anchor21a–e; lead, 2026-12-07 06:30 UTC, CI beside it; the corpus text pool changed this session: toutiao/2 now extracts 1002 units instead of 94, so seeds draw other texts than before):
 *   96.5% placed, 7 WRONG (zhuanti 6, mixed 1); abridge 94.4, zhuanti 93.7, mixed 88.7, qa_labels/attrib_move 98.5, lossy 98.2, update 98.4.
 * LATER, development (anchor22a), before = main 3d4e69c, after = branch s22-anchor22a (load 10–25):
 *   281–320 96.5% / 7 wrong → 96.6% / 0 (misses 713 → 716; zhuanti 93.7 / 6 → 93.9 / 0, mixed 88.7 / 1 →
 *   88.7 / 0, abridge 94.4 unchanged); 1–40 94.2% / 1 → 94.3% / 1 (misses 1214 → 1209; zhuanti 90.6 →
 *   90.7, mixed 83.4 → 83.5). No miss, partial or wrong added on either range (--list compared).
 *   The wrongs, by kind:
 *   - a page the OLD text held twice in a row, 6 (seed 305 zhuanti: the corpus's two cruise-port pages
 *     joined side by side in a long article; highlights in the second printing, the 专题's abridged
 *     copy gaining copies elsewhere): stutter.ts read the side-by-side pair as a paste the revision
 *     made and placed each passage on the first printing. Rule (stutter.ts): with old copies, the
 *     first copy must read more of the stored context than another old copy had (ownContextAt).
 *   - a twin printing an edit brought nearer, 1 (seed 310 mixed attrib_move+qa_labels+abridge, a lost
 *     passage): its paragraph dropped in one printing of a twin page; in the other printing the
 *     attribution (孙国平说：“) beside the twin's copy moved behind the quote and the labels were
 *     restyled, so the twin read 60 of 63 context units against 57 in the old text, and copiesLost's
 *     confirmation took it. Rule (neared.ts): not confirmed when the placement misses a few units
 *     (≤ 4) and reads no more beyond the other copy's than it misses. A first form without the
 *     few-units cap cost 9 right placements (a side gone with a dropped paragraph) and was narrowed.
 *   Left: seed 25 mixed (zhuanti+attrib_move+lossy), a whole paragraph 李晓明说：“A，B。” placed on the
 *   article's own printing “A，”李?明说，“B。” (all its units, the quotation split by its attribution);
 *   the judge's runs need 31 of 51 units in old order and the split printing holds 30 (one name unit
 *   lost to ?), so only the 专题's copy (李?明表示，A，B。) counts: no rule written for it (it is the
 *   passage's own printing; refusing it would be fitting the judge's threshold).
 *   Recall (onesidednear.ts): a passage the old text held once, in the article's opening or closing
 *   paragraphs of a 专题, guessed by position, its whole stored context there, its one-sided sure
 *   neighbour moved otherwise by a sentence dropped between or the head written above (≤ 200
 *   units), and no other copy within 3000 units with the whole context: placed (seeds 296, 28, 38, 5).
 *   Guards (old tree vs branch, same minutes, --list compared): outside2 1–20 and seed 310, outside5
 *   1–20 (97.7% / 4), outside7 1–20 (96.5% / 0), outside9 1–20 (97.2% / 0) identical but for CPU
 *   figures; the default bench identical (recall 99.32, heldout 0 wrong, 113k 98.59 / 0), its
 *   113k/200 CPU 84 → 80 ms (once, load ~40: the second timing did not fit the session).
 * FRESH, once, seeds 321–360, on main 16fb8d2 (after anchor22a–e and the stutter narrowing; lead, 2026-12-07 09:55 UTC, CI beside it):
 *   95.2% placed, 0 wrong; mixed 85.5, abridge 92.6, zhuanti 93.6, update 96.6, qa_labels 96.8.
 * LATER, development (anchor23a), before = main 4c8c203, after = branch s23-anchor23a (load 15–25; the
 *   lists compared line by line, no miss, partial or wrong added on either range):
 *   321–360 95.2% / 0 wrong → 95.5% / 0 (misses 1013 → 946; zhuanti 93.6 → 94.2, footnote_inline 98.5 →
 *   99.2, update 96.6 → 97.4, qa_labels 96.8 → 97.0; abridge 92.6 and mixed 85.5 unchanged);
 *   1–40 94.1% / 1 → 94.5% / 1 (the same seed 25 wrong; misses 1246 → 1161; zhuanti 89.7 → 90.4,
 *   footnote_inline 97.8 → 99.3, update 97.6 → 98.2, qa_labels 95.9 → 96.1); 41–80 95.2% / 2 → 95.6% / 2
 *   (the same 2; misses 1010 → 937). Rule (4) below, edges.ts, adds the last few (attrib_move, update).
 *   The misses, sorted by the pass that dropped a right first placement (a debug run, not kept):
 *   about 60% are passages of the long articles (seeds ≡ 0 mod 5), most on whole-page twins; the
 *   rest edited passages (nothing found: mixed, update, lossy, attrib_move) and the 专题's printings.
 *   Rules: (1) a 专题 printing an abridged copy ABOVE the article, a paragraph both printings keep
 *   whole: the first pass guesses the copy by position; the neighbour pass found the article's
 *   printing between neighbours placed by their own context on BOTH sides (spans over the
 *   paragraph's breaks, which only the article keeps) and twinmove.ts refused the move as undecided.
 *   twinmove.ts now refuses only a move made from one side (its own case, a pull quote printed
 *   alone): two-sided neighbours moving alike put the passage inside the block between them.
 *   (2) chained.ts: a chained guess with other copies of the quote within 3000 units (a date or a
 *   name a twin page repeats a few paragraphs apart) is taken when the nearest placed neighbours
 *   on both sides moved by its shift within 24 units and no other copy between their new places
 *   reads as much of the stored context (seed 325 footnote_inline 12 misses → 2). (3) chained.ts:
 *   a link up to 6000 units off holds where it moved by the last link's very shift (within 24): a
 *   twin stretch at a long read's end lay 3.4k units from the last sure highlight (seed 20
 *   footnote_inline 20 misses → 3). (4) edges.ts (for outside7's speech): a passage's head units
 *   replaced by at most 2 more new ones standing nowhere before the rest (我们要X → 他强调，要X).
 *   Left: abridge on twins (shifts change paragraph by paragraph), a zhuanti passage whose nearest
 *   placed neighbour on one side sits on the other printing (seed 321: each printing backed by
 *   one side), the 专题 heads at the text's start, update edits that change one twin's paragraph
 *   length (otherParagraphsLength refuses the placement: the twin keeps the old length), and the
 *   edited passages; seed 25's wrong (anchor22a's note).
 * LATER, development (anchor24c), before = main fe7a04c, after = branch s24-anchor24c (load ~30):
 *   321–400 (seen) 95.7% / 2 wrong → 96.7% / 2 (the same two: seed 360 mixed, seed 375 attrib_move;
 *   misses 1795 → 1379); abridge 92.0 → 95.8, zhuanti 94.0 → 95.9, qa_labels 96.3 → 97.4, mixed 87.7
 *   → 89.7, update 97.7 → 97.9, footnote_inline 99.1 → 99.2, attrib_move and lossy unchanged.
 *   Kind: 1335 of the 1795 misses were on the long articles, most in the stretches a long read
 *   holds twice (its first pages joined again at its end): every passage there in doubt, so the
 *   placed ones stand far apart (17k units) or only on one side before the text's edge, and the
 *   3000-unit frame of pinned.ts never formed. Rules (farbracket.ts): (1) the rank placement with
 *   the nearest placed neighbours at any distance or the text's edge as frame, the new gap no wider
 *   than the old (times the text's growth, at most 1.25), the exact count unchanged; (2) the pinned
 *   pass once more after the late passes (relabelled.ts places the qa_labels paragraphs late);
 *   (3) with the count changed (one twin dropped, a 专题 printing gained), the one exact copy in a
 *   frame that held no other copy in the old text (copyGap, a new optional selector field) and did
 *   not grow. Left: edited passages in the twin stretches (update, lossy, attrib_move: no exact
 *   copy), zhuanti frames whose neighbours sit on different printings, the two wrongs (anchor24a/b).
 * FRESH (lead, 2026-12-07 ~16:00 UTC, main 20c8a4c, seeds 401–440, once): 95.8%, 1 wrong
 * (attrib_move); mixed 89.2, zhuanti 91.9, abridge 93.9. Seen now: 1–440.
 * LATER, development (anchor25b), before = main 86a8d8f, after = branch s25-anchor25b (load 25–38;
 *   the --list outputs compared line by line: no miss, partial or wrong added):
 *   401–440 95.8% / 1 wrong → 96.1% / 0 (misses 884 → 824; zhuanti 91.9 → 93.0, mixed 89.2 → 90.2,
 *   attrib_move 97.6 → 97.8, other kinds unchanged).
 *   The wrong (seed 415 attrib_move, a long read printing a law page twice): 刘志强说：“A，B。” in the
 *   first printing, split by the revision (“A，”刘志强说，“B。”, lost for the judge), the second
 *   printing bare (A，B。) with all the stored context; the main search took it (0.89). Rule
 *   (speaker.ts): a passage opening with quoted speech's attribution (name + 说/表示/指出/强调/称 +
 *   ：“) is not placed where the placement's paragraph holds neither the name nor a verb of saying
 *   (first pass and the final checks). Only quoted speech: 就是说， (a transcript's filler) is none.
 *   Recall, by kind (401–440 misses: 163 zhuanti on long reads, 156 mixed long, 104 abridge long, 101
 *   mixed pages, 65 zhuanti pages ...; the long reads' twins left): (1) zhuanti pages, the article
 *   first and the abridged copy after it: passages of the opening paragraphs held once, twice now
 *   with all their context, their one-sided sure neighbour moved otherwise (a paragraph dropped):
 *   farbracket.ts loneCopyInFrame now reads quotes held once when the new text holds them more
 *   often: the frame from the text's edge (or a far neighbour) to the sure neighbour did not grow
 *   and holds one copy (seed 417 zhuanti 19 misses → 2). (2) mixed qa_labels+abridge: a question
 *   opening its paragraph (问：X？Y…) relabelled (**记者**：) and the paragraph its prefix held
 *   dropped: relabelledside.ts, the label-free quote with the rest of its own paragraph once, at a
 *   paragraph head, between placed neighbours (seed 426: 3 misses).
 *   361–400 (seen) 96.7% / 1 wrong → 96.9% / 1 (the same seed 375 attrib_move twin wrong; misses 677 →
 *   645: 33 fewer, 1 added: seed 365 zhuanti long, a passage now placed by the frame rule and then
 *   refused by a later check, where the old tree placed it by the late own-paragraph pass).
 *   Guards (old tree vs branch, lists compared): outside9 361–400 identical (97.5% / 0; a first form
 *   of speaker.ts reading 就是说， as an attribution cost 6 transcript passages there, narrowed);
 *   outside6 1–40 98.7% / 0 one miss fewer, outside3 1–20 and outside15 1–20 identical (measured
 *   with the first commit; the second only narrows speaker.ts and adds relabelledside.ts).
 *   Left: the long reads' twins (most misses), zhuanti frames whose neighbours sit on the other
 *   printing (seed 411), the 专题 heads repeating the first words, cross spans over dropped paragraphs.
 * FRESH (lead, 2026-12-07 ~19:20 UTC, main 70c26cf, seeds 441–480, once): 97.2%, 3 WRONG (attrib_move 2,
 * abridge 1, all on long articles: seeds 455 and 480); mixed 90.0, abridge 94.9, zhuanti 96.6. The
 * session's starting anchoring code gives the same 3 on the same texts (cnfix25 changed two corpus
 * pages, which long articles join: with the old texts both read 0 wrong). Seen now: 1–480.
 * LATER (anchor26b, seen seeds 441–480, old cd51e09 vs new, same texts, 2026-12-07 21:20–21:35 UTC, load
 *   ~30; --list lines compared, only the two below changed): 97.2% / 3 wrong → 97.2% / 1.
 *   - seed 480 attrib_move (2, 口岸查验通 and 缝接驳的邮轮母): a page printed twice; the passage's copy
 *     had all the stored context, its twin 57 of 63 units (王建华说：“ between). The revision moved
 *     both attributions: the own copy now 57 (，”周丽娟说。 beside it), the twin 63, the stored context
 *     whole. ownContextAt confirmed the twin (index.ts doubt, the nearerCopy branch). rankframed.ts:
 *     where the copy of the passage's rank (count unchanged) reads ≥ copyContext and ¾ of the context
 *     and lies within 200 units of where both nearest unique placed neighbours put the passage, and
 *     the placement outside both, the placement is in doubt; the neighbour pass then placed the
 *     passage's own copy (both now right). A first form without the ¾ made an outside3 move_edit
 *     number (2020年, copyContext 4) an orphan; fixed.
 *   - LEFT, seed 455 abridge (1, 60 in 4K/60FPS): a spec paragraph cut to its first sentence, the
 *     next, parallel paragraph (also cut to its first sentence) holds 60 with 56 of the 64 context
 *     units about as far on; doubt gives level 1 / asOther, and movedWithSure lifts it through a
 *     neighbour of the passage's own old paragraph (its kept first sentence) placed in ANOTHER new
 *     paragraph than the placement. Refusing that lift (asOther and a line break between the
 *     neighbour's placement and the placement) fixed it on the bench, but no made-up text reproduced
 *     the wrong in the time (mine were refused earlier as firm), so the rule was not committed.
 * LATER, development (anchor26d, 2026-12-07, main cd51e09 → s26-anchor26d; measured before the last
 *   narrowing, a dropped unit among the written words refused, which only takes placements away): 401–480 (seen), --list
 *   compared: 96.6% / 4 wrong → 96.7% / 4 (misses 1406 → 1378, none added; update 98.3 → 98.5, lossy
 *   98.7 → 98.8, mixed 89.8 → 89.9): trimmedinplace.ts rewrittenEdge (outside7's speech kind: a passage's
 *   edge words rewritten in place, its sides not both exact). abridge and zhuanti unchanged: their
 *   misses are on the long reads' twin stretches (runs held twice: refused), not read further here.
 * FRESH (lead, 2026-12-07 ~22:30 UTC, main 012c7e7, seeds 481–520, once): 96.8%, **3 WRONG** (all
 * mixed; mixed 89.1, abridge 95.1, zhuanti 96.7). Seen now: 1–520.
 * LATER (anchor27c, 2026-12-08, seen seeds 1–40, main 3b55d0d → s27-anchor27c; --list compared): 96.1% /
 *   0 → 96.1% / 0 (misses 830 → 828: seeds 33 and 40 zhuanti sentences, ownpara.ts's gained copy rule,
 *   outside7's header). The misses of 1–40: 700 of 830 on the long reads (zhuanti 147, qa_labels 86,
 *   abridge 85, mixed), most in stretches a long read holds twice (refused by design); on pages: zhuanti
 *   19, footnote_inline 14, update 12, attrib_move 11, lossy 11, abridge 11, mixed ~80 — not turned here.
 * FRESH (lead, 2026-12-08 ~01:30 UTC, final main of session 27, seeds 521–560, once): recall
 * 97.3%, 0 wrong. Seen now: 1–560.
 */

import { pathToFileURL } from 'node:url';

import { anchorAll, describe, type TextSelector } from '../../shared/anchoring';
import { corpusTexts, PROSE_DIR } from './anchoring-prose';
import {
  Builder,
  docOf,
  judge,
  originOf,
  paragraphs,
  rewrite,
  type Doc,
  type Part,
  type Span,
  type Verdict,
} from './anchoring-outside8-judge';
import { mulberry32 } from './seeded';

// ---------------------------------------------------------------------------------------------
// Random numbers (seeded) and small word lists of our own.

export type Rng = () => number;

export function rngOf(seed: number): Rng {
  return mulberry32(seed >>> 0 || 1);
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

const NAMES = ['王建华', '李晓明', '陈立新', '张海燕', '刘志强', '赵文静', '孙国平', '周丽娟'];
const NOTES = [
  '指有关部门公布的统计口径',
  '数据来源于公开资料整理',
  '此处为作者所加',
  '下文简称同此',
  '原文如此，未作改动',
  '参见本报此前报道',
  '按当年价格计算',
  '含部分预估数据',
];
const TOPICS = ['年度观察', '一线调研', '热点追踪', '深度解读'];
const LINKS = ['相关报道：一图读懂本周要闻', '延伸阅读：专家谈未来走向', '往期回顾：系列报道汇总', '评论：让改革成果惠及更多人'];
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩';

const HAN = /\p{Script=Han}/u;

// ---------------------------------------------------------------------------------------------
// Revision kinds. prepare() works on the plain text before highlights are made; revise() builds
// the new text unit by unit so the judge knows where every old unit went.

export interface Kind {
  name: string;
  prepare(text: string, rng: Rng): string;
  revise(d: Doc, rng: Rng): Doc;
  /** Ranges a reader could highlight at or beside what the kind edits. */
  targets(text: string): [number, number][];
}

const joinLines = (lines: string[]) => lines.join('\n');

/** Sentences of text (end marks included) as ranges. */
export function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /[^。！？\n]+[。！？]+[”’」]?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let s = m.index;
    while (s < m.index + m[0].length && /\s/.test(text[s]!)) s++;
    if (m.index + m[0].length - s >= 2) out.push([s, m.index + m[0].length]);
  }
  return out;
}

const QA_STYLES = ['drop', 'names', 'bold', 'brackets', 'latin'] as const;

export const qaLabels: Kind = {
  name: 'qa_labels',
  prepare(text) {
    let n = 0;
    return joinLines(text.split('\n').map((p, i) => (i === 0 || !p.trim() ? p : (n++ % 2 === 0 ? '问：' : '答：') + p)));
  },
  revise(d, rng) {
    const style = pick(rng, QA_STYLES);
    const name = pick(rng, NAMES);
    return rewrite(d, /(^|\n)(问|答)：/g, (m) => {
      const q = m[2] === '问';
      const lead: Part = [m.index, m.index + m[1]!.length];
      const label =
        style === 'drop'
          ? ''
          : style === 'names'
            ? `${q ? '记者' : name}：`
            : style === 'bold'
              ? `**${q ? '记者' : name}**：`
              : style === 'brackets'
                ? `【${m[2]}】`
                : `${q ? 'Q' : 'A'}：`;
      return [lead, label];
    });
  },
  targets(text) {
    const out: [number, number][] = [];
    const re = /(^|\n)(问|答)：([^，。？！\n]{2,30})/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const s = m.index + m[1]!.length;
      out.push([s + 2, s + 2 + m[3]!.length], [s, s + 2 + Math.min(m[3]!.length, 6)]);
    }
    return out;
  },
};

export const ATTRIB = new RegExp(`(${NAMES.join('|')})说：“([^“”\\n]+?)。”`, 'g');

export const attribMove: Kind = {
  name: 'attrib_move',
  prepare(text, rng) {
    let k = 0;
    return text.replace(/(^|[。！？\n])([^。！？\n“”‘’]{10,100}。)(?=[^”’]|$)/g, (all, before: string, s: string) => {
      if (rng() >= 0.3) return all;
      return `${before}${NAMES[k++ % NAMES.length]}说：“${s}”`;
    });
  },
  revise(d, rng) {
    return rewrite(d, ATTRIB, (m) => {
      const name: Part = [m.index, m.index + m[1]!.length];
      const s0 = m.index + m[1]!.length + 3;
      const s1 = s0 + m[2]!.length; // the 。 inside the marks
      const r = rng();
      if (r < 0.35) return ['“', [s0, s1], '，”', name, '说。'];
      if (r < 0.6) return [name, '表示，', [s0, s1 + 1]];
      const comma = m[2]!.indexOf('，');
      if (r < 0.8 && comma > 0 && comma < m[2]!.length - 2)
        return ['“', [s0, s0 + comma + 1], '”', name, '说，“', [s0 + comma + 1, s1 + 2]];
      return null;
    });
  },
  targets(text) {
    const out: [number, number][] = [];
    ATTRIB.lastIndex = 0;
    for (let m = ATTRIB.exec(text); m; m = ATTRIB.exec(text)) {
      const s0 = m.index + m[1]!.length + 3;
      const s1 = s0 + m[2]!.length;
      out.push([s0, s1 + 1], [s0 - 1, s1 + 2], [m.index, s0 + Math.min(8, m[2]!.length)]);
      const comma = m[2]!.indexOf('，');
      if (comma > 1) out.push([s0, s0 + comma]);
    }
    return out;
  },
};

export const abridge: Kind = {
  name: 'abridge',
  prepare: (t) => t,
  revise(d, rng) {
    const style = pick(rng, ['second', 'third', 'lead'] as const);
    const b = new Builder();
    let first = true;
    paragraphs(d.text).forEach(([s, e], i) => {
      if (style === 'second' && i >= 2 && i % 2 === 0) return;
      if (style === 'third' && i >= 2 && i % 3 === 2) return;
      let end = e;
      if (style === 'lead' && i >= 1) {
        const sents = sentences(d.text.slice(s, e));
        if (sents.length > 1) end = s + sents[sents[0]![1] < 30 && sents.length > 2 ? 1 : 0]![1];
      }
      if (!first) b.write('\n');
      b.keep(d, s, end);
      first = false;
    });
    b.write('\n（有删节）');
    return b.build();
  },
  targets(text) {
    const out: [number, number][] = [];
    for (const [s, e] of paragraphs(text)) {
      const sents = sentences(text.slice(s, e));
      if (sents.length) out.push([s + sents[0]![0], s + sents[0]![1]]);
      if (sents.length > 1) out.push([s + sents[sents.length - 1]![0], s + sents[sents.length - 1]![1]]);
    }
    return out;
  },
};

export const zhuanti: Kind = {
  name: 'zhuanti',
  prepare: (t) => t,
  revise(d, rng) {
    const paras = paragraphs(d.text);
    // The updated article: a sentence dropped from a fifth of the paragraphs.
    const own = new Builder();
    const copy = new Builder();
    paras.forEach(([s, e], i) => {
      if (i > 0) own.write('\n');
      const sents = sentences(d.text.slice(s, e));
      if (i >= 1 && sents.length >= 2 && rng() < 0.2) {
        const [a, z] = sents[int(rng, 0, sents.length - 1)]!;
        own.keep(d, s, s + a).keep(d, s + z, e);
      } else own.keep(d, s, e);
    });
    paras.forEach(([s, e], i) => {
      if (i >= 2 && i % 2 === 0) return;
      if (i > 0) copy.write('\n');
      copy.copyOf(d, s, e);
    });
    const ownDoc = own.build();
    const copyDoc = copy.build();
    const [ts, te] = paras[0]!;
    const titleEnd = Math.min(te, ts + 12);
    const b = new Builder().write(`专题｜${pick(rng, TOPICS)}\n`);
    const head = (tag: string) => b.write(`【${tag}】`).copyOf(d, ts, titleEnd).write('\n');
    const block = (x: Doc) => b.keep(x, 0, x.text.length).write('\n');
    const links = () => {
      b.write('相关报道\n');
      for (const l of [...LINKS].sort(() => rng() - 0.5).slice(0, int(rng, 2, 3))) b.write(`${l}\n`);
    };
    const ownFirst = rng() < 0.6;
    head(ownFirst ? '权威发布' : '摘要版');
    block(ownFirst ? ownDoc : copyDoc);
    links();
    head(ownFirst ? '摘要版' : '全文');
    block(ownFirst ? copyDoc : ownDoc);
    b.write('（本专题由编辑部整理）');
    return b.build();
  },
  targets: (text) => sentences(text).filter(([s, e]) => e - s < 80),
};

const MARKER = /[①②③④⑤⑥⑦⑧⑨⑩]|\[\d{1,2}\]/g;

export const footnoteInline: Kind = {
  name: 'footnote_inline',
  prepare(text, rng) {
    const circled = rng() < 0.5;
    const places: number[] = [];
    const re = /\p{Script=Han}{2}(?=[，。；])/gu;
    const lead = paragraphs(text)[0]![1];
    for (let m = re.exec(text); m; m = re.exec(text)) if (m.index > lead && rng() < 0.08) places.push(m.index + 2);
    const chosen = places.filter((_, i) => i % Math.max(1, Math.floor(places.length / 8)) === 0).slice(0, int(rng, 4, 8));
    if (!chosen.length) return text;
    const mark = (i: number) => (circled ? CIRCLED[i] : `[${i + 1}]`);
    let out = '';
    let at = 0;
    chosen.forEach((p, i) => {
      out += text.slice(at, p) + mark(i);
      at = p;
    });
    out += text.slice(at);
    return `${out}\n注释：\n${chosen.map((_, i) => mark(i) + NOTES[(i + chosen.length) % NOTES.length]!).join('\n')}`;
  },
  revise(d, rng) {
    const at = d.text.lastIndexOf('\n注释：\n');
    if (at < 0) return d;
    const notes = new Map<string, [number, number]>();
    let p = at + 5;
    for (const line of d.text.slice(p).split('\n')) {
      const m = /^([①②③④⑤⑥⑦⑧⑨⑩]|\[\d{1,2}\])(.*)$/.exec(line);
      if (m) notes.set(m[1]!, [p + m[1]!.length, p + line.length]);
      p += line.length + 1;
    }
    const style = pick(rng, ['inline', 'drop', 'restyle'] as const);
    const other = (mk: string) => {
      const c = CIRCLED.indexOf(mk);
      return c >= 0 ? `[${c + 1}]` : (CIRCLED[Number(mk.slice(1, -1)) - 1] ?? mk);
    };
    const b = new Builder();
    let from = 0;
    // A marker the page's own text already used (its ① before ours): the note's units are kept at
    // the first and written as new text at the others (a unit is followed to one place only).
    const inlined = new Set<string>();
    MARKER.lastIndex = 0;
    for (let m = MARKER.exec(d.text); m && m.index < at; m = MARKER.exec(d.text)) {
      b.keep(d, from, m.index);
      const note = notes.get(m[0]);
      if (style === 'inline' && note && inlined.has(m[0])) b.write(`（注：${d.text.slice(note[0], note[1])}）`);
      else if (style === 'inline' && note) {
        inlined.add(m[0]);
        b.write('（注：').keep(d, note[0], note[1]).write('）');
      } else if (style === 'restyle') b.write(other(m[0]));
      from = m.index + m[0].length;
    }
    b.keep(d, from, at);
    if (style === 'restyle') {
      b.write('\n注释：');
      for (const [mk, [s, e]] of notes) b.write(`\n${other(mk)}`).keep(d, s, e);
    }
    return b.build();
  },
  targets(text) {
    const out: [number, number][] = [];
    const end = text.lastIndexOf('\n注释：\n');
    MARKER.lastIndex = 0;
    for (let m = MARKER.exec(text); m && m.index < end; m = MARKER.exec(text)) {
      const e = m.index + m[0].length;
      out.push([Math.max(0, m.index - 3), e], [Math.max(0, m.index - 2), m.index]);
      let s = m.index;
      while (s > 0 && !/[，。；！？\n]/.test(text[s - 1]!)) s--;
      let z = e;
      while (z < text.length && !/[，。；！？\n]/.test(text[z]!)) z++;
      if (z - s > 3) out.push([s, z]);
    }
    return out;
  },
};

/**
 * Characters a small character set would lack: those at most twice in the whole corpus (set by
 * loadPages), or, without it, once in the text itself.
 */
let corpusCounts: Map<string, number> | null = null;

function rareChars(text: string): (ch: string) => boolean {
  if (corpusCounts) {
    const counts = corpusCounts;
    return (ch) => HAN.test(ch) && (counts.get(ch) ?? 0) <= 2;
  }
  const count = new Map<string, number>();
  for (const ch of text) if (HAN.test(ch)) count.set(ch, (count.get(ch) ?? 0) + 1);
  return (ch) => count.get(ch) === 1;
}

export const lossy: Kind = {
  name: 'lossy',
  prepare: (t) => t,
  revise(d, rng) {
    const rare = rareChars(d.text);
    return rewrite(d, /[\p{Script=Han}“”‘’]/gu, (m) => {
      const ch = m[0];
      if (ch === '“' || ch === '”') return ['"'];
      if (ch === '‘' || ch === '’') return ["'"];
      return rare(ch) && rng() < 0.8 ? ['?'] : null;
    });
  },
  targets(text) {
    const rare = rareChars(text);
    const out: [number, number][] = [];
    for (let i = 0; i < text.length; i++) {
      if (!rare(text[i]!)) continue;
      let s = i;
      while (s > 0 && i - s < 12 && !/[，。；！？\n]/.test(text[s - 1]!)) s--;
      let z = i + 1;
      while (z < text.length && z - i < 12 && !/[，。；！？\n]/.test(text[z]!)) z++;
      if (z - s >= 4) out.push([s, z]);
    }
    return out;
  },
};

const UPDATES: [string, string][] = [
  ['即将', '已经'],
  ['将于', '已于'],
  ['将在', '已在'],
  ['预计', '初步统计'],
  ['有望', '已'],
  ['正在', '已经'],
  ['目前', '截至发稿时'],
  ['计划', '已'],
  ['拟', '已'],
];
const UPDATE_RE = new RegExp(UPDATES.map(([a]) => a).join('|'), 'g');

export const update: Kind = {
  name: 'update',
  prepare: (t) => t,
  revise(d, rng) {
    const map = new Map(UPDATES);
    const b = new Builder().write(`（本文于${int(rng, 1, 12)}月${int(rng, 1, 28)}日更新）\n`);
    const x = rewrite(d, UPDATE_RE, (m) => (rng() < 0.8 ? [map.get(m[0])!] : null));
    return b.keep(x, 0, x.text.length).build();
  },
  targets(text) {
    const out: [number, number][] = [];
    UPDATE_RE.lastIndex = 0;
    for (let m = UPDATE_RE.exec(text); m; m = UPDATE_RE.exec(text)) {
      let s = m.index;
      while (s > 0 && !/[，。；！？\n]/.test(text[s - 1]!)) s--;
      let z = m.index + m[0].length;
      while (z < text.length && !/[，。；！？\n]/.test(text[z]!)) z++;
      out.push([s, z]);
      if (z - (m.index + m[0].length) >= 2) out.push([m.index + m[0].length, Math.min(z, m.index + m[0].length + 4)]);
    }
    return out;
  },
};

export const KINDS: Kind[] = [qaLabels, attribMove, abridge, zhuanti, footnoteInline, lossy, update];

// ---------------------------------------------------------------------------------------------
// Highlights, as readers make them.

export interface Highlight {
  type: string;
  start: number;
  end: number;
}

const CLAUSE_END = /[，；：。！？、\n]/;

function trimRange(text: string, s: number, e: number): [number, number] | null {
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return e - s >= 2 ? [s, e] : null;
}

export function makeHighlights(text: string, count: number, targets: [number, number][], rng: Rng): Highlight[] {
  const out: Highlight[] = [];
  const paras = paragraphs(text).filter(([s, e]) => e - s >= 8);
  const sents = sentences(text).filter(([s, e]) => e - s >= 6 && e - s <= 160);
  const add = (type: string, s: number, e: number) => {
    const r = trimRange(text, Math.max(0, s), Math.min(text.length, e));
    if (r) out.push({ type, start: r[0], end: r[1] });
  };
  const makers: Record<string, () => void> = {
    sentence: () => {
      if (sents.length) add('sentence', ...pick(rng, sents));
    },
    clause: () => {
      const [s, e] = pick(rng, sents) ?? [0, 0];
      const cuts = [s];
      for (let i = s; i < e; i++) if (CLAUSE_END.test(text[i]!)) cuts.push(i + 1);
      const k = int(rng, 0, Math.max(0, cuts.length - 2));
      const a = cuts[k] ?? s;
      let z = a;
      while (z < e && !CLAUSE_END.test(text[z]!)) z++;
      if (z - a >= 4) add('clause', a, z);
    },
    term: () => {
      for (let t = 0; t < 30; t++) {
        const i = int(rng, 1, text.length - 5);
        if (!/[的在和、，“与了对]/.test(text[i - 1]!)) continue;
        const len = int(rng, 2, 4);
        if (![...text.slice(i, i + len)].every((c) => HAN.test(c))) continue;
        add('term', i, i + len);
        return;
      }
    },
    number: () => {
      const re = /\d+(?:[.,]\d+)*(?:%|[万亿元个年月日名家人件项米吨倍])?/g;
      const all: [number, number][] = [];
      for (let m = re.exec(text); m; m = re.exec(text)) if (m[0].length >= 2) all.push([m.index, m.index + m[0].length]);
      if (all.length) add('number', ...pick(rng, all));
    },
    quote: () => {
      const re = /“([^“”\n]{2,60})”/g;
      const all: [number, number][] = [];
      for (let m = re.exec(text); m; m = re.exec(text)) all.push([m.index, m.index + m[0].length]);
      if (!all.length) return;
      const [s, e] = pick(rng, all);
      if (rng() < 0.5) add('quote', s, e);
      else add('quote', s + 1, e - 1);
    },
    cross: () => {
      if (paras.length < 2) return;
      const k = int(rng, 0, paras.length - 2);
      const [, e1] = paras[k]!;
      const [s2, e2] = paras[k + 1]!;
      add('cross', e1 - Math.min(int(rng, 5, 20), e1 - paras[k]![0]), s2 + Math.min(int(rng, 5, 20), e2 - s2));
    },
    repeated: () => {
      for (let t = 0; t < 200; t++) {
        const len = int(rng, 4, 8);
        const i = int(rng, 0, text.length - len - 1);
        const w = text.slice(i, i + len);
        if (![...w].every((c) => HAN.test(c))) continue;
        const first = text.indexOf(w);
        if (text.indexOf(w, first + 1) < 0) continue;
        add('repeated', i, i + len);
        return;
      }
    },
  };
  add('first', 0, int(rng, 2, 10));
  add('last', text.length - int(rng, 2, 10), text.length);
  for (let t = 0; t < 6 && targets.length; t++) add('target', ...pick(rng, targets));
  const order = Object.keys(makers);
  for (let i = 0, guard = 0; out.length < count && guard < count * 20; guard++, i++) makers[order[i % order.length]!]!();
  return out.slice(0, count);
}

// ---------------------------------------------------------------------------------------------
// Texts.

let pagesCache: string[] | null | undefined;

export function loadPages(): string[] | null {
  if (pagesCache !== undefined) return pagesCache;
  const texts = corpusTexts();
  if (!texts) return (pagesCache = null);
  const pages: string[] = [];
  for (const { text } of texts) {
    const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
    if (text.length >= 400 && han > text.length / 3) pages.push(text);
  }
  corpusCounts = new Map();
  for (const p of pages) for (const ch of p) if (HAN.test(ch)) corpusCounts.set(ch, (corpusCounts.get(ch) ?? 0) + 1);
  return (pagesCache = pages);
}

export function textFor(seed: number, pages: string[]): { text: string; long: boolean; label: string } {
  const rng = rngOf(seed * 7919 + 13);
  if (seed % 5 !== 0) {
    const k = Math.floor(rng() * pages.length);
    return { text: pages[k]!, long: false, label: `page ${k}` };
  }
  const goal = int(rng, 60000, 120000);
  const parts: string[] = [];
  let len = 0;
  const order = pages.map((_, i) => i).sort(() => rng() - 0.5);
  for (let i = 0; len < goal; i++) {
    const p = pages[order[i % order.length]!]!;
    parts.push(p);
    len += p.length + 1;
  }
  let text = parts.join('\n');
  if (text.length > 120000) text = text.slice(0, text.lastIndexOf('\n', 120000));
  return { text, long: true, label: `long of ${parts.length} pages` };
}

// ---------------------------------------------------------------------------------------------
// The run.

interface Tally {
  highlights: number;
  surviving: number;
  right: number;
  rightCopy: number;
  partial: number;
  miss: number;
  wrong: number;
  lost: number;
  onRemains: number;
}

const tally = (): Tally => ({ highlights: 0, surviving: 0, right: 0, rightCopy: 0, partial: 0, miss: 0, wrong: 0, lost: 0, onRemains: 0 });

function count(t: Tally, v: Verdict, surviving: boolean) {
  t.highlights++;
  if (surviving) t.surviving++;
  else t.lost++;
  if (v === 'right') t.right++;
  else if (v === 'right_copy') t.rightCopy++;
  else if (v === 'partial') t.partial++;
  else if (v === 'miss') t.miss++;
  else if (v === 'wrong') t.wrong++;
  else if (v === 'on_remains') t.onRemains++;
}

const pct = (t: Tally) => (t.surviving ? Math.round((1000 * (t.right + t.rightCopy)) / t.surviving) / 10 : 100);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const show = (s: string) => s.replace(/\n/g, '⏎');
const around = (text: string, s: number, e: number, w = 16) =>
  `${show(text.slice(Math.max(0, s - w), s))}【${show(text.slice(s, e))}】${show(text.slice(e, e + w))}`;

function parseSeeds(argv: string[]): [number, number] {
  const i = argv.indexOf('--seeds');
  if (i < 0) return [901, 910];
  const m = /^(\d+)-(\d+)$/.exec(argv[i + 1] ?? '') ?? /^(\d+)$/.exec(argv[i + 1] ?? '');
  if (!m) throw new Error('--seeds 需要形如 1-40 的范围');
  return [Number(m[1]), Number(m[2] ?? m[1])];
}

/** One revision: the kinds' prepare steps, highlights, the kinds' revisions, one anchorAll, the judge. */
export function runOne(
  text: string,
  kinds: Kind[],
  seed: number,
  count: number,
): { old: string; doc: Doc; highlights: Highlight[]; placed: (Span | null)[]; cpu: number } {
  const rng = rngOf(seed);
  let old = text;
  for (const k of kinds) old = k.prepare(old, rng);
  const targets = kinds.flatMap((k) => k.targets(old));
  const highlights = makeHighlights(old, count, targets, rng);
  const selectors: TextSelector[] = highlights.map((h) => describe(old, h.start, h.end));
  let doc = docOf(old);
  for (const k of kinds) doc = k.revise(doc, rng);
  const t0 = cpuMs();
  const found = anchorAll(doc.text, selectors);
  const cpu = cpuMs() - t0;
  return { old, doc, highlights, placed: found.map((a) => (a ? { start: a.start, end: a.end } : null)), cpu };
}

export function benchAnchorOutside8(argv: string[]): Record<string, number> {
  const pages = loadPages();
  if (!pages || !pages.length) {
    process.stdout.write(`anchor8: skipped, no corpus at ${PROSE_DIR} (the pages are never copied into the repository)\n`);
    return {};
  }
  const [from, to] = parseSeeds(argv);
  const list = argv.includes('--list');
  const ki = argv.indexOf('--kind');
  const only = ki >= 0 ? argv[ki + 1] : null;
  const names = [...KINDS.map((k) => k.name), 'mixed'];
  if (only && !names.includes(only)) throw new Error(`未知的修订类型：${only}（可选：${names.join('、')}）`);
  const cpu0 = cpuMs();
  const all = tally();
  const byKind = new Map<string, Tally>();
  const byType = new Map<string, Tally>();
  const longCpu: number[] = [];
  for (let seed = from; seed <= to; seed++) {
    const { text, long, label } = textFor(seed, pages);
    const n = long ? 200 : 40;
    names.forEach((name, idx) => {
      if (only && name !== only) return;
      const mixRng = rngOf(seed * 31 + 7);
      const kinds = name === 'mixed' ? [...KINDS].sort(() => mixRng() - 0.5).slice(0, 3) : [KINDS.find((k) => k.name === name)!];
      const r = runOne(text, kinds, seed * 100 + idx, n);
      if (long) longCpu.push(r.cpu);
      const kt = byKind.get(name) ?? tally();
      byKind.set(name, kt);
      r.highlights.forEach((h, i) => {
        const { verdict, truths } = judge(r.doc, r.old, h.start, h.end, r.placed[i]!);
        const tt = byType.get(h.type) ?? tally();
        byType.set(h.type, tt);
        for (const t of [all, kt, tt]) count(t, verdict, truths.surviving);
        if (list && (verdict === 'miss' || verdict === 'wrong' || verdict === 'partial')) {
          const p = r.placed[i];
          const truth = truths.own ?? truths.copies[0];
          const twin = p && r.doc.text.slice(p.start, p.end) === r.old.slice(h.start, h.end) ? ' (same words)' : '';
          process.stdout.write(
            `${verdict.toUpperCase()}${twin} seed ${seed} ${name}${name === 'mixed' ? `(${kinds.map((k) => k.name).join('+')})` : ''} ${label} ${h.type} ${truths.surviving ? '' : 'lost '}\n` +
              `  old ${h.start}: ${around(r.old, h.start, h.end)}\n` +
              (truth ? `  true ${truth.start}${truths.own ? '' : ' (copy)'}: ${around(r.doc.text, truth.start, truth.end)}\n` : '') +
              (p ? `  placed ${p.start}: ${around(r.doc.text, p.start, p.end)}  from ${originOf(r.doc, p.start, p.end)}\n` : ''),
          );
        }
      });
    });
  }
  const out: Record<string, number> = {
    anchor_out8_recall_pct: pct(all),
    anchor_out8_wrong: all.wrong,
    anchor_out8_highlights: all.highlights,
    anchor_out8_surviving: all.surviving,
    anchor_out8_right_copy: all.rightCopy,
    anchor_out8_partial: all.partial,
    anchor_out8_miss: all.miss,
    anchor_out8_lost: all.lost,
    anchor_out8_on_remains: all.onRemains,
  };
  for (const [name, t] of byKind) {
    out[`anchor_out8_${name}_recall_pct`] = pct(t);
    out[`anchor_out8_${name}_wrong`] = t.wrong;
    out[`anchor_out8_${name}_surviving`] = t.surviving;
  }
  for (const [type, t] of byType) {
    out[`anchor_out8_type_${type}_recall_pct`] = pct(t);
    out[`anchor_out8_type_${type}_wrong`] = t.wrong;
  }
  longCpu.sort((a, b) => a - b);
  if (longCpu.length) {
    out.anchor_out8_anchor_cpu_ms_median = Math.round(longCpu[longCpu.length >> 1]!);
    out.anchor_out8_anchor_cpu_ms_max = Math.round(longCpu[longCpu.length - 1]!);
  }
  out.anchor_out8_total_cpu_s = Math.round((cpuMs() - cpu0) / 100) / 10;
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [k, v] of Object.entries(benchAnchorOutside8(process.argv.slice(2)))) process.stdout.write(`${k}: ${v}\n`);
}
