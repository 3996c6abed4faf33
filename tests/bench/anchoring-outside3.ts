/**
 * Anchoring bench of a THIRD outside tester (issue 12 item 4: after an article is updated, at
 * least 99% of the surviving highlighted passages placed and none on the wrong words, on edits
 * never seen). Written without reading shared/anchoring beyond the exported signatures and doc
 * comments of shared/anchoring/index.ts, nor the anchoring tests or the other benches' bodies;
 * its revision kinds are ones the two earlier outside benches' headers do not list.
 *
 *   npx tsx tests/bench/anchoring-outside3.ts [--seeds a-b] [--kind name] [--list]
 *   npm run bench -- anchor3 [--seeds a-b] [--kind name] [--list]
 *
 * Texts: the Chinese pages of ../shared/corpora/chinese-news-pages turned into stored article
 * text by the project's extractor (paragraphs joined by '\n'), read in place and never copied;
 * every fifth seed a long article of 60k–120k units made by joining pages. Without the corpora
 * the bench prints why and reports nothing.
 *
 * Highlights, made on the text as it was, as readers make them: sentence, clause, term (2–4
 * units), number (with its unit), quote (inside “”, with or without the marks), cross (a span
 * over a paragraph break), repeated (one chosen occurrence of a 4–8-unit phrase the text holds
 * more than once), first and last (the article's first and last words). 40 per text, 200 on a
 * long article. They are described with describe() and re-found with one anchorAll() per
 * revision, as renderer/core/highlights/anchorJob.ts does.
 *
 * Revision kinds (each on its own, then `mixed`: three of them in a row):
 * - republish: a 学习 article republished: 编者按 on top, 小标题 lines inserted every few
 *   paragraphs (half of them a clause copied from the paragraph below), a 有删节 note at the end.
 * - resegment: 通稿 re-segmentation: every paragraph break removed, new breaks at other sentence ends.
 * - quote_style: the whole text's marks restyled: “”‘’ ↔ 「」『』, （）↔ (), —— → —, …… → …,
 *   and a full stop moved out of its closing quote (。” → ”。).
 * - numerals: Arabic numbers written in Chinese (2023年 → 二〇二三年, 35个 → 三十五个, 12% →
 *   百分之十二, 3.5 → 三点五) and Chinese ordinals/counts in Arabic (第三 → 第3, 五项 → 5项).
 * - honorific: 同志 added after the (name-like) words before 指出/强调/表示/要求/认为/介绍/说; existing 同志, 先生 and 女士 removed.
 * - list_prose: a paragraph of sentences or ；-parts turned into a numbered list, and a run
 *   of short lines (list items) turned into one paragraph of ；-parts without their markers.
 * - move_edit: a block of 1–3 paragraphs moved at least two paragraphs away AND edited (a
 *   clause dropped, a clause inserted, a term replaced).
 * - split_sentence: long sentences (half of them highlighted ones) split in two at a ，
 *   (，→。, a connective like 同时， sometimes added), and adjacent sentences merged (。→，).
 * - ocr: OCR-like look-alike swaps (己/已, 未/末, 日/曰, 人/入, 土/士, 千/干, 本/木, 自/白 …) in a
 *   quarter of the places that could have one, and a unit dropped here and there.
 * - section_swap: the middle section (about a third of the paragraphs; a tenth to a quarter on a
 *   long article) replaced by paragraphs of another page.
 * - filler: 学习-style adverbs (进一步, 不断, 切实, 深入 …) inserted before verbs and removed
 *   where they were, or, where the text has none of those verbs, 此外， and the like inserted.
 * - pullquote: a 内容提要 on top and 金句 paragraphs near their source, each an exact copy of
 *   a sentence of the body (highlighted ones preferred): copies are new text, the passage is
 *   still where it was.
 * - sent_shuffle: within some paragraphs, one sentence moved to another place in the paragraph.
 * - gloss: parenthetical notes inserted after terms (（以下简称“…”）, （下同）, （注：…）) and
 *   existing short parentheticals removed.
 * Definitions of SURVIVING, RIGHT, WRONG, SHORT, MISS and LOST: anchoring-outside3-judge.ts.
 *
 * Output: anchor_out3_recall_pct, anchor_out3_wrong, anchor_out3_highlights, _surviving, _short,
 * _lost, _lost_on_remains, per kind (recall, wrong, and edit_pct: original body units not kept
 * plus new body units, over the original's body units) and per highlight type; the CPU time of one anchorAll on a long article
 * (median, max). `--list` prints every miss, short and wrong with context (⏎ is a paragraph
 * break): the old place, the true new place and the placed one, and where the placed units came
 * from in the original.
 *
 * FIRST MEASUREMENT, once, on main af6d8d3 (shared/anchoring as of that commit), seeds 1–40,
 * 22:24 UTC 2026-12-05, load average 13.5; run before any failure was looked at (the bench was
 * written on seeds 901–910; seeds 1–2 were run once while writing it, their numbers unread):
 *   anchor_out3_recall_pct 97.9   anchor_out3_wrong 22   highlights 43200   surviving 41999
 *   short 4   lost 1201 (on their remains, tolerated: 23)
 *   republish      recall  98.8%  wrong  0  (surviving 2880, edit 8.4%)
 *   resegment      recall   100%  wrong  0  (surviving 2880, edit 0%: breaks are not body units)
 *   quote_style    recall    99%  wrong  0  (surviving 2858, edit 1.7%)
 *   numerals       recall  96.1%  wrong  1  (surviving 2666, edit 2.6%)
 *   honorific      recall  99.8%  wrong  0  (surviving 2879, edit 0.4%)
 *   list_prose     recall    96%  wrong  1  (surviving 2880, edit 0.9%)
 *   move_edit      recall  98.4%  wrong  0  (surviving 2867, edit 1.2%)
 *   split_sentence recall  99.9%  wrong  0  (surviving 2880, edit 0.8%)
 *   ocr            recall  93.8%  wrong  5  (surviving 2847, edit 1.5%)
 *   section_swap   recall  99.6%  wrong  0  (surviving 2217, edit 66.4%: removed + added)
 *   filler         recall  99.6%  wrong  0  (surviving 2879, edit 1.1%)
 *   pullquote      recall  98.8%  wrong  4  (surviving 2880, edit 11.7%)
 *   sent_shuffle   recall  96.8%  wrong  1  (surviving 2879, edit 0%: moves are not counted)
 *   gloss          recall  97.7%  wrong  0  (surviving 2866, edit 3.9%)
 *   mixed          recall  94.7%  wrong 10  (surviving 2641, edit 30.2%)
 *   by highlight type (recall/wrong): sentence 97.7%/4, clause 98.1%/5, term 98.6%/2, number 97.5%/3,
 *     quote 98.4%/0, cross 96.4%/1, repeated 98.8%/7, first 98.3%/0, last 99%/0
 *   CPU: one anchorAll on a long article (200 highlights, 60k–120k units) median 23 ms, max 73 ms;
 *   the whole run 8.4 s user CPU.
 * The target (≥ 99% of surviving passages placed, 0 wrong) is not met on these edits: 97.9%, 22 wrong.
 *
 * FAILURE CLASSES (seeds 1–40, every wrong read with --list; page text is not quoted beyond a few
 * words, reproduce with --seeds N --kind K --list):
 * WRONG 22
 * - twin-after-edit, 13 (ocr 5, mixed 6, numerals 1, list_prose 1): the passage SURVIVES at its
 *   own place, unchanged or with one character swapped, but an edit touched it or its near
 *   context (an OCR swap 17 → l7 or 于 → 干 next to it, 4.51 → 四点五一 beside it, its line break
 *   turned into ；, a gloss inserted inside it), while an identical copy elsewhere (the same news
 *   story reprinted by another site inside a long article, 1.2k–40k units away, or a page holding a
 *   paragraph twice, 3.6k away) still has the old context, and the copy wins: seed 10 ocr (11月
 *   placed 2.4k units before its own), seed 15 ocr (789 now 7B9 placed on the untouched 789
 *   32k on), seed 25 mixed (four highlights of one paragraph block placed 40k on), seed 8 numerals.
 * - pull-quote copy, 6 (pullquote 4, mixed 2): an exact copy of the highlighted sentence set as
 *   its own paragraph one or two paragraphs from its source takes the highlight; the copy's
 *   surroundings keep the old context on one side (it sits right after the source paragraph, so
 *   the source's own suffix is now the copy) — seed 28 clause 由此产生的贸易逆差…, seed 20 term
 *   成一; seed 9 mixed: the source then had its numbers rewritten (11月 → 十一月), the copy not.
 * - lost, placed on a look-alike or twin, 2 (mixed with section_swap): seed 10, a sentence cut
 *   with the middle section placed on its reprint 2.3k units before; seed 39, 运营商某次 cut and
 *   placed on the same words in another caption line.
 * - moved-twin, 1 (sent_shuffle, seed 25): a 6-unit phrase whose sentence moved 53 units back;
 *   another occurrence of the phrase now stands at the old offset with the same suffix.
 * Not counted as wrong but nearly: the 4 SHORT ones are cross-paragraph spans into whose break a
 * pull quote or a subheading copying the next paragraph's first words was inserted; the
 * placement starts on that copy (new words inside the span count as its own by the judge's
 * rule) and ends on the real second paragraph. Read strictly they are wrong as well.
 * MISS 843 + SHORT 4 (recall 97.9%):
 * - edited-inside, 388 (ocr 142, mixed 69, numerals 65, list_prose 36, quote_style 30): one
 *   look-alike swap in a number or sentence (2019 → 20l9, 1200万 → 120O万), a number in the
 *   passage rewritten (3000元 → 三千元, 50% → 百分之五十), a full stop moved out of its quote
 *   (。” → 」。), a ；put for a 。 inside a span.
 * - unchanged, context changed on both sides, 176 (list_prose 64, sent_shuffle 39, mixed 23,
 *   numerals 22): a clause whose line breaks became ； (list → prose), a sentence moved inside
 *   its paragraph, a term between two rewritten numbers.
 * - unchanged, context changed on one side, 132 (sent_shuffle 42, mixed 22, move_edit 15): mostly
 *   terms, numbers and spans after a sentence moved next to them.
 * - stretched, 97 (gloss 37, pullquote 23, republish 17, mixed 15): all its words stand, with new
 *   words inside: a gloss （以下简称“…”） or （注：…） within a sentence, a subheading or pull quote
 *   at the break of a cross-paragraph span.
 * - unchanged, near context intact, 54 (sent_shuffle 11, republish 8, ocr 8, honorific 7): short
 *   terms and numbers that occur several times, mostly in the long articles (36 of 54).
 * (354 of the 847 in the 8 long articles.) Known imprecision of the model, left as measured: the
 * 。” → 」。 swap is a rewrite of two units, so the moved 。 counts as changed, not kept.
 *
 * LATER, development (anchor11c, 2026-12-05, seeds 1–40 only, the same seeds as above; fixed
 * against them, so these are development numbers, not a fresh measurement):
 *   anchor_out3_recall_pct 97.9 → 98.0, wrong 22 → 8 (misses 843 → 811, short 4 → 4)
 *   ocr 5 → 0 wrong (recall 93.8 → 94.3), numerals 1 → 0, list_prose 1 → 0, pullquote 4 → 1,
 *   mixed 10 → 6, sent_shuffle 1 → 1; CPU per long anchorAll median 25 → 29 ms, max 99 → 75 ms
 *   (two runs on a loaded machine). Two rules (shared/anchoring/copies.ts, index.ts
 *   confirmedCopies; tests/unit/anchoring-round12c.test.ts):
 *   - copy rank: describe() records the quote's rank among its old copies (copyRank). A
 *     placement on another copy, the count unchanged and no more of the stored context there
 *     than another copy had, goes to the copy of the passage's rank (or is an orphan when that
 *     copy kept under half its context). Fixed all 13 twin-after-edit wrongs.
 *   - pull quote: describe() records copies 0 for a quote held once, and the size of its old
 *     paragraph (paraLength). When the new text holds more copies, a placement in a paragraph that
 *     is, edge marks aside, a stretch of one other paragraph goes to the copy there if that
 *     paragraph is nearer the old size. Fixed 3 of the 6 pull-quote wrongs.
 *   Left (8): seed 9 mixed ×2 (the source's numbers rewritten after the pull quote was copied: the
 *   copy is the only exact one), seed 27 clause (pull quote not in a restated-paragraph shape),
 *   seed 40 mixed ×2 (a twin 35k away after a pull quote also raised the count), seed 10 / 39
 *   lost-on-look-alike, seed 25 moved twin.
 *   Guards, main a03a571 → this: prose 800–830 and generated 80001–80030 recall unchanged
 *   (generated moved 99.23 → 99.17: one 2-unit quote 完善 in a moved paragraph now an orphan),
 *   0 wrong; default bench recall 99.15 → 99.14 (113k 98.4 → 98.37, prose 60k 97.29 → 97.26),
 *   0 wrong, 113k/200 CPU 47.6 → 46.3 ms; outside2 281–320 recall 99.3 → 99.4, wrong 16 → 8
 *   (other_copy 10 → 2, captions 6 → 1).
 *
 * MERGED (anchor11c onto main with anchor11a + anchor11b, 2026-12-05, dev seeds only; main 2e1f959
 * → merge, both run on the same loaded machine): anchor11a's doubt() (copies lost, nearer copy,
 * look-alike) and anchor11c's rank and pull-quote moves both in confirmedCopies; "held once" is
 * now !copies (copies 0 recorded, absent in older selectors).
 *   outside3 1–40:            main 98.1% / 10 wrong, 11c alone 98.0% / 8, merged 98.1% / 7
 *                             (seed 10 look-alike now an orphan; the other 7 as listed above)
 *   outside2 281–320:         main 99.4% / 1, 11c alone 99.4% / 8, merged 99.5% / 1
 *   independent 361–400:      main 99.8% / 1, merged 99.8% / 1
 *   prose 800–830:            main 99.02% / 0, merged 99.02% / 0
 *   generated 80001–80030:    main 99.54% / 0, merged 99.54% / 0
 *   default bench:            main 99.25% (113k 98.49, prose 98.95, 60k 97.61), 0 wrong, 113k/200
 *                             CPU 43.8 ms; merged the same recall, 0 wrong, CPU 45.2 / 51.7 ms (two
 *                             runs, loaded machine)
 *
 * LATER, development (anchor12a, 2026-12-06, dev seeds only; main 115af43 → s12-anchor12a, both
 * run on the same loaded machine). The dev wrongs of session 11 re-listed on 115af43 (outside3
 * 41–80 gave 5 there, not 8; outside2 361–400 2; independent 401–440 3; generated 100001–100030 1)
 * and the guards' own wrongs on 115af43 (outside3 1–40 1, outside2 281–320 4, prose 800–830 1):
 * - twin paragraph in a row, 5 (outside3 54, 60 ×2, 71 pullquote/mixed; 43 would have been one):
 *   a pull quote that copies a whole paragraph set right next to it (A S S B reads the same
 *   whichever S is new; each keeps the stored context on one side). Not decidable by text:
 *   now an orphan when the new text gained the copy, also when the neighbour pass finds it.
 * - pull quote restating a paragraph a summary box also holds, 1 (outside3 59): restatedFrom
 *   gave up on two sources; now the source of the old paragraph's size wins (likestParagraph),
 *   and the rule applies to the neighbour pass's finds too (outside3 12, a guard wrong).
 * - rank copy across reordered paragraphs, 2 (independent 402 heading + term): the copy of the
 *   passage's rank lay in another passage's old paragraph, unchanged; no longer a move target.
 * - look-alike confirmed by lost copies, 1 (generated 100017): ownContextAt confirmed a placement
 *   on a look-alike (3 units off) because the quote's copies were gone; now the look-alike test
 *   applies in that branch too.
 * - added page of the same story, 3 (outside2 295, 305 ×2, guards): a quote held once gained a
 *   copy 50k units away with the context whole; now in doubt when another copy lies where the
 *   passage would be, and such placements no longer say where the text moved (expectedAt).
 * - one unit of context more than the other copies had, by chance, 2 (prose 800 60k, a guard;
 *   the default bench's prose 60k wrong): a deleted passage placed on an advert printed 4 times
 *   whose copy gained a 。 beside it; ownContextAt now needs more than 2 units over copyContext
 *   (a side found whole at the text's edge still counts at once).
 * Left: outside3 58 mixed (a 小标题 copy of a clause merged into another paragraph by
 * resegment; its prefix matches 29 units, the true place's suffix beyond the shared words 21),
 * outside2 370 (twin story, the own copy hard-wrapped and full-width digits: the far copy keeps
 * all context), outside2 380 (lost, placed on a copy in an image-caption-split reprint), outside2
 * 287 (near_copy forced: identical copy and context, by design undecidable), independent 431 (a
 * paragraph moved inside a cross-paragraph span: placed whole at its stored position with the
 * inserted paragraph inside; that judge calls it lost, outside3's judge would call it right),
 * prose 927 (a 4-unit repeated quote deleted, placed on the next copy 138 units on, inside the
 * window its neighbours allow; a rule "inside another passage's placement on that passage's
 * words" fixed it with no recall change but no hand-made text reproduced it, so it was dropped).
 *   (all numbers: recall / wrong, 115af43 → this branch)
 *   outside3 1–40  (guard)      98.31% / 1 → 98.30% / 0   (misses 709 → 713: 4 pull-quote twins)
 *   outside3 41–80 (dev)        98.26% / 5 → 98.25% / 1   (left: seed 58)
 *   outside2 281–320 (guard)    99.5% / 4 → 99.5% / 1     (misses 127 → 129; left: 287)
 *   outside2 361–400 (dev)      99.4% / 2 → 99.4% / 2     (370, 380 left)
 *   independent 361–400 (guard) 99.8% / 0 → 99.8% / 0
 *   independent 401–440 (dev)   99.8% / 3 → 99.8% / 1     (431 left)
 *   prose 800–830 (guard)       99.07% / 1 → 99.06% / 0
 *   prose 1031–1061 (dev)       99.09% / 0 → 99.08% / 0
 *   generated 80001–80030       99.54% / 0 → 99.51% / 0
 *   generated 100001–100030     99.32% / 1 → 99.27% / 0
 *   outside4 1–40 (not a dev set; run once as a check) 91.1% / 4, as its first measurement
 *   default bench               99.25% / 0 → 99.24% / 0 (113k 98.49 → 98.47; prose 99.02% / 2 →
 *                               99.02% / 1, its 60k wrong gone, seed 927 left); 113k/200 CPU
 *                               47.8 → 62.0 ms, warm 52.1 → 55.6 (two benches at once beside
 *                               other helpers' jobs: load, not a measured cost)
 * Rules and their tests: shared/anchoring/copies.ts (twinBeside, likestParagraph, restatedFrom
 * returning every source, OWN_CONTEXT_MARGIN), index.ts (unrestated, rankedCopy, lookAlikeAt,
 * farCopy, gainedCopies); tests/unit/anchoring-round13.test.ts (each rule's test fails on 115af43).
 *
 * LATER, development (anchor12b, 2026-12-06, seeds 1–80 only, development seeds; every miss
 * listed and classed by kind first, then fixed against them: development numbers, not fresh).
 * Misses on 1–80 before: 1428 (ocr 280, sent_shuffle 190, mixed 247, numerals 158, list_prose
 * 146, gloss 93, quote_style 67 …); most were orphans whose quote the old text held once and
 * whose exact words were gone (look-alike swap, number rewritten, marks restyled, a note put
 * inside) or whose context was gone on both sides (a sentence moved in its paragraph). One rule,
 * a last pass over a batch's orphans (shared/anchoring/pinned.ts, index.ts pinnedOrphans;
 * tests/unit/anchoring-round13b.test.ts): the quote found exactly as many times as the old text
 * held it (copies + 1), exactly or else read through OCR look-alike pairs, with Chinese numerals
 * read as Arabic, or by its words alone (marks and short notes dropped, its edge marks still
 * beside it), the copy of its rank alone between the new places of its nearest placed
 * neighbours (and not a paragraph of its own when its old paragraph was longer), is placed there.
 *   main 115af43 → this, seeds 1–80:  recall 98.3 → 99.2, wrong 6 → 6 (the same six), misses
 *   1428 → 695, short 6 → 9
 *   republish 98.9 → 98.9, resegment 99.9 → 99.9, quote_style 98.8 → 99.9, numerals 97 → 99,
 *   honorific 99.8 → 99.8, list_prose 97.5 → 99.1, move_edit 98.7 → 98.7, split_sentence 99.9
 *   → 100, ocr 95.1 → 98.2, section_swap 99.6 → 99.6, filler 99.6 → 99.6, pullquote 99 → 99,
 *   sent_shuffle 96.7 → 98.6, gloss 98.4 → 99.4, mixed 95.3 → 97.4
 *   CPU per long anchorAll (back to back, load average 18–20): median 29 → 30 ms, max 77 → 105 ms
 *   (the first orphan that needs a reading of the whole text pays for it; each reading is first
 *   tried on the neighbours' bracket alone).
 *   Guards, main → this: outside2 281–400 recall 99.4 → 99.5, wrong 22 → 22; independent 361–440
 *   99.8 → 99.8, wrong 3 → 3; prose 800–830 99.07 → 99.17, wrong 1 → 1 (seed 800 mixed, a
 *   destroyed passage on a 108-unit copy, placed by the first pass before as after);
 *   generated 80001–80030 99.54 → 99.58, 0 → 0 wrong; default bench recall 99.25 → 99.30 (113k
 *   98.49 → 98.57, prose 99.02 → 99.14, 60k 97.9 → 98.03), wrong 0 → 0 (prose 2 → 2), 113k/200
 *   CPU 51.6 → 54.7 ms (warm 51.8 → 50.5).
 *   MERGED with anchor12a (main 9b4413e + this, same seeds 1–80): recall 99.1, wrong 1 (seed 58
 *   mixed, left by anchor12a as well); main alone 98.3, wrong 1. Merged guards: outside2 281–400
 *   99.5% / 18 wrong, independent 361–440 99.8% / 1, prose 800–830 99.17% / 0, generated
 *   80001–80030 99.54% / 0; default bench 99.29% / 0 (113k 98.54, prose 99.14% / 1, as on main),
 *   113k/200 CPU 58.4 ms, warm 59.2 (load average ~20).
 *   Tried and dropped: the words reading without the edge-mark check put five passages of the
 *   prose bench on their words with a word-edit at their edge (wrong there: 1 → 6); a tighter
 *   window around the neighbours' interpolated shift cost numerals 0.9 points and fixed nothing.
 *   Left: OCR swaps in numbers a quote holds several times with a copy lost elsewhere (10年 ×7),
 *   cross-paragraph spans with a subheading or pull quote inserted in their break (republish,
 *   pullquote), sentences moved past a neighbouring highlight, short terms (< 8 units) with no
 *   exact 4-unit context run left.
 *
 * FRESH, once, seeds 161–200, on main cfacd71 (lead, 2026-12-06 06:12 UTC): recall 99.1%, 9 wrong:
 * seed 170 (7, lost passages of a long article whose swapped section is another printing of a story
 * it already holds: placed on identical copies, the class of seed 130) and seed 178 (2, pullquote).
 *
 * LATER, development (anchor14c, 2026-12-06; the lead's fresh wrongs of cfacd71 re-listed on
 * 31efd35 and classed with --list and a dump of selectors, then fixed: development numbers now).
 * Classes, what the selector knew, and the rule (shared/anchoring/index.ts, copies.ts;
 * tests/unit/anchoring-round18.test.ts, each test fails on the code before its rule):
 * - reprint inside a swapped section, 7 (seed 170 mixed, numbers and terms of 3–5 units: 11月
 *   copies 19, 22.5万 copies 0, 客运港站 copies 1 …): the section holding the story was replaced by pages, one of
 *   them another site's printing of the same story; each passage found exactly, context whole,
 *   at +4029 while the runs of placed passages on both sides moved +7 and +46, with 34 orphans
 *   between. Not decidable from the selector (a story kept while the text on both sides was
 *   replaced reads the same), so: a run of placements whose shift is more than 1000 from both
 *   runs around it, in order between them, with orphans on both sides and fewer members than
 *   either, is an orphan (islandsOrphaned).
 * - line run into its neighbours + pull quote, 1 (seed 178, 四条国际航线… paraLength 10, copies 0):
 *   list_prose turned its breaks into ；, the pull quote kept the paragraph edges and won on
 *   score; the copy that kept the context stood exactly where the neighbours put it (+99). Now a
 *   copy set apart (its paragraph the quote alone), the count gained, moves to the copy with more
 *   than 2 units more of the stored context that lies nearer where the passage would be (betterCopy).
 * - paragraph run into the one before and set again right after it (A；S ⏎ S ⏎ B), 1 (seed 178,
 *   a 54-unit paragraph, copies 0): each copy keeps the context on one side; twinBeside now also
 *   counts a neighbour paragraph that ends (or begins) with the words after a mark, with 8 word
 *   units on both sides (a 二、S heading or a one-number line is no run-in). The neighbour pass
 *   then found the right copy inside its window.
 * - copies reordered, rank against position, 2 (outside5 65, 70 qa_reorder: copies 1, copyContext
 *   48 and 64 of the context): the first pass chose the copy nearer the old place, rankedCopy moved
 *   it to the copy of its rank 50k units away. A rank copy farther from every expected place than
 *   the placement is now doubt without a move: an orphan unless sure neighbours confirm it.
 * Left, not decidable or not this kind: outside4 150 outline (a renumbered marker, anchor14b's);
 * outside5 50 interleave (“含光800” gone, the marks-dropped retry on a bare copy), 53 draft_final
 * (a repeated phrase deleted, placed on the next copy); outside2 504 (own copy turned full-width
 * ＡＰＰ, an exact copy added with the context); independent 554 ×2 (a paragraph duplicated, the
 * original then edited or deleted: the duplicate is the old paragraph); generated 100101 and
 * 100105 (extent: one unit short after a deleted stop, short after part of the passage was
 * destroyed), 100112 (a destroyed 5-unit template phrase on a copy, score 0.48). prose 1124–1154
 * has no wrong on 31efd35 (1145 moved with the extractor's texts).
 *   (recall / wrong; 31efd35 → this branch, same machine, load average 18–28)
 *   outside3 161–200 (dev)        99.1% / 9 → 99.1% / 0 (misses 362 → 362; mixed 97.5 → 97.6)
 *   outside5 41–80 (dev)          94.7% / 4 → 94.7% / 2 (misses 1951 → 1955; 65, 70 now orphans)
 *   outside3 1–40 (guard)         99.1% / 1 → 99.1% / 1 (misses 378 → 376; seed 5 left)
 *   outside2 281–320 (guard)      99.6% / 1 → 99.6% / 1 (misses 88 → 89)
 *   independent 481–520 (guard)   99.8% / 1 → 99.8% / 1 (misses 82 → 82)
 *   outside4 1–40 (guard)         97.5% / 5 → 97.5% / 5 (misses 852 → 852)
 *   outside5 1–40 (guard)         94.7% / 6 → 94.7% / 4 (misses 1953 → 1955; qa_reorder 35, 40 orphans)
 *   outside2 481–520 (dev)        99.4% / 1 → 99.4% / 1 (misses 138 → 143: 490, 505 repeated quotes
 *                                 in long articles now orphans; 504 left)
 *   independent 521–560 (dev)     99.8% / 2 → 99.8% / 2 (misses 66 → 66; 554 left)
 *   outside4 121–160 (dev)        97.9% / 1 → 97.9% / 1 (misses 727 → 727; 150 left)
 *   prose 800–830 (guard)         99.13% / 0 → 99.13% / 0
 *   generated 80001–80030 (guard) 99.54% / 0 → 99.54% / 0 (113k 99.18% → 99.18%, 0 → 0; 113k/200
 *                                 anchorAll CPU 83.3 → 80.3 ms at load average ~25)
 *   The default bench was not measured: the run on 31efd35 had not ended after 33 minutes at that
 *   load and was stopped.
 *
 * FRESH, once, seeds 201–240, on main 6183e4d (after anchor14a–d; lead, 2026-12-06 09:20 UTC): 99.2%
 * placed, 3 wrong (all `mixed` with pullquote: seeds 223, 224, 236).
 *
 * LATER, development (anchor15b, 2026-12-06, s15-anchor15b): 201–240 99.2% / 3 → 99.2% / 3, 1–40
 * 99.2% / 1 → 99.2% / 1. The three, classed, left: a lost sentence placed on its pull quote that a
 * resegment ran into a paragraph (223, ■ no longer at a paragraph's head); a number placed on the
 * pull quote's copy after a resegment (224); a repeated phrase whose own copy an OCR step edited,
 * placed on the pull quote's clean copy (236).
 * FRESH, once, seeds 241–280, on main 5b40eb8 (lead, 2026-12-06 12:30 UTC, once, clean-clone CI running beside it): 99.3% placed, 1 wrong; ocr 98.1, sent_shuffle 98.5,
 *   pullquote 99.2 (0 wrong).
 * LATER, development (anchor22d, 2026-12-07, load ~40–58; main 3d4e69c → s22-anchor22d; unit tests
 *   in tests/unit/anchoring-round44.test.ts), seeds 1–40 (newly drawn texts after the corpus pool
 *   shifted; seen), same texts, same hour: 99.2% / 8 wrong → 99.2% / 3 (misses 338 → 343: exactly
 *   the 5 wrongs; no other line of --list changed). All 8 were pullquote, three kinds:
 *   - the closing line with a short line above it (愿大家都能), the pull quote set above that
 *     line (seed 12 ×2): copyAtTextEdge wanted 8 units of the prefix beside the copy at the end;
 *     a whole short line (2+ units, breaks on both sides) standing there counts now: a firm orphan.
 *   - a one-sentence first paragraph printed again before the next paragraph (seed 14 ×3): the
 *     first pass placed it right, the one-sided neighbour pass moved it to the other printing,
 *     which took the next paragraph's shift: no move between lone printings of the old paragraph
 *     (the lines beside them differ on both sides; twinmove.ts) — an orphan.
 *   - LEFT, 3: a one-sentence paragraph set twice in a row (A S S B, or at the text's end), the
 *     pull quote before its source (seeds 34, 37 ×2): stutter.ts places it on the first copy by
 *     design (anchor15a; round13, round19 and neighbour-line tests). Which copy is new text nothing
 *     in the text says. Tried: an orphan for a one-sentence paragraph pair (a pull quote copies one
 *     sentence): outside3 1–40 99.2 / 8 → 99.1 / 0, but outside6 1–20 98.6 → 98.3 (stutter 99.7 →
 *     96.5: one-sentence paragraphs pasted twice are common there, where either copy is right) and
 *     4 tests of earlier rounds would change: not committed; the lead's call.
 * FRESH, once, seeds 281–320, on main 16fb8d2 (after anchor22a–e and the stutter narrowing; lead, 2026-12-07 09:55 UTC, CI beside it):
 *   99.2% placed, 0 wrong; ocr 97.5, mixed 97.7, sent_shuffle 98.2, pullquote 99.2.
 * LATER, development (anchor23b, 2026-12-07; main 4c8c203 → s23-anchor23b): 1–40 99.2% / 3 → 99.2% / 3
 *   (one new miss: seed 27 move_edit, a span whose smaller piece moved away, in a paragraph of a
 *   recorded look-alike's size: edges.ts smallerPieceBeside, for outside5 407). The three pullquote
 *   wrongs (34, 37 ×2) left as anchor22d left them: the bench sets a pull quote right BEFORE its
 *   source only where the source is the first paragraph after the title or the last paragraph
 *   (the insertion index clamped), and right AFTER it otherwise; nothing in the text says which copy
 *   is new, and outside6's stutter counts either copy right. A rule keyed to those two positions
 *   would fit the bench, not the kind.
 * LATER, development (anchor24a, 2026-12-07; main fe7a04c → s24-anchor24a; unit tests in
 *   tests/unit/anchoring-round49.test.ts), same texts, same hour: 321–360 99.0% / 8 wrong → 99.0% / 1
 *   (no other line of --list changed); 1–40 99.2% / 3 → 99.2% / 1 (seed 37 ×2 now right).
 *   - the closing line printed twice (a pull quote set right above the last paragraph; seeds 337 ×2,
 *     349 ×4, 37 ×2): the stored suffix ran to the old text's end, and only the second copy has it
 *     and then the end: a passage that closed the old text is the copy that still closes the new
 *     one (stutter.ts pairAtEdges; the stored position no longer holds a passage stored at the end
 *     once words follow it, index.ts atStoredPosition; restatedline.ts takes the end as the line's
 *     side). With the end lost (a footer after both copies) and the side's words beside either copy:
 *     an orphan.
 *   - a number rewritten in place (28岁 → 二十八岁) with its old form in a pull quote elsewhere (seed
 *     352): replaced.ts compares the replaced words read in Arabic digits: the copy is refused.
 *   - LEFT, 1: seed 329 (pullquote+resegment+republish): the pull quote (■ …) run into the closing
 *     paragraph before its source, a footer added: the first pass takes the copy with ■ between it
 *     and the stored prefix (the suffix empty, the end lost). Nothing but that prefix tells.
 *   Guards, same texts, same hour: outside6 1–40 98.6% / 0 → 98.6% / 0 (stutter 99.4 → 99.4; an
 *   earlier form that refused every edge-lost pair cost it 0.3), outside5 1–40 97.9% / 0 → 97.9% / 0
 *   (one new miss: seed 32 appendix, a closing sentence now followed by an appendix, an orphan),
 *   outside14 1–20 99.6% / 0 → 99.6% / 0. The committed form re-run on outside3 321–360 / 1–40 and
 *   outside6 1–40: the same --list lines. Default bench (once, same minute, before the last
 *   narrowing): every recall / wrong line the same; 113k/200 anchorAll CPU 94.8 → 92.6 ms.
 * FRESH (lead, 2026-12-07 ~16:00 UTC, main 20c8a4c, seeds 361–400, once): 99.2%, 2 wrong (seed 363
 * pullquote, seed 391 mixed move_edit+numerals+split_sentence), the same two with the session-
 * start code; ocr 97.7, mixed 97.5. Seen now: 1–400.
 * LATER (anchor25a, seen seeds 361–400, old 86a8d8f vs new, 2026-12-07 17:10–18:40 UTC, load ~30):
 *   99.2% / 2 wrong → 99.2% / 1; the only line changed: seed 391 (twin paragraphs, the twin moved
 *   right before the line that followed the passage, reading the stored context across that break)
 *   now an orphan (shared/anchoring/twinread.ts twinAcrossMovedLine). Left: seed 363 (a one-
 *   sentence heading set twice in a row by a pull quote before it): stutter.ts takes the first copy
 *   by design (anchor15a; tests round13/19/41/49, neighbour-line assert it, outside6's judge takes
 *   either copy); making it an orphan cost outside6 1–40 stutter 99.4 → 97.3 (tried, not kept).
 * FRESH (lead, 2026-12-07 ~19:20 UTC, main 70c26cf, seeds 401–440, once): 99.2%, 6 WRONG: seed 417
 * pullquote (2, the same with the session's starting code: a pull quote printed beside its paragraph,
 * the first-copy convention of stutter.ts), seed 412 mixed (3, on words the revision lost) and seed 420
 * mixed long (1). 412 and 420 are the same with the session's starting anchoring code on the same
 * texts (cnfix25 changed two corpus pages' text, which moved these seeds' scenarios). Seen now: 1–440.
 * LATER (anchor26b, seen seeds 401–440, old cd51e09 vs new, same texts, 2026-12-07 20:30–21:30 UTC,
 *   load 20–45; --list lines compared): 99.2% / 6 wrong → 99.2% / 3 (pullquote 99.5 → 99.4).
 *   - seed 420 (1): a one-sentence paragraph copied as a pull quote, then glossed in place (（见图）
 *     inside, （来源：…） beside it dropped): the pull quote, the only exact copy, with none of the
 *     stored context beside it, was taken. setapart.ts editedInOwnFrame: refused while the stored
 *     suffix's first 12 units stand right after the quote edited by at most a quarter, half the prefix
 *     before it. Now an orphan.
 *   - seed 417 (2): a pull quote set right before its one-sentence source paragraph (A S S B; the
 *     bench does so only where the insertion index is clamped), stutter.ts's first-copy convention
 *     took the pull quote. The judge calls the pull quote new text; outside6's judge takes either
 *     copy of a paste. Nothing in the pair tells; the text does tell that its revision sets sentences
 *     apart: setapart.ts pairAmongCopiesSetApart makes the pair an orphan where another sentence line
 *     (ending in a stop, 12+ units) stands inside a longer line at most two lines away. Cost: seed 412
 *     pullquote, 2 new misses (a pull quote set right AFTER its source, where the convention was
 *     right). An earlier form (any line inside a longer line, anywhere) cost outside6 1–40 stutter
 *     99.4 → 96.4 (long reads hold subheadings copied from paragraphs); the committed form: 99.4 → 99.4,
 *     the same --list.
 *   - LEFT, seed 412 mixed pullquote+gloss+section_swap (3): passages whose paragraphs the swap
 *     removed, placed on the 内容提要 line's copy of their sentence (the sentence's own context came
 *     along: 双摄像头, 11) and on a ■ pull quote with a gloss inside (pinned.ts, words alone between
 *     its neighbours). A summary line of two sentences from two old paragraphs, one of them gone, is
 *     not told from an abridged paragraph kept to its first sentence by anything I found in the time.
 *   Guards (old vs new, same texts): outside6 1–40 stutter 99.4 / 0 → 99.4 / 0 (same list), outside15
 *   1–20 99.7 / 0 → same list, outside5 1–20 97.7 / 1 → same list, outside8 441–480 97.2 / 3 → 97.2 / 1.
 * FRESH (lead, 2026-12-07 ~22:30 UTC, main 012c7e7, seeds 441–480, once): 99.1%, **4 WRONG** (all
 * mixed). With anchor26e's joinedcopy.ts (reverted) it read 13. Seen now: 1–480.
 * LATER (anchor27b, seen seeds 441–480, base 3b55d0d vs s27-anchor27b, same texts, 2026-12-07/08
 *   23:40–00:40 UTC, load 16–30; tests/unit/anchoring-round63.test.ts): 99.1% / 4 wrong → 99.1% / 3.
 *   - seed 467 (ocr+pullquote+list_prose): a paragraph printed again as a ■ pull quote two paragraphs
 *     below, an OCR pass dropping one unit of the source: the ■ paragraph came out nearer the old size
 *     (likestParagraph) and confirmedCopies `unrestated` moved the passage there, though its stored
 *     prefix ran on past the paragraph's break into the previous paragraph's words, beside the source
 *     only. pastedge.ts: a copy reading 8+ units of the stored context past its own paragraph's edge,
 *     more than the restated one, is not moved; not when the two paragraphs stand side by side
 *     (A S ■S B: each keeps one side; the first form made seed 479 pullquote wrong). Now right.
 *   - LEFT, seeds 477 and 478 ×2 (pullquote+resegment): the sentence printed twice in a row (S ■S S,
 *     or S S run into one paragraph), the later copy reading the stored suffix (the old next line),
 *     the first the old words before it (restBefore). Each copy keeps one side; nothing stored says
 *     which the pull quote is (the stutter convention's kind); an orphan rule would cost outside6.
 * FRESH (lead, 2026-12-08 ~01:30 UTC, final main of session 27, seeds 481–520, once): recall
 * 99.2%, 0 wrong. Seen now: 1–520.
 */

import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { anchorAll, describe } from '../../shared/anchoring';
import { corpusTexts, PROSE_DIR } from './anchoring-prose';
import {
  applyEdits,
  indexRevision,
  judge,
  original,
  placedOrigin,
  rebuild,
  type Edit,
  type Piece,
  type Tracked,
  type VerdictKind,
} from './anchoring-outside3-judge';
import { mulberry32 } from './seeded';

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
    if (text.length >= 400 && han >= text.length * 0.3) pages.push({ name, text });
  }
  return pages;
}

type Rng = () => number;

const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;

function shuffled<T>(rng: Rng, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

interface Article {
  name: string;
  text: string;
  long: boolean;
  /** Paragraphs of pages the article does not use: the source of inserted text. */
  foreign: string[];
}

function articleFor(seed: number, pages: readonly Page[]): Article {
  const rng = mulberry32(seed * 7919 + 17);
  const order = shuffled(rng, pages);
  const long = seed % 5 === 0;
  const used: Page[] = [];
  if (long) {
    const total = pages.reduce((n, p) => n + p.text.length + 1, 0);
    const target = int(rng, 60000, Math.max(60000, Math.min(120000, Math.floor(total * 0.8))));
    let length = 0;
    for (const p of order) {
      if (length >= target) break;
      if (length + p.text.length > 120000) continue;
      used.push(p);
      length += p.text.length + 1;
    }
  } else {
    used.push(order.find((p) => p.text.length >= 800) ?? (order[0] as Page));
  }
  const foreign = order.filter((p) => !used.includes(p)).flatMap((p) => p.text.split('\n').filter((l) => l.trim().length >= 20));
  return {
    name: long ? `long(${used.length} pages)` : (used[0] as Page).name,
    text: used.map((p) => p.text).join('\n'),
    long,
    foreign,
  };
}

// ---------------------------------------------------------------- segmentation

interface Span {
  start: number;
  end: number;
}

function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    if (end > start) out.push({ start, end });
    if (nl < 0) return out;
    start = nl + 1;
  }
}

const SENTENCE_END = /[。！？!?]+[”’」』）)]*/g;

/** Sentences of text[a, b): each ends after its 。！？ (and closing marks) or at b; leading spaces skipped. */
function sentencesIn(text: string, a: number, b: number): Span[] {
  const out: Span[] = [];
  const chunk = text.slice(a, b);
  let s = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(chunk); m; m = SENTENCE_END.exec(chunk)) {
    const e = m.index + m[0].length;
    pushTrimmed(out, chunk, a, s, e);
    s = e;
  }
  pushTrimmed(out, chunk, a, s, chunk.length);
  return out;
}

function pushTrimmed(out: Span[], chunk: string, base: number, s: number, e: number) {
  while (s < e && /\s/.test(chunk[s] ?? '')) s++;
  while (e > s && /\s/.test(chunk[e - 1] ?? '')) e--;
  if (e - s >= 2) out.push({ start: base + s, end: base + e });
}

function allSentences(text: string): Span[] {
  return paragraphs(text).flatMap((p) => sentencesIn(text, p.start, p.end));
}

/** Clauses of a sentence: parts between ，；：、 (the mark left out). */
function clausesIn(text: string, s: Span): Span[] {
  const out: Span[] = [];
  let a = s.start;
  for (let i = s.start; i <= s.end; i++) {
    if (i === s.end || /[，；：,;。！？!?]/.test(text[i] ?? '')) {
      let b = i;
      while (a < b && /[\s“”「」]/.test(text[a] ?? '')) a++;
      while (b > a && /[\s“”「」]/.test(text[b - 1] ?? '')) b--;
      if (b - a >= 4) out.push({ start: a, end: b });
      a = i + 1;
    }
  }
  return out;
}

const HAN = /\p{Script=Han}/u;
const isHan = (ch: string | undefined) => !!ch && HAN.test(ch);

function hanRun(rng: Rng, text: string, s: Span, min: number, max: number): Span | null {
  for (let tries = 0; tries < 20; tries++) {
    const len = int(rng, min, max);
    if (s.end - s.start < len) return null;
    const a = int(rng, s.start, s.end - len);
    let ok = true;
    for (let i = a; i < a + len; i++) if (!isHan(text[i])) ok = false;
    if (ok) return { start: a, end: a + len };
  }
  return null;
}

// ---------------------------------------------------------------- highlights

export const HIGHLIGHT_TYPES = ['sentence', 'clause', 'term', 'number', 'quote', 'cross', 'repeated', 'first', 'last'] as const;
type HighlightType = (typeof HIGHLIGHT_TYPES)[number];

interface Highlight extends Span {
  type: HighlightType;
}

const NUMBER = /\d+(?:[.,]\d+)*\s?(?:%|％|万|亿|元|年|月|日|人|个|家|次|岁|倍|名|件|项|公里|米|吨|天)?/g;
const QUOTED = /“([^”\n]{2,60})”/g;

function makeHighlights(rng: Rng, text: string, count: number): Highlight[] {
  const paras = paragraphs(text);
  const sentences = allSentences(text).filter((s) => s.end - s.start >= 8 && s.end - s.start <= 200);
  const numbers = [...text.matchAll(NUMBER)].filter((m) => m[0].length >= 2).map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const quotes = [...text.matchAll(QUOTED)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const out: Highlight[] = [];
  const seen = new Set<string>();
  const add = (type: HighlightType, s: Span | null) => {
    if (!s || s.end <= s.start || seen.has(`${s.start}:${s.end}`)) return false;
    seen.add(`${s.start}:${s.end}`);
    out.push({ ...s, type });
    return true;
  };
  const first = paras[0] as Span;
  add('first', { start: first.start, end: Math.min(first.end, first.start + int(rng, 4, 12)) });
  const lastPara = paras[paras.length - 1] as Span;
  let lastEnd = lastPara.end;
  while (lastEnd > lastPara.start + 1 && /[。！？\s]/.test(text[lastEnd - 1] ?? '')) lastEnd--;
  add('last', { start: Math.max(lastPara.start, lastEnd - int(rng, 4, 12)), end: lastEnd });
  const types = HIGHLIGHT_TYPES.filter((t) => t !== 'first' && t !== 'last');
  for (let i = 0, guard = 0; out.length < count && guard < count * 20; guard++) {
    const type = types[i % types.length] as HighlightType;
    const sentence = pick(rng, sentences);
    let span: Span | null;
    if (type === 'sentence') span = sentence;
    else if (type === 'clause') {
      const cs = clausesIn(text, sentence).filter((c) => c.end - c.start <= 60);
      span = cs.length ? pick(rng, cs) : null;
    } else if (type === 'term') span = hanRun(rng, text, sentence, 2, 4);
    else if (type === 'number') span = numbers.length ? pick(rng, numbers) : null;
    else if (type === 'quote') {
      const q = quotes.length ? pick(rng, quotes) : null;
      span = q && rng() < 0.5 ? { start: q.start + 1, end: q.end - 1 } : q;
    } else if (type === 'cross') span = crossSpan(rng, text, paras);
    else span = repeatedSpan(rng, text, sentences);
    if (add(type, span) || guard % 5 === 4) i++;
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

function crossSpan(rng: Rng, text: string, paras: readonly Span[]): Span | null {
  if (paras.length < 2) return null;
  const k = int(rng, 0, paras.length - 2);
  const a = paras[k] as Span;
  const b = paras[k + 1] as Span;
  const ss = sentencesIn(text, a.start, a.end);
  const startAt = ss.length ? (ss[ss.length - 1] as Span).start : a.start;
  const bs = sentencesIn(text, b.start, b.end);
  const endAt = bs.length ? Math.min((bs[0] as Span).end, b.start + 120) : Math.min(b.end, b.start + 40);
  if (a.end - startAt > 150 || endAt - b.start < 2) return null;
  return { start: startAt, end: endAt };
}

function repeatedSpan(rng: Rng, text: string, sentences: readonly Span[]): Span | null {
  for (let tries = 0; tries < 40; tries++) {
    const run = hanRun(rng, text, pick(rng, sentences), 4, 8);
    if (!run) continue;
    const phrase = text.slice(run.start, run.end);
    const at: number[] = [];
    for (let i = text.indexOf(phrase); i >= 0 && at.length < 50; i = text.indexOf(phrase, i + 1)) at.push(i);
    if (at.length < 2) continue;
    const chosen = pick(rng, at);
    return { start: chosen, end: chosen + phrase.length };
  }
  return null;
}

// ---------------------------------------------------------------- revision kinds

interface KindContext {
  rng: Rng;
  foreign: readonly string[];
  /** The highlights' quotes, for kinds that aim at highlighted sentences. */
  quotes: readonly { type: HighlightType; quote: string }[];
  long: boolean;
}

type Kind = (t: Tracked, c: KindContext) => Tracked;

const NUM_ZH = '〇一二三四五六七八九';

/** 0 ≤ n < 100000 in Chinese numerals (三十五, 一百零五, 十二). */
export function chineseNumber(n: number): string {
  if (n === 0) return '零';
  const units = ['', '十', '百', '千', '万'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i] as string;
    if (d === 0) zero = out.length > 0;
    else {
      if (zero) out += '零';
      zero = false;
      out += (d === 1 && unit === '十' && out === '' ? '' : '零一二三四五六七八九'[d]) + unit;
    }
  });
  return out;
}

function chineseToNumber(s: string): number | null {
  const d = (c: string) => '零一二三四五六七八九'.indexOf(c);
  if (/^[一二三四五六七八九]$/.test(s)) return d(s);
  let m = /^([一二三四五六七八九]?)十([一二三四五六七八九]?)$/.exec(s);
  if (m) return (m[1] ? d(m[1]) : 1) * 10 + (m[2] ? d(m[2]) : 0);
  m = /^([一二三四五六七八九])百(?:([一二三四五六七八九])十|零)?([一二三四五六七八九]?)$/.exec(s);
  if (m) return d(m[1] as string) * 100 + (m[2] ? d(m[2]) * 10 : 0) + (m[3] ? d(m[3]) : 0);
  return null;
}

function foreignSentence(c: KindContext, maxLen = 60): string {
  for (let tries = 0; tries < 20; tries++) {
    const p = pick(c.rng, c.foreign);
    const ss = sentencesIn(p, 0, p.length).filter((s) => s.end - s.start >= 10 && s.end - s.start <= maxLen);
    if (ss.length) {
      const s = pick(c.rng, ss);
      return p.slice(s.start, s.end);
    }
  }
  return '相关工作正在有序推进。';
}

function foreignClause(c: KindContext, min = 4, max = 16): string {
  for (let tries = 0; tries < 30; tries++) {
    const p = pick(c.rng, c.foreign);
    const s = sentencesIn(p, 0, p.length);
    if (!s.length) continue;
    const cs = clausesIn(p, pick(c.rng, s)).filter((x) => x.end - x.start >= min && x.end - x.start <= max);
    if (cs.length) {
      const x = pick(c.rng, cs);
      return p.slice(x.start, x.end);
    }
  }
  return '有关情况';
}

/** Positions (in t) of the highlights of `types` whose quote is still in t verbatim. */
function highlightedSentences(t: Tracked, c: KindContext, types: readonly HighlightType[]): Span[] {
  const out: Span[] = [];
  for (const q of c.quotes) {
    if (!types.includes(q.type) || q.quote.length < 8) continue;
    const at = t.text.indexOf(q.quote);
    if (at >= 0) out.push({ start: at, end: at + q.quote.length });
  }
  return out;
}

const republish: Kind = (t, c) => {
  const text = t.text;
  const edits: Edit[] = [{ at: 0, del: 0, ins: `编者按：${foreignSentence(c)}${foreignSentence(c)}\n` }];
  const paras = paragraphs(text);
  let n = 0;
  const every = c.long ? 8 : 4;
  paras.forEach((p, i) => {
    if (i === 0 || i % every !== 2 || c.rng() < 0.2) return;
    let title = '';
    if (c.rng() < 0.5) {
      const first = sentencesIn(text, p.start, p.end)[0];
      const clause = first ? clausesIn(text, first).find((x) => x.end - x.start <= 16) : undefined;
      if (clause) title = text.slice(clause.start, clause.end);
    }
    if (!title) title = foreignClause(c, 6, 14);
    n++;
    edits.push({ at: p.start, del: 0, ins: `${chineseNumber(n)}、${title}\n` });
  });
  edits.push({ at: text.length, del: 0, ins: `\n（本文有删节，原题为“${foreignClause(c, 6, 14)}”）` });
  return applyEdits(t, edits);
};

const resegment: Kind = (t, c) => {
  const text = t.text;
  const edits: Edit[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) edits.push({ at: i, del: 1, ins: '' });
  let group = int(c.rng, 1, 4);
  for (const s of allSentences(text)) {
    if (--group > 0) continue;
    group = int(c.rng, 1, 4);
    if (s.end >= text.length || text[s.end] === '\n') {
      group = 1; // an old break: the next sentence end takes the new one
      continue;
    }
    edits.push({ at: s.end, del: 0, ins: '\n' });
  }
  return applyEdits(t, edits);
};

const QUOTE_STYLE: Record<string, string> = {
  '“': '「',
  '”': '」',
  '‘': '『',
  '’': '』',
  '（': '(',
  '）': ')',
  '「': '“',
  '」': '”',
  '『': '‘',
  '』': '’',
};

const quoteStyle: Kind = (t) => {
  const text = t.text;
  const edits: Edit[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '。' && (text[i + 1] === '”' || text[i + 1] === '」')) {
      edits.push({ at: i, del: 2, ins: `${QUOTE_STYLE[text[i + 1] as string]}。`, rewrite: true });
      i++;
    } else if ((ch === '—' && text[i + 1] === '—') || (ch === '…' && text[i + 1] === '…')) {
      edits.push({ at: i, del: 2, ins: ch, rewrite: true });
      i++;
    } else if (QUOTE_STYLE[ch]) edits.push({ at: i, del: 1, ins: QUOTE_STYLE[ch] as string, rewrite: true });
  }
  return applyEdits(t, edits);
};

const ARABIC = /(\d+(?:\.\d+)?)(%|％|年|个|人|名|次|家|项|万|亿|天|岁|倍|条|位|种|元|月|日)/g;
const CHINESE_COUNT = /(第)?([一二三四五六七八九十百]{1,4})(个|项|次|条|名|家|年|天|位|种)?/g;

const numerals: Kind = (t, c) => {
  const text = t.text;
  const edits: Edit[] = [];
  for (const m of text.matchAll(ARABIC)) {
    if (c.rng() < 0.2 || /\d/.test(text[m.index - 1] ?? '')) continue;
    const [whole, num, unit] = m as unknown as [string, string, string];
    let zh: string;
    if (unit === '年' && /^\d{4}$/.test(num)) zh = num.replace(/\d/g, (d) => NUM_ZH[Number(d)] as string) + unit;
    else {
      const [int, frac] = num.split('.') as [string, string | undefined];
      if (int.length > 5) continue;
      const body = chineseNumber(Number(int)) + (frac ? `点${frac.replace(/\d/g, (d) => NUM_ZH[Number(d)] as string)}` : '');
      zh = unit === '%' || unit === '％' ? `百分之${body}` : body + unit;
    }
    edits.push({ at: m.index, del: whole.length, ins: zh, rewrite: true });
  }
  for (const m of text.matchAll(CHINESE_COUNT)) {
    const [whole, ordinal, num, unit] = m as unknown as [string, string | undefined, string, string | undefined];
    if (!ordinal && !unit) continue;
    const n = chineseToNumber(num);
    if (n === null || n < 2 || c.rng() < 0.2) continue;
    edits.push({ at: m.index, del: whole.length, ins: `${ordinal ?? ''}${n}${unit ?? ''}`, rewrite: true });
  }
  return applyEdits(t, edits);
};

const SPEECH = /(\p{Script=Han}{2,3})(?=指出|强调|表示|要求|认为|介绍|说[，：])/gu;

const honorific: Kind = (t) => {
  const text = t.text;
  const edits: Edit[] = [];
  for (const m of text.matchAll(SPEECH)) {
    const name = m[1] as string;
    if (/[他她我你们这那该其并也还都就又已将会要曾对在和与是则但而时中上后据]|同志/.test(name)) continue;
    edits.push({ at: m.index + name.length, del: 0, ins: '同志' });
  }
  for (const m of text.matchAll(/同志(?!们)|先生|女士/g)) edits.push({ at: m.index, del: 2, ins: '' });
  return applyEdits(t, edits);
};

const ITEM_MARK = /^(?:\d+[.、．]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|[●•■▲◆])\s*/;

const listProse: Kind = (t, c) => {
  const text = t.text;
  const paras = paragraphs(text);
  const edits: Edit[] = [];
  const touched = new Set<number>();
  // List → prose: a run of ≥ 3 short lines becomes one paragraph of ；-parts.
  let made = 0;
  for (let i = 0; i + 2 < paras.length && made < (c.long ? 4 : 1); i++) {
    let j = i;
    while (j < paras.length && (paras[j] as Span).end - (paras[j] as Span).start <= 80) j++;
    if (j - i < 3) continue;
    for (let k = i; k < j; k++) {
      const p = paras[k] as Span;
      touched.add(k);
      const mark = ITEM_MARK.exec(text.slice(p.start, p.end));
      if (k > i) edits.push({ at: p.start - 1, del: 1, ins: '' });
      if (mark) edits.push({ at: p.start, del: mark[0].length, ins: '' });
      const last = text[p.end - 1] ?? '';
      if (k < j - 1) {
        if (/[。；;.]/.test(last)) edits.push({ at: p.end - 1, del: 1, ins: '；', rewrite: true });
        else edits.push({ at: p.end, del: 0, ins: '；' });
      }
    }
    made++;
    i = j;
  }
  // Prose → list: a paragraph of ≥ 3 sentences or ；-parts becomes numbered lines.
  const candidates = paras
    .map((p, k) => ({ p, k }))
    .filter(
      ({ p, k }) =>
        !touched.has(k) &&
        !touched.has(k - 1) &&
        !touched.has(k + 1) &&
        sentencesIn(text, p.start, p.end).length + (text.slice(p.start, p.end).split('；').length - 1) >= 3,
    );
  for (const { p } of shuffled(c.rng, candidates).slice(0, c.long ? 4 : 1)) {
    let n = 1;
    edits.push({ at: p.start, del: 0, ins: '（一）' });
    for (let i = p.start; i < p.end - 1; i++) {
      const ch = text[i] as string;
      if (ch === '；') {
        edits.push({ at: i, del: 1, ins: '。', rewrite: true });
        edits.push({ at: i + 1, del: 0, ins: `\n（${chineseNumber(++n)}）` });
      } else if (/[。！？]/.test(ch) && !/[”」’』。！？]/.test(text[i + 1] ?? '')) {
        edits.push({ at: i + 1, del: 0, ins: `\n（${chineseNumber(++n)}）` });
      }
    }
  }
  return applyEdits(t, edits);
};

const moveEdit: Kind = (t, c) => {
  const paras = paragraphs(t.text);
  if (paras.length < 5) return sentenceMoveEdit(t, c);
  const k = int(c.rng, 1, Math.min(3, paras.length - 4));
  const i = int(c.rng, 1, paras.length - 1 - k);
  const block = paras.slice(i, i + k);
  const rest = [...paras.slice(0, i), ...paras.slice(i + k)];
  // Destination: before rest[j], at least two paragraphs from where the block was.
  const options = [];
  for (let j = 0; j <= rest.length; j++) if (Math.abs(j - i) >= 2) options.push(j);
  const j = pick(c.rng, options);
  const order = [...rest.slice(0, j), ...block, ...rest.slice(j)];
  const pieces: Piece[] = [];
  let blockStart = -1;
  let length = 0;
  order.forEach((p, n) => {
    if (n) {
      pieces.push({ add: '\n' });
      length++;
    }
    if (p === block[0]) blockStart = length;
    pieces.push({ keep: [p.start, p.end] });
    length += p.end - p.start;
  });
  const moved = rebuild(t, pieces);
  const blockEnd = blockStart + block.reduce((n, p) => n + p.end - p.start + 1, -1);
  return editInside(moved, { start: blockStart, end: blockEnd }, c);
};

/** A few edits inside `span`: a clause dropped, a clause inserted, a term replaced. */
function editInside(t: Tracked, span: Span, c: KindContext): Tracked {
  const text = t.text;
  const ss = paragraphs(text)
    .filter((p) => p.start >= span.start && p.end <= span.end)
    .flatMap((p) => sentencesIn(text, p.start, p.end));
  if (!ss.length) return t;
  const edits: Edit[] = [];
  const a = pick(c.rng, ss);
  const ca = clausesIn(text, a);
  if (ca.length >= 2) {
    const x = ca[0] as Span;
    edits.push({ at: x.start, del: x.end - x.start + 1, ins: '' }); // the clause and its mark
  }
  const b = pick(c.rng, ss);
  const comma = text.indexOf('，', b.start);
  if (comma >= 0 && comma < b.end) edits.push({ at: comma + 1, del: 0, ins: `${foreignClause(c)}，` });
  const term = hanRun(c.rng, text, pick(c.rng, ss), 2, 3);
  if (term) edits.push({ at: term.start, del: term.end - term.start, ins: foreignClause(c, 2, 4).slice(0, 3) });
  return applyEdits(t, edits);
}

function sentenceMoveEdit(t: Tracked, c: KindContext): Tracked {
  const ss = allSentences(t.text);
  if (ss.length < 4) return editInside(t, { start: 0, end: t.text.length }, c);
  const s = ss[int(c.rng, 0, ss.length - 3)] as Span;
  const moved = rebuild(t, [{ keep: [0, s.start] }, { keep: [s.end, t.text.length] }, { add: '\n' }, { keep: [s.start, s.end] }]);
  return editInside(moved, { start: moved.text.length - (s.end - s.start), end: moved.text.length }, c);
}

const CONNECTIVES = ['同时，', '此外，', '这', '其中，', '对此，', '与此同时，'];

const splitSentence: Kind = (t, c) => {
  const text = t.text;
  const long = (s: Span) => s.end - s.start >= 24;
  const all = allSentences(text).filter(long);
  const wanted = c.long ? 24 : 6;
  const marked = shuffled(c.rng, highlightedSentences(t, c, ['sentence', 'cross']).filter(long)).slice(0, wanted >> 1);
  const targets = [...marked, ...shuffled(c.rng, all).slice(0, wanted - marked.length)];
  const edits: Edit[] = [];
  const done = new Set<number>();
  for (const s of targets) {
    const mid = (s.start + s.end) >> 1;
    let best = -1;
    for (let i = s.start + 6; i < s.end - 6; i++) if (text[i] === '，' && (best < 0 || Math.abs(i - mid) < Math.abs(best - mid))) best = i;
    if (best < 0 || done.has(best)) continue;
    done.add(best);
    const connective = c.rng() < 0.5 ? pick(c.rng, CONNECTIVES) : '';
    edits.push({ at: best, del: 1, ins: '。', rewrite: true });
    if (connective) edits.push({ at: best + 1, del: 0, ins: connective });
  }
  // And the opposite: two sentences of a paragraph made one.
  const pairs = allSentences(text).filter((s) => text[s.end - 1] === '。' && isHan(text[s.end]));
  for (const s of shuffled(c.rng, pairs).slice(0, c.long ? 12 : 3)) {
    if (!done.has(s.end - 1)) edits.push({ at: s.end - 1, del: 1, ins: '，', rewrite: true });
  }
  return applyEdits(t, edits);
};

const LOOK_ALIKE: Record<string, string> = {
  己: '已',
  已: '己',
  巳: '已',
  未: '末',
  末: '未',
  日: '曰',
  曰: '日',
  人: '入',
  入: '人',
  土: '士',
  士: '土',
  天: '夭',
  千: '干',
  干: '千',
  于: '干',
  刀: '力',
  力: '刀',
  王: '玉',
  玉: '王',
  木: '本',
  本: '木',
  白: '自',
  自: '白',
  田: '由',
  由: '田',
  贝: '见',
  见: '贝',
  今: '令',
  令: '今',
  候: '侯',
  侯: '候',
  辨: '辩',
  辩: '辨',
  折: '拆',
  拆: '折',
  戊: '戌',
  戌: '戊',
  免: '兔',
  兔: '免',
  鸟: '乌',
  乌: '鸟',
  拔: '拨',
  拨: '拔',
  沉: '沈',
  0: 'O',
  1: 'l',
  5: 'S',
  8: 'B',
};

const ocr: Kind = (t, c) => {
  const text = t.text;
  const edits: Edit[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const swap = LOOK_ALIKE[ch];
    if (swap && c.rng() < 0.25) edits.push({ at: i, del: 1, ins: swap, rewrite: true });
    else if (isHan(ch) && c.rng() < 0.002) edits.push({ at: i, del: 1, ins: '' });
  }
  return applyEdits(t, edits);
};

const sectionSwap: Kind = (t, c) => {
  const text = t.text;
  const paras = paragraphs(text);
  let from: number;
  let to: number;
  if (paras.length >= 5) {
    const share = c.long ? 0.1 + c.rng() * 0.15 : 0.33;
    const count = Math.max(1, Math.round(paras.length * share));
    const first = Math.max(1, Math.round((paras.length - count) / 2 + (c.rng() - 0.5) * paras.length * 0.2));
    const last = Math.min(paras.length - 2, first + count - 1);
    from = (paras[first] as Span).start;
    to = (paras[last] as Span).end;
  } else {
    const ss = allSentences(text);
    if (ss.length < 3) return t;
    const a = Math.floor(ss.length / 3);
    from = (ss[a] as Span).start;
    to = (ss[Math.max(a, Math.floor((2 * ss.length) / 3) - 1)] as Span).end;
  }
  const lines: string[] = [];
  let length = 0;
  const start = int(c.rng, 0, Math.max(0, c.foreign.length - 1));
  for (let k = start; length < to - from && lines.length < c.foreign.length; k = (k + 1) % c.foreign.length) {
    const line = c.foreign[k] as string;
    lines.push(line);
    length += line.length + 1;
  }
  return applyEdits(t, [{ at: from, del: to - from, ins: lines.join('\n') }]);
};

const FILLERS = ['进一步', '不断', '切实', '积极', '认真', '全面', '深入', '大力', '持续', '有效', '加快'];
const VERBS = /推进|加强|推动|提高|做好|落实|完善|建设|提升|实施|开展|优化|增强|促进|保障|改善|解决/g;
const OPENERS = ['此外，', '目前，', '据悉，', '同时，', '另外，'];

const filler: Kind = (t, c) => {
  const text = t.text;
  const edits: Edit[] = [];
  const fillerAt = new RegExp(FILLERS.join('|'), 'g');
  for (const m of text.matchAll(fillerAt)) if (c.rng() < 0.5) edits.push({ at: m.index, del: m[0].length, ins: '' });
  const removedEnds = new Set(edits.map((e) => e.at + e.del));
  for (const m of text.matchAll(VERBS)) {
    if (removedEnds.has(m.index) || FILLERS.some((f) => text.endsWith(f, m.index)) || c.rng() >= 0.35) continue;
    edits.push({ at: m.index, del: 0, ins: pick(c.rng, FILLERS) });
  }
  if (edits.length < 5) {
    const commas = [...text.matchAll(/，/g)].map((m) => m.index);
    for (const at of shuffled(c.rng, commas).slice(0, c.long ? 60 : 6)) edits.push({ at: at + 1, del: 0, ins: pick(c.rng, OPENERS) });
  }
  return applyEdits(t, edits);
};

const pullquote: Kind = (t, c) => {
  const text = t.text;
  const paras = paragraphs(text);
  const sentences = allSentences(text).filter((s) => s.end - s.start >= 12 && s.end - s.start <= 120);
  if (!sentences.length) return t;
  const marked = shuffled(
    c.rng,
    highlightedSentences(t, c, ['sentence']).filter((s) => s.end - s.start <= 120),
  );
  const chosen = (n: number) => [...marked.splice(0, Math.ceil(n / 2)), ...shuffled(c.rng, sentences)].slice(0, n);
  const summary = chosen(2).map((s) => text.slice(s.start, s.end));
  const edits: Edit[] = [{ at: 0, del: 0, ins: `内容提要：${summary.join('')}\n` }];
  for (const s of chosen(c.long ? 10 : 3)) {
    const k = paras.findIndex((p) => p.start <= s.start && s.end <= p.end);
    // A one-paragraph text has no other paragraph to put a pull quote before.
    if (k < 0 || paras.length < 2) continue;
    const at = Math.max(1, Math.min(paras.length - 1, k + pick(c.rng, [-2, -1, 1, 2])));
    const q = text.slice(s.start, s.end);
    edits.push({ at: (paras[at] as Span).start, del: 0, ins: `${c.rng() < 0.5 ? '■ ' : ''}${q}\n` });
  }
  return applyEdits(t, edits);
};

const sentShuffle: Kind = (t, c) => {
  const text = t.text;
  const pieces: Piece[] = [];
  let pos = 0;
  for (const p of paragraphs(text)) {
    const ss = sentencesIn(text, p.start, p.end);
    if (ss.length < 3 || c.rng() >= 0.4) continue;
    const parts = ss.map((s) => [s.start, s.end] as [number, number]);
    const a = int(c.rng, 0, parts.length - 1);
    let b = int(c.rng, 0, parts.length - 2);
    if (b >= a) b++;
    const [moved] = parts.splice(a, 1);
    parts.splice(b, 0, moved as [number, number]);
    if (p.start > pos) pieces.push({ keep: [pos, p.start] });
    for (const part of parts) pieces.push({ keep: part });
    pos = p.end;
  }
  if (pos < text.length) pieces.push({ keep: [pos, text.length] });
  return rebuild(t, pieces);
};

const gloss: Kind = (t, c) => {
  const text = t.text;
  const edits: Edit[] = [];
  for (const m of text.matchAll(/（[^（）\n]{1,30}）/g)) if (c.rng() < 0.5) edits.push({ at: m.index, del: m[0].length, ins: '' });
  const ends = [...text.matchAll(/[，。；]/g)].map((m) => m.index).filter((i) => isHan(text[i - 1]) && isHan(text[i - 2]));
  for (const at of shuffled(c.rng, ends).slice(0, Math.ceil(text.length / 250))) {
    if (edits.some((e) => at >= e.at && at <= e.at + e.del)) continue;
    const term = text.slice(at - 2, at);
    const note = pick(c.rng, [
      `（以下简称“${term}”）`,
      '（下同）',
      '（见图）',
      `（注：${foreignClause(c, 4, 12)}）`,
      `（${foreignClause(c, 2, 6)}）`,
    ]);
    edits.push({ at, del: 0, ins: note });
  }
  return applyEdits(t, edits);
};

export const KINDS: Record<string, Kind> = {
  republish,
  resegment,
  quote_style: quoteStyle,
  numerals,
  honorific,
  list_prose: listProse,
  move_edit: moveEdit,
  split_sentence: splitSentence,
  ocr,
  section_swap: sectionSwap,
  filler,
  pullquote,
  sent_shuffle: sentShuffle,
  gloss,
};

const KIND_NAMES = [...Object.keys(KINDS), 'mixed'];

function revise(kind: string, text: string, c: KindContext): { rev: Tracked; parts: string[] } {
  if (kind !== 'mixed') return { rev: (KINDS[kind] as Kind)(original(text), c), parts: [kind] };
  const parts = shuffled(c.rng, Object.keys(KINDS)).slice(0, 3);
  let rev = original(text);
  for (const p of parts) rev = (KINDS[p] as Kind)(rev, c);
  return { rev, parts };
}

// ---------------------------------------------------------------- run

interface Tally {
  highlights: number;
  surviving: number;
  right: number;
  wrong: number;
  short: number;
  lost: number;
  remains: number;
}

const tally = (): Tally => ({ highlights: 0, surviving: 0, right: 0, wrong: 0, short: 0, lost: 0, remains: 0 });

function count(t: Tally, v: VerdictKind, surviving: boolean) {
  t.highlights++;
  if (surviving) t.surviving++;
  else t.lost++;
  if (v === 'right') t.right++;
  else if (v === 'wrong') t.wrong++;
  else if (v === 'short') t.short++;
  else if (v === 'remains') t.remains++;
}

const pct = (a: number, b: number) => (b ? Math.round((1000 * a) / b) / 10 : 100);

function parseSeeds(args: readonly string[]): number[] {
  const i = args.indexOf('--seeds');
  const spec = i >= 0 ? (args[i + 1] ?? '') : '1-40';
  const m = /^(\d+)(?:-(\d+))?$/.exec(spec);
  if (!m) throw new Error(`--seeds 应为 a-b 或 n，收到：${spec}`);
  const a = Number(m[1]);
  const b = Number(m[2] ?? m[1]);
  return Array.from({ length: Math.max(0, b - a + 1) }, (_, k) => a + k);
}

const show = (text: string, a: number, b: number, around = 14) =>
  `${text.slice(Math.max(0, a - around), a)}【${text.slice(a, Math.min(b, a + 60))}${b - a > 60 ? '…' : ''}】${text.slice(b, b + around)}`.replace(
    /\n/g,
    '⏎',
  );

/** (Original body units not kept + new body units) / original body units: how much a revision changed. */
function editedShare(old: string, j: ReturnType<typeof indexRevision>): number {
  let body = 0;
  let changed = 0;
  for (let o = 0; o < old.length; o++) {
    if (/\s/.test(old[o] as string)) continue;
    body++;
    if (!j.kept[o]) changed++;
  }
  for (let p = 0; p < j.rev.text.length; p++) if (j.rev.from[p] === -1 && !/\s/.test(j.rev.text[p] as string)) changed++;
  return body ? changed / body : 0;
}

export function benchAnchorOutside3(args: readonly string[] = []): Record<string, number> {
  const pages = loadPages();
  if (!pages || pages.length < 5) {
    process.stderr.write(`anchor3: skipped, no Chinese pages at ${PROSE_DIR} (the corpora are not in this checkout)\n`);
    return {};
  }
  const seeds = parseSeeds(args);
  const k = args.indexOf('--kind');
  const kinds = k >= 0 ? [args[k + 1] ?? ''] : KIND_NAMES;
  for (const kind of kinds) if (!KIND_NAMES.includes(kind)) throw new Error(`未知的修订类型：${kind}（可用：${KIND_NAMES.join('、')}）`);
  const list = args.includes('--list');
  const total = tally();
  const byKind = new Map<string, Tally>();
  const byType = new Map<string, Tally>();
  const editShare = new Map<string, number[]>();
  const longCpu: number[] = [];
  for (const seed of seeds) {
    const article = articleFor(seed, pages);
    const old = article.text;
    const hs = makeHighlights(mulberry32(seed * 31 + 5), old, article.long ? 200 : 40);
    const selectors = hs.map((h) => describe(old, h.start, h.end));
    const quotes = hs.map((h) => ({ type: h.type, quote: old.slice(h.start, h.end) }));
    kinds.forEach((kind) => {
      const c: KindContext = {
        rng: mulberry32(seed * 1009 + KIND_NAMES.indexOf(kind) * 101 + 3),
        foreign: article.foreign,
        quotes,
        long: article.long,
      };
      const { rev, parts } = revise(kind, old, c);
      const c0 = process.cpuUsage();
      const placed = anchorAll(rev.text, selectors);
      const c1 = process.cpuUsage(c0);
      if (article.long) longCpu.push((c1.user + c1.system) / 1000);
      const j = indexRevision(rev);
      (editShare.get(kind) ?? editShare.set(kind, []).get(kind))!.push(editedShare(old, j));
      hs.forEach((h, i) => {
        const p = placed[i] ?? null;
        const v = judge(old, j, h, p);
        count(total, v.kind, v.surviving);
        count(byKind.get(kind) ?? byKind.set(kind, tally()).get(kind)!, v.kind, v.surviving);
        count(byType.get(h.type) ?? byType.set(h.type, tally()).get(h.type)!, v.kind, v.surviving);
        if (!list || (v.kind !== 'miss' && v.kind !== 'wrong' && v.kind !== 'short')) return;
        const label = kind === 'mixed' ? `mixed(${parts.join('+')})` : kind;
        const lines = [
          `${v.kind.toUpperCase()} seed ${seed} ${label} ${article.name} ${h.type} old ${h.start}-${h.end} kept ${Math.round(v.keptShare * 100)}%${v.surviving ? '' : ' (lost)'}`,
          `  old:    ${show(old, h.start, h.end)}`,
          v.truth ? `  truth:  ${v.truth[0]}-${v.truth[1]} ${show(rev.text, v.truth[0], v.truth[1])}` : '  truth:  nothing left',
        ];
        if (p) {
          const from = placedOrigin(j, p);
          const whence = from === 'new' ? 'new text' : `old ${from} (${from - h.start >= 0 ? '+' : ''}${from - h.start} from its own)`;
          lines.push(
            `  placed: ${p.start}-${p.end} share ${Math.round(v.share * 100)}% cover ${Math.round(v.cover * 100)}%, from ${whence} ${show(rev.text, p.start, p.end)}`,
          );
          if (from !== 'new') lines.push(`  there in old: ${show(old, from, from + (h.end - h.start))}`);
        }
        process.stdout.write(`${lines.join('\n')}\n`);
      });
    });
  }
  const out: Record<string, number> = {
    anchor_out3_recall_pct: pct(total.right, total.surviving),
    anchor_out3_wrong: total.wrong,
    anchor_out3_highlights: total.highlights,
    anchor_out3_surviving: total.surviving,
    anchor_out3_short: total.short,
    anchor_out3_lost: total.lost,
    anchor_out3_lost_on_remains: total.remains,
  };
  for (const kind of kinds) {
    const t = byKind.get(kind) ?? tally();
    const shares = editShare.get(kind) ?? [];
    out[`anchor_out3_${kind}_recall_pct`] = pct(t.right, t.surviving);
    out[`anchor_out3_${kind}_wrong`] = t.wrong;
    out[`anchor_out3_${kind}_surviving`] = t.surviving;
    out[`anchor_out3_${kind}_edit_pct`] = pct(
      shares.reduce((a, b) => a + b, 0),
      shares.length,
    );
  }
  for (const type of HIGHLIGHT_TYPES) {
    const t = byType.get(type) ?? tally();
    out[`anchor_out3_type_${type}_recall_pct`] = pct(t.right, t.surviving);
    out[`anchor_out3_type_${type}_wrong`] = t.wrong;
  }
  if (longCpu.length) {
    longCpu.sort((a, b) => a - b);
    out.anchor_out3_long_anchorall_cpu_ms_median = Math.round(longCpu[longCpu.length >> 1] as number);
    out.anchor_out3_long_anchorall_cpu_ms_max = Math.round(longCpu[longCpu.length - 1] as number);
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  for (const [key, value] of Object.entries(benchAnchorOutside3(process.argv.slice(2)))) process.stdout.write(`${key}: ${value}\n`);
}
