/**
 * Anchoring bench of a SIXTH outside tester (issue 12 item 4: after an article is updated, at
 * least 99% of the surviving highlighted passages placed and none on the wrong words, on edits
 * never seen). Written without reading shared/anchoring beyond the exported signatures and doc
 * comments of shared/anchoring/index.ts, nor the anchoring tests or the other benches' bodies;
 * its revision kinds are ones the five earlier outside benches' headers do not list.
 *
 *   npx tsx tests/bench/anchoring-outside6.ts [--seeds a-b] [--kind name] [--list]
 *   npm run bench -- anchor6 [--seeds a-b] [--kind name] [--list]
 *
 * Texts: the Chinese pages of ../shared/corpora/chinese-news-pages turned into stored article
 * text by the project's extractor (paragraphs joined by '\n'), read in place and never copied;
 * every fifth seed a long article of 60k–120k units made by joining pages. Without the corpora
 * the bench prints why and reports nothing. Words the revisions write (pinyin, emoji, watermarks,
 * recaps' frames) are made up here from small lists of our own.
 *
 * Highlights, made on the text as it was (after the kind's prepare step), as readers make them:
 * sentence, clause, term (2–4 units after a particle or mark), number (with its unit), quote
 * (inside “”, with or without the marks), cross (a span over a paragraph break), repeated (one
 * chosen occurrence of a 4–8-unit phrase the text holds more than once), first and last (the
 * article's first and last words), and target (words the kind is about to edit or copy, or that
 * stand beside them). 40 per text, 200 on a long article. Described with describe() and re-found
 * with one anchorAll() per revision, as renderer/core/highlights/anchorJob.ts does.
 *
 * Revision kinds (each on its own on a fresh copy of the seed's text, then `mixed`: three in a row):
 * - ruby: a 注音 reprint: ruby text flattened into the line on 2-character words (龃jǔ龉yǔ,
 *   龃(jǔ)龉(yǔ)) or a pinyin gloss after the word (龃龉（jǔ yǔ）), every few hundred units.
 * - redact: a 脱敏 reprint. Prepare: made-up speakers (王建华表示，) before a sixth of the
 *   sentences, a phone number. Revision: every use of a name (a surname-led 2–3-unit run before
 *   表示/说/指出…) becomes 姓+某/某某, long digit runs masked with *, the two units of a place before
 *   市/县/区/镇/村 after 在/到/于 become ××.
 * - de_particle: a 校对 pass over the whole text: adverbial 地 → 的 and 的 → 得 after 变/显/来, house
 *   pairs everywhere (作出 ↔ 做出, 截止 ↔ 截至, 其它 → 其他, 登陆 ↔ 登录, 以至 ↔ 以致, 象 → 像, 部份 → 部分,
 *   唯一 → 惟一, 绝不 → 决不, 既使 → 即使). Light: news pages hold few of them (edit ~0.1–0.4%).
 * - excerpt: a 摘编/节选: （节选） after the title, a quarter of the paragraphs dropped (half leaving a
 *   …… line), one middle sentence of a third of the rest replaced by ……, a 摘自 line at the end.
 * - serial: a 连载: the old text is the first part ending in （未完待续）; the new one drops that line
 *   and appends （接上期）, a 上期回顾 of 2–3 sentences copied verbatim from part one (highlighted
 *   ones preferred) and the rest of the article.
 * - wechat: a 公众号 repost: a header line (点击蓝字 关注我们) and an END footer, emoji (some two
 *   units, some with U+FE0F) before a third of the sentences and after some terms, short lines
 *   letter-spaced (U+3000 or a space between their characters).
 * - stutter: an editor's accidental repetitions: a paragraph pasted twice in a row, a sentence
 *   repeated right after itself, a 5–15-unit fragment before a mark repeated (the copies are twins:
 *   a placement on either is right).
 * - clause_swap: a 洗稿-style touch-up: in 30% of the sentences two neighbouring clauses change
 *   places (A，B，C。 → B，A，C。); the moved clause's units are the same units, moved.
 * - watermark: an anti-copy watermark phrase (the same one in a revision) inserted every ~700
 *   units at a random unit, mid-word included.
 * Definitions of SURVIVING, RIGHT, RIGHT_TWIN, PARTIAL, UNDECIDABLE, WRONG, MISS and LOST:
 * anchoring-outside6-judge.ts.
 *
 * Output: anchor_out6_recall_pct, anchor_out6_wrong, _highlights, _surviving, _partial, _twin,
 * _undecidable, _lost, _lost_on_remains, per kind (recall, wrong, edit_pct) and per highlight type;
 * the CPU time of one anchorAll on a long article (median, max) and of the whole run. `--list`
 * prints every miss, partial and wrong with context (⏎ is a paragraph break) and where the
 * placed units came from (old N, a copy or twin of old N, or written by the revision).
 *
 * FIRST MEASUREMENT, once, on main e40e12c (merged at 9a9a388; shared/anchoring as of that commit,
 * unchanged by the merge), seeds 1–40, 07:44 UTC 2026-12-06, load average ~21; run before any
 * failure of these seeds was looked at (the bench was written on seeds 901–910 only):
 *   anchor_out6_recall_pct 92.4   anchor_out6_wrong 2   highlights 28800   surviving 26993
 *   miss 2034   partial 6   right on a twin 29   undecidable 0   lost 1802 (on their remains: 3)
 *   ruby         recall 91.6%  wrong 0  (surviving 2880, edit 4.0%)
 *   redact       recall 99.5%  wrong 0  (surviving 2383, edit 1.8%)
 *   de_particle  recall   94%  wrong 0  (surviving 2664, edit 0.2%)
 *   excerpt      recall 96.4%  wrong 0  (surviving 2171, edit 27.1%)
 *   serial       recall 98.9%  wrong 0  (surviving 2805, edit 118.9%)
 *   wechat       recall 98.9%  wrong 0  (surviving 2880, edit 4.5%)
 *   stutter      recall 85.7%  wrong 0  (surviving 2880, edit 11.1%)
 *   clause_swap  recall 83.1%  wrong 0  (surviving 2880, edit 4.5%)
 *   watermark    recall 91.3%  wrong 0  (surviving 2880, edit 1.5%)
 *   mixed        recall 87.1%  wrong 2  (surviving 2570, edit 23.7%)
 *   by highlight type (recall/wrong): first 96.7%/0, last 96.3%/0, sentence 97.5%/0, clause 98.7%/0,
 *     term 98.6%/0, target 54.2%/0, cross 95.8%/0, quote 97.9%/0, number 98.5%/2, repeated 98%/0
 *   anchorAll CPU on a long article (200 highlights): median 59 ms, max 159 ms (load ~21); the
 *   whole run 15.5 s user CPU (13.4 s after the pages are extracted).
 * The target of issue 12 (≥ 99% recall, 0 wrong) is not met on these edits: 92.4% and 2 wrong.
 * JUDGE FIX after reading the 6 partials (the placements are the same, only the verdict changed):
 * 4 were placed exactly on the true place, whose hull held a clause that clause_swap (alone or in
 * mixed) had moved in; such a placement is now right. Re-judged: recall 92.5%, 2 wrong, partial 2.
 * WRONG (2), both in mixed, both numbers whose own words an excerpt step dropped:
 * - on a copy the revision made (seed 18 thepaper/1, 2019年 after 显示，): the serial step's 上期回顾
 *   had quoted its sentence; the excerpt step then dropped the paragraph; the highlight went to the
 *   recap's copy, with all its stored context (a recap is not the passage: wrong by definition).
 * - on another copy in the old text (seed 31 163/1, 0.21个 after 下滑): its paragraph dropped, it
 *   was placed on the same figure in the same frame 3,600 units on (own units 0).
 * PARTIAL (2): a span over a break whose second paragraph an excerpt dropped, stretched onto the next
 * paragraph's first words, which are the same words (seed 25); a span whose last words 如果没有
 * now stand twice after a clause swap, placed on the other 如果没有 (seed 40).
 * MISSES (2034), by kind: clause_swap 486, stutter 413, mixed 328, watermark 251, ruby 243,
 * de_particle 160, excerpt 78, serial 32, wechat 32, redact 11; by type: target 1482, cross 220,
 * sentence 113, term 67, clause 67, quote 30, number 20, first 13, last 13, repeated 9. In 643 of
 * them the words are unchanged, only their surroundings. Classes:
 * - an accidental duplicate (stutter 413, 407 of them with the words unchanged): a paragraph, a
 *   sentence or a fragment now stands twice side by side; the judge takes either copy (29 were placed
 *   on the second), the rest are orphans. The passage is there, twice: no reader would lose it.
 * - a clause moved into or out of the passage (clause_swap 394): a sentence or a span over a clause
 *   whose clauses changed places; and 92 unchanged clauses/terms whose neighbouring clause moved
 *   (seed 15 long: 十几天后，【便利店的仓库】，在疫情管控下， → 十几天后，在疫情管控下，【便利店的仓库】，).
 * - an insertion inside the passage: a watermark phrase (watermark 249: 又很是显【更多内容请关注某某网】高又
 *   显瘦), pinyin in a 2-unit term (ruby 228: 收口 → 收fèng口, 实用 → 实(chuō)用), an emoji inside a
 *   quote or after a term (wechat 21: “厉害了” → “厉害了🎯”); and unchanged 2-unit terms followed by a
 *   pinyin gloss (ruby 15: 【目前】（xián lǎo）).
 * - one unit of a 3–5-unit passage corrected (de_particle 160: 更好地为 → 更好的为, 勾勾地戳 → 勾勾的戳).
 * - excerpt (78): spans over a break into a dropped paragraph (47); unchanged passages next to a
 *   …… line, and repeated phrases whose other copy stayed (26).
 * - serial (32): passages at the end of part one, whose （未完待续） became （接上期） and a 上期回顾 that
 *   copies part-one sentences.
 * LATER, development (anchor14d), seeds 1–40 only, re-judged numbers before → after:
 *   recall 92.5% → 95.3%, wrong 2 → 0, miss 2034 → 1264, partial 2 → 2; ruby 91.6 → 100,
 *   clause_swap 83.1 → 95.2, mixed 87.2 → 94.0, stutter 85.7 → 85.8, the others unchanged
 *   (redact 99.5, de_particle 94.0, excerpt 96.4, serial 98.9, wechat 98.9, watermark 91.3);
 *   anchorAll CPU on a long article median 52 ms, max 104 ms (load ~20).
 *   Rules: a repeated quote's exact copy whose stored context stands only within its own
 *   sentence (one side inside the sentence, the other to its end and not past it) is not
 *   confirmed by that context (both wrongs); pinyin readings drop from the comparison form;
 *   an orphan made of whole clauses, held once, goes where one sentence holds all its clauses
 *   and its stored neighbour clauses in a changed order. Left: stutter (adjacent twins stay
 *   orphans: outside3's pull quote set before its paragraph makes the first copy new text, so
 *   "take the first" is not right by every judge), watermark/emoji inserted inside a passage
 *   (contextResumesFarther orphans such spans on purpose), de_particle one-unit corrections.
 *
 * FRESH, once, seeds 41–80, on main 6183e4d (after anchor14a–d; lead, 2026-12-06 09:20 UTC, CI running beside
 * it): 95.5% placed, 8 wrong (7 in seed 51 `mixed`: passages whose paragraph the excerpt step dropped,
 * placed on the serial recap's verbatim copy; 1 number in seed 70 on an identical copy 57k units on in
 * a long article that holds the page twice). ruby 100, redact 99.6, de_particle 95.8, excerpt 97.3,
 * serial 98.8, wechat 98.8, stutter 86.8, clause_swap 96.5, watermark 89.1, mixed 93.4.
 *
 * LATER, development (anchor15a), seeds 1–80, before (cba6495) → after, load ~20–27:
 *   1–40:  95.6% / 0 wrong → 98.5% / 0 (misses 1187 → 400); stutter 86.4 → 99.9, de_particle
 *          94.0 → 99.3, watermark 91.3 → 99.3 (→ 95.8 at b69e2c3, see below), mixed 94.4 → 95.4.
 *   41–80: 95.5% / 8 wrong → 98.5% / 8 (the same 8: recap copies, a page held twice); stutter
 *          86.8 → 99.6, de_particle 95.8 → 99.3, watermark 89.1 → 99.2, mixed 93.4 → 95.4.
 *   anchorAll CPU on a long article median 64–69 → 72–75 ms (load ~25).
 *   Rules (orphan passes of anchorAll): words pasted twice in a row go to the first copy when one
 *   copy taken away gives back the stored context and both copies are whole paragraphs or lie in
 *   one paragraph (stutter.ts; a pull quote beside a paragraph holding more is refused); a
 *   bracketed note inserted inside the passage and elsewhere too is the revision's (inserted.ts);
 *   a 3–4-unit quote with one unit changed between its whole context, at one place, inside its
 *   neighbours' bracket, with more context than any old copy had (corrected.ts). The numbers
 *   above were measured with inserted.ts taking any repeated 4–40-unit run (86e295d); that made 3
 *   wrongs in the generated inner-edits tests (template sentences cut into passages), so it now
 *   takes only a bracketed note: watermark 1–40 99.3 → 95.8 (the unbracketed 更多内容请关注某某网 /
 *   本文首发于某某号 stay orphans). Left: mixed (clause swaps and watermarks together: one context
 *   side gone), a fragment pasted twice inside a passage, unbracketed watermarks.
 *
 * LATER, development (anchor15b, 2026-12-06; base cba6495 → s15-anchor15b, load ~20–28; the
 * wrongs of 41–80 re-listed on cba6495, 8 as the lead saw, and read with a dump of their selectors):
 *   41–80: 95.5% / 8 wrong → 95.5% / 1 wrong (excerpt 97.3 → 97.4, mixed 93.4 → 93.4);
 *   1–40: 95.6% / 0 → 95.6% / 0. Classes and rules (tests/unit/anchoring-round20.test.ts):
 * - recap of a dropped paragraph, 6 (seed 51 mixed: excerpt dropped the paragraphs, the serial
 *   step's 上期回顾 had quoted their sentences back to back; copies 0, placed on the recap with
 *   most or all of the stored context, scores 0.58–0.99). Decidable only with more stored: describe()
 *   now records `restBefore`/`restAfter`, 8-unit pieces of the old paragraph past the context
 *   (restated.ts). Most pieces of one side standing nowhere, and the placement's paragraph holding
 *   another paragraph's words whole (the recap quoted a line that still stands): orphan.
 * - a page printed twice in a long article, 1 (seed 70 excerpt, 11 in 11月17日, copies 64 capped):
 *   copyContext was taken over the first 65 occurrences only and missed the twin page 78k units on,
 *   so the twin's full context "confirmed" it. copyContext now compares every occurrence (≤ 4096).
 * - left, 1 (seed 65 mixed): a sentence an excerpt dropped, placed approximately over the
 *   screenshot caption before it (a look-alike: 网站题为《…》的报道截图) and the …… line.
 * anchor() is now a batch of one (anchorAll): the single form refuses what the batch refuses.
 * FRESH, once, seeds 81–120, on main 5b40eb8 (lead, 2026-12-06 12:30 UTC, once, clean-clone CI running beside it): 97.7% placed, 9 wrong: 4 in seed 112 (serial: spans over
 *   the break before （未完待续） placed on the 上期回顾 copy; restated.ts does not catch spans over a
 *   break), 3 in seed 89 (mixed: a sentence whose paragraph the excerpt dropped, on a verbatim copy),
 *   2 lost passages on look-alikes in long articles (seeds 115, 120). stutter 99.7, de_particle 99.7,
 *   watermark 92.4, clause_swap 95.8, mixed 95.1, excerpt 97.1.
 * LATER, development (anchor16b, 2026-12-06, load ~24; before = the lead's run above, whose
 *   shared/anchoring is unchanged at 44b81a5): 81–120 97.7% / 9 wrong → 97.7% / 0 wrong (measured
 *   at 650d665; miss 606, lost 1977; excerpt 97.1 → 97.0, serial 99.5, mixed 95.1 → 95.0, the
 *   others as before); 1–40 98.1% / 0 → 98.1% / 0 (excerpt 97.5 → 97.4). anchorAll CPU on a long
 *   article median 83 ms, max 231 ms (load ~24). Classes (tests/unit/anchoring-round24.test.ts):
 * - serial, 4 (seed 112): spans over the break before （未完待续）, their words still standing parted
 *   by the break alone, placed by the edge rule (edges.ts) on the 上期回顾's copy that joins the two
 *   paragraphs; the first pass had refused both (a tie). The parted copy is now a rival there: orphan.
 * - mixed, 3 (seed 89): the article's last paragraph kept whole after a …… line, a recap quoting
 *   it inside a longer paragraph near the new end; the context (the text's end, 。” before) fitted
 *   the recap. The whole old paragraph is known from the stored context; a copy inside a longer
 *   paragraph while that paragraph stands apart word for word is an orphan (restated.ts).
 * - excerpt, 1 (seed 115): a term (长沙龙湖) whose paragraph went, found by words alone on
 *   长沙“龙湖…” between its neighbours; the old text held that look-alike too. describe() now records
 *   `wordCopies` (the words' other occurrences, marks aside, when more than copies); the
 *   words-alone reading is then refused (pinned.ts).
 * - mixed, 1 (seed 120): 25 (W) of a spec paragraph that was dropped, on the next paragraph's
 *   look-alike (context 39 = copyContext), confirmed by a neighbour in the paragraph before moving
 *   by the same amount (the dropped paragraph's length ≈ the look-alike's offset). A copy in doubt
 *   with no more context than another copy had is no longer confirmed by a neighbour across a
 *   paragraph break (index.ts movedWithSure).
 *
 * LATER, development (anchor16c, 2026-12-06; main 44b81a5 → s16-a16c, load ~20–35), seeds 1–120,
 * listed, measured before the last rule (pinned.ts growth, ac180f8, an outside5 fix):
 *   97.9% / 10 wrong → 98.5% / 10 (the same ten: seeds 65, 89, 112, 115, 120 above, main's then;
 *   anchor16b's fixes, merged after, are not in these numbers); misses
 * 1701 → 1165; watermark 93.6 → 99.2 (misses 557 → 66), mixed 95.1 → 95.8, target 90.5 → 95.6, the
 * other kinds unchanged. Of the 557 watermark misses 524 were the unbracketed phrases (更多内容请关注某某网
 * 389, 本文首发于某某号 135), refused by inserted.ts's bracket rule (setOff). Rule (inserted.ts,
 * tests/unit/anchoring-round25.test.ts): an unbracketed phrase inside the passage is the revision's
 * when the old words the batch's selectors stored (quotes, contexts, paragraph pieces) never held it
 * and another highlight's stored words read straight across another place of it (8 units each side,
 * without it: that spot was seen before the phrase was set there); or, for a passage at least twice
 * the phrase's length, when it stands at two or more other places with different units before and
 * after it (a cut template sentence is followed by the same words everywhere). The first form of
 * this rule (any place, no length limit) made 2 wrongs in generated 80001–80030 (template words over
 * half a short passage inserted by an inner edit: rewritten by that judge); the form above makes 0.
 * Left (66): pages printed twice in long articles (a copy of the quote whole elsewhere), spans over
 * a break, short texts where no other highlight saw another place of the phrase.
 * FRESH, once, seeds 121–160, on main 5caf9fc (after anchor16b/c/d; lead, 2026-12-06 15:20 UTC, once,
 *   clean-clone CI beside it): 98.3% placed, 0 wrong; clause_swap 94.6, mixed 96.2, excerpt 97.3,
 *   wechat 98.2, watermark 98.8 (was 92.4 on 81–120 before anchor16c), the rest ≥99.3; anchorAll on
 *   a long article median 88 ms, max 285 ms CPU.
 *
 * LATER, development (anchor17c, 2026-12-06; main b252f8c → s17-anchor17c, load 20–30; the rules
 * of outside5's anchor17c entry): 121–160 98.3% / 0 → 98.1% / 0 with the neighbouring-line rule as
 * first written (stutter 99.4 → 97.8: a paragraph pasted twice in a row, its stored next line now
 * after the twin, read as a copy elsewhere having the line); after reading the pair as one,
 * stutter 99.4 → 99.4 (--kind stutter). Measured before that fix only: wechat 98.2 → 98.1,
 * watermark 98.8 → 98.7, mixed 96.2 → 96.1, clause_swap 94.6 → 94.6; 0 wrong throughout. 1–40
 * (before the fix) 98.4 → 98.2, stutter 99.7 → 97.5, the rest within 0.2. Not re-run in full.
 * FRESH, once, seeds 161–200, on main 64b98c4 (lead, 2026-12-06 18:11 UTC, load ~2): 98.5% placed,
 *   3 wrong (excerpt 2, mixed 1); excerpt 96.3, clause_swap 96.4, mixed 96.5, the rest ≥98.8;
 *   anchorAll on a long article median 63 ms, max 193 ms.
 * LATER, development (anchor18c, 2026-12-06, load ~35; main 64b98c4 → this branch): 161–200 (now
 *   seen) 98.5% / 3 → 98.5% / 2. excerpt 200 (——X lost with its paragraph, X kept after a line cut
 *   to ……, placed by ownpara): an orphan (onWordsLookAlike, pinned.ts). Left: excerpt 165 (a heading
 *   repeated in eight sections, the line before a twin deleted so its prefix read as the passage's
 *   across the gap, 21 > copyContext 18 + 2; cutting context at such breaks for a lost copy cost a
 *   right placement in anchoring-round14, so not done); mixed
 *   194 (stutter+clause_swap+serial): the passage closed the old text; its paragraph now doubled in
 *   place, a 上期回顾 recap ends with the whole old paragraph just before （完）, copies 0 → 3 with the
 *   same stored context at both: near-undecidable by what the selector holds.
 * FRESH, once, seeds 201–240, on main e964917+042b0d8 (after anchor18a–e; lead, 2026-12-06 21:20 UTC, load ~2): 98.3% placed, 6 wrong
 *   (excerpt 4, serial 2); excerpt 96.2, clause_swap 95.9, mixed 96, the rest ≥98.8; anchorAll on a
 *   long article median 99 ms, max 255 ms CPU.
 * LATER, development (anchor19a, 2026-12-07, load ~35; main e989642 → s19-anchor19a), 201–240 (now
 *   seen), same texts, same hour: 98.3% / 6 wrong → 98.3% / 1 (miss 441 → 443: 204's two spans
 *   are orphans; every other verdict unchanged, excerpt 96.2, clause_swap 95.9, mixed 96 as before).
 *   1–80 with an intermediate form (before the two refinements below): 1–40 98.5/1 → 98.5/1,
 *   41–80 98.5/2 → 98.5/1 (seed 60 mixed's wrong gone too). Kinds (tests/unit/anchoring-round27.test.ts):
 * - excerpt 217: a figure held twice (lead and body), its body paragraph dropped; the neighbour pass
 *   found the lead's copy inside a window the dropped block widened. A placement that pass finds for
 *   a first-pass orphan is now held to the firm doubts (other copy's context only, one copy lost).
 * - excerpt 240: one copy lost, the other's context by edit distance 4 units over what it had: the
 *   dropped paragraph's next line aligned by chance with the sentence after it. With a copy lost the
 *   context must beat the other copy's in unbroken runs too, a side past an edit counting where 8
 *   units of it stand together (contextRunsAt; that last clause keeps 45's quote whose next line
 *   became ……).
 * - excerpt 205: a span over three Q&A lines placed in another section whose answer was dropped
 *   (the questions repeat in every section) while the passage's answer line stands: innerline.ts.
 * - serial 204: spans over the break before （未完待续）, the paragraph quoted whole by the 上期回顾
 *   right after it, （完） read nearer to （未完待续） than （接上期）: crosstail.ts (the quote past its
 *   head mostly gone at the placement, head + prefix ending a line at 2+ places; compared with the
 *   quote past the head, not its last line: that first form orphaned 11 long articles' spans).
 * Left: excerpt 230 (anchor15b's seed 65 kind: a sentence dropped, placed over the screenshot caption
 *   before it, a recorded look-alike, and the …… line; the context's suffix is the passage's own).
 * FRESH, once, seeds 241–280, on main 8026ebe (after anchor19a–e; lead, 2026-12-07 00:37 UTC, CI beside it): 98.5% placed, 8 WRONG
 *   (all mixed); clause_swap 95.8, mixed 95.4, excerpt 97.9, serial 98.9, the rest ≥99.1.
 * LATER, development (anchor20b, 2026-12-07, load ~30; main ed86a2e → s20-a20b), 241–280 (now seen),
 *   same texts, same hour: 98.5% / 8 wrong → 98.5% / 0 (mixed 95.4 → 95.6, excerpt 97.9 → 97.7: seed 270's
 *   page printed twice, 3 passages whose neighbours moved apart now orphans; the rest unchanged).
 *   Kinds (tests/unit/anchoring-round33.test.ts): 243 (3): a 上期回顾 recap joining the passage's
 *   sentences with 💡 between, its own place with ⭐️ at the break: the recap was read as the
 *   passage's own place edited (ownPlaceElsewhere), so the edge pass took the recap; a place no
 *   nearer and with less context is no own place now: right. 264 (4): the own paragraph
 *   clause-swapped, the recap quoting it as it was: a gained copy whose paragraph holds at most
 *   half the stored rest pieces while the other copy's holds them: an orphan (restaside.ts). 259:
 *   a span's larger piece on a look-alike paragraph sharing only the side's nearest units: with
 *   look-alikes recorded the whole own-line side must stand (edges.ts).
 * FRESH, once, seeds 281–320, on main 3460984 (after anchor20a–d; lead, 2026-12-07 03:30 UTC, CI beside it): 98.4% placed, 0 wrong;
 *   clause_swap 95.6, mixed 96.5, excerpt 97.3, serial 98.2, the rest ≥99.1.
 * LATER, development (anchor21c, 2026-12-07, load 20–44; main ddc6027 → s21-a21c; rules in
 *   tests/unit/anchoring-round38.test.ts), 1–40, same texts: 98.5% / 1 wrong → 98.5% / 0 (one miss
 *   more, the wrong now an orphan). Seed 5 clause_swap (long): a 3-unit term held twice in one
 *   sentence whose two clauses were swapped, the page printed twice; placed on the other printing
 *   and moved to the copy of its rank, which the swap made the other clause's. The rank's copy is
 *   not taken where a copy beside it in its paragraph outreads it (rankswap.ts).
 * FRESH, once, seeds 321–360, on main f524775 (after anchor21a–e; lead, 2026-12-07 06:30 UTC, CI beside it; the corpus text pool changed this session: toutiao/2 now extracts 1002 units instead of 94, so seeds draw other texts than before):
 *   98.4% placed, 1 WRONG (mixed); clause_swap 95.8, mixed 94.1, excerpt 97.3, the rest 99–100.
 * LATER (anchor22b, 2026-12-07; main 3d4e69c → s22-anchor22b), 321–360 (now seen): 98.4% / 1 → 98.4% / 1,
 *   misses identical. Left: 325, the one wrong (2倍 placed through the numerals reading on 两倍 in a
 *   news-brief line the old text already held, its own paragraph dropped; describe() records no
 *   numeral-reading copies, outside5's note on 325 says the same); not looked at further for time.
 * FRESH, once, seeds 361–400, on main 16fb8d2 (after anchor22a–e and the stutter narrowing; lead, 2026-12-07 09:55 UTC, CI beside it):
 *   98.5% placed, 0 wrong.
 */

import { anchorAll, describe, type TextSelector } from '../../shared/anchoring';

import { corpusTexts, PROSE_DIR } from './anchoring-prose';
import { applyEdits, editPct, judge, positions, tracked, type Edit, type Tracked, type Verdict } from './anchoring-outside6-judge';

type Rng = () => number;

function rngFor(seed: number, salt: string): Rng {
  let h = seed >>> 0;
  for (const c of salt) h = Math.imul(h ^ c.charCodeAt(0), 2654435761) >>> 0;
  let a = (h ^ 0x9e3779b9) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;

// ---------------------------------------------------------------- texts

interface Page {
  name: string;
  text: string;
}

function loadPages(): Page[] | null {
  const texts = corpusTexts();
  if (!texts) return null;
  const pages: Page[] = [];
  for (const { name, text: raw } of texts) {
    const text = raw.trim();
    const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
    if (text.length >= 400 && han > text.length / 3) pages.push({ name, text });
  }
  return pages;
}

function seedText(seed: number, pages: Page[]): { name: string; text: string; long: boolean } {
  const rng = rngFor(seed, 'text');
  if (seed % 5 !== 0) {
    const p = pick(rng, pages);
    return { name: p.name, text: p.text, long: false };
  }
  const target = int(rng, 60000, 120000);
  const order = pages.map((p) => p).sort(() => rng() - 0.5);
  const parts: string[] = [];
  let total = 0;
  for (const p of order) {
    if (total >= target) break;
    const room = target - total;
    const text = p.text.length > room + 2000 ? cutAtParagraph(p.text, room) : p.text;
    parts.push(text);
    total += text.length + 1;
  }
  return { name: `long(${parts.length} pages)`, text: parts.join('\n'), long: true };
}

function cutAtParagraph(text: string, length: number): string {
  const at = text.indexOf('\n', length);
  return at < 0 ? text : text.slice(0, at);
}

// ---------------------------------------------------------------- text helpers

interface Range {
  start: number;
  end: number;
}

function paragraphs(text: string): Range[] {
  const out: Range[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) out.push({ start: at, end: at + line.length });
    at += line.length + 1;
  }
  return out;
}

function sentences(text: string, para: Range): Range[] {
  const out: Range[] = [];
  const re = /[^。！？]+[。！？]?”?/gu;
  const body = text.slice(para.start, para.end);
  for (let m = re.exec(body); m; m = re.exec(body)) out.push({ start: para.start + m.index, end: para.start + m.index + m[0].length });
  return out;
}

function allSentences(text: string): Range[] {
  return paragraphs(text).flatMap((p) => sentences(text, p));
}

const HAN = /\p{Script=Han}/u;
const isHan = (c: string | undefined): boolean => !!c && HAN.test(c);

/** Trims whitespace off a range; null when nothing is left. */
function trimmed(text: string, r: Range): Range | null {
  let { start, end } = r;
  while (start < end && /\s/u.test(text[start] ?? '')) start++;
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end--;
  if (start >= end) return null;
  // Never split a surrogate pair.
  if (/[\udc00-\udfff]/u.test(text[start] ?? '')) start--;
  if (/[\ud800-\udbff]/u.test(text[end - 1] ?? '')) end++;
  return { start, end };
}

function matches(text: string, re: RegExp, from = 0, to = text.length): Range[] {
  const out: Range[] = [];
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  g.lastIndex = from;
  for (let m = g.exec(text); m && m.index < to; m = g.exec(text)) {
    if (m[0].length === 0) {
      g.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** A random unit boundary that does not split a surrogate pair. */
function boundary(text: string, at: number): number {
  return /[\udc00-\udfff]/u.test(text[at] ?? '') ? at + 1 : at;
}

// ---------------------------------------------------------------- revision kinds

/** A kind: an optional prepare step on the seed's text, and a plan of edits on the current text. */
interface Kind {
  name: string;
  prepare?: (text: string, rng: Rng) => { old: string; rest?: string };
  /** Edits on `text`, and the ranges of `text` they touch or copy (target highlights go there). */
  plan: (text: string, rng: Rng, rest: string) => { edits: Edit[]; targets: Range[] };
}

const SYLLABLES = [
  'jǔ',
  'yǔ',
  'xiè',
  'hòu',
  'zhēn',
  'qiáo',
  'lüè',
  'chuō',
  'niǎn',
  'guī',
  'fèng',
  'xián',
  'zǐ',
  'dàng',
  'yuè',
  'mǐn',
  'shù',
  'lǎo',
];

const ruby: Kind = {
  name: 'ruby',
  plan(text, rng) {
    const edits: Edit[] = [];
    const targets: Range[] = [];
    const words = matches(text, /(?<=[的在和是对与，、“])\p{Script=Han}{2}/u);
    const want = Math.max(6, Math.floor(text.length / 350));
    let last = -1;
    for (const w of words
      .sort(() => rng() - 0.5)
      .slice(0, want)
      .sort((a, b) => a.start - b.start)) {
      if (w.start < last) continue;
      const a = pick(rng, SYLLABLES);
      const b = pick(rng, SYLLABLES);
      const style = int(rng, 0, 2);
      if (style === 0) {
        edits.push({ start: w.start + 1, end: w.start + 1, insert: a }, { start: w.end, end: w.end, insert: b });
      } else if (style === 1) {
        edits.push({ start: w.start + 1, end: w.start + 1, insert: `(${a})` }, { start: w.end, end: w.end, insert: `(${b})` });
      } else {
        edits.push({ start: w.end, end: w.end, insert: `（${a} ${b}）` });
      }
      targets.push(w);
      last = w.end;
    }
    return { edits, targets };
  },
};

const GIVEN_NAMES = ['王建华', '李晓东', '张敏', '刘志强', '陈静怡', '杨帆', '赵立新', '周文', '吴海燕', '孙浩然', '黄丽', '郑国庆'];
const SAYS = ['表示，', '说，', '指出，', '介绍，', '认为，'];
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';

const redact: Kind = {
  name: 'redact',
  // A news story names the people it quotes: a few made-up speakers before some sentences, a phone number.
  prepare(text, rng) {
    const names = GIVEN_NAMES.slice()
      .sort(() => rng() - 0.5)
      .slice(0, int(rng, 2, 4));
    const edits: Edit[] = [];
    for (const p of paragraphs(text).slice(1)) {
      for (const s of sentences(text, p)) {
        if (rng() < 0.18) edits.push({ start: s.start, end: s.start, insert: pick(rng, names) + pick(rng, SAYS) });
      }
    }
    const at = pick(rng, paragraphs(text).slice(1));
    if (at) edits.push({ start: at.end, end: at.end, insert: `（联系电话：1${int(rng, 3, 9)}${String(int(rng, 10000000, 99999999))}）` });
    return { old: applyEdits(tracked(text), edits).text };
  },
  plan(text) {
    const edits: Edit[] = [];
    const targets: Range[] = [];
    const taken: Range[] = [];
    const free = (r: Range) => !taken.some((t) => r.start < t.end && t.start < r.end);
    // A name is a surname-led run of 2–3 units before a speech verb; every use of it is masked.
    const names = new Set<string>();
    for (const m of matches(text, /(?<=[，。：；、\n“])\p{Script=Han}{2,3}(?=(?:表示|说|指出|介绍|称|坦言|告诉|认为))/u)) {
      const name = text.slice(m.start, m.end);
      if (SURNAMES.includes(name[0] ?? '')) names.add(name);
    }
    for (const name of [...names].sort((a, b) => b.length - a.length)) {
      for (const m of matches(text, new RegExp(name, 'u'))) {
        if (!free(m)) continue;
        edits.push({ start: m.start + 1, end: m.end, insert: name.length === 3 ? '某某' : '某' });
        targets.push(m);
        taken.push(m);
      }
    }
    for (const m of matches(text, /\d{7,}/u)) {
      if (!free(m)) continue;
      const keep = Math.min(3, Math.floor((m.end - m.start) / 3));
      edits.push({ start: m.start + keep, end: m.end - keep, insert: '*'.repeat(m.end - m.start - 2 * keep) });
      targets.push(m);
      taken.push(m);
    }
    for (const m of matches(text, /(?<=[在到于])\p{Script=Han}{2}(?=[市县区镇村])/u)) {
      // A place name, not an office (在市委, 到县政府) nor a run that holds a place word itself.
      const office = /[委政府民长]/u.test(text[m.end + 1] ?? '');
      if (!free(m) || office || /[市县区镇村省乡街]/u.test(text.slice(m.start, m.end))) continue;
      edits.push({ start: m.start, end: m.end, insert: '××' });
      targets.push(m);
      taken.push(m);
    }
    return { edits, targets };
  },
};

const PAIRS: [string, string][] = [
  ['作出', '做出'],
  ['做出', '作出'],
  ['截止', '截至'],
  ['截至', '截止'],
  ['其它', '其他'],
  ['登陆', '登录'],
  ['登录', '登陆'],
  ['以至', '以致'],
  ['部份', '部分'],
  ['好象', '好像'],
  ['唯一', '惟一'],
  ['绝不', '决不'],
  ['既使', '即使'],
];

const deParticle: Kind = {
  name: 'de_particle',
  plan(text) {
    const edits: Edit[] = [];
    const targets: Range[] = [];
    const taken = new Set<number>();
    // Adverbial 地 between two-unit words and a verb-like unit (not a place word: 土地, 各地, 地区…).
    for (const m of matches(text, /(?<=\p{Script=Han}{2})地(?=\p{Script=Han})/u)) {
      const before = text[m.start - 1] ?? '';
      const after = text[m.end] ?? '';
      if (/[土各当基本外内两此天大场高林耕园目境阵实产盆腹山陆草湿福宝胜属驻领圣墓工田禁绿等多全该异原遍落重就满到小据局]/u.test(before))
        continue;
      if (/[区方产球点图铁震质位域面块毯址标带道下上理貌势处步板税价]/u.test(after)) continue;
      edits.push({ start: m.start, end: m.end, insert: '的' });
      targets.push({ start: m.start - 2, end: m.end + 1 });
      taken.add(m.start);
    }
    for (const m of matches(text, /(?<=[变显来])的(?=[很更越十非])/u)) {
      if (taken.has(m.start)) continue;
      edits.push({ start: m.start, end: m.end, insert: '得' });
      targets.push({ start: m.start - 1, end: m.end + 1 });
      taken.add(m.start);
    }
    for (const [from, to] of PAIRS) {
      for (const m of matches(text, new RegExp(from, 'u'))) {
        if (taken.has(m.start) || taken.has(m.start + 1)) continue;
        // Only the unit that differs is rewritten.
        for (let i = 0; i < from.length; i++) {
          if (from[i] !== to[i]) {
            edits.push({ start: m.start + i, end: m.start + i + 1, insert: to[i] ?? '' });
            taken.add(m.start + i);
          }
        }
        targets.push(m);
      }
    }
    for (const m of matches(text, /(?<![好想图])象(?=[是一个这那])/u)) {
      if (taken.has(m.start)) continue;
      edits.push({ start: m.start, end: m.end, insert: '像' });
      targets.push(m);
      taken.add(m.start);
    }
    return { edits, targets };
  },
};

const excerpt: Kind = {
  name: 'excerpt',
  plan(text, rng) {
    const edits: Edit[] = [];
    const targets: Range[] = [];
    const paras = paragraphs(text);
    const title = paras[0];
    if (title) edits.push({ start: title.end, end: title.end, insert: '（节选）' });
    for (let i = 1; i < paras.length; i++) {
      const p = paras[i] as Range;
      const next = paras[i + 1];
      if (rng() < 0.25 && i < paras.length - 1) {
        // Drop the paragraph with its line break; half the time leave a …… line.
        const end = next ? next.start : p.end;
        edits.push(rng() < 0.5 ? { start: p.start, end, insert: '……\n' } : { start: p.start, end });
        targets.push({ start: Math.max(0, p.start - 12), end: p.start });
        if (next) targets.push({ start: next.start, end: Math.min(next.end, next.start + 12) });
        continue;
      }
      const ss = sentences(text, p);
      if (ss.length >= 3 && rng() < 0.33) {
        const s = ss[int(rng, 1, ss.length - 2)] as Range;
        edits.push({ start: s.start, end: s.end, insert: '……' });
        targets.push(ss[ss.indexOf(s) - 1] as Range, ss[ss.indexOf(s) + 1] as Range);
      }
    }
    edits.push({ start: text.length, end: text.length, insert: `\n（摘自《学习参考》${int(rng, 2015, 2024)}年第${int(rng, 1, 12)}期）` });
    return { edits, targets };
  },
};

const serial: Kind = {
  name: 'serial',
  prepare(text, rng) {
    const paras = paragraphs(text);
    if (paras.length < 4) return { old: text + '\n（未完待续）', rest: '' };
    const cut = paras[Math.max(2, Math.floor(paras.length * (0.4 + rng() * 0.25)))] as Range;
    return { old: text.slice(0, cut.start) + '（未完待续）', rest: text.slice(cut.start) };
  },
  plan(text, rng, rest) {
    const edits: Edit[] = [];
    const targets: Range[] = [];
    const mark = text.lastIndexOf('（未完待续）');
    const end = mark >= 0 ? mark : text.length;
    if (mark >= 0) edits.push({ start: Math.max(0, mark - 1), end: text.length });
    const at = Math.max(0, mark >= 0 ? mark - 1 : text.length);
    edits.push({ start: at, end: at, insert: `\n（接上期）\n上期回顾：` });
    const pool = allSentences(text.slice(0, end)).filter((s) => s.end - s.start >= 12 && s.end - s.start <= 120);
    const chosen = pool.sort(() => rng() - 0.5).slice(0, int(rng, 2, 3));
    for (const s of chosen.sort((a, b) => a.start - b.start)) {
      edits.push({ start: at, end: at, copyFrom: s.start, copyTo: s.end });
      targets.push(s);
    }
    edits.push({ start: at, end: at, insert: `\n${rest.trim() || '（完）'}` });
    return { edits, targets };
  },
};

const EMOJI = ['👉', '🔥', '💡', '✅', '❗', '📌', '⭐️', '✔️', '🎯', '👏', '▶'];

const wechat: Kind = {
  name: 'wechat',
  plan(text, rng) {
    const edits: Edit[] = [];
    const targets: Range[] = [];
    edits.push({ start: 0, end: 0, insert: `点击蓝字 关注我们${pick(rng, EMOJI)}\n` });
    const paras = paragraphs(text);
    const spaced = new Set<number>();
    for (const p of paras) {
      const body = text.slice(p.start, p.end);
      if (p.end - p.start <= 16 && !/[。！？，]/u.test(body) && rng() < 0.7) {
        const sep = rng() < 0.5 ? '\u3000' : ' ';
        for (let i = p.start + 1; i < p.end; i++) {
          if (isHan(text[i]) && isHan(text[i - 1])) {
            edits.push({ start: i, end: i, insert: sep });
            spaced.add(i);
          }
        }
        targets.push(p);
        continue;
      }
      for (const s of sentences(text, p)) {
        if (rng() < 0.33) {
          edits.push({ start: s.start, end: s.start, insert: pick(rng, EMOJI) + (rng() < 0.5 ? ' ' : '') });
          targets.push({ start: s.start, end: Math.min(s.end, s.start + 10) });
        }
      }
    }
    for (const m of matches(text, /(?<=[，、“])\p{Script=Han}{2,4}(?=[，。”])/u)) {
      if (rng() < 0.15 && !spaced.has(m.end)) {
        edits.push({ start: m.end, end: m.end, insert: pick(rng, EMOJI) });
        targets.push(m);
      }
    }
    edits.push({ start: text.length, end: text.length, insert: '\n— END —\n喜欢就点个“在看”吧' });
    return { edits, targets };
  },
};

const stutter: Kind = {
  name: 'stutter',
  plan(text, rng) {
    const edits: Edit[] = [];
    const targets: Range[] = [];
    const paras = paragraphs(text).filter((p) => p.end - p.start >= 20);
    const times = Math.max(3, Math.floor(text.length / 2500));
    const used: Range[] = [];
    const free = (r: Range) => !used.some((u) => r.start <= u.end && u.start <= r.end);
    for (let k = 0; k < times * 3 && used.length < times; k++) {
      const p = pick(rng, paras);
      if (!p || !free(p)) continue;
      const what = int(rng, 0, 2);
      if (what === 0) {
        // The paragraph pasted again right after itself.
        edits.push({ start: p.end, end: p.end, insert: '\n' }, { start: p.end, end: p.end, copyFrom: p.start, copyTo: p.end, twin: true });
        targets.push(p);
      } else if (what === 1) {
        const s = pick(rng, sentences(text, p));
        if (!s || s.end - s.start < 6) continue;
        edits.push({ start: s.end, end: s.end, copyFrom: s.start, copyTo: s.end, twin: true });
        targets.push(s);
      } else {
        const marks = matches(text, /[，。；、]/u, p.start, p.end).filter((m) => m.start - p.start >= 15);
        const m = pick(rng, marks);
        if (!m) continue;
        const from = m.start - int(rng, 5, 15);
        edits.push({ start: m.start, end: m.start, copyFrom: from, copyTo: m.start, twin: true });
        targets.push({ start: from, end: m.start });
      }
      used.push(p);
    }
    return { edits, targets };
  },
};

const clauseSwap: Kind = {
  name: 'clause_swap',
  // A 洗稿-style touch-up: two neighbouring clauses of a sentence change places (A，B，C。 → B，A，C。).
  plan(text, rng) {
    const edits: Edit[] = [];
    const targets: Range[] = [];
    for (const s of allSentences(text)) {
      if (rng() >= 0.3) continue;
      const clauses = matches(text, /[^，。！？\n]+，/u, s.start, s.end).filter((c) => c.end <= s.end);
      if (clauses.length < 2) continue;
      const i = int(rng, 0, clauses.length - 2);
      const a = clauses[i] as Range;
      const b = clauses[i + 1] as Range;
      if (a.end !== b.start || a.end - a.start < 3 || b.end - b.start < 3) continue;
      edits.push({ start: a.start, end: a.end }, { start: b.end, end: b.end, copyFrom: a.start, copyTo: a.end, move: true });
      targets.push({ start: a.start, end: b.end }, { start: a.start, end: a.end - 1 }, s);
    }
    return { edits, targets };
  },
};

const WATERMARKS = ['【本文来源：某某资讯网】', '（未经授权，禁止转载）', '更多内容请关注某某网', '本文首发于某某号'];

const watermark: Kind = {
  name: 'watermark',
  plan(text, rng) {
    const edits: Edit[] = [];
    const targets: Range[] = [];
    const mark = pick(rng, WATERMARKS);
    for (let at = int(rng, 200, 700); at < text.length; at += int(rng, 500, 900)) {
      const b = boundary(text, at);
      edits.push({ start: b, end: b, insert: mark });
      targets.push({ start: Math.max(0, b - int(rng, 2, 10)), end: Math.min(text.length, b + int(rng, 2, 10)) });
    }
    return { edits, targets };
  },
};

const SINGLE: Kind[] = [ruby, redact, deParticle, excerpt, serial, wechat, stutter, clauseSwap, watermark];
const KIND_NAMES = [...SINGLE.map((k) => k.name), 'mixed'];

// ---------------------------------------------------------------- highlights

interface Highlight extends Range {
  type: string;
}

const TYPES = ['sentence', 'clause', 'term', 'number', 'quote', 'cross', 'repeated', 'target'];

function makeHighlights(text: string, rng: Rng, count: number, targets: Range[]): Highlight[] {
  const out: Highlight[] = [];
  const paras = paragraphs(text);
  const pool = targets.slice();
  const seen = new Set<string>();
  const add = (type: string, r: Range | null | undefined): void => {
    if (!r) return;
    const t = trimmed(text, { start: Math.max(0, r.start), end: Math.min(text.length, r.end) });
    if (!t || t.end - t.start < 2 || seen.has(`${t.start}:${t.end}`)) return;
    seen.add(`${t.start}:${t.end}`);
    out.push({ type, ...t });
  };
  add('first', { start: 0, end: int(rng, 2, 10) });
  const tail = text.trimEnd().length;
  add('last', { start: tail - int(rng, 2, 10), end: tail });
  for (let tries = 0; out.length < count && tries < count * 30; tries++) {
    const type = pick(rng, TYPES);
    const p = pick(rng, paras);
    if (!p) break;
    if (type === 'sentence') {
      const s = pick(rng, sentences(text, p));
      if (s && s.end - s.start >= 8 && s.end - s.start <= 160) add(type, s);
    } else if (type === 'clause') {
      const parts = matches(text, /[^，。；：！？、\n]{5,40}/u, p.start, p.end);
      add(type, pick(rng, parts));
    } else if (type === 'term') {
      const m = pick(rng, matches(text, /(?<=[的在和是对与，、“])\p{Script=Han}{2,4}/u, p.start, p.end));
      if (m) add(type, { start: m.start, end: m.start + int(rng, 2, m.end - m.start) });
    } else if (type === 'number') {
      add(type, pick(rng, matches(text, /\d+(?:\.\d+)?(?:%|万元|亿元|万|亿|元|年|个|人|家|次|倍|公里|吨|平方米)?/u, p.start, p.end)));
    } else if (type === 'quote') {
      const q = pick(rng, matches(text, /“[^”\n]{2,60}”/u, p.start, p.end));
      if (q) add(type, rng() < 0.5 ? q : { start: q.start + 1, end: q.end - 1 });
    } else if (type === 'cross') {
      const i = paras.indexOf(p);
      const next = paras[i + 1];
      if (next) add(type, { start: p.end - int(rng, 4, 20), end: next.start + int(rng, 4, 20) });
    } else if (type === 'repeated') {
      const at = int(rng, p.start, Math.max(p.start, p.end - 8));
      const len = int(rng, 4, 8);
      const phrase = text.slice(at, at + len);
      if (phrase.length === len && /^\p{Script=Han}+$/u.test(phrase) && text.indexOf(phrase) !== text.lastIndexOf(phrase)) {
        add(type, { start: at, end: at + len });
      }
    } else if (pool.length) {
      // Each target once: readers mark a passage once.
      const r = pool.splice(Math.floor(rng() * pool.length), 1)[0] as Range;
      if (r.end - r.start > 160) add(type, { start: r.start, end: r.start + int(rng, 20, 120) });
      else add(type, r);
    }
  }
  return out;
}

// ---------------------------------------------------------------- the run

interface Tally {
  highlights: number;
  surviving: number;
  right: number;
  twin: number;
  partial: number;
  undecidable: number;
  wrong: number;
  miss: number;
  lost: number;
  onRemains: number;
  edit: number;
  revisions: number;
}

const newTally = (): Tally => ({
  highlights: 0,
  surviving: 0,
  right: 0,
  twin: 0,
  partial: 0,
  undecidable: 0,
  wrong: 0,
  miss: 0,
  lost: 0,
  onRemains: 0,
  edit: 0,
  revisions: 0,
});

function count(t: Tally, v: Verdict, surviving: boolean): void {
  t.highlights++;
  if (surviving) t.surviving++;
  if (v === 'right') t.right++;
  else if (v === 'right_twin') t.twin++;
  else if (v === 'partial') t.partial++;
  else if (v === 'undecidable') t.undecidable++;
  else if (v === 'wrong') t.wrong++;
  else if (v === 'miss') t.miss++;
  else if (v === 'lost') t.lost++;
  else t.onRemains++;
}

const pct = (a: number, b: number): number => (b ? Math.round((1000 * a) / b) / 10 : 100);

function show(text: string, start: number, end: number): string {
  const clip = (s: string) => s.replace(/\n/gu, '⏎');
  return `${clip(text.slice(Math.max(0, start - 15), start))}【${clip(text.slice(start, end))}】${clip(text.slice(end, end + 15))}`;
}

/** Where a placement's units came from: the old index of its first kept unit, or what the revision wrote. */
function origin(t: Tracked, r: Range): string {
  for (let i = r.start; i < r.end; i++) {
    const s = t.src[i] ?? -1;
    if (s >= 0) return `old ${s}`;
  }
  for (let i = r.start; i < r.end; i++) {
    const c = t.copy[i] ?? -1;
    if (c >= 0) return `${t.twin[i] ? 'twin' : 'copy'} of old ${c}`;
  }
  return 'written';
}

function parseSeeds(argv: string[]): [number, number] {
  const i = argv.indexOf('--seeds');
  const m = i >= 0 ? /^(\d+)(?:-(\d+))?$/u.exec(argv[i + 1] ?? '') : null;
  if (!m) return [901, 910];
  return [Number(m[1]), Number(m[2] ?? m[1])];
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export function benchAnchorOutside6(argv: string[]): Record<string, number> {
  const pages = loadPages();
  if (!pages || pages.length === 0) {
    process.stdout.write(`anchoring-outside6: skipped, no Chinese pages at ${PROSE_DIR}\n`);
    return {};
  }
  const [from, to] = parseSeeds(argv);
  const list = argv.includes('--list');
  const ki = argv.indexOf('--kind');
  const onlyKind = ki >= 0 ? argv[ki + 1] : undefined;
  const total = newTally();
  const byKind = new Map<string, Tally>(KIND_NAMES.map((k) => [k, newTally()]));
  const byType = new Map<string, Tally>();
  const longCpu: number[] = [];
  const runStart = cpuMs();

  for (let seed = from; seed <= to; seed++) {
    const base = seedText(seed, pages);
    for (const kindName of KIND_NAMES) {
      if (onlyKind && onlyKind !== kindName) continue;
      const rng = rngFor(seed, kindName);
      const steps: Kind[] =
        kindName === 'mixed'
          ? SINGLE.slice()
              .sort(() => rng() - 0.5)
              .slice(0, 3)
          : [SINGLE.find((k) => k.name === kindName) as Kind];
      // The first step's prepare makes the old text; the later steps plan on the revised text.
      const first = steps[0] as Kind;
      const prepared = first.prepare ? first.prepare(base.text, rng) : { old: base.text, rest: '' };
      const old = prepared.old;
      const firstPlan = first.plan(old, rng, prepared.rest ?? '');
      const highlights = makeHighlights(old, rng, base.long ? 200 : 40, firstPlan.targets);
      let doc: Tracked = applyEdits(tracked(old), firstPlan.edits);
      for (const step of steps.slice(1)) {
        // A later serial step has no old part two: it appends a recap and a closing line only.
        const plan = step.plan(doc.text, rng, '');
        doc = applyEdits(doc, plan.edits);
      }
      const selectors: TextSelector[] = highlights.map((h) => describe(old, h.start, h.end));
      const before = cpuMs();
      const placed = anchorAll(doc.text, selectors);
      const spent = cpuMs() - before;
      if (base.long) longCpu.push(spent);
      const pos = positions(doc, old.length);
      const kt = byKind.get(kindName) as Tally;
      kt.revisions++;
      kt.edit += editPct(doc, old.length);
      highlights.forEach((h, i) => {
        const p = placed[i] ?? null;
        const j = judge(old, doc, pos, h, p);
        count(total, j.verdict, j.surviving);
        count(kt, j.verdict, j.surviving);
        if (!byType.has(h.type)) byType.set(h.type, newTally());
        count(byType.get(h.type) as Tally, j.verdict, j.surviving);
        if (list && (j.verdict === 'miss' || j.verdict === 'wrong' || j.verdict === 'partial')) {
          const where = p
            ? ` placed ${p.start} ${show(doc.text, p.start, p.end)} own ${j.own} foreign ${j.foreign} from ${origin(doc, p)}`
            : '';
          const truth = j.truth ? ` truth ${j.truth.start} ${show(doc.text, j.truth.start, j.truth.end)}` : ' (lost)';
          process.stdout.write(
            `${j.verdict.toUpperCase()} seed ${seed} ${kindName} ${base.name} ${h.type} old ${h.start} ${show(old, h.start, h.end)}${truth}${where}\n`,
          );
        }
      });
    }
  }

  const out: Record<string, number> = {
    anchor_out6_recall_pct: pct(total.right + total.twin, total.surviving),
    anchor_out6_wrong: total.wrong,
    anchor_out6_highlights: total.highlights,
    anchor_out6_surviving: total.surviving,
    anchor_out6_miss: total.miss,
    anchor_out6_partial: total.partial,
    anchor_out6_twin: total.twin,
    anchor_out6_undecidable: total.undecidable,
    anchor_out6_lost: total.lost,
    anchor_out6_lost_on_remains: total.onRemains,
  };
  for (const [k, t] of byKind) {
    if (!t.revisions) continue;
    out[`anchor_out6_${k}_recall_pct`] = pct(t.right + t.twin, t.surviving);
    out[`anchor_out6_${k}_wrong`] = t.wrong;
    out[`anchor_out6_${k}_surviving`] = t.surviving;
    out[`anchor_out6_${k}_edit_pct`] = Math.round((10 * t.edit) / t.revisions) / 10;
  }
  for (const [k, t] of byType) {
    out[`anchor_out6_type_${k}_recall_pct`] = pct(t.right + t.twin, t.surviving);
    out[`anchor_out6_type_${k}_wrong`] = t.wrong;
  }
  const sorted = longCpu.slice().sort((a, b) => a - b);
  if (sorted.length) {
    out.anchor_out6_long_anchor_cpu_median_ms = Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0);
    out.anchor_out6_long_anchor_cpu_max_ms = Math.round(sorted[sorted.length - 1] ?? 0);
  }
  out.anchor_out6_run_cpu_s = Math.round((cpuMs() - runStart) / 100) / 10;
  return out;
}

if (process.argv[1] && /anchoring-outside6\.ts$/u.test(process.argv[1])) {
  for (const [k, v] of Object.entries(benchAnchorOutside6(process.argv.slice(2)))) process.stdout.write(`${k}: ${v}\n`);
}
