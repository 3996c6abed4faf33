/**
 * Anchoring bench of a FIFTH outside tester (issue 12 item 4: after an article is updated, at
 * least 99% of the surviving highlighted passages placed and none on the wrong words, on edits
 * never seen). Written without reading shared/anchoring beyond the exported signatures and doc
 * comments of shared/anchoring/index.ts, nor the anchoring tests or the other benches' bodies;
 * its revision kinds are ones the four earlier outside benches' headers do not list.
 *
 *   npx tsx tests/bench/anchoring-outside5.ts [--seeds a-b] [--kind name] [--list]
 *   npm run bench -- anchor5 [--seeds a-b] [--kind name] [--list]
 *
 * Texts: the Chinese pages of ../shared/corpora/chinese-news-pages turned into stored article
 * text by the project's extractor (paragraphs joined by '\n'), read in place and never copied;
 * every fifth seed a long article of 60k–120k units made by joining pages. Without the corpora
 * the bench prints why and reports nothing. Words the revisions write (names, units, English
 * paragraphs, questions, boilerplate) are made up here from small word lists of our own.
 *
 * Highlights, made on the text as it was (after the kind's prepare step), as readers make them:
 * sentence, clause, term (2–4 units after a particle or mark), number (with its unit), quote
 * (inside “”, with or without the marks), cross (a span over a paragraph break), repeated (one
 * chosen occurrence of a 4–8-unit phrase the text holds more than once), first and last (the
 * article's first and last words), and target (words the kind is about to edit or copy, or
 * stand beside them). 40 per text, 200 on a long article. They are described with describe() and
 * re-found with one anchorAll() per revision, as renderer/core/highlights/anchorJob.ts does.
 *
 * Revision kinds (each on its own on a fresh copy of the seed's text, then `mixed`: three in a row):
 * - roster: a 表彰/任免 名单 (prepare: 15–40 lines `姓名\u3000单位职务`, many alike); one entry inserted,
 *   one removed, one corrected (a name's character or a title).
 * - draft_final: 征求意见稿 → 正式稿: （征求意见稿） dropped from the title, a middle clause dropped
 *   from sentences, adjacent sentences merged (。→，), wording tightened (应当→应, 进行了→进行 …).
 * - boiler_end: every section ends with the same boilerplate sentence (prepare); one or two of
 *   them removed.
 * - bilingual: a 中英对照 republish: an English paragraph after each Chinese one (holding the
 *   paragraph's numbers), the title given an English line.
 * - surround: everything around highlighted sentences rewritten (the other sentences of their
 *   paragraph and the neighbouring paragraphs' nearest sentences), the sentences verbatim.
 * - interleave: a 综述 merging two articles: paragraphs of another page interleaved, an intro line
 *   on top, a tenth of the article's own paragraphs dropped.
 * - appendix: an 附件 that restates body sentences split off (replaced by （附件另发）), or one
 *   appended that quotes body sentences (highlighted ones preferred) verbatim.
 * - table_row: a data table (prepare: `地区⇥2021年⇥2022年⇥2023年⇥增长` rows of numbers); one
 *   number of a row corrected, sometimes a row inserted.
 * - qa_prose: 问：/答： pairs (prepare) reformatted to prose (谈及…时，…表示，…).
 * - qa_reorder: a 答记者问 (prepare) with its question–answer pairs reordered.
 * - gongbao: a 公报's figures all updated to next year's (years +1, every number with a measure
 *   after it moved by 1–15%, same format), sentence frames unchanged.
 * - indirect: 引语 (prepare: some sentences put in “” after 他表示：) turned into indirect speech
 *   (marks dropped, 我们→他们, 我→他).
 * - leader: leaders named before 指出/强调 (prepare); titles updated (王建国同志 → 省委常委、
 *   市委书记王建国, 市长 → 市委副书记、市长), one leader replaced by a successor.
 * - print_reflow: a web-to-print export: every ~1,500 units (even mid-sentence) a page break with
 *   a page number and a running header (the title's first words).
 * Definitions of SURVIVING, RIGHT, WRONG, PARTIAL, MISS and LOST: anchoring-outside5-judge.ts.
 *
 * Output: anchor_out5_recall_pct, anchor_out5_wrong, _highlights, _surviving, _partial, _lost,
 * _lost_on_remains, per kind (recall, wrong, edit_pct) and per highlight type; the CPU time of one
 * anchorAll on a long article (median, max). `--list` prints every miss, partial and wrong with
 * context (⏎ is a paragraph break): old place, true new place, placed one and where its units
 * came from in the old text.
 *
 * FIRST MEASUREMENT, once, on main 4586bc7 (merged at 01957cf; shared/anchoring unchanged by the
 * merge), seeds 1–40, 05:13 UTC 2026-12-06, load average ~24; run before any failure of these
 * seeds was looked at (the bench was written on seeds 901–910 only):
 *   anchor_out5_recall_pct 94.8   anchor_out5_wrong 9   highlights 38837   surviving 36804
 *   partial 3   miss 1904   lost 2028 (on their remains: 54)
 *   roster        recall 99.7%  wrong 0  (surviving 2583, edit 4.8%)
 *   draft_final   recall 95.6%  wrong 3  (surviving 2422, edit 10.7%)
 *   boiler_end    recall 99.9%  wrong 0  (surviving 2545, edit 3.3%)
 *   bilingual     recall 90.6%  wrong 0  (surviving 2425, edit 193.7%)
 *   surround      recall 98.6%  wrong 0  (surviving 2326, edit 53.3%)
 *   interleave    recall 97.2%  wrong 0  (surviving 2280, edit 72.7%)
 *   appendix      recall  100%  wrong 0  (surviving 2045, edit 13.4%)
 *   table_row     recall 99.4%  wrong 0  (surviving 2498, edit 3.4%)
 *   qa_prose      recall 76.8%  wrong 0  (surviving 2566, edit 8.4%)
 *   qa_reorder    recall 96.1%  wrong 3  (surviving 2646, edit 3.4%)
 *   gongbao       recall 98.6%  wrong 0  (surviving 2417, edit 4.7%)
 *   indirect      recall 89.4%  wrong 0  (surviving 2612, edit 4.1%)
 *   leader        recall 97.6%  wrong 1  (surviving 2412, edit 7.4%)
 *   print_reflow  recall 99.4%  wrong 0  (surviving 2600, edit 3.9%)
 *   mixed         recall 84.8%  wrong 2  (surviving 2427, edit 84.7%)
 *   by highlight type (recall/wrong): first 91.5%/0, last 97.7%/0, quote 97.5%/0, target 84.9%/1,
 *     clause 98.9%/0, sentence 95.8%/0, repeated 96.7%/1, term 98.8%/2, number 98.7%/0, cross 89.1%/5
 *   anchorAll CPU on a long article (200 highlights): median 71 ms, max 243 ms (load ~24); the
 *   whole run 30.8 s user CPU.
 * The target of issue 12 (≥ 99% recall, 0 wrong) is not met on these edits: 94.8% and 9 wrong.
 * WRONG (9), every one read in --list (page text not quoted here):
 * - a dropped clause's words placed on a twin with the same preceding context (draft_final 3:
 *   seed 9 qq/2 a 4-unit repeated phrase whose sentence the page prints twice; seeds 17 xds/1
 *   and 29 huanqiu/1, a 2- and a 4-unit term after a clause the page repeats, 87 and 263 units
 *   before their old place).
 * - a span over a paragraph break whose halves a 答记者问 reorder parted (qa_reorder 3, mixed 2):
 *   placed at the first half's place and stretched over the question now following it, which has
 *   the same frame (问：请介绍一下…的有关情况。/ 问：社会各界关心…，对此您怎么看？) — seeds 10, 30 ×2
 *   (long), 39 toutiao/4; and seed 40 (long) on the other copy of a sentence the long article
 *   holds twice, with another question after it (own units 0).
 * - a title moved to another mention (leader 1, seed 28 163/3): 常务副市长+name highlighted before
 *   指出; the revision wrote name+同志 there and the title+name form at the next mention (before
 *   强调, 117 units on), where it was placed.
 * MISSES (1904), by kind: qa_prose 595, mixed 366, indirect 278, bilingual 227, draft_final 107,
 * qa_reorder 98, interleave 64, leader 58, gongbao 35, surround 33, table_row 16, print_reflow 16,
 * roster 8, boiler_end 3. In 360 the words are unchanged, only their context. Classes:
 * - 问/答 turned into prose (qa_prose 595): the question's words kept but its ？ dropped and both
 *   sides rewritten (问：【请介绍一下…的有关情况。】⏎答： → 在回答【…】的提问时，有关负责人介绍，), and an
 *   answer's first words without their 答： label behind a new lead-in (…时，他表示，).
 * - quotes turned indirect (indirect 278): “…” dropped, ： → ，, 我们 → 他们 inside: a sentence that is
 *   all its words but one (seed 1 baijiahao/4 她指出：【“民族的就是世界的——…。”】 → 她指出，【…】).
 * - 中英对照 (bilingual 227): spans over a paragraph break now cut by an English paragraph (132),
 *   and unchanged passages at a paragraph's end whose next neighbour is now English (the last
 *   words of the article: seed 6 csdn/1).
 * - 征求意见稿 → 正式稿 (draft_final 107): long sentences with a middle clause dropped (56 of 82
 *   units kept), two sentences merged at 。→，.
 * - 答记者问 reordered (qa_reorder 98): unchanged passages at a block edge (the first words 答记者问
 *   now before another question), spans over a break into the moved question.
 * - smaller: paragraphs of another article interleaved (spans over a break), leader titles put
 *   inside a span (市委书记赵… → 省委常委、市委书记赵…), 公报 figures changed on both sides of an
 *   unchanged short number, a page header put inside a quote by the print export.
 *
 * LATER, development (anchor13c, 2026-12-06, seeds 1–40 only; 9af9aa1 → s13-anchor13c, same
 * loaded machine, shared/anchoring/apart.ts): recall 94.8% → 94.8%, wrong 9 → 2. Per kind the
 * recall is unchanged (draft_final 95.6, qa_reorder 96.1, mixed 84.8); wrongs draft_final 3 → 1,
 * qa_reorder 3 → 0, mixed 2 → 0, leader 1 → 1. Long anchorAll CPU median 71 ms, max 227 ms.
 * - a span over a break whose edge piece stands whole elsewhere with the stored context beside
 *   it, placed on other words where that piece stood: an orphan (qa_reorder 3, mixed 2).
 * - a passage whose stored context holds its quote again (a twin), placed on a copy that lacks
 *   the words between on that side, has no twin there, and is followed by what followed the
 *   twin, when the reading "the passage's words went" drops a whole clause: an orphan
 *   (draft_final 2).
 * Left: seed 9 draft_final (the twin 2,000 units on had its own clause dropped, so it now holds
 * more of the stored context than it did: 51 units against 44); seed 28 leader (placed by the
 * neighbour pass on the copy of the same rank with 6 units of context, another copy had 11).
 * Guards 9af9aa1 → this: prose 800–830 99.17 → 99.17 / 0; generated 80001–80030 99.54 → 99.54 / 0;
 * outside2 281–320 99.6 → 99.6 / 1 → 1 (repeat_edit 99.4 → 99.1); outside3 1–40 99.1 → 99.1 / 0
 * (ocr 98.1 → 98.0); independent 481–520 99.8 → 99.8 / 1 → 1; outside4 1–40 unchanged.
 *
 * FRESH, once, seeds 41–80, on main cfacd71 (after anchor13a/c; lead, 2026-12-06 06:12 UTC, load ~3):
 * recall 94.6%, 2 wrong (seed 45 qa_reorder number, seed 53 draft_final repeated); bilingual 90%,
 * draft_final 96%, interleave 97.4%, surround 98.7%.
 *
 * LATER, development (anchor14a, 2026-12-06, seeds 1–80 only; main 31efd35 → s14-anchor14a, load
 * ~20, shared/anchoring/edges.ts): 1–40 recall 94.7% → 97.6%, wrong 6 → 6 (the same six);
 * 41–80 94.7% → 97.9%, wrong 4 → 4 (the same four). Per kind 1–40 / 41–80: qa_prose 76.2 → 97.0 /
 * 76.0 → 97.2; indirect 89.5 → 97.4 / 87.5 → 96.8; bilingual 90.7 → 95.7 / 89.6 → 95.0; mixed
 * 84.6 → 88.9 / 88.4 → 94.0; interleave 97.1 → 99.1 / 97.3 → 99.0; qa_reorder 95.6 → 96.8 /
 * 95.8 → 96.9; leader 96.5 → 97.3 / 96.3 → 97.0; draft_final 95.4 → 95.6 / 96.0 → 96.3. Long
 * anchorAll CPU median 60 → 65 / 65 → 59 ms (loaded machine). Misses by gate (--list, 1–80, before):
 * nearly all were refused by the exact-run gates (edgesKept / boundsConfirmed for an approximate
 * match, TOUCHING_RUN / shortRun for an exact one): the runs of context stop right at the edge
 * that a label, a mark or a lead-in changed. Rules, each a last try for an orphan:
 * - the quote's words without edge labels (问：, at a paragraph start) and marks (？。“”：，) found
 *   exactly once, with both stored sides' nearest 8 units (6 of their own paragraph), marks and
 *   labels aside, within 16 units: placed on those words (a question turned into prose, an
 *   answer's 答： dropped, a quote turned indirect with ：→，). Over one break, its two pieces with
 *   up to 16 units between (问：X？⏎答：Y → X的提问时，…，Y). An edge unit changed in place (我们 →
 *   他们) may be left out, with no more new units than it; never when the quote's own edge mark
 *   stands past new words (words were inserted inside the passage), never for a quote held twice.
 * - a span over one break whose paragraphs now have others between (a translation, interleaved
 *   paragraphs): its larger piece, ≥ 60% of its units and ≥ 8, at its paragraph edge with its
 *   outer context exactly, found once.
 * Left (1–80): qa_prose spans whose own-paragraph side is under 6 units with a lead-in written
 * between it and the previous paragraph (请介【绍一下…】), bilingual terms and numbers at a paragraph
 * end whose next neighbour is now English, draft_final clauses dropped inside long sentences,
 * qa_reorder spans into a moved question; the 10 wrongs are those of main (untouched).
 * Guards main → this: prose 800–830 99.17 → 99.17 / 0 → 0; generated 80001–80030 99.54 → 99.54 /
 * 0 → 0; default bench: generated 99.31 / 0 wrong, prose 99.11 → 99.13 / 1 → 1, 113k/200 anchorAll
 * 83 ms CPU (load ~25); outside2 281–320 99.7 / 1 (main's identical_copy_and_context); outside3
 * 1–40 99.2 / 1 (mixed 97.3 → 97.5, its wrong main's); independent 481–520 99.8, boilerplate wrong
 * 2 → 1 after the last rule (pieces joined only where the break went, not over a caption), the
 * rest main's; outside4 1–40 97.6 / 5, per kind equal or higher (mixed 93.9 → 94.4), wrongs as main.
 *
 * FRESH, once, seeds 81–120, on main 6183e4d (after anchor14a–d; lead, 2026-12-06 09:20 UTC, CI running
 * beside it): 97.7% placed, 7 wrong (roster 2, mixed 5). qa_prose 97.1, indirect 95.0, bilingual 95.8,
 * draft_final 96.3, leader 96.7, mixed 91.4; the other kinds 97.5–100.
 *
 * LATER, development (anchor15b, 2026-12-06; base cba6495 → s15-anchor15b, load ~25): 81–120
 * 97.7% / 7 wrong → 97.6% / 6; 1–40 97.5% / 4 → 97.5% / 4. Classes of the 7 (--list, selectors dumped):
 * - a heading label alone (第五章, seed 85 roster) whose line was deleted, placed as one marker unit
 *   on the next 条's label: fixed (a label placed as one unit must still label its stored words).
 * - a title placed on the next roster line's look-alike title (seed 113, 副局长 → 副校长, nearErrors 1,
 *   confirmed by the sure window of its neighbours): left (short quotes record no nearWords).
 * - a table header year whose columns all shifted (seeds 88, 102: 2021/2022/2023 → 2022/2023/2024,
 *   copies 0, placed on the renamed cell): left, undecidable from the stored context.
 * - an 附件 item restating the sentence of a paragraph the bilingual step replaced (seed 114, 3:
 *   quote, clause, term): left; the restatement rule (restated.ts) needs another paragraph held
 *   whole beside the copy, which a numbered list item does not have.
 * LATER, development (anchor15c, 2026-12-06, seeds 1–40 and 81–120; main 6183e4d → s15-anchor15c,
 * load 20–27, shared/anchoring/edges.ts): 81–120 97.7% / 7 → 97.9% / 7 (indirect 95.0 → 97.5,
 * qa_prose 97.1 → 98.1, bilingual 95.8 → 96.0, mixed 91.4 → 91.5; no new miss or wrong, listed);
 * 1–40 97.5% / 4 → 97.7% / 4 (indirect 96.6 → 97.9, qa_prose 96.8 → 97.8; measured one commit
 * before the last edges.ts refusal). Misses by gate: nearly all were refused by every pass; the
 * edge-only rule (edges.ts) missed them for these reasons: the next paragraph's marker (第六十条)
 * compared literally against the text's one unit; the next paragraph turned indirect too (its
 * 我们 → 他们 right past its label); the quote's words held elsewhere without marks. Rules: sides
 * and pieces read as the text reads them (a paragraph's head marker one unit, a marker past a
 * break a label), a side short of its 1–2 nearest units with its next 8 exact, and a core held more
 * than once placed on its only copy with both sides beside it. Left: bilingual copies in long
 * articles (a number or phrase the English paragraphs repeat), draft_final dropped clauses.
 * FRESH, once, seeds 121–160, on main 5b40eb8 (lead, 2026-12-06 12:30 UTC, once, clean-clone CI running beside it): 97.3% placed, 7 wrong; surround 94.5, bilingual 95.2,
 *   draft_final 95.9 (1 wrong), roster 99.8, interleave 99.2.
 *
 * LATER, development (anchor16c, 2026-12-06; main 44b81a5 → s16-a16c, load ~20–35), seeds 1–160,
 * per kind (--kind, listed; rules in tests/unit/anchoring-round25.test.ts):
 * - surround 96.9% → 98.8%, 0 → 0 wrong (misses 289 → 109). 187 of the 289 were in the five long
 *   articles (45, 75, 130, 135, 150), where the rewrite repeats one stock sentence everywhere and
 *   sets it once as a line of its own: restated.ts took the placement's paragraph for a block of
 *   copies (a whole other line inside it), though the passage stood with its context. A line the
 *   new text holds more than twice is a stock sentence, no line a recap quoted (a recap's line
 *   stands twice: its paragraph and the recap).
 * - bilingual 95.5% → 97.1%, 0 → 0 wrong (misses 435 → 281; "before" measured with the two rules
 *   above already in). Most were a phrase held twice (a page printed twice in a long article) at a
 *   paragraph's end whose neighbour is now English: pinned.ts's neighbour bracket refused because
 *   the English paragraphs made the gap more than twice the old one. The bracket may now be as
 *   much wider as the text grew where the placed passages stand (first to last placed, up to 4×).
 * Left: bilingual spans over a break (80: the larger piece's outer side is under 6 units of its own
 * paragraph, or its 8 units stand at a caption repeating the line), short repeated terms; surround's
 * 1–47-unit sentences held once with all context rewritten and no placed neighbour after them.
 * Full 1–160 runs before/after did not finish in the session (load ~35); the other kinds were not
 * compared. Guards main → this: prose 800–830, generated 80001–80030, outside2 281–320, outside4
 * 1–40, independent 481–520 identical; outside3 1–40 mixed 97.7 → 97.8; outside7 1–40 93.6 → 93.8
 * (ad_split 91.6 → 93.6), wrongs as main everywhere; 113k/200 anchorAll 99 → 98 ms CPU (load ~33).
 * After merging main with anchor16b (114849f), 1–160 --kind: surround 98.8 / 0, bilingual 97.1 / 0;
 * outside6 1–120 watermark 99.1 / 0; tests/unit/anchoring* 477 passed.
 * FRESH, once, seeds 161–200, on main 5caf9fc (after anchor16b/c/d; lead, 2026-12-06 15:20 UTC, once,
 *   clean-clone CI beside it): 98.0% placed, 10 wrong (qa_reorder 3, mixed 3, draft_final 2, leader
 *   2); draft_final 95.2, qa_reorder 96, bilingual 97.4, indirect 97.6, qa_prose 97.7, leader 97.9,
 *   surround 98.9, mixed 93.5; anchorAll on a long article median 126 ms, max 1653 ms CPU (load ~5).
 *
 * LATER, development (anchor17c, 2026-12-06; main b252f8c → s17-anchor17c, load 20–30; rules in
 * tests/unit/anchoring-replaced-in-place, -larger-piece-copies, -neighbour-line .test.ts; measured
 * before b62ed7d, which reads a copy pasted twice in a row as one; 170 and 194 re-checked after it):
 * 161–200 98.0% / 10 wrong → 98.0% / 4 (draft_final 2 → 0, leader 2 → 0, qa_reorder 3 → 1, mixed
 * 3 → 3; recall per kind unchanged); 1–40 97.8% / 3 → 97.8% / 3 (interleave 99.2 → 99.1; three
 * new misses: a bilingual quote whose stored line before stands by the other printing, two spans
 * whose break stands at a second printing). The ten wrongs of 161–200, selectors read:
 * - a leader's title+name rewritten in place (name+同志), the titled form written at another
 *   mention with the same words after it (185, 192): the stored context stands on both sides of
 *   the new form there; a copy elsewhere is another's words (replaced.ts). Fixed.
 * - a span's larger piece (draft_final, 165, 179) held twice by the text (a page printed twice),
 *   the passage's own copy cut (a clause inside the piece, or one beyond the side's nearest 8
 *   units): placed on the other printing, followed by another paragraph. Now refused where the
 *   span's break still stands elsewhere, or where two copies have the side's nearest 4 units.
 * - an answer (170, 82 units) or a heading phrase (194) printed twice, question–answer blocks
 *   reordered across the copies: rank and the lines after chose the other copy while the stored
 *   line before stood at the true one. A placement lacking the stored neighbouring line that
 *   another copy has beside it is an orphan (undecidable). Fixed.
 * Left: 170 (a 5-unit phrase whose two copies keep all 63 units of context: placed by a
 * neighbour on the other printing, undecidable from the selector); 178 and 187 ×2 (mixed with
 * appendix: the body sentence cut or turned into prose, its verbatim quote in the 附件 taken;
 * 187's copy has no stored context but its 问： label, the true words stand with the stored
 * suffix's words 14 units on, a refusal rule not written).
 * Long anchorAll CPU (1653 ms max): seed 165 (long, 45 pages), draft_final and surround, ~1.05 s
 * each even alone; a profile gives 70% to restated.ts onRestatement → stock(): for every placement
 * with a recorded side gone it scans every paragraph of the text and runs indexOf over the whole
 * text for each before checking the placement's own paragraph, twice (the literal-marker rerun).
 * Left to anchor17d (speed).
 * FRESH, once, seeds 201–240, on main 64b98c4 (after anchor17c's refusals; lead, 2026-12-06 18:11 UTC,
 *   load ~2): 98.1% placed, 2 wrong (qa_reorder 1, mixed 1); draft_final 95.9, bilingual 96.9,
 *   leader 97.2, qa_prose 97.7, qa_reorder 96.9, mixed 92.5, the rest ≥98.3; anchorAll on a long
 *   article median 74 ms, max 211 ms CPU (was max 1653 ms on 161–200 before anchor17d).
 * LATER, development (anchor18c, 2026-12-06, load ~35; main 64b98c4 → this branch): 201–240 (now
 *   seen) 98.1% / 2 → 98.1% / 1. qa_reorder 218 (a 2-unit term in a paragraph printed twice; its
 *   old question moved to after the twin's own line, read across that line as the stored suffix,
 *   and a neighbour in that question moved with the twin): now an orphan (ownContextBesideLines in
 *   copies.ts; rank and a neighbour across a break disagreeing, confirmedCopies). Left: mixed 220, a
 *   long article holding a page twice, Q–A pairs moved across the two copies, both copies' old
 *   context identical (copyContext 60 of 64): only the rank tells them apart and the move broke it.
 * FRESH, once, seeds 241–280, on main e964917+042b0d8 (after anchor18a–e; lead, 2026-12-06 21:20 UTC, load ~2): 98.2% placed, 2 wrong
 *   (draft_final 1, interleave 1); mixed 94.5, draft_final 96.1, leader 96.2, qa_reorder 97.4,
 *   bilingual 97.8, the rest ≥98.2; anchorAll on a long article median 88 ms, max 554 ms CPU.
 * LATER, development (anchor19d, 2026-12-06, load 25–40; main e989642 → s19-anchor19d; rules in
 *   tests/unit/anchoring-round30.test.ts): 241–280 (now seen) 98.2% / 2 wrong → 98.2% / 0; per kind
 *   unchanged (draft_final 96.1, interleave 99.4, leader 96.2, mixed 94.5). The two wrongs, read:
 * - interleave 245: a label begun inside a 条's marker (十六条 + the first word), the 条 dropped,
 *   placed as one marker unit on the next 条's label: the two 条 of a law share most two-unit
 *   pieces (监察机关在调查过程中，…), which was all literalStands asked. A label on another marker
 *   must now head its stored words in order, a unit in four changed at most (labelwords.ts).
 * - draft_final 270: a phrase a long article held twice; the 正式稿 cut the clause holding the
 *   passage's copy and, in the other copy's sentence, another clause, so that copy gained stored
 *   context (45 units against the 38 it had). The passage's own place still stands with the stored
 *   prefix run straight into the suffix across the cut: a copy elsewhere with less exact context
 *   than that joint is an orphan, when the quote's copies fell (dropped.ts).
 * Left: draft_final and leader recall (middle clauses dropped inside long sentences, titles put
 *   inside a span), not looked at for want of time.
 * FRESH, once, seeds 281–320, on main 8026ebe (after anchor19a–e; lead, 2026-12-07 00:37 UTC, CI beside it): 98.0% placed, 4 WRONG
 *   (qa_reorder 3, mixed 1); mixed 94, draft_final 94.7, qa_reorder 96.1, bilingual 97.1, leader 97.4,
 *   qa_prose 97.4, the rest ≥98; anchorAll on a long article median 64 ms, max 206 ms CPU (was 88/554 on 241–280).
 * LATER, development (anchor20b, 2026-12-07, load ~30; main ed86a2e → s20-a20b), 281–320 (now seen), same
 *   texts, same hour: 98.0% / 4 wrong → 98.0% / 1 (qa_reorder 96.1 / 3 → 96.1 / 0; mixed 94 / 1 → 94 / 1).
 *   Kinds (tests/unit/anchoring-round33.test.ts): a template question (问：请介绍一下…) whose heading
 *   stayed with one copy and its answer moved with the other: its stored sides at two copies, in
 *   doubt (splitsides.ts, 319); a page printed twice in a long article, Q&A blocks moved across the
 *   copies: the rank's copy not taken where the passage's two neighbours moved apart by more than
 *   the copies lie apart (300, 305). Left: 314 mixed (leader+qa_reorder+draft_final): the other copy
 *   gained the passage's next question line by the reorder and reads more context than the rank's
 *   copy, whose prefix the leader edit rewrote; nothing stored tells them apart but the
 *   paragraph's own head (常务副市长史杰要求 → 史杰同志要求).
 * LATER (lead, merge, 2026-12-07): splitsides.ts' sidesSplit refusal (319 above) was taken out when
 *   merged: it also refused round12c's case (a text printed twice, the words beside one printing
 *   misread). 281–320 on main bb36f8e: 98.1% / 2 wrong (319 back, a coin-flip the stored context
 *   cannot settle, and 314).
 * FRESH, once, seeds 321–360, on main 3460984 (after anchor20a–d; lead, 2026-12-07 03:30 UTC, CI beside it): 98.1% placed, 3 WRONG
 *   (draft_final 1, interleave 1, mixed 1); mixed 91.9, draft_final 95.4, leader 96.3, bilingual 97.7,
 *   qa_prose 97.8, qa_reorder 97.8, the rest ≥98.2; anchorAll on a long article median 63 ms, max 448 ms CPU.
 * LATER, development (anchor21c, 2026-12-07, load 20–44; main ddc6027 → s21-a21c; rules in
 *   tests/unit/anchoring-round38.test.ts), same texts, --list compared: 1–40 98.0% / 4 wrong →
 *   98.0% / 1 (draft_final 96.0 / 1 → 96.0 / 0, mixed 89.6 / 2 → 89.7 / 0); 281–320 98.1% / 2 →
 *   98.1% / 2 (identical); 321–360 98.1% / 3 → 98.1% / 2 (draft_final 95.4 / 1 → 95.5 / 0, misses
 *   719 → 717). No new miss. Kinds of the wrongs fixed (4 of them on one sentence pair of one page,
 *   the rules stated for the kind, tests in our own words):
 * - a 正式稿 cutting the clause that held the passage and another clause in a twin sentence, which
 *   so gains context (9, 327, 30 ×2): a joint (the stored prefix running straight into the
 *   suffix across the cut) holding both stored sides whole now beats a placement with no more
 *   exact context than another copy had (copyContext) even at a tie; a whole stored side running
 *   into the other side's last 6+ units is a joint too; and the check runs on the first placements
 *   as well, so that a neighbour on the same twin is not carried along (dropped.ts).
 * Left: 10 (qa_reorder, a 2-unit term of a page printed twice, Q&A blocks moved across the copies:
 *   rank and context disagree, as 220 and 319), 314 and 319 (above), 323 (mixed indirect+leader:
 *   title+name rewritten as name+同志 in place while ：“ became ， beside it, so replaced.ts's exact
 *   10-unit key after it fails; the titled form written at another mention kept the copy count),
 *   325 (interleave: the passage's paragraph dropped; placed through the numerals reading on 两倍 in
 *   a news-brief headline the old text already held; describe() records no numeral-reading copies).
 * FRESH, once, seeds 361–400, on main f524775 (after anchor21a–e; lead, 2026-12-07 06:30 UTC, CI beside it; the corpus text pool changed this session: toutiao/2 now extracts 1002 units instead of 94, so seeds draw other texts than before):
 *   97.9% placed, 4 WRONG (roster, boiler_end, appendix, qa_reorder: 1 each); mixed 91.7, draft_final 95.8, leader 96.7, qa_reorder 96.9.
 * LATER, development (anchor22b, 2026-12-07, load 20–40; main 3d4e69c → s22-anchor22b; rules in
 *   tests/unit/anchoring-round42.test.ts), same texts, --list compared: 361–400 97.9% / 4 wrong →
 *   97.9% / 0 (one new miss: 368, the wrong now an orphan); 1–40 97.9% / 4 → 97.9% / 3 (no new miss;
 *   seed 5's mixed wrong now right). Kinds:
 * - a 名单 line deleted, its neighbour with the same title closing up onto its context (381): a
 *   whole-line passage placed on other words equal to the line its stored context held next to it
 *   is an orphan, unless that line still stands beside the placement's (closedup.ts).
 * - a stock sentence held 64+ times (capped count) deleted from a section whose sentence before it
 *   the text prints twice (395): the stored prefix running into the suffix now refuses a placement
 *   with no more exact context than another copy had, the count unknown (dropped.ts).
 * - an 附件 item restating a body sentence, split off (382): the own-paragraph pass (ownpara.ts)
 *   had placed it in the body's paragraph, a recorded other paragraph unchanged; notOnOther now
 *   applies to that pass too (index.ts).
 * - a template question held several times, Q&A blocks reordered (368): the first pass found the
 *   copy with the stored suffix, refused for want of neighbours; the neighbour passes then took the
 *   copy of the old rank. A copy those passes place while the first pass's copy reads more of the
 *   stored context (by > OWN_CONTEXT_MARGIN) is an orphan (firstread.ts).
 * Left: 10 ×2 (mixed, a page printed twice, Q&A blocks moved across the copies, both copies' context
 *   identical, the neighbours on the other copy: undecidable, as 220/319); 15 (mixed qa_reorder+qa_prose:
 *   a template question 社会各界关心X，对此您怎么看？ placed on another question whose slot differs in 4 units,
 *   the reorder having put the stored previous line before it; no refusal rule written).
 * FRESH, once, seeds 401–440, on main 16fb8d2 (after anchor22a–e and the stutter narrowing; lead, 2026-12-07 09:55 UTC, CI beside it):
 *   98.4% placed, 4 wrong (all mixed; mixed 94.2), draft_final 95.9, leader 97.0, the rest 97.9–100.
 * LATER, development (anchor23b, 2026-12-07, load 20–25; main 4c8c203 → s23-anchor23b; rules in
 *   tests/unit/anchoring-round47.test.ts), 401–440 (now seen), same texts, --list compared: 98.4% / 4
 *   wrong → 98.4% / 0 (misses 608 → 612: the 412 and 436 wrongs now orphans, two new: below). Kinds:
 * - a 问：/答： pair put into prose in place (qa_prose) while other words read like the question line: a
 *   running header repeating the first line (436 ×2, print_reflow), another pair's template question
 *   (2 units changed) that a reorder moved next to the stored prefix (412). Where the line's words
 *   (label and edge marks aside) stand once elsewhere with a stored side's nearest words within a
 *   lead-in's length, a placement on other words, or on the line's words with neither side near, is
 *   an orphan (restatedline.ts).
 * - an 附件 item quoting a body paragraph verbatim, split off (附件另发); a span from its end into the
 *   next item was placed by the larger-piece rule on the body's copy, whole side and all (407). With
 *   look-alike paragraphs recorded, a piece in a paragraph of a look-alike's size now needs the
 *   smaller piece at a paragraph edge within 3000 units past it (edges.ts smallerPieceBeside). Cost:
 *   415 and 430 (a cross span whose smaller piece was edited, 同志 → title, or moved) now orphans.
 * LATER (anchor24b, seen seeds 441–480 only, old fe7a04c vs new side by side, 2026-12-07 ~15:10–15:30
 *   UTC, load ~22): 98.0% → 98.0%, 1 → 0 wrong, misses 743 → 744. The wrong: seed 480 leader, a page
 *   printed twice, the passage's 常务副市长 edited away and the twin's line edited into it (the twin
 *   then read the stored context); a quote held past the count on a far twin is in doubt while a whole
 *   stored side stands where the passage would be (shared/anchoring/twinorder.ts, tests/unit/anchoring-round50.test.ts). The new miss: seed
 *   475 qa_reorder, a 问：社会各 template moved far.
 * FRESH (lead, 2026-12-07 ~16:00 UTC, main 20c8a4c, seeds 481–520, once): 98.3%, 1 wrong (mixed);
 * mixed 94.0, draft_final 95.9, leader 96.2. Seen now: 1–520.
 * LATER (anchor25c, 2026-12-07, load ~20; main 86a8d8f → s25-anchor25c), 441–520, same texts: 98.2% /
 *   1 wrong → 98.2% / 0 (seed 514: a paragraph cut mid-sentence by a page break, quoted whole in an
 *   附件, was moved to the 附件's copy; now an orphan, cutrestated.ts); misses 1359 → 1299 with
 *   trimmedinplace.ts (interim form; draft_final 95.9 → 97.0), no new wrong, partial or miss.
 * FRESH (lead, 2026-12-07 ~19:20 UTC, main 70c26cf, seeds 521–560, once): 98.3%, 1 WRONG (mixed; mixed
 * recall 94.3, leader 96.4). Also seen seed 20 qa_reorder: a wrong since cnfix25 changed two corpus
 * pages' text (the session's starting code gives it too on the new texts). Seen now: 1–560.
 * LATER (anchor26c, 2026-12-07, load ~20; main cd51e09 → s26-anchor26c; tests/unit/anchoring-round59.test.ts),
 *   521–560, same texts: 98.3% / 1 wrong → 98.3% / 0 (seed 548, a table's year header moved on a
 *   slot by a 公报 update, 2022 read in 2021's slot by the pinned pass: figureside.ts); no other line
 *   of --list changed. Seed 20 qa_reorder: 1 wrong → 0 (a span over a break, its piece past the break
 *   gone, on a copy of its repeated line before another question worded alike: lostpiece.ts).
 * FRESH (lead, 2026-12-07 ~22:30 UTC, main 012c7e7, seeds 561–600, once): 98.2%, **1 WRONG**
 * (qa_reorder; mixed 92.9, draft_final 96.7, leader 97.2). Seen now: 1–600.
 * FRESH (lead, 2026-12-08 ~01:30 UTC, final main of session 27, seeds 601–640, once): recall
 * 98.3%, **5 WRONG** (seeds 601 gongbao mixed number, 602 draft_final term, 610 gongbao long
 * number, 612 and 625 qa_reorder cross); the session's starting code gives the same 5. Seen now:
 * 1–640.
 */
import { anchorAll, describe, type TextSelector } from '../../shared/anchoring';

import { corpusTexts } from './anchoring-prose';
import {
  concat,
  docFromText,
  edit,
  fresh,
  judge,
  newPositions,
  numbersAsWords,
  render,
  replaceEach,
  slice,
  type Doc,
  type Para,
  type Verdict,
} from './anchoring-outside5-judge';
import { mulberry32 } from './seeded';

// ---------------------------------------------------------------- texts

/** Each page's stored article text (the extractor's, paragraphs joined by '\n'), or null without the corpora. */
function loadPages(): { label: string; text: string }[] | null {
  const texts = corpusTexts();
  if (!texts) return null;
  const pages: { label: string; text: string }[] = [];
  for (const { name, text: raw } of texts) {
    const text = raw.trim();
    const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
    if (text.length >= 400 && han > text.length / 2) pages.push({ label: name, text });
  }
  return pages.length ? pages : null;
}

// ---------------------------------------------------------------- random

type Rng = () => number;
function rngOf(seed: number): Rng {
  return mulberry32((seed * 2654435761) >>> 0);
}
const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
function shuffle<T>(r: Rng, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

// ---------------------------------------------------------------- words of our own

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '建国明华伟芳娜敏静丽强磊军洋勇艳杰娟涛超秀英霞平刚桂兰志红海燕春玲宁晓东文斌辉鹏飞云峰丹萍鑫亮新利清雪琳颖浩宇';
const UNITS = [
  '市教育局',
  '市卫生健康委员会',
  '县人民医院',
  '市第一中学',
  '区财政局',
  '市交通运输局',
  '县农业农村局',
  '市人力资源和社会保障局',
  '区市场监督管理局',
  '县实验小学',
  '市中心医院',
  '区应急管理局',
];
const ROLES = ['局长', '副局长', '主任', '副主任', '科长', '主任医师', '教师', '党支部书记', '办公室主任', '副校长'];
const REGIONS = ['东城区', '西城区', '南湖区', '北山区', '高新区', '经开区', '临江县', '青石县', '河口镇', '滨海新区', '云溪县', '石桥镇'];
const BOILER = [
  '各单位要结合实际，认真抓好贯彻落实。',
  '以上工作请各地按要求抓好落实，重要情况及时报告。',
  '对落实不力的，将按有关规定严肃追责问责。',
];
const EN_WORDS =
  'the city will further improve public services and support local firms while the report noted that growth remained stable as officials said new measures would help residents and schools in the coming year'.split(
    ' ',
  );
const QUESTIONS = ['在{}方面有哪些新的考虑？', '请介绍一下{}的有关情况。', '{}下一步将如何推进？', '社会各界关心{}，对此您怎么看？'];
const TITLES = ['市委书记', '市长', '常务副市长', '市委副书记', '副市长'];

function personName(r: Rng): string {
  return pick(r, [...SURNAMES]) + pick(r, [...GIVEN]) + (r() < 0.6 ? pick(r, [...GIVEN]) : '');
}

// ---------------------------------------------------------------- text helpers

const HAN = /\p{Script=Han}/u;
/** [start, end) of each sentence of s (a closing quote after the mark belongs to it). */
function sentences(s: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /[^。！？]+(?:[。！？]+[”’」]?|$)/g;
  for (let m = re.exec(s); m; m = re.exec(s)) if (m[0].trim()) out.push([m.index, m.index + m[0].length]);
  return out;
}
function mapParas(doc: Doc, fn: (p: Para, i: number) => Para | Para[] | null): Doc {
  const out: Doc = [];
  doc.forEach((p, i) => {
    const r = fn(p, i);
    if (r === null) return;
    if (Array.isArray(r)) out.push(...r);
    else out.push(r);
  });
  return out;
}
/** Indices of body paragraphs: long, mostly Chinese. */
function bodyParas(doc: Doc): number[] {
  return doc
    .map((p, i) => (p.s.length >= 30 && (p.s.match(/\p{Script=Han}/gu)?.length ?? 0) > p.s.length / 2 ? i : -1))
    .filter((i) => i >= 0);
}

// ---------------------------------------------------------------- kinds

/** Every match of the global `re` in p replaced by fn's paragraph made from the matched piece (its units tracked). */
function replacePieces(p: Para, re: RegExp, fn: (m: RegExpExecArray, piece: Para) => Para): Para {
  const parts: Para[] = [];
  let last = 0;
  re.lastIndex = 0;
  for (let m = re.exec(p.s); m; m = re.exec(p.s)) {
    parts.push(slice(p, last, m.index), fn(m, slice(p, m.index, m.index + m[0].length)));
    last = m.index + m[0].length;
  }
  parts.push(slice(p, last));
  return concat(...parts);
}

interface Ctx {
  r: Rng;
  /** paragraphs of other pages: new words for rewrites and merges */
  other: string[];
  /** highlights on the old text */
  hl: { start: number; end: number; type: string }[];
  /** per-kind notes from prepare to revise */
  state: Record<string, unknown>;
}
interface Kind {
  name: string;
  /** turns the page into the text the reader highlights (new units become the old text) */
  prepare?: (doc: Doc, c: Ctx) => Doc;
  /** strings of the prepared text that the kind is about: target highlights lie on them */
  targets?: (old: string, c: Ctx) => [number, number][];
  revise: (doc: Doc, c: Ctx) => Doc;
}

function allMatches(text: string, re: RegExp): [number, number][] {
  const out: [number, number][] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!m[0].length) {
      re.lastIndex++;
      continue;
    }
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

const roster: Kind = {
  name: 'roster',
  prepare(doc, c) {
    const n = int(c.r, 15, 40);
    const lines: Para[] = [fresh(pick(c.r, ['拟表彰对象名单如下：', '任免人员名单（按姓氏笔画排序）：', '获奖人员名单：']))];
    for (let i = 0; i < n; i++) lines.push(fresh(`${personName(c.r)}\u3000${pick(c.r, UNITS)}${pick(c.r, ROLES)}`));
    const at = int(c.r, Math.floor(doc.length / 3), Math.max(1, doc.length - 1));
    return [...doc.slice(0, at), ...lines, ...doc.slice(at)];
  },
  targets: (old) => {
    const lines = allMatches(old, /^[^\n\u3000]{2,3}\u3000[^\n]+$/gm);
    return lines.flatMap(([s, e]) => [
      [s, e] as [number, number],
      [s, old.indexOf('\u3000', s)] as [number, number],
      [old.indexOf('\u3000', s) + 1, e] as [number, number],
    ]);
  },
  revise(doc, c) {
    const rows = doc.map((p, i) => (/^[^\u3000]{2,3}\u3000\S+$/.test(p.s) ? i : -1)).filter((i) => i >= 0);
    if (rows.length < 3) return doc;
    const del = pick(c.r, rows);
    let fix = pick(c.r, rows);
    if (fix === del) fix = rows[(rows.indexOf(del) + 1) % rows.length]!;
    const ins = pick(c.r, rows);
    return mapParas(doc, (p, i) => {
      if (i === del) return null;
      let q = p;
      if (i === fix) {
        if (c.r() < 0.5) q = edit(p, 1, 2, pick(c.r, [...GIVEN]));
        else {
          const role = ROLES.find((x) => p.s.endsWith(x));
          q = role
            ? edit(
                p,
                p.s.length - role.length,
                p.s.length,
                pick(
                  c.r,
                  ROLES.filter((x) => x !== role),
                ),
              )
            : q;
        }
      }
      return i === ins ? [fresh(`${personName(c.r)}\u3000${pick(c.r, UNITS)}${pick(c.r, ROLES)}`), q] : q;
    });
  },
};

const draftFinal: Kind = {
  name: 'draft_final',
  prepare: (doc) => (doc.length ? [concat(doc[0]!, fresh('（征求意见稿）')), ...doc.slice(1)] : doc),
  revise(doc, c) {
    const out = mapParas(doc, (p, i) => {
      let q = p;
      if (i === 0) q = replaceEach(q, /（征求意见稿）/g, () => '');
      if (c.r() < 0.6) {
        // drop a middle clause of one sentence with 3+ clauses
        const ss = sentences(q.s).filter(([a, b]) => (q.s.slice(a, b).match(/，/g)?.length ?? 0) >= 2);
        if (ss.length) {
          const [a, b] = pick(c.r, ss);
          const commas = allMatches(q.s.slice(a, b), /，/g).map(([x]) => a + x);
          const k = int(c.r, 0, commas.length - 2);
          q = concat(slice(q, 0, commas[k]!), slice(q, commas[k + 1]!));
        }
      }
      if (c.r() < 0.3) {
        const ss = sentences(q.s);
        if (ss.length >= 2) {
          const k = int(c.r, 0, ss.length - 2);
          const end = ss[k]![1] - 1;
          if (q.s[end] === '。') q = edit(q, end, end + 1, '，');
        }
      }
      return replaceEach(q, /应当|进行了|的话|相关|予以|加以|切实/g, (m) =>
        c.r() < 0.5
          ? null
          : (({ 应当: '应', 进行了: '进行', 的话: '', 相关: '', 予以: '', 加以: '', 切实: '' } as Record<string, string>)[m[0]] ?? null),
      );
    });
    return out;
  },
};

const boilerEnd: Kind = {
  name: 'boiler_end',
  prepare(doc, c) {
    const line = pick(c.r, BOILER);
    c.state.boiler = line;
    let next = int(c.r, 2, 4);
    return mapParas(doc, (p, i) => {
      if (i === next || i === doc.length - 1) {
        next = i + int(c.r, 3, 5);
        return concat(p, fresh(line));
      }
      return p;
    });
  },
  targets: (old, c) => {
    const line = c.state.boiler as string;
    return allMatches(old, new RegExp(line, 'g')).flatMap(([s, e]) => [
      [s, e] as [number, number],
      [s, s + int(c.r, 4, 8)] as [number, number],
      [s - 10, e] as [number, number],
    ]);
  },
  revise(doc, c) {
    const line = c.state.boiler as string;
    const where = doc.map((p, i) => (p.s.includes(line) ? i : -1)).filter((i) => i >= 0);
    const drop = new Set([pick(c.r, where)]);
    if (c.r() < 0.4) drop.add(pick(c.r, where));
    return mapParas(doc, (p, i) => (drop.has(i) ? replaceEach(p, new RegExp(line, 'g'), () => '') : p));
  },
};

function english(r: Rng, nums: string[]): string {
  const words: string[] = [];
  const n = int(r, 12, 40);
  for (let i = 0; i < n; i++) words.push(pick(r, EN_WORDS));
  for (const x of nums) words.splice(int(r, 0, words.length), 0, x);
  const s = words.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}
const bilingual: Kind = {
  name: 'bilingual',
  revise(doc, c) {
    return mapParas(doc, (p, i) => {
      if (i === 0) return [p, fresh(english(c.r, []).slice(0, 60))];
      if (!HAN.test(p.s) || c.r() < 0.1) return p;
      const nums = (p.s.match(/\d+(?:\.\d+)?%?/g) ?? []).slice(0, 4);
      return [p, fresh(english(c.r, nums))];
    });
  },
};

const surround: Kind = {
  name: 'surround',
  revise(doc, c) {
    // paragraphs and sentences holding highlighted sentences (old positions = origins here)
    const starts: number[] = [];
    let at = 0;
    for (const p of doc) {
      starts.push(at);
      at += p.s.length + 1;
    }
    const keep = new Map<number, [number, number][]>();
    for (const h of c.hl) {
      if (c.r() < 0.5 || (h.type !== 'sentence' && h.type !== 'clause' && h.type !== 'quote' && h.type !== 'term')) continue;
      const pi = starts.findIndex((s, i) => h.start >= s && h.end <= s + doc[i]!.s.length);
      if (pi < 0) continue;
      const local = [h.start - starts[pi]!, h.end - starts[pi]!] as const;
      const ss = sentences(doc[pi]!.s).find(([a, b]) => local[0] >= a && local[1] <= b);
      if (!ss) continue;
      (keep.get(pi) ?? keep.set(pi, []).get(pi)!).push(ss);
    }
    const said = c.other.flatMap((p) => sentences(p).map(([a, b]) => p.slice(a, b))).filter((x) => x.length >= 8);
    const rewrite = (): Para => fresh(said.length ? pick(c.r, said) : '此外，有关工作正在稳步推进。');
    const touched = new Set<number>();
    for (const pi of keep.keys()) touched.add(pi - 1).add(pi + 1);
    return mapParas(doc, (p, i) => {
      const ks = keep.get(i);
      if (ks) {
        const parts: Para[] = [];
        for (const [a, b] of sentences(p.s)) parts.push(ks.some(([x, y]) => x === a && y === b) ? slice(p, a, b) : rewrite());
        return concat(...parts);
      }
      if (touched.has(i) && !keep.has(i)) {
        const ss = sentences(p.s);
        if (ss.length < 2) return p;
        // the sentence next to the kept paragraph: the last one before it, the first one after it
        const before = keep.has(i + 1);
        const [a, b] = before ? ss[ss.length - 1]! : ss[0]!;
        return concat(slice(p, 0, a), rewrite(), slice(p, b));
      }
      return p;
    });
  },
};

const interleave: Kind = {
  name: 'interleave',
  revise(doc, c) {
    const other = c.other.slice(0, Math.max(3, Math.min(c.other.length, doc.length)));
    const out: Doc = [fresh('编者按：本文综合两篇报道，对有关情况作一梳理。')];
    let k = 0;
    doc.forEach((p, i) => {
      if (i > 0 && c.r() < 0.1 && p.s.length > 30) return;
      out.push(p);
      if (k < other.length && c.r() < 0.7) out.push(fresh(other[k++]!));
    });
    return out;
  },
};

const appendix: Kind = {
  name: 'appendix',
  prepare(doc, c) {
    c.state.split = c.r() < 0.5;
    if (!c.state.split) return doc;
    const body = bodyParas(doc);
    const lines: Para[] = [fresh('附件：有关情况说明')];
    const quoted = new Set<string>();
    for (let t = 0, want = int(c.r, 4, 8); t < 20 && quoted.size < want && body.length; t++) {
      const p = doc[pick(c.r, body)]!.s;
      const [a, b] = pick(c.r, sentences(p));
      if (quoted.has(p.slice(a, b))) continue;
      quoted.add(p.slice(a, b));
      lines.push(fresh(`${quoted.size}．${p.slice(a, b)}`));
    }
    return [...doc, ...lines];
  },
  targets: (old) => {
    const at = old.indexOf('\n附件：');
    if (at < 0) return [];
    return allMatches(old.slice(at), /(?<=\d．)[^\n]{4,}/g).map(([s, e]) => [at + s, at + e]);
  },
  revise(doc, c) {
    if (c.state.split) {
      const at = doc.findIndex((p) => p.s.startsWith('附件：'));
      return at < 0 ? doc : [...doc.slice(0, at), fresh('（附件另发）')];
    }
    // append an appendix quoting body sentences verbatim, highlighted ones preferred
    const text = doc.map((p) => p.s).join('\n');
    const quotes: string[] = [];
    for (const h of shuffle(c.r, c.hl.slice())) {
      if (quotes.length >= 6) break;
      if (h.type !== 'sentence' && h.type !== 'clause' && h.type !== 'number') continue;
      const ss = sentences(text.slice(Math.max(0, h.start - 200), h.end + 200));
      const base = Math.max(0, h.start - 200);
      const s = ss.find(([a, b]) => base + a <= h.start && base + b >= h.end);
      const quote = s ? text.slice(base + s[0], base + s[1]) : '';
      if (quote && !quote.includes('\n') && !quotes.includes(quote)) quotes.push(quote);
    }
    return [...doc, fresh('附件：要点摘编'), ...quotes.map((q, i) => fresh(`${i + 1}．${q}`))];
  },
};

function num(r: Rng, lo: number, hi: number, dec: number): string {
  return (lo + r() * (hi - lo)).toFixed(dec);
}
const tableRow: Kind = {
  name: 'table_row',
  prepare(doc, c) {
    const rows: Para[] = [fresh('表1\u3000主要指标\t2021年\t2022年\t2023年\t增长（%）')];
    for (const reg of shuffle(c.r, REGIONS.slice()).slice(0, int(c.r, 6, 12))) {
      const base = int(c.r, 100, 999);
      rows.push(fresh(`${reg}\t${base}\t${base + int(c.r, 1, 60)}\t${base + int(c.r, 30, 120)}\t${num(c.r, 0.5, 12, 1)}`));
    }
    const at = int(c.r, 1, Math.max(1, doc.length - 1));
    return [...doc.slice(0, at), ...rows, ...doc.slice(at)];
  },
  targets: (old) =>
    allMatches(old, /^[^\n\t]+\t[^\n]+$/gm).flatMap(([s, e]) => [
      [s, e] as [number, number],
      ...allMatches(old.slice(s, e), /[\d.]+/g).map(([a, b]) => [s + a, s + b] as [number, number]),
    ]),
  revise(doc, c) {
    const rows = doc.map((p, i) => (/^[^\t]+\t[\d.]+\t/.test(p.s) ? i : -1)).filter((i) => i >= 0);
    if (!rows.length) return doc;
    const fix = pick(c.r, rows);
    const ins = c.r() < 0.4 ? pick(c.r, rows) : -1;
    return mapParas(doc, (p, i) => {
      let q = p;
      if (i === fix) {
        const cells = allMatches(p.s, /[\d.]+/g);
        const [a, b] = pick(c.r, cells);
        const old = p.s.slice(a, b);
        const by = old.includes('.') ? num(c.r, 0.5, 12, 1) : String(Number(old) + int(c.r, 1, 9) * (c.r() < 0.5 ? 1 : -1));
        q = edit(p, a, b, by);
      }
      if (i === ins)
        return [
          q,
          fresh(
            `${pick(c.r, ['合计', '其他', '新区'])}\t${int(c.r, 100, 999)}\t${int(c.r, 100, 999)}\t${int(c.r, 100, 999)}\t${num(c.r, 0.5, 12, 1)}`,
          ),
        ];
      return q;
    });
  },
};

function qaPrepare(doc: Doc, c: Ctx, share: number): Doc {
  const body = new Set(bodyParas(doc).filter(() => c.r() < share));
  return mapParas(doc, (p, i) => {
    if (!body.has(i)) return p;
    const term = p.s.match(/\p{Script=Han}{2,4}/u)?.[0] ?? '有关工作';
    return [fresh('问：' + pick(c.r, QUESTIONS).replace('{}', term)), concat(fresh('答：'), p)];
  });
}
const qaTargets = (old: string): [number, number][] => [
  ...allMatches(old, /(?<=^问：)[^\n]+/gm),
  ...allMatches(old, /(?<=^答：)[^。\n]+。?/gm),
  ...allMatches(old, /^答：[^，。\n]{1,10}/gm),
];
const qaProse: Kind = {
  name: 'qa_prose',
  prepare: (doc, c) => qaPrepare(doc, c, 0.4),
  targets: qaTargets,
  revise(doc, c) {
    const out: Doc = [];
    for (let i = 0; i < doc.length; i++) {
      const p = doc[i]!;
      const n = doc[i + 1];
      if (p.s.startsWith('问：') && n?.s.startsWith('答：')) {
        const end = /[？。]$/.test(p.s) ? p.s.length - 1 : p.s.length;
        const [open, close] = pick(c.r, [
          ['谈及“', '”时，他表示，'],
          ['在回答', '的提问时，有关负责人介绍，'],
        ]);
        out.push(concat(fresh(open), slice(p, 2, end), fresh(close), slice(n, 2)));
        i++;
      } else out.push(p);
    }
    return out;
  },
};
const qaReorder: Kind = {
  name: 'qa_reorder',
  prepare: (doc, c) => [fresh('答记者问'), ...qaPrepare(doc, c, 0.7)],
  targets: qaTargets,
  revise(doc, c) {
    // each 问 with its 答 and the paragraphs up to the next 问 form a block; blocks are shuffled
    const head: Doc = [];
    const blocks: Doc[] = [];
    for (const p of doc) {
      if (p.s.startsWith('问：')) blocks.push([p]);
      else if (blocks.length) blocks[blocks.length - 1]!.push(p);
      else head.push(p);
    }
    return [...head, ...shuffle(c.r, blocks).flat()];
  },
};

/** A figure of a 公报: a number with a measure after it (not a date's day, nor a model name's digits). */
const FIGURE = /(?<![A-Za-z\d.-])\d+(?:\.\d+)?(?=%|万|亿|元|个|人|家|项|吨|倍|名|所|公里|辆|户|亩|件|次|天|年|余|多|亿元|万元)/g;
const gongbao: Kind = {
  name: 'gongbao',
  revise(doc, c) {
    return doc.map((p) =>
      replaceEach(p, FIGURE, (m) => {
        const s = m[0];
        const v = Number(s);
        if (/^(19|20)\d\d$/.test(s)) return p.s[m.index + 4] === '年' ? String(v + 1) : null;
        const dec = s.includes('.') ? s.split('.')[1]!.length : 0;
        const moved = v * (1 + (c.r() < 0.5 ? 1 : -1) * (0.01 + c.r() * 0.14));
        const out = moved.toFixed(dec);
        return out === s ? (v + 1).toFixed(dec) : out;
      }),
    );
  },
};

const indirect: Kind = {
  name: 'indirect',
  prepare(doc, c) {
    return mapParas(doc, (p) => {
      if (!HAN.test(p.s) || p.s.includes('“')) return p;
      const ss = sentences(p.s).filter(([a, b]) => b - a >= 12);
      if (!ss.length || c.r() < 0.6) return p;
      const [a, b] = pick(c.r, ss);
      const inner = p.s.slice(a, b).replace(/[。！？]+$/, '');
      // a speaker in the first person some of the time: indirect speech turns 我们 into 他们
      const open = `${pick(c.r, ['他表示：“', '负责人说：“', '她指出：“'])}${c.r() < 0.4 ? '我们认为，' : ''}`;
      return concat(slice(p, 0, a), fresh(open), slice(p, a, a + inner.length), fresh('。”'), slice(p, b));
    });
  },
  targets: (old) => [...allMatches(old, /(?<=“)[^”\n]+(?=”)/g), ...allMatches(old, /“[^”\n]+”/g)],
  revise(doc) {
    return doc.map((p) =>
      replacePieces(p, /([表示说指出]{1,2})：“([^”]*)”/g, (m, piece) => {
        const at = m[1]!.length + 2;
        const inner = replaceEach(slice(piece, at, at + m[2]!.length), /我们|我/g, (x) => (x[0] === '我们' ? '他们' : '他'));
        return concat(slice(piece, 0, m[1]!.length), fresh('，'), inner, fresh(inner.s.endsWith('。') ? '' : '。'));
      }),
    );
  },
};

const leader: Kind = {
  name: 'leader',
  prepare(doc, c) {
    const people = [0, 1, 2].map((i) => ({ name: personName(c.r), title: TITLES[i] }));
    c.state.people = people;
    return mapParas(doc, (p) => {
      if (!HAN.test(p.s) || c.r() < 0.6) return p;
      const ss = sentences(p.s);
      const [a] = pick(c.r, ss);
      const who = pick(c.r, people);
      const form =
        c.r() < 0.5 ? `${who.name}同志${pick(c.r, ['指出', '强调'])}，` : `${who.title}${who.name}${pick(c.r, ['指出', '强调', '要求'])}，`;
      return concat(slice(p, 0, a), fresh(form), slice(p, a));
    });
  },
  targets: (old, c) => {
    const people = c.state.people as { name: string; title: string }[];
    return people.flatMap((w) => [
      ...allMatches(old, new RegExp(`${w.title}?${w.name}(同志)?`, 'g')),
      ...allMatches(old, new RegExp(`(?<=${w.name}(同志)?(指出|强调|要求)，)[^，。\\n]+`, 'g')),
    ]);
  },
  revise(doc, c) {
    const people = c.state.people as { name: string; title: string }[];
    const gone = pick(c.r, people);
    const successor = personName(c.r);
    return doc.map((p) => {
      let q = p;
      for (const w of people) {
        q = replaceEach(q, new RegExp(`(${w.title})?${w.name}(同志)?`, 'g'), (m) => {
          if (w === gone) return `${w.title}${successor}`;
          if (w.title === '市委书记') return `省委常委、市委书记${w.name}`;
          if (w.title === '市长') return `市委副书记、市长${w.name}`;
          return m[2] ? `${w.title}${w.name}` : `${w.name}同志`;
        });
      }
      return q;
    });
  },
};

const printReflow: Kind = {
  name: 'print_reflow',
  revise(doc, c) {
    const head = (doc[0]?.s ?? '').slice(0, 14);
    const flat = concat(...doc.flatMap((p, i) => (i ? [fresh('\n'), p] : [p])));
    const parts: Para[] = [];
    let page = 1;
    let at = 0;
    while (at < flat.s.length) {
      const next = Math.min(flat.s.length, at + int(c.r, 1300, 1700));
      parts.push(slice(flat, at, next));
      if (next < flat.s.length) parts.push(fresh(`\n— ${page++} —\n${head}\n`));
      at = next;
    }
    const all = concat(fresh(`打印版\u3000第1页\n`), ...parts);
    // back to paragraphs: split at the '\n' units
    const out: Doc = [];
    let from = 0;
    for (let i = 0; i <= all.s.length; i++) {
      if (i === all.s.length || all.s[i] === '\n') {
        out.push(slice(all, from, i));
        from = i + 1;
      }
    }
    return out;
  },
};

export const KINDS: Kind[] = [
  roster,
  draftFinal,
  boilerEnd,
  bilingual,
  surround,
  interleave,
  appendix,
  tableRow,
  qaProse,
  qaReorder,
  gongbao,
  indirect,
  leader,
  printReflow,
];

// ---------------------------------------------------------------- highlights

interface Highlight {
  start: number;
  end: number;
  type: string;
}
function trimRange(text: string, s: number, e: number): [number, number] {
  while (s < e && /\s/.test(text.charAt(s))) s++;
  while (e > s && /\s/.test(text.charAt(e - 1))) e--;
  return [s, e];
}
function makeHighlights(r: Rng, text: string, n: number, targets: [number, number][]): Highlight[] {
  const cross: [number, number][] = [];
  const repeated: [number, number][] = [];
  const cands: Record<string, [number, number][]> = {
    sentence: allMatches(text, /[^。！？\n]{8,150}[。！？]/g),
    clause: allMatches(text, /(?<=[，；：])[^，。！？；：\n]{4,40}(?=[，。；])/g),
    term: allMatches(text, /(?<=[，的在是和与对将把“])\p{Script=Han}{2,4}/gu).map(
      ([s, e]) => [s, Math.min(e, s + int(r, 2, 4))] as [number, number],
    ),
    number: allMatches(text, /\d+(?:[.,]\d+)*(?:%|万|亿|元|年|月|日|个|人|家|项|吨|公里|倍)?/g).filter(([s, e]) => e - s >= 2),
    quote: allMatches(text, /“[^”\n]{2,60}”/g).map(([s, e]) => (r() < 0.5 ? [s, e] : [s + 1, e - 1]) as [number, number]),
    cross,
    repeated,
    target: targets.filter(([s, e]) => s >= 0 && e <= text.length && e - s >= 2),
  };
  for (let i = text.indexOf('\n'); i > 0; i = text.indexOf('\n', i + 1)) {
    const a = i - int(r, 5, 20);
    const b = i + 1 + int(r, 5, 20);
    if (a >= 0 && b <= text.length && !text.slice(a, b).includes('\n', i - a + 1) && !text.slice(a, i).includes('\n')) cross.push([a, b]);
  }
  for (let t = 0; t < 300 && repeated.length < 20; t++) {
    const len = int(r, 4, 8);
    const s = int(r, 0, Math.max(0, text.length - len));
    const w = text.slice(s, s + len);
    if (w.includes('\n') || !HAN.test(w)) continue;
    const occ: number[] = [];
    for (let k = text.indexOf(w); k >= 0; k = text.indexOf(w, k + 1)) occ.push(k);
    if (occ.length >= 2) {
      const k = pick(r, occ);
      repeated.push([k, k + len]);
    }
  }
  const out: Highlight[] = [];
  const firstLen = int(r, 4, 12);
  out.push({ start: 0, end: Math.min(firstLen, text.indexOf('\n') > 0 ? text.indexOf('\n') : firstLen), type: 'first' });
  const lastStart = Math.max(text.lastIndexOf('\n') + 1, text.length - int(r, 4, 12));
  out.push({ start: lastStart, end: text.length, type: 'last' });
  const types = Object.keys(cands).filter((k) => cands[k]!.length);
  const weights = (t: string) => (t === 'target' ? 3 : 1);
  const bag = types.flatMap((t) => new Array<string>(weights(t)).fill(t));
  for (let t = 0; out.length < n && t < n * 10; t++) {
    const type = pick(r, bag);
    const [s0, e0] = pick(r, cands[type]!);
    const [s, e] = trimRange(text, s0, e0);
    if (e - s < 2) continue;
    out.push({ start: s, end: e, type });
  }
  // a reader does not make the same highlight twice
  const seen = new Set<string>();
  return out.filter((h) => h.end > h.start && !seen.has(`${h.start},${h.end}`) && !!seen.add(`${h.start},${h.end}`));
}

// ---------------------------------------------------------------- run

interface Row {
  seed: number;
  kind: string;
  label: string;
  type: string;
  verdict: Verdict;
  surviving: boolean;
  line?: string;
}
const show = (t: string, a: number, b: number) => t.slice(Math.max(0, a), Math.max(0, b)).replace(/\n/g, '⏎');

/**
 * Paragraphs of other pages none of whose sentences the article holds: sites reprint one another,
 * and a rewrite or a merged article must bring new words, or a copy of a deleted sentence would
 * count as another passage's words.
 */
function newWords(text: string, paras: string[]): string[] {
  return paras.filter((p) => !sentences(p).some(([a, b]) => b - a >= 8 && text.includes(p.slice(a, b))));
}

interface Text {
  label: string;
  text: string;
  long: boolean;
}
function textFor(seed: number, pages: { label: string; text: string }[]): { main: Text; other: string[] } {
  const r = rngOf(seed * 7 + 1);
  const long = seed % 5 === 0;
  const order = shuffle(r, pages.slice());
  if (!long) {
    const main = order.find((p) => p.text.length >= 1200) ?? order[0]!;
    const other = order
      .filter((p) => p !== main)
      .slice(0, 3)
      .flatMap((p) => p.text.split('\n').filter((x) => x.length >= 30));
    return { main: { label: main.label, text: main.text, long }, other: newWords(main.text, other) };
  }
  const goal = int(r, 60000, 120000);
  const used: string[] = [];
  let text = '';
  let i = 0;
  for (; i < order.length && text.length < goal; i++) {
    const page = order[i]!;
    text = text ? text + '\n' + page.text : page.text;
    used.push(page.label);
  }
  if (text.length > 120000) text = text.slice(0, text.lastIndexOf('\n', 120000));
  const other = order.slice(i, i + 6).flatMap((p) => p.text.split('\n').filter((x) => x.length >= 30));
  return {
    main: { label: `long(${used.length})`, text, long },
    other: newWords(text, other.length ? other : order.slice(0, 3).flatMap((p) => p.text.split('\n'))),
  };
}

/** The old and revised text of one seed and kind (for looking at what a kind does). */
export function sampleRevision(seed: number, kindName: string): { old: string; now: string } | null {
  const pages = loadPages();
  if (!pages) return null;
  const { main, other } = textFor(seed, pages);
  const r = rngOf(seed * 1009 + kindName.length * 31 + kindName.charCodeAt(0));
  const chain = kindName === 'mixed' ? shuffle(r, KINDS.slice()).slice(0, 3) : [KINDS.find((k) => k.name === kindName)!];
  const c: Ctx = { r, other, hl: [], state: {} };
  let doc = docFromText(main.text);
  for (const k of chain) if (k.prepare) doc = k.prepare(doc, c);
  const old = render(doc).text;
  const targets = chain.flatMap((k) => (k.targets ? k.targets(old, c) : []));
  c.hl = makeHighlights(r, old, main.long ? 200 : 40, targets);
  let next = docFromText(old);
  for (const k of chain) next = k.revise(next, c);
  return { old, now: render(next).text };
}

export interface Out5Options {
  seeds: [number, number];
  kind?: string;
  list?: boolean;
  log?: (line: string) => void;
}

export function runOutside5(opts: Out5Options): Record<string, number> {
  const log = opts.log ?? ((l: string) => process.stdout.write(l + '\n'));
  const pages = loadPages();
  if (!pages) {
    log('anchoring-outside5: ../shared/corpora/chinese-news-pages not found; no numbers (the bench never fakes its texts)');
    return {};
  }
  const rows: Row[] = [];
  const cpu: number[] = [];
  const editPct: Record<string, number[]> = {};
  const wanted = opts.kind ? [...KINDS.map((k) => k.name), 'mixed'].filter((k) => k === opts.kind) : [...KINDS.map((k) => k.name), 'mixed'];
  for (let seed = opts.seeds[0]; seed <= opts.seeds[1]; seed++) {
    const { main, other } = textFor(seed, pages);
    for (const kindName of wanted) {
      const r = rngOf(seed * 1009 + kindName.length * 31 + kindName.charCodeAt(0));
      const chain = kindName === 'mixed' ? shuffle(r, KINDS.slice()).slice(0, 3) : [KINDS.find((k) => k.name === kindName)!];
      const c: Ctx = { r, other, hl: [], state: {} };
      let doc = docFromText(main.text);
      for (const k of chain) if (k.prepare) doc = k.prepare(doc, c);
      const old = render(doc).text;
      const targets = chain.flatMap((k) => (k.targets ? k.targets(old, c) : []));
      const hl = makeHighlights(r, old, main.long ? 200 : 40, targets);
      c.hl = hl;
      let next = docFromText(old);
      for (const k of chain) next = k.revise(next, c);
      const { text: now, origin } = render(next);
      const at = numbersAsWords(old, newPositions(origin, old.length));
      let keptSame = 0;
      for (let i = 0; i < old.length; i++) if (at[i]! >= 0) keptSame++;
      const inserted = origin.reduce((n, o) => n + (o < 0 ? 1 : 0), 0);
      (editPct[kindName] ??= []).push((100 * (old.length - keptSame + inserted)) / Math.max(1, old.length));
      const selectors: TextSelector[] = hl.map((h) => describe(old, h.start, h.end));
      const c0 = process.cpuUsage();
      const placed = anchorAll(now, selectors);
      const used = process.cpuUsage(c0);
      if (main.long) cpu.push((used.user + used.system) / 1000);
      hl.forEach((h, i) => {
        const p = placed[i];
        const j = judge(origin, at, h.start, h.end, p ? { start: p.start, end: p.end } : null);
        const row: Row = { seed, kind: kindName, label: main.label, type: h.type, verdict: j.verdict, surviving: j.truth.surviving };
        if (opts.list && (j.verdict === 'miss' || j.verdict === 'wrong' || j.verdict === 'partial')) {
          const from: number[] = [];
          if (p) for (let u = p.start; u < p.end && from.length < 3; u++) if (origin[u]! >= 0) from.push(origin[u]!);
          row.line =
            `${j.verdict.toUpperCase()} seed ${seed} ${kindName}${kindName === 'mixed' ? '(' + chain.map((k) => k.name).join('+') + ')' : ''} ${main.label} ${h.type} [${h.end - h.start}]\n` +
            `   old @${h.start}: ${show(old, h.start - 15, h.start)}【${show(old, h.start, h.end)}】${show(old, h.end, h.end + 15)}\n` +
            (j.truth.start >= 0
              ? `   true @${j.truth.start} (kept ${j.truth.kept}): ${show(now, j.truth.start - 15, j.truth.start)}【${show(now, j.truth.start, j.truth.end)}】${show(now, j.truth.end, j.truth.end + 15)}\n`
              : '   true: gone\n') +
            (p
              ? `   placed @${p.start}: ${show(now, p.start - 15, p.start)}【${show(now, p.start, p.end)}】${show(now, p.end, p.end + 15)}  (own ${j.own}, from old ${from.length ? from.join(',') : 'new text'})`
              : '   placed: orphan');
        }
        rows.push(row);
      });
    }
  }
  if (opts.list) for (const row of rows) if (row.line) log(row.line);
  return summarise(rows, cpu, editPct, log);
}

function summarise(rows: Row[], cpu: number[], editPct: Record<string, number[]>, log: (l: string) => void): Record<string, number> {
  const count = (rs: Row[], v: Verdict) => rs.filter((x) => x.verdict === v).length;
  const pct = (a: number, b: number) => (b ? Math.round((1000 * a) / b) / 10 : 100);
  const stats = (rs: Row[]) => {
    const right = count(rs, 'right');
    const surviving = rs.filter((x) => x.surviving).length;
    return { right, surviving, wrong: count(rs, 'wrong'), recall: pct(right, surviving) };
  };
  const all = stats(rows);
  const out: Record<string, number> = {
    anchor_out5_recall_pct: all.recall,
    anchor_out5_wrong: all.wrong,
    anchor_out5_highlights: rows.length,
    anchor_out5_surviving: all.surviving,
    anchor_out5_partial: count(rows, 'partial'),
    anchor_out5_miss: count(rows, 'miss'),
    anchor_out5_lost: count(rows, 'lost') + count(rows, 'lost_on_remains'),
    anchor_out5_lost_on_remains: count(rows, 'lost_on_remains'),
  };
  const kinds = [...new Set(rows.map((x) => x.kind))];
  for (const k of kinds) {
    const s = stats(rows.filter((x) => x.kind === k));
    const e = editPct[k] ?? [];
    out[`anchor_out5_${k}_recall_pct`] = s.recall;
    out[`anchor_out5_${k}_wrong`] = s.wrong;
    out[`anchor_out5_${k}_edit_pct`] = e.length ? Math.round((10 * e.reduce((a, b) => a + b, 0)) / e.length) / 10 : 0;
    log(
      `  ${k.padEnd(13)} recall ${String(s.recall).padStart(5)}%  wrong ${String(s.wrong).padStart(3)}  (surviving ${s.surviving}, edit ${out[`anchor_out5_${k}_edit_pct`]}%)`,
    );
  }
  const types = [...new Set(rows.map((x) => x.type))];
  log(
    '  by highlight type (recall/wrong): ' +
      types
        .map(
          (t) =>
            `${t} ${stats(rows.filter((x) => x.type === t)).recall}%/${count(
              rows.filter((x) => x.type === t),
              'wrong',
            )}`,
        )
        .join(', '),
  );
  if (cpu.length) {
    const sorted = cpu.slice().sort((a, b) => a - b);
    out.anchor_out5_long_anchorall_cpu_ms_median = Math.round(sorted[Math.floor(sorted.length / 2)]!);
    out.anchor_out5_long_anchorall_cpu_ms_max = Math.round(sorted[sorted.length - 1]!);
  }
  return out;
}

export function parseArgs(argv: readonly string[]): Out5Options {
  const seedsArg = argv[argv.indexOf('--seeds') + 1];
  const m = argv.includes('--seeds') ? /^(\d+)(?:-(\d+))?$/.exec(seedsArg ?? '') : null;
  if (argv.includes('--seeds') && !m) throw new Error(`--seeds 应为 a-b（如 901-910），收到：${seedsArg ?? '（空）'}`);
  const seeds: [number, number] = m ? [Number(m[1]), Number(m[2] ?? m[1])] : [1, 40];
  const kind = argv.includes('--kind') ? argv[argv.indexOf('--kind') + 1] : undefined;
  if (kind && ![...KINDS.map((k) => k.name), 'mixed'].includes(kind)) throw new Error(`未知的修订类型：${kind}`);
  return { seeds, kind, list: argv.includes('--list') };
}

export function benchAnchorOutside5(argv: readonly string[]): Record<string, number> {
  return runOutside5(parseArgs(argv));
}

if (process.argv[1] && /anchoring-outside5\.ts$/.test(process.argv[1])) {
  const c0 = process.cpuUsage();
  const out = benchAnchorOutside5(process.argv.slice(2));
  for (const [k, v] of Object.entries(out)) process.stdout.write(`${k}: ${v}\n`);
  const c = process.cpuUsage(c0);
  process.stdout.write(`(whole run: ${((c.user + c.system) / 1e6).toFixed(1)} s CPU)\n`);
}
