/**
 * Anchoring benchmark: 1,000 highlights on a ~300,000-unit generated article, re-anchored on
 * the unchanged text and on a version with 20% of its paragraphs edited; compared with the
 * approx-string-match approach of the Hypothesis client. Then seeded scenarios of each edit
 * kind (repeated passages, edits inside passages, moved paragraphs, 1–4-unit highlights,
 * deleted paragraphs) and a 113k-unit article with 200 highlights and all kinds at once.
 * Run: npx tsx tests/bench/anchoring.ts [--tune]
 *
 * Seeds: the algorithm was tuned on scenario seeds 1–10 (`--tune` prints those with every
 * miss). Held-out sets are used once: 1001–1010 (two wrong placements looked at, one rule
 * tightened), then 3001–3010 (only its totals seen: wrong placements among short quotes, the
 * margin for short quotes widened on tuning data), then 5001–5010 and 11–30 (every wrong
 * placement looked at, in the second round of fixes for "never wrong"), then 7001–7010 (its
 * three wrong placements looked at: one more rule, for approximate look-alikes), so the
 * reported numbers now come from fresh seeds 9001–9010. `--seeds a-b` lists the wrong
 * placements and misses of any range (`--wrong`: wrong ones only).
 *
 * Second-round fixes, each for a kind of wrong placement seen on 5001–5010 and 11–30:
 * - an approximate place whose end was pulled onto inserted words that looked like the stored
 *   suffix: places keep the quote's own first / last unit unless a 16-unit run backs the edge;
 * - 1–4-unit quotes "backed" by the next paragraph after their own paragraph was deleted: a
 *   run past a paragraph break counts only if the other side agrees too (also for approximate
 *   quotes under 16 units);
 * - a quote found whole elsewhere while its own place, context intact, was rewritten;
 * - a copy of a repeated passage chosen on template-level context far from the old place after
 *   its own copy was deleted;
 * - a deleted template sentence placed approximately on one with other numbers (7001–7010): an
 *   approximate match with no long intact side needs context 0.65.
 * Result on the fresh seeds 9001–9010 (run once, after all of the above): 3 wrong placements
 * (main's code: 2, the first-round code: 3), recall 98.40% (main 93.27%): the targets of 0
 * wrong and 99% are not met there. Its wrong ones are destroyed passages placed on template
 * look-alikes (7–17 units, one side fairly intact), one of them a sentence pair the generator
 * repeated with most of its context; rules found so far for them cost 0.2 recall points.
 * Judge fixes (see anchoring-corpus.ts): edits record the units they keep at their ends, a
 * placement inside an edited passage's extent made narrower by inserted copies of its own edge
 * words is right, and so is the exact quote right against 8 of its own old neighbours (a
 * deleted block that starts and ends with the same words can be read either way).
 *
 * Third round (issue 12 item 4, "0 wrong, general not fitted"): a second corpus of real Chinese
 * prose (anchoring-prose.ts: the news pages of ../shared/corpora, read in place, with the same
 * edits plus re-typesetting; `anchor_prose_*` lines). Seeds looked at while changing the code:
 * generated 20001–20040 (every wrong placement and many misses) and 20041–20080 (its wrong
 * placements, for one more rule); prose 1–20. Rules added: a kept paragraph edge counts as half-
 * matched context (a whole paragraph found again, as matched); no far placement with one side
 * lost unless a paragraph edge explains it; no far copy of a repeated sentence chosen on the
 * words past it; an approximate match whose stored context resumes just past a loose end is an
 * orphan; an exact quote under 24 units needs 4 exact context units next to it. Judge fix:
 * white space inserted by re-typesetting is no damage.
 * Evaluated once, at the end, on fresh seeds 11001–11010 for both corpora (before = main's code
 * at d1de850, after = this code, same bench):
 *   generated: recall 98.92% → 99.49%, wrong 3 → 1 (a deleted 30-unit template sentence placed on
 *     one with other numbers and names: "第9期调研小组…" on "第2期流动课堂…"), 113k recall
 *     97.50% → 99.27%;
 *   real prose: recall 94.30% → 98.46%, wrong 1 → 0 (moved paragraphs 91.16% → 98.90%, the 60k
 *     article 85.73% → 97.44%).
 * The targets (≥ 99% recall and 0 wrong on unseen edits) are met for the generated recall only.
 * (11001–11010 were then seen: its generated wrong placement is a unit test now.)
 *
 * Fourth round (issue 12 item 4 again): scenarios are now anchored as a batch with anchorAll(),
 * as the re-anchor job does, and log lines name the seed and the old span. Seeds looked at while
 * changing the code: prose 1–50 (every wrong placement, the misses of 1–20 classified),
 * generated 1–20 and 20001–20030 (wrong placements), 11001 (one wrong placement). Classes of
 * miss seen on prose 1–20: copies of a repeated sentence whose own context was edited (the
 * largest), moved paragraphs with their neighbours changed, 1–4-unit quotes, whole paragraphs
 * edited 10–25%, the 60k mixed article (half the misses). Rules added: a second pass in
 * anchorAll looks for orphans inside the window their nearest placed neighbours imply when the
 * neighbours moved alike, and moves a placed copy of a repeated quote into that window when
 * the quote is found whole there; a far place whose context matches only inside the quote's own
 * sentence is a copy; a context side nearly intact (≤ 3 units differ) is strong context; an
 * approximate match whose numbers or Latin words differ needs a long intact run around it; a
 * paragraph under 24 units found whole may differ in a tenth of its units, not a fifth.
 * Evaluated once, at the end, on fresh seeds (before = main's code at eeea2fe under this same
 * bench, after = this code), on a machine with load average 17–22 on 2 cores:
 *   generated 31001–31010: recall 99.28% → 99.28%, wrong 1 → 1 (the same: a deleted 3-unit
 *     quote "证了这" placed on a copy by its context, 113k article); 113k recall 98.46% → 98.46%;
 *   real prose 301–320: recall 98.82% → 98.77%, wrong 5 → 3 (gone: two short captions found
 *     whole on a look-alike; left: a copy of a repeated 6-unit phrase chosen on its context, and
 *     two placements on a repeated clause in the 60k mixed article).
 *   113k/200 anchorAll: CPU median 106 ms → 132 ms, wall 966 → 1301 ms under that load.
 * The targets (≥ 99% and 0 wrong on unseen edits, ≤ 100 ms) are not met on real prose.
 * (31001–31010 and 301–320 are seen from here on.)
 *
 * Fifth round (issue 12 item 4, "prefer an orphan when the evidence is ambiguous"): only the
 * failures of generated 50001–50050 and prose 500–549 were looked at. Kinds of wrong placement
 * found there, each fixed in general terms with a hand-made test (anchoring-copies.test.ts):
 * - a kept paragraph edge chose between copies of a repeated passage with the same words up to
 *   the edge (the passage's own copy deleted): the edge credit no longer tells copies apart;
 * - context matched through a template sentence whose numbers were all other ones: past the
 *   exact run, a side whose numbers / Latin words are all replaced by others counts as unmatched;
 * - a long exact run that is only the quote's own sentence made a side "solid" far away: a run
 *   must reach past the sentence (quotes inside one sentence, away from a kept paragraph edge);
 * - the neighbour pass skipped placements whose score rounded to 1 (a copy with all its context):
 *   only a passage at its stored position is skipped now;
 * - a copy chosen on template words outside the shifts its placed neighbours allow (no certain
 *   window because a block was deleted between them): an orphan.
 * Speed: Scored objects are built field by field (a spread of ~30 fields made slow objects)
 * and the comparison form is decoded in one TextDecoder call: the same placements, 113k/200
 * CPU about 2.5 times lower.
 * Development seeds after the fixes: generated recall 99.21% → 99.16%, wrong 5 → 2; prose
 * 98.99% → 98.92%, wrong 8 → 5 (left: long unique or edited copies the judge calls destroyed, one
 * boundary over inserted words).
 * Evaluated once, at the end, on fresh seeds (before = the code at 365bfe0, same bench), load
 * average 19–22 on 2 cores throughout:
 *   generated 41001–41020: recall 99.29% → 99.29%, wrong 7 → 4 (113k: 98.67% → 98.71%, 1 → 0);
 *   real prose 401–430: recall 98.66% → 98.61%, wrong 6 → 4 (60k: 97.68% → 97.58%, 2 → 2);
 *   113k/200 anchorAll CPU median 91 → 44 ms (wall 1125 → 1093 ms under that load).
 * The targets of 0 wrong and ≥ 99% on real prose are still not met. (41001–41020 and 401–430
 * are seen from here on.)
 *
 * Sixth round (issue 12 item 4): the failures of generated 60001–60060 and prose 600–660 were
 * looked at, every wrong placement one by one. Main's code there: generated 99.19%, 3 wrong;
 * prose 98.72%, 11 wrong (10 of them in the `repeated` kind). What they were:
 * - 7 prose: a repeated sentence longer than quote + 64 units, so every copy has the same stored
 *   context and decide() chose by the old position alone; the passage's own copy was deleted
 *   (or had moved farther than another copy). Real cause. Fix: such a choice (chosenByPosition)
 *   stands in anchorAll only inside the window, tight or loose, that placed neighbours imply;
 *   with neighbours that do not confirm it, an orphan (a lone highlight keeps the guess).
 * - 1 generated (60043): template words inserted inside a passage ended like the stored prefix
 *   ("…结合起来，做", a 6-unit run) and went on like its head, so a shorter extent over them passed;
 *   the passage's true extent held 57 inserted units of 73. Real cause. Fix: a boundary with an
 *   exact run under 8 units (was 4) is loose, so contextResumesFarther sees the prefix go on
 *   just before the real head and orphans it.
 * - 1 generated (60029): judge artefact. A copy of a repeated sentence ended its paragraph, as the
 *   passage's own copy did; the paragraphs between were deleted, so the copy is now followed by
 *   the paragraph that followed the passage. Deleting [X, Y) with old[X − n, X) = old[Y − n, Y) is
 *   the same text as deleting [X − n, Y − n): no diff can tell which copy went. Judge fix
 *   (slidDeletion in anchoring-corpus.ts): such a placement is right.
 * - Left, real: 3 prose passages on the one copy left of a repeated sentence (32, 10 and 82
 *   units; unique in the new text, context matching only inside the sentence, near the old place
 *   or with a side wholly inside the sentence) and one 88-unit sentence in the 60k article; one
 *   generated 3-unit quote ("《实践") on a template sentence far away (context about 0.7, runs
 *   of 10 and 17 units, one across a paragraph break the old text did not have). Rules tried for
 *   the first kind, not kept: no unique-quote shortcut for a sentence copy (removed none, cost
 *   0.01–0.02 recall points); orphan a placement outside its neighbours' window whose context
 *   stops at its own sentence (removed one, cost 0.04–0.05 points on both corpora).
 * Development seeds, same bench and judge (main → this code): generated 99.20% → 99.19%, wrong
 *   2 → 1; prose 98.83% → 98.82%, wrong 11 → 4.
 * Why prose recall is under 99% (misses of main's code on 600–660, 314 of 24,700): a third are
 * 1–4-unit quotes, half are in the 60k mixed article, the rest moved or lightly edited passages of
 * 5–63 units whose context was edited too (e.g. a sentence found whole at its paragraph start
 * whose suffix side, 6 units inserted after a 20-unit run, falls one unit short of "solid").
 * Definition of surviving (survives() in anchoring-corpus.ts): intact, or edited inside with
 * first and last unit kept and damage ≤ 20% of the quote; a 1–4-unit quote also needs 8 units
 * next to it on one side still next to it. Until now those 8 units could be the next paragraph's
 * first words; 31 of the 103 1–4-unit misses had nothing else, and no reader knows "身份" again by
 * whatever paragraph now follows it (paragraphs move on their own). From this round they must lie
 * in the quote's own paragraph; the earlier definition is still reported
 * (`anchor_recall_across_breaks_pct`, `anchor_prose_recall_across_breaks_pct`).
 * Evaluated once, at the end, on fresh seeds (before = main's code at 49c72c7 under this same
 * bench and judge, after = this code), load average 19–21 on 2 cores throughout:
 *   generated 70001–70030: recall 99.38% → 99.38% (earlier definition 99.36% → 99.36%),
 *     wrong 0 → 0; 113k: 99.02% → 99.02%, 0 → 0;
 *   real prose 700–739: recall 98.89% → 98.87% (earlier definition 98.75% → 98.73%), wrong 4 → 3
 *     (60k: 97.91% → 97.91%, wrong 3 → 2; the `repeated` kind 98.68% → 98.49%, 1 → 1).
 *   113k/200 anchorAll, first call on each fresh article: CPU median 43.8 → 42.0 ms (wall 287 →
 *   341 ms under that load); warmed up (speedAgainstBaseline, 70001–70003): 34–55 ms CPU, 21–63
 *   times less CPU than the Hypothesis client's per-highlight search on the same article.
 * The targets of ≥ 99% recall and 0 wrong are met on the generated corpus and not on real prose.
 * (70001–70030 and 700–739 are seen from here on.)
 *
 * Seventh round (issue 12 item 4): the failures of generated 80001–80060 and prose 700–739 and
 * 800–860 were looked at one by one (main's code there: generated 99.33%, 2 wrong; prose 800–860
 * 98.78%, 8 wrong; 700–739 98.87%, 3 wrong). Judge artefact (fixed in sameWordsInside, with its
 * justification there): edge units compared raw, where the comparison form folds them ("、现在，"
 * inserted after "、" is "、现在" inserted before "，"): prose 836 and 710. Real causes, each a
 * hand-made test in anchoring-round7.test.ts:
 * - a run up to a sentence end at the stored side's last unit was "past the sentence" (the side
 *   is the sentence only), and the unique-quote shortcut took a copy whose context was only its
 *   own sentence (715); a quote ending its sentence wrongly counted the next sentence as its own;
 * - a copy chosen near the old place by a kept paragraph edge among copies sharing the runs
 *   (821, 822, 860): now a guess, kept in a batch only where neighbours put it, or when a highlight
 *   close by in the old text moved by the same amount (which also recovers earlier guesses);
 * - a long repeated sentence found whole with all its context while the stored context stands,
 *   nearer the old place, around the passage's rewritten words (849): an orphan;
 * - kept edges of a short paragraph (a caption) counted as a long exact run for an approximate
 *   match (702);
 * - a far copy whose "own" side was only the rest of its sentence, another copy sharing the other
 *   side's run (809, generated 80012);
 * Development seeds after the fixes: generated 99.33% → 99.29%, wrong 2 → 1 (80041: a 1-unit
 * quote whose paragraph was deleted, placed on a template sentence whose 30 of 32 prefix units and
 * 13-unit suffix run match: left); prose 800–860 98.78% → 98.78%, 8 → 0; 700–739 98.87% → 98.89%,
 * 3 → 0.
 * The independent bench (anchoring-independent.ts, written without reading this code) was merged
 * at 4c8e0e3; its seeds 1–40 measured before its failures were looked at: main 99.6%, 46 wrong →
 * this code 99.6%, 36 wrong. Its largest class (a repeated heading: both copies whole paragraphs,
 * so the kept-edge credit made them equal and the old offset chose) was then fixed in general
 * terms (preferMatched: the copy whose neighbours' words really match wins): 99.7%, 22 wrong.
 * Evaluated once, at the end, on fresh seeds (before = main's shared/anchoring, last changed at 533e1fd, under this same
 * bench and judge, after = this code), load average 10–13 on 2 cores:
 *   generated 90001–90030: recall 99.23% → 99.19% (earlier definition 99.20% → 99.16%), wrong
 *     0 → 0; 113k: 98.64% → 98.49%, 0 → 0;
 *   real prose 900–939: recall 98.64% → 98.62% (earlier definition 98.56% → 98.54%), wrong 2 → 2
 *     (the same two for both: an edited passage's extent ending 3 units past its true end, and a
 *     destroyed 85-unit passage in the 60k article); 60k: 97.11% → 97.01%;
 *   independent bench, seeds 41–80 (fresh for both): recall 99.6% → 99.7%, wrong 34 → 13;
 *   113k/200 anchorAll, first call on each fresh article: CPU median 36.7 → 43.0 ms (wall 204 →
 *   245 ms under that load).
 * The targets (≥ 99% and 0 wrong on unseen edits) are met on the generated corpus, not on real
 * prose. HELD_OUT_SEEDS below are these fresh seeds: treat them as seen from here on.
 *
 * Eighth round (the independent bench's classes 1 and 2, seeds 1–80 looked at): preferMatched
 * took the first copy matching somewhat better, not the best-matched one; a whole-quote match
 * convincing only by kept-edge credit ended the search before the lightly edited original (its
 * neighbours really there) was tried; anchorAll's expected shift came from neighbours that were
 * themselves guesses among copies. Fixed in general terms, tests in anchoring-round8.test.ts.
 * Seen seeds: independent 1–40 wrong 19 → 14, 41–80 15 → 12; this bench prose 800–830 and
 * generated 80001–80030 unchanged (0 wrong). Fresh, run once: independent seeds 121–160 99.8% →
 * 99.8%, 10 → 10 wrong (7 highlights whose own words were lost placed on a near-copy, 4 on a copy
 * of a paragraph the mixed edit duplicated while editing the original). Not met: 0 wrong.
 *
 * Ninth round (the independent bench's class 3: lost highlights placed on a twin; seeds 161–200
 * looked at; rules and tests in anchoring-round9.test.ts, see the independent bench's header).
 * Guard sets, main → this code: prose 800–830 98.75% → 98.75%, 0 → 0 wrong; generated
 * 80001–80030 99.45% → 99.45%, 0 → 0 (the same misses, one by one); 113k/200 anchorAll CPU 50.7
 * ms (npm run bench -- anchoring, load 10–12).
 *
 * Tenth round (the second outside bench's near-copy traps; outside2 seeds 1–40 looked at;
 * paragraphs.ts, tests in anchoring-round10.test.ts): describe() sees the whole old text and
 * records fingerprints of the other paragraphs holding the quote or 8-unit chunks of it (up to
 * 24; optional selector fields para/others/twins, old selectors anchor as before). A placement
 * inside one of those, unchanged, is another passage's paragraph: an orphan. When all of them
 * stand unchanged (and the own paragraph had no identical twin) they are no rivals either.
 * outside2 seeds 1–40: wrong 238 → 91, recall 97.9% → 98.0%. Guards, main → this code: prose
 * 800–830 98.75% → 98.76%, 0 → 0; generated 80001–80030 99.45% → 99.45%, 0 → 0; independent
 * 1–40 99.7% → 99.7%, 13 → 6 wrong; 161–200 99.7% → 99.7%, 3 → 3; 113k/200 anchorAll CPU
 * 47.5 ms (load 3–7). Fresh, run once (outside2 seeds 121–160, main d596cf7 → this code):
 * recall 98.1% → 98.1%, wrong 199 → 85 (identical copy 97 → 39, copy and context 20 → 9,
 * look-alike 51 → 9, other copy 31 → 28). After merging main with anchor2fix's comparison form
 * (main 9eabba8 → merged): recall 98.7% → 98.8%, wrong 207 → 81. Not met: 0 wrong, 99% recall.
 *
 * Twelfth round, b (issue 12 item 4: "more highlights found again, none wrong"; tests in
 * anchoring-round12b.test.ts). The MISSED surviving passages of prose 1000–1030 (141 of 12,479)
 * and generated 80001–80030 (68 of 11,815) were listed and classified by the gate that refused
 * the passage's own place (a scratch diagnosis scoring every candidate, not kept). Prose, main's
 * code: 133 refused by anchor() itself, 9 placed right by anchor() but dropped by anchorAll's
 * batch checks (3 of them copies with the same context all round: nothing tells them apart).
 * Largest classes: a kept paragraph edge given no credit because an edit right next to the quote
 * cut the other side's exact run under 8 units although most of that side stood (28); 1–4-unit
 * quotes with context under 0.7 (21); a rival copy within the margin (21, mostly repeated passages
 * whose own copy was edited, left); one side lost far from the old place (12); whole short
 * paragraphs (headings, captions) edited 15–20% (10, left: allowing them placed a caption on a
 * look-alike caption, prose 1015); boundaries without a 6-unit run after an edit near the quote's
 * edge (9); passages edited more than a quarter in the comparison form (7, left).
 * Rules added, each never placing a wrong one on any development set below:
 * - a kept paragraph edge is agreed with by the other side when that side matches over 60% of its
 *   length, not only by an 8-unit exact run; such a loosely agreed edge does not choose among
 *   copies sharing the passage's runs (it made one guess on a copy in outside3 dev seed 10, OCR
 *   kind: now an orphan, as before);
 * - a 1–4-unit quote with 8 exact units of its own paragraph on both sides is placed;
 * - a quote found whole with its whole other side exact and past its sentence is no look-alike
 *   for a lost side; an exact quote with a kept paragraph edge on one side and the other side all
 *   but intact (≥ 16-unit run, ≤ 3 units differ) needs no more context;
 * - anchorAll: a placement outside its neighbours' window whose kept edge was credited is no
 *   weak copy (its paragraph moved);
 * - an approximate match's boundary is backed by a whole side all but intact aligned at it.
 * Development seeds, main's code at af6d8d3 → this code (same bench and judges; load 10–16):
 *   prose 1000–1030: 98.87% → 99.15%, wrong 0 → 0 (60k: 97.87% → 98.22%);
 *   generated 80001–80030: 99.42% → 99.59%, 0 → 0 (113k: 99.09% → 99.30%);
 *   prose 800–830: 98.84% → 99.03%; 900–930: 98.79% → 99.02%; 700–739: 98.86% → 99.08%; all 0 wrong;
 *   generated 90001–90030: 99.15% → 99.27%, 0 → 0 wrong;
 *   outside2 281–360: 99.3% → 99.4%, 25 → 25 wrong and 201–280: 99.3% → 99.4%, 26 → 26 (the same
 *   placements, line by line); independent 321–360: 99.7% → 99.7%, 0 → 0; 361–400: 99.8% → 99.8%,
 *   1 → 1 (the same); outside3 1–40 (measured once on af6d8d3 by its author, seen): 97.9% → 98.0%,
 *   22 → 22 (the same);
 *   113k/200 anchorAll CPU, warmed up (speedAgainstBaseline, 80001–80003, load 16): 42–52 ms
 *   (main's 48–67 ms in the same minutes).
 * Not measured on fresh seeds here (prose ≥ 1031, generated ≥ 100001 are kept for that).
 *
 * TWELFTH ROUND (anchor11a, look-alikes recorded in the selector and copies doubted when another is
 * nearer where the passage would be; anchoring-round12.test.ts, measures in anchoring-outside2.ts),
 * guards, main af6d8d3 → this code: prose 800–830 98.84% → 98.83%, 0 → 0 wrong; generated
 * 80001–80030 99.42% → 99.38%, 0 → 0 (moved 99.23 → 99.06); default run 99.15% → 99.11%, 0 wrong,
 * 113k 98.4% → 98.3%, its prose lines 98.76% → 98.73%, 0 wrong (default run measured with the
 * dropped once-held-quote doubt still in, which only orphans more); 113k/200 anchorAll CPU median
 * 43.5–44.7 → 56.7 ms, warm 41.6–46.2 → 46.7 ms (load 10–18).
 *
 * FRESH, once, on main cfacd71 (lead, 2026-12-06 06:12 UTC): prose 1124–1154 99.01%, 1 wrong
 * (1145, a destroyed repeated passage placed on its copy); generated 100091–100120 99.42%, 3 wrong
 * (100101 extent one unit short after an edited full stop, 100105 mixed, 100112 destroyed → copy);
 * 113k/200 73.0 ms CPU.
 *
 * FRESH, once, on main 6183e4d (after anchor14a–d; lead, 2026-12-06 09:20 UTC): prose 1155–1185 99.14%,
 * 1 wrong (an edited passage placed with score 0.70); generated 100121–100150 99.3%, 0 wrong. The
 * default run after CI, last session's 31efd35 and 6183e4d side by side (load ~2): held-out 99.29 →
 * 99.30%, 0 wrong; 113k/200 anchorAll CPU 77.3 → 84.1 ms (warm 72.7 → 80.2).
 *
 * LATER, development (anchor15b, 2026-12-06, cba6495 → s15-anchor15b, load ~25–28, two runs not side
 * by side): default held-out 99.30 → 99.29%, 0 → 0 wrong, 113k 98.52 → 98.49%; 113k/200 anchorAll
 * CPU 93.7 → 99.1 ms (warm 92.9 → 105.2; the load was higher on the second run). Prose 800–830
 * 99.15 → 99.15%, 0 wrong; generated 80001–80030 99.54 → 99.53%, 0 wrong. Prose 1155–1185's wrong
 * (1159: an edited passage placed with score 0.70, its extent stopping at an inserted “) is left.
 * FRESH, once, on main 5b40eb8 (lead, 2026-12-06 12:30 UTC, once, clean-clone CI running beside it): prose 1186–1216 99.17% / 2 wrong (1192: an edited
 *   sentence placed short of its end; 1205: 主监督 placed over an inserted （八）); generated
 *   100151–100180 99.41% / 1 wrong (100152: a destroyed 数达到44 on its copy). 113k/200 at low load
 *   88.5 ms CPU (warm 89.1) before anchor15a, 90.9 (warm 87.5) with it.
 * LATER (anchor17d, 2026-12-06, load ~20–35): `anchor_long_worst_ms` / `_ratio`, the 113k/200
 * article with everything around the highlights rewritten and its other paragraphs one sentence a
 * line (surroundRewritten), timed against the mixed revision in the same run. Seed 90001: before
 * 576 ms CPU, 4.87 × the mixed 118 ms (the restatement check counted every line of the text in the
 * whole text, per passage); after 137 ms, 1.40 × 98 ms. Placements identical (dumped calls replayed).
 * LATER (anchor19e, 2026-12-06, e989642 → s19-anchor19e, load 30–37 on 2 cores, so only ratios
 * measured in one process mean anything): anchorAll made faster without moving a placement —
 * words-only forms built in typed arrays with a letter/digit table (ownpara.ts, spoken.ts, where a
 * regular expression per unit and a string per unit took ~15% of the call), the one-block Myers
 * scan inlined, compiled patterns cached, quote counts through the text's trigram index instead of
 * whole-text indexOf scans (occurrences, edges.ts onlyAt, replaced.ts keys), paragraph prints from
 * one comparison form of the whole text (the document's own), seeds ordered without objects.
 * tests/bench/anchoring-speed.ts --against <old tree> runs both trees in one process, alternating,
 * on the same texts (90001–90012): 113k/200 first-call CPU median 153.8 → 113.3 ms, warm 139.8 →
 * 74.5, surroundRewritten 218.2 → 126.6 (earlier run, 90001–90030: 135.1 → 83.6, warm 103.8 → 67.9).
 * Placements: every anchorAll/anchor call's results digested (anchoring-digest-hook.mjs) on both
 * trees and diffed — see the s19-anchor19e commits for the benches and seeds compared.
 * LEAD, 2026-12-07 00:50 UTC, main 8026ebe (all of session 19's anchoring) against e989642 in one process
 *   (anchoring-speed.ts --seeds 90001-90012 --against, CI running beside it): 113k/200 CPU median 126.5 → 85.5 ms,
 *   warm 111.0 → 83.4 ms (ratio 0.68); no placement differed on those articles.
 * LATER, development (anchor26a, 2026-12-07, load 25–47; main cd51e09 → s26-anchor26a; unit tests in
 *   tests/unit/anchoring-round57.test.ts): the default run's 3 prose wrongs (seeds 921, 929, 931, now
 *   seen with 900–939), each a kind:
 *   - 921 cosmetic: words written in before a paragraph's opening label (【２１ 世纪经济第十九条…): the
 *     label, one marker unit only at a paragraph's head, now read as characters, so the approximate
 *     match began at the break the stored prefix backed and took the inserted words: an approximate
 *     first-pass placement now starts at the quote's stored opening (6 units) when it stands within
 *     its first 16 units (labelhead.ts): right.
 *   - 929 60k: a sentence held 6 times, the passage's copy edited away (涉嫌电其停机) in its paragraph,
 *     moved; another paragraph holding a copy moved in between its neighbours (the frame's lone copy,
 *     farbracket.ts). A copy of the quote (8+ units) is refused where a paragraph holds the stored
 *     side beside the edited-away place and more pieces of the old paragraph (restBefore/restAfter)
 *     than the copy's paragraph (editedaway.ts): orphan.
 *   - 931 60k: 护士小 with a list label （四） set inside, read past as a note by pinned.ts's words
 *     reading; a bare bracketed numeral holding over half a short quote's units is not read past
 *     (labelsOutweigh; a note in words, a watermark, still is): orphan.
 *   Same texts, same minute, old → new: prose 900–939 99.32% / 3 wrong → 99.32% / 0 (cosmetic 99.77 →
 *   99.82); default run otherwise identical (recall 99.31, heldout_wrong 0, 113k 98.49 / 0,
 *   anchor_right_pct 99.67); outside6 1–40, outside3 1–20 identical; outside15 1–20 99.7 → 99.8% (a
 *   partial right), 0 wrong; independent 761–800 99.8% / 1 → 99.8% / 1. anchoring-speed.ts
 *   --against the old tree, 90001–90012, same process: 113k/200 CPU 153.4 → 152.2 ms, warm 105.9 →
 *   106.3; second run 144.8 → 124.2, warm 115.5 → 111.7 (noise); no placement differing.
 */
import search from 'approx-string-match';
import { anchor, anchorAll, describe, type TextSelector } from '../../shared/anchoring/index';
import {
  applyEdits,
  article,
  judge,
  judgeSurvival,
  wordsOf,
  scenario,
  GENERATED,
  SCENARIO_KINDS,
  survives,
  type Scenario,
  type ScenarioKind,
  makeRng,
  mustPlace,
  randInt,
  randomEdit,
  splitsPair,
  truth,
  type Edit,
  type Edited,
  type Rng,
} from '../fixtures/anchoring-corpus';
import { proseSource } from '../fixtures/anchoring-prose';
import { loadProsePool, PROSE_DIR } from './anchoring-prose';

interface Span {
  start: number;
  end: number;
}

const TEXT_LENGTH = 300_000;
const HIGHLIGHTS = 1000;
const EDITED_SHARE = 0.2;
const RUNS = 5;

/** Highlight lengths like a reader's: a few words, a clause, sometimes a long sentence. */
function highlightLength(rng: Rng): number {
  const r = rng();
  if (r < 0.1) return randInt(rng, 1, 4);
  if (r < 0.7) return randInt(rng, 5, 40);
  return randInt(rng, 41, 160);
}

function randomHighlights(rng: Rng, text: string, count: number): Span[] {
  const spans: Span[] = [];
  while (spans.length < count) {
    let start = randInt(rng, 0, text.length - 2);
    if (splitsPair(text, start)) start--;
    const end = Math.min(text.length, start + highlightLength(rng));
    if (/\s/.test(text[start] ?? ' ') || /\s/.test(text[end - 1] ?? ' ')) continue;
    spans.push({ start, end });
  }
  return spans;
}

/** Edits 20% of paragraphs: one in ten of those is deleted, the rest get 1–3 local edits. */
function editParagraphs(rng: Rng, paragraphs: readonly string[], text: string): Edited {
  const edits: Edit[] = [];
  let at = 0;
  for (const p of paragraphs) {
    const from = at;
    at += p.length + 1;
    if (rng() >= EDITED_SHARE) continue;
    if (rng() < 0.1) {
      edits.push({ at: from, del: Math.min(p.length + 1, text.length - from), ins: '' });
      continue;
    }
    const n = randInt(rng, 1, 3);
    const step = Math.floor(p.length / n);
    for (let i = 0; i < n; i++) edits.push(randomEdit(rng, text, from + i * step, from + (i + 1) * step, 12));
  }
  return applyEdits(text, edits);
}

/** Hypothesis's match-quote.js, as the client uses it with approx-string-match. */
function hypothesisSearch(text: string, str: string, maxErrors: number) {
  const exact: { start: number; end: number; errors: number }[] = [];
  for (let at = text.indexOf(str); at !== -1; at = text.indexOf(str, at + 1)) {
    exact.push({ start: at, end: at + str.length, errors: 0 });
  }
  return exact.length > 0 ? exact : search(text, str, maxErrors);
}

function textMatchScore(text: string, str: string): number {
  if (str.length === 0 || text.length === 0) return 0;
  const best = hypothesisSearch(text, str, str.length)[0];
  return best ? 1 - best.errors / str.length : 0;
}

function hypothesisMatchQuote(text: string, s: TextSelector): Span | null {
  const matches = hypothesisSearch(text, s.exact, Math.min(256, s.exact.length / 2));
  let best: Span | null = null;
  let bestScore = -Infinity;
  for (const m of matches) {
    const quoteScore = 1 - m.errors / s.exact.length;
    const prefixScore = s.prefix ? textMatchScore(text.slice(Math.max(0, m.start - s.prefix.length), m.start), s.prefix) : 1;
    const suffixScore = s.suffix ? textMatchScore(text.slice(m.end, m.end + s.suffix.length), s.suffix) : 1;
    const posScore = 1 - Math.abs(m.start - s.start) / text.length;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / 92;
    if (score > bestScore) {
      bestScore = score;
      best = { start: m.start, end: m.end };
    }
  }
  return best;
}

/** The client first trusts the position if the quote is there, then searches for the quote. */
function hypothesisAnchor(text: string, s: TextSelector): Span | null {
  if (text.slice(s.start, s.end) === s.exact) return { start: s.start, end: s.end };
  return hypothesisMatchQuote(text, s);
}

type Anchorer = (text: string, s: TextSelector) => Span | null;
/** All highlights of one article at once, as the re-anchor job does. */
type Batch = (text: string, selectors: readonly TextSelector[]) => (Span | null)[];
const one =
  (fn: Anchorer): Batch =>
  (text, selectors) =>
    selectors.map((s) => fn(text, s));

function runOnce(old: string, text: string, spans: readonly Span[], fn: Anchorer): { ms: number; results: (Span | null)[] } {
  const t0 = performance.now();
  const results = spans.map((h) => fn(text, describe(old, h.start, h.end)));
  return { ms: performance.now() - t0, results };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/**
 * Timed median of `runs`; each run anchors against a fresh text (one more trailing space,
 * which moves no passage) so per-text caches are rebuilt inside the timing, as on first open.
 */
function timed(old: string, text: string, spans: readonly Span[], fn: Anchorer, runs: number) {
  const times: number[] = [];
  let results: (Span | null)[] = [];
  for (let r = 0; r < runs; r++) {
    const run = runOnce(old, text + ' '.repeat(r), spans, fn);
    times.push(run.ms);
    results = run.results;
  }
  return { ms: median(times), results };
}

function score(edited: Edited, spans: readonly Span[], results: readonly (Span | null)[]) {
  let must = 0;
  let right = 0;
  let wrong = 0;
  spans.forEach((h, i) => {
    const t = truth(edited, h.start, h.end);
    const verdict = judge(t, h.end - h.start, results[i] ?? null);
    if (verdict === 'wrong') wrong++;
    if (mustPlace(t, h.end - h.start)) {
      must++;
      if (verdict === 'right') right++;
    }
  });
  return { rightPct: (100 * right) / Math.max(1, must), wrong };
}

const TUNE_SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const HELD_OUT_SEEDS = Array.from({ length: 30 }, (_, i) => 90001 + i);
const PROSE_TUNE_SEEDS = TUNE_SEEDS;
const PROSE_HELD_OUT_SEEDS = Array.from({ length: 40 }, (_, i) => 900 + i);

interface Tally {
  surviving: number;
  right: number;
  wrong: number;
  /** Non-surviving passages (deleted, rewritten, short without context) correctly orphaned. */
  orphaned: number;
  /** The same as surviving / right under survives(…, acrossBreaks = true), the fifth round's definition. */
  survivingAcross: number;
  rightAcross: number;
}

function tally(sc: Scenario, results: readonly (Span | null)[], into: Tally, log?: string[], seed?: number): void {
  sc.spans.forEach((h, i) => {
    const t = truth(sc.edited, h.start, h.end);
    const surviving = survives(sc.edited, t, h.start, h.end);
    const result = results[i] ?? null;
    const verdict = judgeSurvival(t, surviving, h.end - h.start, result, wordsOf(sc.old, sc.edited, h));
    if (surviving) into.surviving++;
    if (surviving && verdict === 'right') into.right++;
    // The earlier definition, where a 1–4-unit quote survived on the next paragraph's words too.
    if (survives(sc.edited, t, h.start, h.end, true)) {
      into.survivingAcross++;
      if (verdict === 'right') into.rightAcross++;
    }
    if (verdict === 'wrong') into.wrong++;
    if (!surviving && !result) into.orphaned++;
    if (log && (verdict === 'wrong' || verdict === 'missed')) {
      const quote = sc.old.slice(h.start, h.end);
      const got = result ? sc.edited.text.slice(result.start, result.end) : null;
      log.push(
        `${seed ?? ''} ${sc.kind} ${h.start} ${h.end} ${verdict} ${JSON.stringify(t)} ${JSON.stringify(quote)} → ${JSON.stringify(result)} ${JSON.stringify(got)}`,
      );
    }
  });
}

const empty = (): Tally => ({ surviving: 0, right: 0, wrong: 0, orphaned: 0, survivingAcross: 0, rightAcross: 0 });
const pct = (t: Tally) => round((100 * t.right) / Math.max(1, t.surviving));
const pctAcross = (t: Tally) => round((100 * t.rightAcross) / Math.max(1, t.survivingAcross));

type MakeScenario = (seed: number, kind: ScenarioKind) => Scenario;
const generated: MakeScenario = (seed, kind) => scenario(seed, kind);

/** Recall and wrong placements per scenario kind over `seeds`, for `fn`. */
function evaluate(seeds: readonly number[], fn: Batch, log?: string[], make = generated, kinds = SCENARIO_KINDS) {
  const perKind = new Map<ScenarioKind, Tally>();
  const all = empty();
  for (const kind of kinds) {
    const t = empty();
    for (const seed of seeds) {
      const sc = make(seed, kind);
      tally(
        sc,
        fn(
          sc.edited.text,
          sc.spans.map((h) => describe(sc.old, h.start, h.end)),
        ),
        t,
        log,
        seed,
      );
    }
    perKind.set(kind, t);
    for (const key of Object.keys(all) as (keyof Tally)[]) all[key] += t[key];
  }
  return { perKind, all };
}

/**
 * The 113k-unit article with 200 highlights, one per held-out seed: accuracy, and the time of
 * one anchorAll() call as the re-anchor job makes it (median wall and CPU time; CPU time is
 * steadier when other work shares the machine).
 */
function bigArticles(
  seeds: readonly number[],
  log?: string[],
  make: (seed: number) => Scenario = (seed) => scenario(seed, 'mixed', 113_000, 200),
) {
  const t = empty();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const seed of seeds) {
    const sc = make(seed);
    const selectors = sc.spans.map((h) => describe(sc.old, h.start, h.end));
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const results = anchorAll(sc.edited.text, selectors);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    tally(sc, results, t, log, seed);
  }
  return { tally: t, ms: median(wall), cpuMs: median(cpu) };
}

/** CPU milliseconds of this process (all its threads) since `from`, or now when omitted. */
function cpuMs(from?: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(from);
  return (c.user + c.system) / 1000;
}

/**
 * The 113k/200 re-anchoring against a baseline in the same run, so the figure means the same on
 * a loaded machine: CPU time of anchorAll() (median of 5, warmed up, a fresh text each time) and
 * of the Hypothesis client's per-highlight search (one run: it is far slower) on one article.
 */
export function speedAgainstBaseline(seed: number): { oursCpuMs: number; baselineCpuMs: number; ratio: number } {
  const sc = scenario(seed, 'mixed', 113_000, 200);
  const selectors = sc.spans.map((h) => describe(sc.old, h.start, h.end));
  const ours: number[] = [];
  for (let r = 0; r < 8; r++) {
    const text = sc.edited.text + ' '.repeat(r);
    const c0 = process.cpuUsage();
    anchorAll(text, selectors);
    if (r >= 3) ours.push(cpuMs(c0));
  }
  const c0 = process.cpuUsage();
  one(hypothesisAnchor)(sc.edited.text, selectors);
  const baselineCpuMs = cpuMs(c0);
  const oursCpuMs = median(ours);
  return { oursCpuMs, baselineCpuMs, ratio: baselineCpuMs / Math.max(0.001, oursCpuMs) };
}

/**
 * The 113k/200 article's worst kind of revision for anchorAll's time: everything around the
 * highlighted words rewritten (each paragraph holding highlights keeps only the stretch from its
 * first highlight to its last; the words before and after are new sentences), the other
 * paragraphs set one sentence a line. The rest of every
 * passage's old paragraph is then gone, so each placement is checked against every paragraph of
 * the text for a restatement, and counted copies find few: the checks that once scanned the whole
 * text per passage (an outside bench's long articles took up to 1.6 s CPU this way).
 */
export function surroundRewritten(seed: number): { text: string; selectors: TextSelector[] } {
  const sc = scenario(seed, 'mixed', 113_000, 200);
  const rng = makeRng(seed * 104_729 + 11);
  const old = sc.old;
  const parts: string[] = [];
  for (let from = 0; from <= old.length;) {
    const nl = old.indexOf('\n', from);
    const to = nl < 0 ? old.length : nl;
    const inside = sc.spans.filter((h) => h.start >= from && h.end <= to);
    // Paragraphs without highlights set one sentence a line (a reflow): many short lines to compare.
    if (inside.length === 0) parts.push(old.slice(from, to).replace(/。(?=.)/gu, '。\n'));
    else {
      const lo = Math.min(...inside.map((h) => h.start));
      const hi = Math.max(...inside.map((h) => h.end));
      parts.push(GENERATED.sentence(rng) + old.slice(lo, hi) + GENERATED.sentence(rng));
    }
    from = to + 1;
  }
  return { text: parts.join('\n'), selectors: sc.spans.map((h) => describe(old, h.start, h.end)) };
}

/**
 * The worst case's anchorAll CPU time against the 113k/200 mixed article's in the same run
 * (both warmed up, median of 5, a fresh text each time): the ratio means the same on a loaded machine.
 */
export function worstAgainst113k(seed: number): { worstCpuMs: number; baseCpuMs: number; ratio: number } {
  const sc = scenario(seed, 'mixed', 113_000, 200);
  const base = { text: sc.edited.text, selectors: sc.spans.map((h) => describe(sc.old, h.start, h.end)) };
  const worst = surroundRewritten(seed);
  const times = (c: { text: string; selectors: TextSelector[] }) => {
    const out: number[] = [];
    for (let r = 0; r < 8; r++) {
      const text = c.text + ' '.repeat(r);
      const c0 = process.cpuUsage();
      anchorAll(text, c.selectors);
      if (r >= 3) out.push(cpuMs(c0));
    }
    return median(out);
  };
  const baseCpuMs = times(base);
  const worstCpuMs = times(worst);
  return { worstCpuMs, baseCpuMs, ratio: worstCpuMs / Math.max(0.001, baseCpuMs) };
}

export function benchScenarios(seeds: readonly number[] = HELD_OUT_SEEDS, log?: string[]): Record<string, number> {
  const ours = evaluate(seeds, anchorAll, log);
  const big = bigArticles(seeds, log);
  const base = log ? evaluate([], one(hypothesisAnchor)) : evaluate(seeds, one(hypothesisAnchor));
  const total = empty();
  for (const t of [ours.all, big.tally]) for (const key of Object.keys(total) as (keyof Tally)[]) total[key] += t[key];
  const out: Record<string, number> = {
    anchor_surviving: total.surviving,
    anchor_recall_pct: pct(total),
    anchor_recall_across_breaks_pct: pctAcross(total),
    anchor_heldout_wrong: total.wrong,
  };
  for (const [kind, t] of ours.perKind) {
    out[`anchor_recall_${kind.replace('-', '_')}_pct`] = pct(t);
    out[`anchor_wrong_${kind.replace('-', '_')}`] = t.wrong;
  }
  out.anchor_recall_113k_pct = pct(big.tally);
  out.anchor_wrong_113k = big.tally.wrong;
  out.anchor_113k_200_ms = round(big.ms);
  out.anchor_113k_200_cpu_ms = round(big.cpuMs);
  if (!log) {
    const speed = speedAgainstBaseline(seeds[0] ?? 1);
    out.anchor_113k_200_warm_cpu_ms = round(speed.oursCpuMs);
    out.anchor_113k_200_baseline_cpu_ms = round(speed.baselineCpuMs);
    // How many times less CPU than the Hypothesis client's approach on the same article, same run.
    out.anchor_113k_200_speedup_x = round(speed.ratio);
    // The worst kind of revision for time (surroundRewritten) on the same article, as a multiple of
    // the mixed revision's CPU time in the same run: long articles must not take seconds.
    const worst = worstAgainst113k(seeds[0] ?? 1);
    out.anchor_long_worst_ms = round(worst.worstCpuMs);
    out.anchor_long_worst_ratio = round(worst.ratio);
  }
  out.anchor_baseline_recall_pct = pct(base.all);
  out.anchor_baseline_heldout_wrong = base.all.wrong;
  return out;
}

const PROSE_KINDS: readonly ScenarioKind[] = [...SCENARIO_KINDS, 'cosmetic'];
/** The real-prose article with every kind at once: most of the pool, the rest feeds insertions. */
const PROSE_BIG = { length: 60_000, count: 150 };

/**
 * The same kinds of edits on real Chinese prose (anchoring-prose.ts), plus re-typesetting:
 * recall and wrong placements per kind and on a 60k-unit article with 150 highlights.
 */
export function benchProse(seeds: readonly number[], log?: string[], pool = loadProsePool()): Record<string, number> {
  if (!pool) {
    process.stdout.write(`# anchoring: no real prose (corpora not found at ${PROSE_DIR}); prose lines left out\n`);
    return {};
  }
  const make: MakeScenario = (seed, kind) => scenario(seed, kind, 20_000, 60, proseSource(pool));
  const ours = evaluate(seeds, anchorAll, log, make, PROSE_KINDS);
  const big = bigArticles(seeds, log, (seed) => scenario(seed, 'mixed', PROSE_BIG.length, PROSE_BIG.count, proseSource(pool)));
  const total = empty();
  for (const t of [ours.all, big.tally]) for (const key of Object.keys(total) as (keyof Tally)[]) total[key] += t[key];
  const out: Record<string, number> = {
    anchor_prose_pool_units: pool.reduce((n, p) => n + p.length, 0),
    anchor_prose_surviving: total.surviving,
    anchor_prose_recall_pct: pct(total),
    anchor_prose_recall_across_breaks_pct: pctAcross(total),
    anchor_prose_wrong: total.wrong,
  };
  for (const [kind, t] of ours.perKind) {
    out[`anchor_prose_recall_${kind.replace('-', '_')}_pct`] = pct(t);
    out[`anchor_prose_wrong_${kind.replace('-', '_')}`] = t.wrong;
  }
  out.anchor_prose_recall_60k_pct = pct(big.tally);
  out.anchor_prose_wrong_60k = big.tally.wrong;
  return out;
}

export async function benchAnchoring(): Promise<Record<string, number>> {
  const rng = makeRng(20240601);
  const paragraphs = article(rng, TEXT_LENGTH);
  const text = paragraphs.join('\n');
  const spans = randomHighlights(rng, text, HIGHLIGHTS).map((h) => {
    const s = describe(text, h.start, h.end);
    return { start: s.start, end: s.end };
  });
  const edited = editParagraphs(rng, paragraphs, text);
  const ours: Anchorer = anchor;

  const unchanged = timed(text, text, spans, ours, RUNS);
  const changed = timed(text, edited.text, spans, ours, RUNS);
  const baseline = timed(text, edited.text, spans, hypothesisAnchor, 3);
  const ourScore = score(edited, spans, changed.results);
  const baseScore = score(edited, spans, baseline.results);
  const scenarios = benchScenarios();
  return {
    anchor_text_units: text.length,
    anchor_unchanged_ms: round(unchanged.ms),
    anchor_edited_ms: round(changed.ms),
    anchor_baseline_edited_ms: round(baseline.ms),
    anchor_baseline_ratio: round(baseline.ms / changed.ms),
    anchor_right_pct: round(ourScore.rightPct),
    anchor_baseline_right_pct: round(baseScore.rightPct),
    anchor_baseline_wrong: baseScore.wrong,
    ...scenarios,
    // Wrong placements over every held-out run: the 300k article and all generated scenarios.
    anchor_wrong: ourScore.wrong + (scenarios.anchor_heldout_wrong ?? 0),
    ...benchProse(PROSE_HELD_OUT_SEEDS),
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

if (process.argv[1]?.endsWith('anchoring.ts')) {
  const seedsArg = process.argv.indexOf('--seeds');
  if (seedsArg > 0) {
    // Any seed range (e.g. --seeds 11-30), with every wrong placement and miss listed.
    const [lo, hi] = (process.argv[seedsArg + 1] ?? '').split('-').map(Number);
    const seeds: number[] = [];
    for (let s = lo ?? 1; s <= (hi ?? lo ?? 1); s++) seeds.push(s);
    const log: string[] = [];
    // --prose: the real-prose corpus only; --generated: the generated one only.
    const results = {
      ...(process.argv.includes('--prose') ? {} : benchScenarios(seeds, log)),
      ...(process.argv.includes('--generated') ? {} : benchProse(seeds, log)),
    };
    for (const line of log) if (!process.argv.includes('--wrong') || line.includes(' wrong ')) console.log(line);
    for (const [name, value] of Object.entries(results)) console.log(`${name}: ${value}`);
  } else if (process.argv.includes('--tune')) {
    // Tuning seeds only, with every miss and wrong placement listed.
    const log: string[] = [];
    const results = { ...benchScenarios(TUNE_SEEDS, log), ...benchProse(PROSE_TUNE_SEEDS, log) };
    for (const line of log) console.log(line);
    for (const [name, value] of Object.entries(results)) console.log(`${name}: ${value}`);
  } else {
    const results = await benchAnchoring();
    for (const [name, value] of Object.entries(results)) console.log(`${name}: ${value}`);
  }
}
