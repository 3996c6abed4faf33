/**
 * Highlight anchoring: a selection is described by its quote, some context and its position
 * (like the Hypothesis client's TextQuoteSelector + TextPositionSelector) and re-found in a
 * possibly edited text. Unlike Hypothesis we keep a threshold: a doubtful match is an orphan
 * (null), never a highlight on the wrong words.
 *
 * Offsets are UTF-16 code units in the article's plain text (paragraphs joined by "\n").
 * Order of attempts: stored position → exact (normalised) quote → approximate quote (short
 * quotes also looked for through their context). Places are ranked by how many units of the
 * stored prefix + quote + suffix differ there (query.ts), with the old position as a weak
 * prior; the best must pass a threshold for its quote length and beat every other place by a
 * margin, so a repeated passage is placed by its context and a doubtful one is an orphan.
 */
import { halvesApart, twinInOwnContext } from './apart';
import { blankedInPlace } from './blanked';
import { chainedGuess } from './chained';
import { movedClausesPlace } from './clauses';
import { onContextsCopy } from './contextcopy';
import { onGainedRestatement, onTwinParagraph } from './restaside';
import { outreads } from './splitsides';
import { rankCopyOutreadBeside } from './rankswap';
import { crossTailUndecided } from './crosstail';
import { cutCopyOutreads } from './cutrestated';
import { readsPastOwnEdge } from './pastedge';
import { edgeCopyRestated } from './edgerestated';
import { edgeTwinsIn, rewrittenEdge, trimmedInPlace } from './trimmedinplace';
import { exactCandidates, fuzzyCandidates, scoreAt, windowCandidates } from './candidates';
import {
  contextAt,
  contextRunsAt,
  copiesGained,
  copiesLost,
  copyCounts,
  likestParagraph,
  MAX_COPIES,
  onlyItsSentence,
  otherParagraphsLength,
  OWN_CONTEXT_MARGIN,
  ownContextAt,
  ownContextBesideLines,
  paragraphLength,
  restatedFrom,
  sameRankCopy,
  twinBeside,
} from './copies';
import { documentFor, lineBreakBefore, newDocument, occurrencesIn, toNormalised, unitAt, type Doc } from './doc';
import { edgeWordsAnchor, largerPieceAnchor } from './edges';
import { speakerGone } from './speaker';
import { fromOwnOpening } from './labelhead';
import { ownPlaceEditedAway } from './editedaway';
import { firstLineElsewhere } from './firstline';
import { firstReadsMore } from './firstread';
import { partedOpeningCopy } from './partedopening';
import { partedNearFarCopy } from './splitnear';
import { lengthOfTwins } from './twinlength';
import { twinParagraphMove } from './twinmove';
import { ownParagraphHeaded } from './headed';
import { partedByLinesPlace } from './lines';
import { ownCopyLedIn } from './ledin';
import { otherCopyNeared } from './neared';
import { spanPieceGoneOnLookAlike } from './lostpiece';
import {
  closerPlaceThanLookAlike,
  likeALookAlike,
  lookAlikeBecameQuote,
  lookAlikes,
  onLookAlikeLedIn,
  onLookAlikeWords,
} from './lookalikes';
import {
  atHead,
  comparingMarkersLiterally,
  droppingMarks,
  HEAD_MARK,
  isDroppedMark,
  isSpace,
  mostlyMarker,
  normalise,
  normalisePrefix,
  normaliseQuote,
  normaliseSuffix,
  quoteAtHead,
  storedForms,
  storedMarkers,
  withMarkersLiteral,
  withMarksDropped,
} from './normalise';
import { levenshtein } from './myers';
import { onOtherParagraph, othersAllStand, paragraphPrint } from './paragraphs';
import { madeLikeOther } from './likeother';
import { ownParagraphPlace, ownWordsCopies } from './ownpara';
import { oneSidedCopy } from './onesided';
import { nearOneSidedGuess } from './onesidednear';
import { parallelLineCopy } from './parallel';
import { ownSideElsewhere, ownSideReadsFarther } from './ownside';
import { neighbourLineElsewhere, replacedInPlace } from './replaced';
import { copyGapIn, farBracket, loneCopyInFrame, oldTextEnd } from './farbracket';
import { onWordsLookAlike, pinnedBracket, pinnedPlace, textGrowth, wordCopiesIn, type PlacedSpan } from './pinned';
import { oneUnitCorrectedPlace } from './corrected';
import { doubledRunPlace } from './doubledrun';
import { innerLineElsewhere } from './innerline';
import { introducedCopy, onIntroducedPieceCopy } from './introduced';
import { insertedPhrasePlace } from './inserted';
import { droppedInPlace } from './dropped';
import { labelHeadsItsWords } from './labelwords';
import { onClosedUpNeighbour } from './closedup';
import { closedOntoSideCopy } from './sidecopy';
import { lineRestatedElsewhere } from './restatedline';
import { onFartherPrinting } from './twoprintings';
import { commonQuoteOnFarTwin, placedByContextAmongCopies, rankHolders } from './twinorder';
import { twinAcrossMovedLine, twinReadsAlike } from './twinread';
import { columnsPlace } from './columns';
import { latinInsidePlace } from './latin-inside';
import { linkedPlace } from './linked';
import { numberedLinesPlace } from './numbered';
import { labelFree, relabelledPlace, type LabelFree } from './relabelled';
import { relabelledOneSide } from './relabelledside';
import { onRestatement, paragraphStandsApart, restPieces } from './restated';
import { reorderedListPlace } from './reordered';
import { editedInOwnFrame, pairAmongCopiesSetApart } from './setapart';
import { rankCopyFramed } from './rankframed';
import { listingBlocks, onListing } from './listing';
import { openingPlace } from './opening';
import { spokenPlace } from './spoken';
import { subtitledPlace } from './subtitled';
import { NEAR_RUN, pairAtEdges, stutterPair } from './stutter';
import { acrossGoneJoint, dedupedPlace } from './deduped';
import {
  chosenByPosition,
  conclusive,
  decide,
  decideNear,
  MIN_FUZZY_LENGTH,
  prefixDistance,
  preferMatchedAmong,
  prepareQuery,
  suffixDistance,
  weakContext,
  type Candidate,
  type Query,
  type Scored,
} from './query';
import { madeInSummary, onSummary, summaryLines, withoutSummaries } from './summarycopy';
import { CONTEXT_LENGTH, type Anchor, type TextSelector } from './types';

export type { Anchor, TextSelector } from './types';

/** Describes text[start, end), widened so that no surrogate pair is split. */
export function describe(text: string, start: number, end: number): TextSelector {
  checkRange(text, start, end);
  const s = insidePair(text, start) ? start - 1 : start;
  const e = insidePair(text, end) ? end + 1 : end;
  let prefixStart = Math.max(0, s - CONTEXT_LENGTH);
  if (insidePair(text, prefixStart)) prefixStart++;
  let suffixEnd = Math.min(text.length, e + CONTEXT_LENGTH);
  if (insidePair(text, suffixEnd)) suffixEnd--;
  const selector: TextSelector = {
    exact: text.slice(s, e),
    prefix: text.slice(prefixStart, s),
    suffix: text.slice(e, suffixEnd),
    start: s,
    end: e,
  };
  const print = paragraphPrint(text, s, e);
  if (print) Object.assign(selector, print);
  // A passage that is mostly a marker is counted with markers compared literally: its one
  // marker unit would count every marker of the text as a copy (see anchorAll).
  const count = () => {
    const old = documentFor(text);
    // A quote that begins inside a paragraph's marker holds the whole marker unit (storedForms).
    const own = unitAt(old, s);
    const counts = copyCounts(old.norm.text, own, selector);
    if (counts) Object.assign(selector, counts, { paraLength: paragraphLength(old, own, toNormalised(old, e)) });
    const gap = counts && counts.copies > 0 ? copyGapIn(old, normaliseQuote(selector), own) : null;
    if (gap !== null) selector.copyGap = gap;
    const rest = restPieces(old, selector, own, toNormalised(old, e));
    if (rest) Object.assign(selector, rest);
    if (counts) {
      const ownCopies = ownWordsCopies(old, selector);
      if (ownCopies !== null) selector.ownCopies = ownCopies;
    }
    const wordCopies = wordCopiesIn(old, normaliseQuote(selector), selector.copies ?? 0);
    if (wordCopies !== null) selector.wordCopies = wordCopies;
    const near = lookAlikes(old, own, selector);
    if (near) Object.assign(selector, near);
    const edgeTwins = edgeTwinsIn(old, selector);
    if (edgeTwins !== null) selector.edgeTwins = edgeTwins;
  };
  if (mostlyMarker(selector)) withMarkersLiteral(count);
  else count();
  return selector;
}

/**
 * Finds the passage `selector` describes in `text`, or null when it cannot be placed safely. A
 * batch of one (anchorAll): one decision path, so the single form refuses what the batch refuses
 * (a copy in doubt with no neighbour to confirm it stays an orphan here too).
 */
export function anchor(text: string, selector: TextSelector): Anchor | null {
  checkSelector(selector);
  return anchorSelectors(text, [selector], documentFor)[0] ?? null;
}

/**
 * Whether a placement found with markers compared literally stands: no marker of its paragraph
 * up to its end differs from the stored ones (markersAsStored), and a passage that is mostly a
 * marker still labels its words: at least half the stored words after it up to the paragraph's
 * end (their two-unit pieces) follow it in its paragraph. A label whose paragraph is new text (a
 * 条 inserted before took its number, or its own 条 deleted) is not the passage.
 */
function literalStands(doc: Doc, s: TextSelector, markers: readonly string[], a: Anchor): boolean {
  if (!mostlyMarker(s)) return markersAsStored(doc, markers, a);
  const forms = storedForms(s);
  const stored = forms.suffixBeforeBreak === null ? forms.suffix : forms.suffix.slice(0, forms.suffixBeforeBreak);
  if (stored.length < 4) return true;
  const lineEnd = doc.raw.indexOf('\n', a.end);
  const from = toNormalised(doc, a.end);
  const to = lineEnd < 0 ? doc.norm.text.length : toNormalised(doc, lineEnd);
  const after = doc.norm.text.slice(from, to);
  let kept = 0;
  for (let i = 0; i + 2 <= stored.length; i++) if (after.includes(stored.slice(i, i + 2))) kept++;
  return kept * 2 >= stored.length - 1;
}

/** notOnOther, except for a passage whose own paragraph an edit made read as the other one (likeother.ts). */
function notOnOtherUnlessMadeLike(text: string, docFor: () => Doc, s: TextSelector, a: Anchor | null): Anchor | null {
  return a && notOnOther(text, s, a) === null && madeLikeOther(docFor(), s, a) ? a : notOnOther(text, s, a);
}

/**
 * Last try (edges.ts): the quote's words whole, only labels and marks at its edges changed; or,
 * over a break that now has paragraphs inserted, its larger piece.
 */
function edgeOnlyAnchor(text: string, docFor: () => Doc, selector: TextSelector): Anchor | null {
  return notOnOther(text, selector, edgeWordsAnchor(docFor(), selector) ?? largerPieceAnchor(docFor(), selector));
}

/** The text's comparison form without quotation and title marks (withMarksDropped), uncached. */
function markFreeDocument(text: string): Doc {
  return withMarksDropped(() => newDocument(text));
}

/**
 * A passage not found is looked for again with quotation and title marks dropped from the text,
 * its quote and its context: an edition that put a term in “”/《》/【】 for emphasis, or took the
 * marks away, changed no words. Only then, so that marks still count for every passage found
 * with them (they make a short quote longer, so surer), and only where its words stand whole.
 */
function markFreeAnchor(text: string, docFor: () => Doc, selector: TextSelector): Anchor | null {
  return withMarksDropped(() => {
    // Only the quote's whole words are taken (below): where they stand nowhere, no search.
    const quote = normaliseQuote(selector);
    if (quote.length === 0 || occurrencesIn(docFor(), quote, 1).length === 0) return null;
    // Nor where no copy of them has the stored context's nearest units beside it (edgesHold below):
    // the search could only find a placement that is refused.
    if (!someCopyWithEdges(docFor(), selector, quote)) return null;
    const a = notOnOther(text, selector, anchorIn(text, docFor, selector));
    // Marks changed, words kept: only the quote's very words with the stored context's nearest
    // words right beside them, not an approximate place (the first pass has judged those, with the
    // marks' units counted), nor words whose own were edited just past a mark.
    if (!a || normalise(text.slice(a.start, a.end), atHead(text, a.start)) !== normaliseQuote(selector)) return null;
    return edgesHold(docFor(), selector, a) ? a : null;
  });
}

/** Units of the stored context, next to the quote, that a mark-free placement must have beside it. */
const MARK_FREE_EDGE = 4;

/** Copies of a quote looked at for their edges before a mark-free search; past it, the search decides. */
const MARK_FREE_COPIES = 64;

/** Whether some copy of `quote` in the comparison form has the stored context's nearest units on both sides (as edgesHold). */
function someCopyWithEdges(doc: Doc, s: TextSelector, quote: string): boolean {
  const text = doc.norm.text;
  const before = normalisePrefix(s).slice(-MARK_FREE_EDGE);
  const after = normaliseSuffix(s).slice(0, MARK_FREE_EDGE);
  let n = 0;
  // The copies through the document's index (the same, in order), not a scan of the text per passage.
  for (const at of occurrencesIn(doc, quote, MARK_FREE_COPIES + 1)) {
    if (++n > MARK_FREE_COPIES) return true;
    if (text.slice(Math.max(0, at - before.length), at) === before && text.startsWith(after, at + quote.length)) return true;
  }
  return false;
}

/** Whether the comparison form next to `a` holds the stored context's nearest units on both sides. */
function edgesHold(doc: Doc, s: TextSelector, a: Anchor): boolean {
  const text = doc.norm.text;
  const from = toNormalised(doc, a.start);
  const to = toNormalised(doc, a.end);
  const before = normalisePrefix(s).slice(-MARK_FREE_EDGE);
  const after = normaliseSuffix(s).slice(0, MARK_FREE_EDGE);
  return text.slice(Math.max(0, from - before.length), from) === before && text.slice(to, to + after.length) === after;
}

/**
 * Candidates inside another passage's old paragraph, unchanged, are neither the passage nor a
 * rival to it (paragraphs.ts): when all such paragraphs stand (othersAllStand) they leave, so the
 * passage's own place, edited or moved, is judged on its own.
 */
function notOnOthers<C extends Candidate>(doc: Doc, s: TextSelector, candidates: C[]): C[] {
  if (!othersAllStand(doc, doc.raw, s)) return candidates;
  return candidates.filter((c) => {
    const start = doc.norm.map[c.start] ?? 0;
    const end = (doc.norm.map[c.end - 1] ?? 0) + 1;
    return !onOtherParagraph(doc.raw, s, start, end) || madeLikeOther(doc, s, { start, end, score: 0 });
  });
}

/** A placement joining what an edit parted (pieces over a break, a twin in the context) is an orphan (apart.ts). */
function notJoiningParted(text: string, docFor: () => Doc, s: TextSelector | undefined, a: Anchor | null): Anchor | null {
  if (!a || !s || (a.start === s.start && atStoredPosition(text, s))) return a;
  const doc = docFor();
  return halvesApart(doc, s, a) || twinInOwnContext(doc, s, a) ? null : a;
}

/** A short passage whose own paragraph's words beside it stand elsewhere is an orphan (ownside.ts). */
function notOwnSideElsewhere(text: string, docFor: () => Doc, s: TextSelector | undefined, a: Anchor | null): Anchor | null {
  if (!a || !s || (a.start === s.start && atStoredPosition(text, s))) return a;
  return ownSideElsewhere(docFor(), s, a) || ownSideReadsFarther(docFor(), s, a) ? null : a;
}

/**
 * A copy elsewhere of a passage whose own words were replaced in place, its context standing there,
 * or a copy without the stored neighbouring line that another copy has, is an orphan (replaced.ts);
 * so is a copy elsewhere of one blanked out in place, its context standing around the blank (blanked.ts).
 */
function notReplacedInPlace(text: string, docFor: () => Doc, s: TextSelector | undefined, a: Anchor | null): Anchor | null {
  if (!a || !s || (a.start === s.start && atStoredPosition(text, s))) return a;
  return replacedInPlace(docFor(), s, a) || neighbourLineElsewhere(docFor(), s, a) || blankedInPlace(docFor(), s, a) ? null : a;
}

/** A placement inside another passage's old paragraph, unchanged, is an orphan (paragraphs.ts). */
function notOnOther(text: string, s: TextSelector, a: Anchor | null): Anchor | null {
  if (!a || (a.start === s.start && atStoredPosition(text, s))) return a;
  return onOtherParagraph(text, s, a.start, a.end) ? null : a;
}

/**
 * anchor() for many selectors on one text: the text's comparison form and trigram index are
 * built once, outside the per-text cache (so anchoring elsewhere meanwhile cannot evict them).
 * A malformed selector gives null here instead of an exception: one bad stored row must not
 * keep the others from being placed. Highlights of one article move together, so a passage
 * left an orphan is looked for again where its placed neighbours say it must be (see
 * nearNeighbours).
 */
export function anchorAll(text: string, selectors: readonly TextSelector[]): (Anchor | null)[] {
  return anchorSelectors(text, selectors, batchDocuments());
}

/**
 * newDocument for one batch, made once per comparison form (markers as one unit or literal, marks
 * kept or dropped): the first pass, the literal orphans' look, the whole batch again with markers
 * literal and the check of its placements all read the same form of the same text, so they share
 * its document (and its trigram index) instead of each normalising the long text again. A
 * document is a pure function of the text and the form, so sharing it changes no placement.
 */
function batchDocuments(): (text: string) => Doc {
  const made: Doc[] = [];
  return (text) => {
    const literal = comparingMarkersLiterally();
    const dropped = droppingMarks();
    let doc = made.find((d) => d.raw === text && d.markersLiteral === literal && (d.marksDropped ?? false) === dropped);
    if (!doc) made.push((doc = newDocument(text)));
    return doc;
  };
}

/**
 * anchorAll with the comparison form built by `makeDoc` (cached for the single form, anchor()). A
 * passage made outside a 摘要 line and placed on one (a summary's copy of the body's opening) is
 * placed again, the batch on the text without its 摘要 lines (summarycopy.ts).
 */
function anchorSelectors(text: string, selectors: readonly TextSelector[], makeDoc: (text: string) => Doc): (Anchor | null)[] {
  const out = anchorInText(text, selectors, makeDoc);
  const summaries = summaryLines(text);
  if (summaries.length === 0) return out;
  const misplaced = out.map((a, i) => {
    const s = selectors[i];
    return !!a && !!s && onSummary(summaries, a) && !madeInSummary(s);
  });
  if (!misplaced.includes(true)) return out;
  const cut = withoutSummaries(text, summaries);
  const aside = anchorInText(cut.text, selectors, makeDoc);
  return out.map((a, i) => {
    if (!misplaced[i]) return a;
    const b = aside[i];
    return b ? cut.back(b) : null;
  });
}

function anchorInText(text: string, selectors: readonly TextSelector[], makeDoc: (text: string) => Doc): (Anchor | null)[] {
  const out = anchorBatch(text, selectors, makeDoc);
  // A passage that is mostly a marker (第二条 alone, whose one unit matches every marker) is
  // placed with markers compared literally, on its real characters, where it still labels its
  // stored words (literalStands); otherwise as one unit (a renumbered label). The whole batch
  // again, so that its placed neighbours count as they did (only when there is such a passage).
  const literal = out.map((_, i) => {
    const s = selectors[i];
    if (!s) return false;
    try {
      checkSelector(s);
      return mostlyMarker(s);
    } catch {
      return false;
    }
  });
  if (!literal.includes(true)) return out;
  // Only the mostly-marker passages' placements of this run are read (below): the checks that
  // judge one placement alone, after the batch-wide ones, are skipped for the others (anchorBatch).
  const plain = withMarkersLiteral(() => anchorBatch(text, selectors, makeDoc, literal));
  const doc = makeDoc(text);
  return out.map((a, i) => {
    const p = plain[i];
    const s = selectors[i];
    if (!literal[i] || !s) return a;
    if (p && literalStands(doc, s, storedMarkers(s), p)) return p;
    // Placed as one unit (another marker's): a renumbered label still labels its stored words;
    // one whose line went (第五章 deleted) would sit on the next label (第三十五条).
    // Not a label now over other words (the next article's, its own deleted): labelwords.ts.
    return a && literalStands(doc, s, storedMarkers(s), a) && labelHeadsItsWords(doc, s, a) ? a : null;
  });
}

/**
 * `wanted`, when given, names the passages whose placements the caller reads: every passage is
 * still placed through the batch-wide steps (copies confirmed, neighbours, islands), whose
 * evidence is the whole batch; the later checks, each of one placement alone, run only for those.
 */
function anchorBatch(
  text: string,
  selectors: readonly TextSelector[],
  makeDoc: (text: string) => Doc,
  wanted?: readonly boolean[],
): (Anchor | null)[] {
  let doc: Doc | null = null;
  const lazyDoc = () => (doc ??= makeDoc(text));
  const valid = selectors.map((selector) => {
    try {
      checkSelector(selector);
      return true;
    } catch {
      return false;
    }
  });
  let markFree: Doc | null = null;
  const lazyMarkFree = () => (markFree ??= markFreeDocument(text));
  const copies = confirmedCopies(
    text,
    lazyDoc,
    selectors,
    selectors.map((selector, i) => {
      if (!valid[i]) return null;
      const a =
        notOnOtherUnlessMadeLike(text, lazyDoc, selector, anchorIn(text, lazyDoc, selector)) ??
        markFreeAnchor(text, lazyMarkFree, selector) ??
        edgeOnlyAnchor(text, lazyDoc, selector);
      // A copy elsewhere while the passage's own place stands with its clause cut (dropped.ts) is
      // refused here already, so that no neighbour placed with it moves along (checked again last).
      if (a && !(a.start === selector.start && atStoredPosition(text, selector)) && droppedInPlace(lazyDoc(), selector, a)) return null;
      // Nor a printing of its words without the speaker its quote opened with (speaker.ts).
      if (a && speakerGone(text, selector, a)) return null;
      // Not a far copy joining what now stands parted by written words where it was (splitnear.ts).
      return a && partedNearFarCopy(lazyDoc(), selector, a) ? null : a;
    }),
  );
  const first = copies.first;
  // Neither pass takes a copy (by rank, by neighbours) other than the one the first pass found
  // reading more of the stored context: the two disagree, nothing tells which moved (firstread.ts).
  const notAgainstFirst = (a: Anchor | null, i: number): Anchor | null => {
    const f = first[i];
    const s = selectors[i];
    return a && f && s && firstReadsMore(lazyDoc(), s, f, a) ? null : a;
  };
  const near = nearNeighbours(text, lazyDoc, selectors, valid, first).map(copies.recheck).map(notAgainstFirst);
  // The orphans left, made of whole clauses: one sentence may hold them with its clauses reordered.
  // Or a paste twice in a row may hold them twice side by side (stutter.ts), a phrase inserted
  // here and elsewhere split them (inserted.ts), or a proof pass changed one unit of a short one
  // (corrected.ts).
  const pinned = pinnedOrphans(text, lazyDoc, selectors, valid, near).map(notAgainstFirst);
  const placedSpans = spansPlaced(selectors, pinned);
  const heldBefore = storedWordsOf(selectors, valid);
  let listings: { start: number; end: number }[] | null = null;
  let labelFreeText: LabelFree | null = null;
  const lazyLabelFree = () => (labelFreeText ??= labelFree(text, true));
  const passes = pinned.map((a, i) =>
    a || !valid[i]
      ? a
      : (movedClausesPlace(text, selectors[i] as TextSelector) ??
        stutterPlace(text, lazyDoc, selectors[i] as TextSelector, placedSpans) ??
        insertedPhraseAnchor(text, lazyDoc, selectors[i] as TextSelector, heldBefore) ??
        latinInsideAnchor(text, lazyDoc, selectors[i] as TextSelector) ??
        linkedAnchor(text, lazyDoc, selectors[i] as TextSelector) ??
        numberedLinesAnchor(text, lazyDoc, selectors[i] as TextSelector) ??
        columnsAnchor(text, lazyDoc, selectors[i] as TextSelector) ??
        rawPlaceAnchor(text, lazyDoc, selectors[i] as TextSelector, spokenPlace) ??
        rawPlaceAnchor(text, lazyDoc, selectors[i] as TextSelector, subtitledPlace) ??
        rawPlaceAnchor(text, lazyDoc, selectors[i] as TextSelector, reorderedListPlace) ??
        oneUnitCorrectedAnchor(text, lazyDoc, selectors[i] as TextSelector, placedSpans) ??
        doubledRunAnchor(text, lazyDoc, selectors[i] as TextSelector, placedSpans) ??
        relabelledAnchor(lazyLabelFree, selectors[i] as TextSelector, placedSpans) ??
        relabelledSideAnchor(lazyLabelFree, selectors[i] as TextSelector, placedSpans)),
  );
  // The rank placement once more, framed by what those passes placed too (a relabelled paragraph, farbracket.ts).
  const out = pinnedOrphans(text, lazyDoc, selectors, valid, passes).map(notAgainstFirst);
  const joined = out.map((a, i) =>
    notReplacedInPlace(
      text,
      lazyDoc,
      selectors[i],
      notOwnSideElsewhere(
        text,
        lazyDoc,
        selectors[i],
        notJoiningParted(text, lazyDoc, selectors[i], a === first[i] ? a : notOnOther(text, selectors[i] as TextSelector, a)),
      ),
    ),
  );
  // Each check from here on reads one passage's placement alone: one the caller does not read is left as it is.
  const unread = (i: number) => wanted !== undefined && !wanted[i];
  return (
    islandsOrphaned(
      text,
      selectors,
      valid,
      comparingMarkersLiterally() ? joined : literalOrphans(text, lazyDoc, makeDoc, selectors, valid, joined),
    )
      .map((a, i) => {
        // A restatement of a passage whose paragraph went (restated.ts) is not the passage.
        const s = selectors[i];
        if (!a || !s || unread(i) || (a.start === s.start && atStoredPosition(text, s))) return a;
        // Nor is a copy of its whole old paragraph inside a longer one while that paragraph stands apart
        // (but its own paragraph, a label written at its head, is no longer one: headed.ts; nor is
        // the length of its twin, a paragraph printed twice, a sign: twinlength.ts).
        if (
          otherParagraphsLength(lazyDoc(), s, normaliseQuote(s), toNormalised(lazyDoc(), a.start)) &&
          !ownParagraphHeaded(lazyDoc(), s, a.start, a.end) &&
          !lengthOfTwins(lazyDoc(), s, normaliseQuote(s), toNormalised(lazyDoc(), a.start), a)
        )
          return null;
        // Nor the copy of the quote its own stored context held (contextcopy.ts).
        if (onContextsCopy(lazyDoc(), s, a)) return null;
        // Nor a copy elsewhere while its own place stands with its clause cut out (dropped.ts).
        if (droppedInPlace(lazyDoc(), s, a)) return null;
        // Nor a gained copy apart from the paragraph keeping its old surroundings (restaside.ts).
        if (onGainedRestatement(lazyDoc(), s, a)) return null;
        // Nor a twin paragraph's copy while another copy's paragraph keeps more of its old paragraph (restaside.ts).
        if (onTwinParagraph(lazyDoc(), s, a)) return null;
        // Nor a twin that reads the stored context only across a break, a line moved beside it (twinread.ts).
        if (twinAcrossMovedLine(lazyDoc(), s, a)) return null;
        return onRestatement(lazyDoc(), s, a) || paragraphStandsApart(lazyDoc(), s, a) ? null : a;
      })
      .map((a, i) => {
        if (a || !valid[i] || unread(i)) return a;
        const s = selectors[i] as TextSelector;
        // Only where no pass found a place: a placement refused by a check (a story whose both sides
        // were replaced, a date now after its old neighbour) stays refused.
        // Not inside another passage's old paragraph, unchanged (paragraphs.ts), as for every pass before:
        // an 附件 item's copy of a body sentence, the 附件 split off, leaves the body's paragraph whole.
        return notOnOther(
          text,
          s,
          (out[i] ? null : (ownParagraphAnchor(text, lazyDoc, s) ?? openingAnchor(text, lazyDoc, s))) ??
            partedByLinesAnchor(text, lazyDoc, s) ??
            (out[i] ? null : trimmedInPlaceAnchor(lazyDoc, s)),
        );
      })
      .map((a, i) => {
        // Whatever pass found it: not the quote's words with other marks where the old text had such a look-alike (pinned.ts).
        const s = selectors[i];
        if (!a || !s || unread(i) || (a.start === s.start && atStoredPosition(text, s))) return a;
        const doc = lazyDoc();
        if (innerLineElsewhere(doc, s, a) || crossTailUndecided(doc, s, a) || speakerGone(text, s, a)) return null;
        // Nor a span over the joint of a paragraph printed twice, on the second piece where the copy went (deduped.ts).
        if (acrossGoneJoint(text, s, a)) return null;
        // Nor a span over a break whose distinguishing piece is gone, on a look-alike of its other piece (lostpiece.ts).
        if (spanPieceGoneOnLookAlike(text, s, a)) return null;
        // Nor a copy of the old first line elsewhere while that line still opens the text (firstline.ts).
        if (firstLineElsewhere(doc, s, a)) return null;
        // Nor a copy at the text's edge restated in a paragraph of its own, the old paragraph whole elsewhere (edgerestated.ts).
        if (edgeCopyRestated(doc, s, a)) return null;
        // Nor a copy set apart with none of the stored context, the passage's frame edited elsewhere (setapart.ts).
        if (editedInOwnFrame(doc, s, a)) return null;
        // Nor a copy of that line after a copy of its opening while the line opens the text parted (partedopening.ts).
        if (partedOpeningCopy(doc, s, a)) return null;
        // Nor another paragraph's copy of a repeated sentence while the passage's own place stands edited away (editedaway.ts).
        if (ownPlaceEditedAway(doc, s, a)) return null;
        // Nor a line of a listing the revision wrote (a 目录 copying consecutive lines, listing.ts).
        if (onListing((listings ??= listingBlocks(text, heldBefore)), a.start, a.end)) return null;
        // Nor the line its stored context held next to it, closed up onto its place (closedup.ts).
        if (onClosedUpNeighbour(doc, s, a)) return null;
        // Nor a short quote's next copy, held in its stored side, closed up onto its context (sidecopy.ts).
        if (closedOntoSideCopy(doc, s, a)) return null;
        // Nor other words read like its line while the line stands restated elsewhere beside its context (restatedline.ts).
        if (lineRestatedElsewhere(doc, s, a)) return null;
        // Nor the farther of two printings of its old paragraph, the nearer one without it (twoprintings.ts).
        if (onFartherPrinting(doc, s, a, expectedFromPlaced(placedSpans, s))) return null;
        return onWordsLookAlike(doc, s, toNormalised(doc, a.start), toNormalised(doc, a.end)) ? null : a;
      })
      .map((a, i) => (unread(i) ? a : introducedAnchor(text, lazyDoc, selectors[i], a)))
      // Last, the one copy left of a passage the old text held twice in a run it repeated (deduped.ts).
      .map((a, i) => (a || !valid[i] || unread(i) ? a : dedupedAnchor(text, lazyDoc, selectors[i] as TextSelector)))
  );
}

/** The one copy left of a passage stored in a run the old text repeated, the repeat deleted (deduped.ts), or null. */
function dedupedAnchor(text: string, docFor: () => Doc, s: TextSelector): Anchor | null {
  return exactPlaceAnchor(text, docFor, s, dedupedPlace);
}

/** The passage's exact words at the place a rule of its own file found (`placeOf`), or null. */
function exactPlaceAnchor(
  text: string,
  docFor: () => Doc,
  s: TextSelector,
  placeOf: (doc: Doc, s: TextSelector) => { from: number; to: number } | null,
): Anchor | null {
  const doc = docFor();
  const found = placeOf(doc, s);
  if (!found) return null;
  const query = prepareQuery(text, s);
  return toAnchor(doc, query, scoreAt(doc, query, { start: found.from, end: found.to, errors: 0 }));
}

/** A paragraph's opening placed on its copy in a line written before it goes to the paragraph (introduced.ts). */
function introducedAnchor(text: string, docFor: () => Doc, s: TextSelector | undefined, a: Anchor | null): Anchor | null {
  if (!a || !s || (a.start === s.start && atStoredPosition(text, s))) return a;
  const doc = docFor();
  // A span's larger piece on the question's copy of its paragraph opening: an orphan.
  if (onIntroducedPieceCopy(doc, s, a)) return null;
  const at = introducedCopy(doc, s, a);
  return at === null ? a : copyAnchor(text, doc, s, normaliseQuote(s), at);
}

/** The passage over whole lines inserted inside it (lines.ts), or null. */
function partedByLinesAnchor(text: string, docFor: () => Doc, s: TextSelector): Anchor | null {
  const doc = docFor();
  const found = partedByLinesPlace(doc, s);
  if (!found) return null;
  const query = prepareQuery(text, s);
  const errors = found.to - found.from - query.quote.length;
  return toAnchor(doc, query, scoreAt(doc, query, { start: found.from, end: found.to, errors }));
}

/** The first words of the text, still opening it and held nowhere else (opening.ts), or null. */
function openingAnchor(text: string, docFor: () => Doc, s: TextSelector): Anchor | null {
  return exactPlaceAnchor(text, docFor, s, openingPlace);
}

/** The passage's kept words where one run of it was cut or rewritten in place, both sides exact (trimmedinplace.ts). */
function trimmedInPlaceAnchor(docFor: () => Doc, s: TextSelector): Anchor | null {
  const doc = docFor();
  // Or its head or tail rewritten where the sides do not both stand exactly (rewrittenEdge).
  const kept = trimmedInPlace(doc, s) ?? rewrittenEdge(doc, s);
  if (!kept) return null;
  const start = doc.norm.map[kept.from] ?? 0;
  const end = doc.norm.ends[kept.to - 1] ?? start;
  return { start, end, score: Math.round((900 * (kept.to - kept.from)) / Math.max(1, normaliseQuote(s).length)) / 1000 };
}

/** The passage in its own paragraph, found whole among other neighbours (ownpara.ts), or null. */
function ownParagraphAnchor(text: string, docFor: () => Doc, s: TextSelector): Anchor | null {
  const doc = docFor();
  const found = ownParagraphPlace(doc, s);
  if (!found) return null;
  const query = prepareQuery(text, s);
  return toAnchor(doc, query, scoreAt(doc, query, { start: found.from, end: found.to, errors: 0 }));
}

/** The first of two side-by-side copies of the quote that a paste twice in a row left (stutter.ts), or null. */
function stutterPlace(text: string, docFor: () => Doc, s: TextSelector, placed: readonly PlacedSpan[]): Anchor | null {
  const doc = docFor();
  const pair = stutterPair(doc, s);
  if (pair === null) return null;
  const [first, second] = pair;
  // A passage stored at the old text's edge: the copy still at that edge, or an orphan (stutter.ts pairAtEdges).
  const edges = pairAtEdges(doc, s, pair);
  if (edges === 'none') return null;
  const at = edges === 'second' ? second : first;
  // A paragraph pair in a text that sets sentences apart as lines (pull quotes, a summary): either may be new (setapart.ts).
  if (edges === 'free' && pairAmongCopiesSetApart(doc, first, second)) return null;
  // The first copy is the passage's only where it is no farther than the second from where the
  // passage would be (its old place, and that moved as its nearest placed passage before it moved): a
  // paragraph pasted in front of its own (a copy inserted, the text reordered around it) sets
  // the passage second, and nothing in the words tells which: an orphan.
  const expected = expectedFromPlaced(placed, s);
  const gap = (o: number) => Math.min(...expected.map((e) => Math.abs((doc.norm.map[o] ?? 0) - e)));
  if (edges === 'free' && gap(second) < gap(first)) return null;
  const query = prepareQuery(text, s);
  return toAnchor(doc, query, scoreAt(doc, query, { start: at, end: at + query.quote.length, errors: 0 }));
}

/** Old-text distance within which a placed neighbour's move says where the passage would be. */
const EXPECTED_GAP = 3000;

/**
 * The passage's old place, and that moved as the nearest placed passage BEFORE it (within
 * EXPECTED_GAP) moved. Not the one after: a paragraph pasted twice at its own place shifts every
 * passage after it by one copy, so the passage after always points at the second copy.
 */
function expectedFromPlaced(placed: readonly PlacedSpan[], s: TextSelector): number[] {
  let before: PlacedSpan | undefined;
  for (const p of placed) if (p.oldEnd <= s.start && (!before || p.oldStart > before.oldStart)) before = p;
  const out = [s.start];
  if (before && s.start - before.oldStart <= EXPECTED_GAP) out.push(s.start + before.newStart - before.oldStart);
  return out;
}

/**
 * Whether the old text held `words` where the batch's selectors saw it (any stored quote with
 * its context, or paragraph piece, comparison form): the old words around every highlight of
 * the article, built once, on the first call.
 */
function storedWordsOf(selectors: readonly TextSelector[], valid: readonly boolean[]): (words: string) => boolean {
  let stored: string | null = null;
  return (words) => {
    stored ??= selectors
      .filter((_, i) => valid[i])
      .map((s) =>
        [normalisePrefix(s) + normaliseQuote(s) + normaliseSuffix(s), ...(s.restBefore ?? []), ...(s.restAfter ?? [])].join('\u0000'),
      )
      .join('\u0000');
    return stored.includes(words);
  };
}

/** The passage over a phrase the revision inserted inside it and elsewhere too (inserted.ts), or null. */
function insertedPhraseAnchor(text: string, docFor: () => Doc, s: TextSelector, heldBefore: (words: string) => boolean): Anchor | null {
  const doc = docFor();
  const found = insertedPhrasePlace(doc, s, heldBefore);
  if (!found) return null;
  const query = prepareQuery(text, s);
  return toAnchor(doc, query, scoreAt(doc, query, { start: found.from, end: found.to, errors: found.phrase.length }));
}

/** The passage read with its nearest context across non-Han runs written among them (linked.ts), or null. */
function linkedAnchor(text: string, docFor: () => Doc, s: TextSelector): Anchor | null {
  const doc = docFor();
  const found = linkedPlace(doc, s);
  if (!found) return null;
  const query = prepareQuery(text, s);
  return toAnchor(
    doc,
    query,
    scoreAt(doc, query, { start: found.from, end: found.to, errors: Math.abs(found.to - found.from - query.quote.length) }),
  );
}

/** The passage read through a line-numbered copy's line numbers (numbered.ts), or null. */
function numberedLinesAnchor(text: string, docFor: () => Doc, s: TextSelector): Anchor | null {
  const doc = docFor();
  const found = numberedLinesPlace(doc, s);
  if (!found) return null;
  const query = prepareQuery(text, s);
  const from = toNormalised(doc, found.start);
  const to = toNormalised(doc, found.end);
  const a = toAnchor(doc, query, scoreAt(doc, query, { start: from, end: to, errors: Math.abs(to - from - query.quote.length) }));
  // From the passage's first word to its last: a line's number before it is not the passage's.
  return { ...a, start: found.start, end: found.end };
}

/** The passage in a page of columns copied row by row, its context read through the columns (columns.ts), or null. */
function columnsAnchor(text: string, docFor: () => Doc, s: TextSelector): Anchor | null {
  const doc = docFor();
  const found = columnsPlace(doc, s);
  if (!found) return null;
  const query = prepareQuery(text, s);
  return toAnchor(doc, query, scoreAt(doc, query, { start: found.from, end: found.to, errors: 0 }));
}

/** The passage with non-Han runs (a link's address, a post marker) written inside it (latin-inside.ts), or null. */
function latinInsideAnchor(text: string, docFor: () => Doc, s: TextSelector): Anchor | null {
  const doc = docFor();
  const found = latinInsidePlace(doc, s);
  if (!found) return null;
  const query = prepareQuery(text, s);
  return toAnchor(doc, query, scoreAt(doc, query, { start: found.from, end: found.to, errors: found.written }));
}

/**
 * The passage at the raw place a pass found, or null: a transcript cleaned up (fillers dropped,
 * doubled words said once; spoken.ts), a 、-list reordered (reordered.ts).
 */
function rawPlaceAnchor(
  text: string,
  docFor: () => Doc,
  s: TextSelector,
  place: (doc: Doc, s: TextSelector) => { start: number; end: number } | null,
): Anchor | null {
  const doc = docFor();
  const found = place(doc, s);
  if (!found) return null;
  const query = prepareQuery(text, s);
  const from = toNormalised(doc, found.start);
  const to = toNormalised(doc, found.end - 1) + 1;
  return toAnchor(doc, query, scoreAt(doc, query, { start: from, end: to, errors: Math.abs(query.quote.length - (to - from)) }));
}

/**
 * A short passage with one unit corrected, its context standing on both sides (corrected.ts), or
 * null; also null outside the new range between its placed neighbours when they bracket it: the
 * same frame elsewhere (a page printed twice, a unit edited there) is another copy.
 */
function oneUnitCorrectedAnchor(text: string, docFor: () => Doc, s: TextSelector, placed: readonly PlacedSpan[]): Anchor | null {
  const doc = docFor();
  const at = oneUnitCorrectedPlace(doc, s);
  if (at === null) return null;
  const query = prepareQuery(text, s);
  const a = toAnchor(doc, query, scoreAt(doc, query, { start: at, end: at + query.quote.length, errors: 1 }));
  const bracket = pinnedBracket(placed, s);
  return bracket && (a.start < bracket[0] || a.end > bracket[1]) ? null : a;
}

/**
 * A passage with a word written twice inside it (doubledrun.ts), or null; also null outside the
 * new range between its placed neighbours when they bracket it (as oneUnitCorrectedAnchor).
 */
function doubledRunAnchor(text: string, docFor: () => Doc, s: TextSelector, placed: readonly PlacedSpan[]): Anchor | null {
  const doc = docFor();
  const at = doubledRunPlace(doc, s);
  if (!at) return null;
  const query = prepareQuery(text, s);
  const a = toAnchor(doc, query, scoreAt(doc, query, { start: at.start, end: at.end, errors: at.end - at.start - query.quote.length }));
  const bracket = pinnedBracket(placed, s);
  return bracket && (a.start < bracket[0] || a.end > bracket[1]) ? null : a;
}

/**
 * A passage whose paragraphs' speaker labels were restyled (relabelled.ts), or null; also null
 * outside the new range between its placed neighbours when they bracket it (a page printed twice
 * with its labels alternating otherwise is another copy).
 */
function relabelledAnchor(formFor: () => LabelFree, s: TextSelector, placed: readonly PlacedSpan[]): Anchor | null {
  const a = relabelledPlace(formFor, s);
  if (!a) return null;
  const bracket = pinnedBracket(placed, s);
  return bracket && (a.start < bracket[0] || a.end > bracket[1]) ? null : a;
}

/** A relabelled passage with one side's paragraph gone (relabelledside.ts), only between its placed neighbours. */
function relabelledSideAnchor(formFor: () => LabelFree, s: TextSelector, placed: readonly PlacedSpan[]): Anchor | null {
  const bracket = pinnedBracket(placed, s);
  if (!bracket) return null;
  const a = relabelledOneSide(formFor, s);
  return a && a.start >= bracket[0] && a.end <= bracket[1] ? a : null;
}

/** The placed passages of a batch, old and new ranges, those chosen among copies by position alone left out. */
function spansPlaced(selectors: readonly TextSelector[], out: readonly (Anchor | null)[]): PlacedSpan[] {
  const placed: PlacedSpan[] = [];
  out.forEach((a, i) => {
    const s = selectors[i];
    if (a && s && !byPosition.has(a)) placed.push({ oldStart: s.start, oldEnd: s.end, newStart: a.start, newEnd: a.end });
  });
  return placed;
}

/**
 * The orphans left whose stored quote or context holds a paragraph marker, looked for once more
 * with markers compared literally (as before markers were one unit): a marker kept as written is
 * evidence of several units there, not one (a unit edited in a short quote beside 第十五条 is
 * then still within reach), and a marker an edit turned into words (第六十六条 → 第六十) is
 * compared on its characters. Such a placement stands only where no marker of its paragraph up to
 * its end differs from the stored ones: a restyled or renumbered label is the one case the
 * literal form gets wrong (it prefers a copy under a label that looks like the old one).
 */
function literalOrphans(
  text: string,
  docFor: () => Doc,
  makeDoc: (text: string) => Doc,
  selectors: readonly TextSelector[],
  valid: readonly boolean[],
  out: (Anchor | null)[],
): (Anchor | null)[] {
  let literalDoc: Doc | null = null;
  // The batch's own literal form (shared with anchorSelectors' second run, see batchDocuments).
  const lazyLiteral = () => (literalDoc ??= withMarkersLiteral(() => makeDoc(text)));
  return out.map((a, i) => {
    const s = selectors[i];
    // Only a quote the old text held once: the literal form gets no check among copies here.
    if (a || !s || !valid[i] || s.copies !== 0) return a;
    const markers = storedMarkers(s);
    if (markers.length === 0) return a;
    // Nor one the new text now holds more often (a page printing the paragraph again, a list item
    // under its ★ restored beside its copy): the first pass left it an orphan among copies that
    // the context and neighbours could not tell apart, and this pass, choosing by position, would
    // take the nearest, which may be the other printing.
    if (withMarkersLiteral(() => copiesGained(lazyLiteral(), normaliseQuote(s), s))) return a;
    const found = withMarkersLiteral(() => notOnOther(text, s, anchorIn(text, lazyLiteral, s)));
    if (!found || !literalStands(docFor(), s, markers, found)) return a;
    return notJoiningParted(text, docFor, s, found);
  });
}

/** Whether every paragraph marker from the head of `a`'s paragraph to its end is one of `stored`, as written. */
function markersAsStored(doc: Doc, stored: readonly string[], a: Anchor): boolean {
  const head = doc.raw.lastIndexOf('\n', a.start - 1) + 1;
  const { text, map, ends } = doc.norm;
  for (let i = toNormalised(doc, head); i < text.length && (map[i] ?? 0) < a.end; i++) {
    if (text.charCodeAt(i) === HEAD_MARK && !stored.includes(doc.raw.slice(map[i], ends[i]))) return false;
  }
  return true;
}

/** Units by which an island's shift must differ from both runs around it (a paragraph's edits are far less). */
const ISLAND_SHIFT = 1000;

/**
 * Placed passages that moved together (a run: neighbours in the old text, shifts within
 * SHIFT_TOLERANCE of each other) by an amount more than ISLAND_SHIFT apart from the runs on both
 * sides, while staying between them in the new text, with passages now orphans (their words
 * gone) between it and each of those runs, and fewer members than either: text on both sides
 * of it was replaced, and the run was found inside the replacement. A section replaced by pages
 * that print the same story again holds the passages' words and context exactly, and so does a
 * story kept while the text around it was replaced; what describe() stored cannot tell the two
 * apart, and placed on a reprint they would be wrong. They are orphans. A block moved away lands
 * outside its neighbours' span, or has no orphans beside it, and is left alone.
 */
function islandsOrphaned(
  text: string,
  selectors: readonly TextSelector[],
  valid: readonly boolean[],
  out: (Anchor | null)[],
): (Anchor | null)[] {
  const order = selectors
    .map((s, i) => i)
    .filter((i) => valid[i])
    .sort((x, y) => (selectors[x] as TextSelector).start - (selectors[y] as TextSelector).start);
  interface Run {
    members: number[];
    /** Orphans before the run (after the previous one). */
    orphansBefore: number;
  }
  const runs: Run[] = [];
  let orphans = 0;
  let last: { shift: number } | null = null;
  for (const i of order) {
    const a = out[i];
    const s = selectors[i] as TextSelector;
    if (!a) {
      orphans++;
      continue;
    }
    const shift = a.start - s.start;
    const run = runs[runs.length - 1];
    if (run && last && orphans === 0 && Math.abs(shift - last.shift) <= SHIFT_TOLERANCE) run.members.push(i);
    else runs.push({ members: [i], orphansBefore: orphans });
    orphans = 0;
    last = { shift };
  }
  const shiftOf = (i: number) => (out[i] as Anchor).start - (selectors[i] as TextSelector).start;
  const islands: Run[] = [];
  for (let r = 1; r + 1 < runs.length; r++) {
    const prev = runs[r - 1] as Run;
    const run = runs[r] as Run;
    const next = runs[r + 1] as Run;
    if (run.orphansBefore === 0 || next.orphansBefore === 0) continue;
    if (run.members.length >= prev.members.length || run.members.length >= next.members.length) continue;
    const first = run.members[0] as number;
    const lastMember = run.members[run.members.length - 1] as number;
    const before = prev.members[prev.members.length - 1] as number;
    const after = next.members[0] as number;
    const shift = shiftOf(first);
    if (Math.abs(shift - shiftOf(before)) <= ISLAND_SHIFT || Math.abs(shift - shiftOf(after)) <= ISLAND_SHIFT) continue;
    if (Math.abs(shiftOf(lastMember) - shiftOf(after)) <= ISLAND_SHIFT) continue;
    // Between the runs around it in the new text: found inside what replaced the text there.
    if ((out[first] as Anchor).start < (out[before] as Anchor).start || (out[lastMember] as Anchor).start > (out[after] as Anchor).start)
      continue;
    // One still at its stored position, context and all, is beyond doubt.
    if (run.members.some((i) => out[i]?.start === selectors[i]?.start && atStoredPosition(text, selectors[i] as TextSelector))) continue;
    islands.push(run);
  }
  if (islands.length === 0) return out;
  const result = [...out];
  for (const run of islands) for (const i of run.members) result[i] = null;
  return result;
}

/**
 * The orphans left whose quote the old text held once, found once between the new places of
 * their placed neighbours, exactly or read through OCR look-alikes (pinned.ts).
 */
function pinnedOrphans(
  text: string,
  docFor: () => Doc,
  selectors: readonly TextSelector[],
  valid: readonly boolean[],
  out: (Anchor | null)[],
): (Anchor | null)[] {
  if (!out.some((a, i) => a === null && valid[i] && typeof selectors[i]?.copies === 'number')) return out;
  const placed = spansPlaced(selectors, out);
  const growth = textGrowth(placed);
  let oldEnd: number | null | undefined;
  return out.map((a, i) => {
    const s = selectors[i];
    if (a || !s || !valid[i] || typeof s.copies !== 'number') return a;
    // Else, for a quote held several times, neighbours however far when the text between them only lost words (farbracket.ts).
    const near = pinnedBracket(placed, s, growth);
    const far = near ? null : farBracket(placed, s, (oldEnd ??= oldTextEnd(selectors)), text.length, growth);
    const bracket = near ?? far;
    // A quote held once and now printed again has no far bracket: only its frame's lone copy (farbracket.ts).
    if (!bracket && s.copies !== 0) return a;
    const doc = docFor();
    const query = prepareQuery(text, s);
    if (query.quote.length === 0) return a;
    // A count changed: the one copy in a frame that held no other and did not grow (farbracket.ts).
    const found =
      (bracket ? pinnedPlace(doc, query, s, bracket, far !== null) : null) ??
      loneCopyInFrame(doc, query, s, placed, (oldEnd ??= oldTextEnd(selectors)));
    if (!found) return a;
    // A copy of a quote the old text held twice, inside other words there (a heading or a question
    // repeating the quote's words: less than half the stored context beside it), reading no more of
    // the stored context than that copy had: that copy, unchanged, while the passage's own went and a
    // copy was gained (a 专题 printing part of the page again keeps the count): the rank tells nothing.
    if (otherCopysContext(doc, s, found.start, found.end) && !printedAlike(doc, s, found.start, found.end)) return a;
    const c = scoreAt(doc, query, found);
    // The passage's own place, edited, still stands between its stored context elsewhere: this is a copy.
    if (ownPlaceElsewhere(doc, query, c)) return a;
    return toAnchor(doc, query, c);
  });
}

/**
 * A placement may be on another passage's words when nothing but the context chose it: the new
 * text holds fewer copies of the quote than the old text did (copiesLost: its own words may be the
 * ones deleted or edited; then an approximate placement too), or another copy stands nearer
 * where the passage would be (nearerCopy: its old place, moved as placed neighbours moved; a
 * copy far away can keep all the context an edit took from the passage's own), or the placed
 * words differ from the quote as much as a look-alike of the old text did (lookalikes.ts).
 * Such a placement stands at its stored position with its context, or where more of the
 * stored context stands next to it than stood next to any other copy in the old text
 * (ownContextAt), or inside the window that sure neighbours on both sides agree on (placed on
 * their own evidence: not chosen among copies by position, not in such doubt themselves).
 * Otherwise it is an orphan, which the neighbour pass may still find inside its window.
 * Before that, a placement on a pull quote restating another paragraph moves to the copy there,
 * and one on another copy than the passage's rank, the count unchanged, moves to that copy
 * (rankedCopy) instead of being an orphan.
 */
function confirmedCopies(
  text: string,
  docFor: () => Doc,
  selectors: readonly TextSelector[],
  placements: (Anchor | null)[],
): { first: (Anchor | null)[]; recheck: (a: Anchor | null, i: number) => Anchor | null } {
  /** The exact copy of the quote `a` sits on, in the comparison form, or null for an edited place. */
  const onCopy = (a: Anchor, s: TextSelector) => {
    const doc = docFor();
    const quote = normaliseQuote(s);
    const from = toNormalised(doc, a.start);
    const to = toNormalised(doc, a.end);
    return doc.norm.text.slice(from, to) === quote ? { doc, quote, from, to } : null;
  };
  // A copy that restates another paragraph, when the new text gained copies, is new text: the
  // passage is the copy in the paragraph restated (when half its stored context stands there).
  // On a paragraph set twice in a row it is an orphan: the context cannot say which of the two
  // is new, nor can neighbours (the break between them is all that separates them). Applied
  // again to what the neighbour pass finds (recheck).
  const unrestated = (a: Anchor | null, s: TextSelector | undefined): Anchor | null => {
    if (!a || !s || (a.start === s.start && atStoredPosition(text, s))) return a;
    const copy = onCopy(a, s);
    if (!copy || !copiesGained(copy.doc, copy.quote, s)) return a;
    const sources = restatedFrom(copy.doc, copy.quote, copy.from).filter((o) => !fartherAway(copy.doc, s, copy.from, o));
    const source = likestParagraph(copy.doc, s, copy.quote, copy.from, sources);
    // Not from a paragraph cut inside its old words (a page number and running header set
    // mid-sentence) reading more of the stored context than that copy: the longer paragraph quotes
    // the old one whole (an 附件 item), the cut one keeps the passage's context (cutrestated.ts).
    if (source !== null && cutCopyOutreads(copy.doc, s, copy.from, copy.to, source)) return a;
    // Nor from a paragraph whose stored context runs on past its edge, the old neighbour's words
    // there: it kept the passage's surroundings, the restated one is set apart (pastedge.ts).
    if (source !== null && readsPastOwnEdge(copy.doc, s, copy.from, copy.to, source)) return a;
    if (source !== null) return copyAnchor(text, copy.doc, s, copy.quote, source);
    return twinBeside(copy.doc, copy.from) ? null : a;
  };
  placements = placements.map((a, i) => unrestated(a, selectors[i]));
  const gainedCopies = (s: TextSelector) => {
    if (s.copies !== 0) return false;
    const doc = docFor();
    return copiesGained(doc, normaliseQuote(s), s);
  };
  // Passages whose quote the old text held once (copies 0, or not recorded by older selectors),
  // placed: where they went says where the text moved.
  const unique: Placed[] = [];
  placements.forEach((a, i) => {
    const s = selectors[i];
    // One now held more often may sit on a copy added with its context: it says nothing.
    if (a && s && !s.copies && !byPosition.has(a) && !gainedCopies(s))
      unique.push({ start: s.start, end: s.end, shift: a.start - s.start, guessed: false });
  });
  unique.sort((x, y) => x.start - y.start);
  /** The nearest unique placed passage on each side of `s`, on other old words only (those over its own were placed by the same words). */
  const nearestUnique = (s: TextSelector): { before?: Placed; after?: Placed } => {
    let before: Placed | undefined;
    for (const p of unique) {
      if (p.end <= s.start) before = p;
      else if (p.start >= s.end) return { before, after: p };
    }
    return { before };
  };
  /** Where the passage would be: its old place, and that moved as the nearest unique placed passage on each side moved. */
  const expectedAt = (s: TextSelector): number[] => {
    const out = [s.start];
    const { before, after } = nearestUnique(s);
    for (const p of [before, after]) if (p && Math.abs(p.start - s.start) <= NEIGHBOUR_GAP) out.push(s.start + p.shift);
    return out;
  };
  /** Whether the nearest unique placed passages on both sides of `s` (within NEIGHBOUR_GAP) moved by amounts more than `span` apart. */
  const movedApart = (s: TextSelector, span: number): boolean => {
    const { before, after } = nearestUnique(s);
    if (!before || !after || s.start - before.start > NEIGHBOUR_GAP || after.start - s.start > NEIGHBOUR_GAP) return false;
    return Math.abs(before.shift - after.shift) > span;
  };
  // A quote the new text holds more often than the old one did, placed on a copy that has less
  // of the stored context than another copy nearer where the passage would be: a copy set apart
  // (a pull quote, a paragraph edge kept but no context) is new text, and the passage, its breaks
  // rewritten, is the copy that kept its surroundings. Applied again to what the neighbour pass finds.
  const betterCopy = (a: Anchor | null, s: TextSelector | undefined): Anchor | null => {
    if (!a || !s || (a.start === s.start && atStoredPosition(text, s))) return a;
    const copy = onCopy(a, s);
    if (!copy || !copiesGained(copy.doc, copy.quote, s)) return a;
    const { doc, quote, from, to } = copy;
    // Only from a copy set apart, its paragraph the quote alone: one inside a paragraph keeps
    // the words around it, and a caption that copied a clause can match more context by chance.
    if (paragraphLength(doc, from, to) > quote.length + SET_APART_SLACK) return a;
    const expected = expectedAt(s);
    const gap = (o: number) => Math.min(...expected.map((e) => Math.abs((doc.norm.map[o] ?? 0) - e)));
    let best = from;
    let most = contextAt(doc, s, from, to).found;
    let tie = false;
    for (const o of occurrencesIn(doc, quote, MAX_COPIES)) {
      if (o === from) continue;
      const found = contextAt(doc, s, o, o + quote.length).found;
      if (found > most) {
        best = o;
        most = found;
        tie = false;
      } else if (found === most) tie = true;
    }
    if (best === from || tie || gap(best) >= gap(from)) return a;
    // Not onto a copy that is itself set apart (a pull quote restating a paragraph, or one of a
    // paragraph set twice across a break): that is what unrestated refuses.
    if (twinBeside(doc, best) || restatedFrom(doc, quote, best).length > 0) return a;
    if (most <= contextAt(doc, s, from, to).found + OWN_CONTEXT_MARGIN || !ownContextAt(doc, s, best, best + quote.length)) return a;
    return copyAnchor(text, doc, s, quote, best) ?? a;
  };
  placements = placements.map((a, i) => betterCopy(a, selectors[i]));
  /**
   * 0: not in doubt; 1: in doubt; 2: confirmed by its own context (more of it than any other copy
   * had). `ranked`: for a placement on another copy than the one of the passage's rank, that copy
   * (or null when too little of its context stands there).
   */
  const doubt = (
    a: Anchor,
    s: TextSelector,
  ): {
    level: 0 | 1 | 2;
    ranked?: Anchor | null;
    firm?: boolean;
    asOther?: boolean;
    acrossLines?: boolean;
    outread?: boolean;
  } => {
    if ((s.copies ?? 0) > 0) {
      const doc = docFor();
      const quote = normaliseQuote(s);
      const from = toNormalised(doc, a.start);
      const to = toNormalised(doc, a.end);
      // One of the quote's copies lost (the passage's own, edited or deleted, or another). More
      // context than any other copy had does not confirm words no closer than a look-alike was.
      // Nor does a few units more than the other copy had when all but a remnant of the context is
      // gone: the edit that took the passage's own copy took its surroundings too.
      if (copiesLost(doc, quote, s)) {
        // The context more than the other copy's in unbroken runs too: past an edit a stored side
        // shares a few units with any text by chance (a dropped paragraph's next line read
        // against the sentence after the other copy), which is no sign of the passage's place.
        const confirmed =
          ownContextAt(doc, s, from, to) &&
          contextRunsAt(doc, s, from, to) > (s.copyContext ?? 0) &&
          contextRemainsAt(doc, s, from, to) &&
          !lookAlikeAt(doc, s, from, to) &&
          !onlyItsSentence(doc, s, from, to) &&
          // Nor where the passage's own copy stands led in, its list marker no longer heading a paragraph (ledin.ts).
          !ownCopyLedIn(doc, s, from, to) &&
          // Nor a copy an edit beside it brought a few units nearer, no more than it still misses (neared.ts).
          !otherCopyNeared(doc, s, from, to);
        // No more context than the other copy had, and less than the passage had: that copy, its
        // twin deleted, standing about where the passage stood, so nearby neighbours cannot tell
        // either. (Copies with all the context alike are left to the neighbours.)
        return {
          level: confirmed ? 2 : 1,
          firm: !confirmed && (otherCopysContext(doc, s, from, to) || parallelLineCopy(doc, s, from, to)),
          asOther: !confirmed && noMoreThanACopyHad(doc, s, from, to),
        };
      }
      // More copies than the old text held (a page printing the story twice), and no more of the
      // stored context here than another copy had: the context cannot tell this copy from the
      // passage's, and with copies added its rank says nothing either. Only sure neighbours can.
      if (doc.norm.text.slice(from, to) === quote && copiesGained(doc, quote, s) && !ownContextAt(doc, s, from, to)) return { level: 1 };
      // A twin that gained the stored context too, as much of it but a mark: only neighbours can tell (twinread.ts).
      if (doc.norm.text.slice(from, to) === quote && twinReadsAlike(doc, s, quote, from, to)) return { level: 1 };
      if (doc.norm.text.slice(from, to) === quote) {
        // On the very words of the quote, the count unchanged: the copy of the passage's rank, or
        // another copy nearer where the passage would be.
        const ranked = rankedCopy(text, doc, s, quote, from, to);
        // The copy of the passage's rank farther from where the passage would be than the copy
        // placed: rank and position disagree (paragraphs moved across the copies), and neither
        // says which is the passage's. Only sure neighbours can. Nor is the rank taken where the
        // passage's neighbours on its two sides moved apart by more than the copies lie apart:
        // blocks moved across the copies (answers reordered over a text printing a page twice).
        if (ranked && (fartherFrom(expectedAt(s), ranked.start, a.start) || movedApart(s, Math.abs(ranked.start - a.start))))
          return { level: 1, ranked: null };
        // The placement reads more of both stored sides than the rank's copy does (splitsides.ts):
        // the rank's copy stands only where the neighbour pass moves it (a window of sure
        // neighbours); where it stays there, rank and context disagree, and neither is taken. Only
        // where the placement has more stored context than any other copy had (not that copy unchanged).
        if (
          ranked &&
          contextAt(doc, s, from, to).found > (s.copyContext ?? Infinity) &&
          outreads(doc, s, quote, from, toNormalised(doc, ranked.start))
        )
          return { level: 1, ranked, outread: true };
        if (ranked !== undefined)
          return {
            level: 1,
            ranked,
            acrossLines: ranked === null && ownContextAt(doc, s, from, to) && !ownContextBesideLines(doc, s, from, to),
          };
        // A quote held past the count, on a far twin no better read than in the old text (twinorder.ts).
        if (commonQuoteOnFarTwin(doc, s, quote, from, to, a.start, expectedAt(s))) return { level: 1 };
        if (nearerCopy(doc, quote, expectedAt(s), a)) {
          // Context says the placement; rank and the neighbours on both sides say another copy (rankframed.ts).
          if (rankCopyFramed(doc, s, quote, a, from, nearestUnique(s))) return { level: 1 };
          return { level: ownContextAt(doc, s, from, to) && !onlyItsSentence(doc, s, from, to) ? 2 : 1 };
        }
      }
    } else if (s.copies === 0) {
      // A quote the old text held once, now held more often: a copy far from where the passage
      // would be, with another copy there, may be new text that took the context along (a page
      // of the same story added), and no context can confirm it; placed neighbours can.
      const doc = docFor();
      const quote = normaliseQuote(s);
      const from = toNormalised(doc, a.start);
      if (doc.norm.text.startsWith(quote, from) && copiesGained(doc, quote, s) && farCopy(doc, quote, expectedAt(s), a))
        return { level: 1 };
      // The passage opened (closed) the old text and a copy still opens (closes) the new one with the
      // stored side's nearest units beside it, while the placement is another copy with more of that
      // side: the same words copied along (a 相关阅读 line repeating the first line) or set on top.
      // The edge is context no copy elsewhere has, the longer side says the same; nothing tells which,
      // nor can neighbours (the copies stand a line apart).
      if (doc.norm.text.startsWith(quote, from) && copiesGained(doc, quote, s) && copyAtTextEdge(doc, s, quote, from))
        return { level: 1, firm: true };
    }
    // A placement on words no closer to the quote than a look-alike of the old text was.
    const doc = docFor();
    if (lookAlikeAt(doc, s, toNormalised(doc, a.start), toNormalised(doc, a.end))) return { level: 1 };
    // On the quote's words where the look-alike may have been edited into them (lookalikes.ts).
    if ((s.copies ?? 0) === 0 && lookAlikeBecameQuote(doc, s, toNormalised(doc, a.start), toNormalised(doc, a.end - 1) + 1))
      return { level: 1 };
    // On a look-alike's very words, unchanged: the look-alike. Neighbours cannot say otherwise, as
    // its neighbour deleted, it stands about where the passage stood (a look-alike is near text).
    // Nor those words with a lead-in written at one edge, fewer units off than the look-alike was (lookalikes.ts).
    if (
      onLookAlikeWords(doc, s, toNormalised(doc, a.start), toNormalised(doc, a.end - 1) + 1) ||
      onLookAlikeLedIn(doc, s, normaliseQuote(s), toNormalised(doc, a.start), toNormalised(doc, a.end - 1) + 1)
    )
      return { level: 1, firm: true };
    return { level: 0 };
  };
  // The copy of the passage's own rank, where a placement on another copy in doubt goes instead.
  const ranked: (Anchor | null)[] = placements.map(() => null);
  // In doubt that no neighbour lifts.
  const firm = placements.map(() => false);
  // In doubt with no more context than another copy had: it may be that copy, unchanged.
  const asOther = placements.map(() => false);
  // In doubt, confirmed only by context read across a line no longer beside it (rankedCopy).
  const acrossLines = placements.map(() => false);
  // In doubt, the rank's copy outread by the placement: not taken unless the neighbour pass moves it.
  const outread = placements.map(() => false);
  const state = placements.map((a, i) => {
    const s = selectors[i];
    if (!a || !s || (a.start === s.start && atStoredPosition(text, s))) return 0;
    const d = doubt(a, s);
    if (d.ranked) ranked[i] = d.ranked;
    if (d.firm) firm[i] = true;
    if (d.asOther) asOther[i] = true;
    if (d.acrossLines) acrossLines[i] = true;
    if (d.outread) outread[i] = true;
    return d.level;
  });
  // A placement the neighbour pass found for a passage the first pass left an orphan is held to
  // the doubts no neighbour lifts (firm): a copy of a quote the old text held twice, one copy
  // lost, with no more of the stored context than the other copy had (a paragraph an excerpt
  // dropped, the same figure still standing in the lead) sits inside the neighbours' window
  // only because the dropped block widened it.
  const notFirm = (a: Anchor | null, i: number): Anchor | null => {
    const s = selectors[i];
    if (!a || !s || placements[i] || (a.start === s.start && atStoredPosition(text, s))) return a;
    return doubt(a, s).firm ? null : a;
  };
  const none = {
    first: placements,
    recheck: (a: Anchor | null, i: number) => (a === placements[i] ? a : notFirm(betterCopy(unrestated(a, selectors[i]), selectors[i]), i)),
  };
  if (!state.includes(1)) return none;
  const sure: Placed[] = [];
  const inSureWindow = (a: Anchor, s: TextSelector) => {
    const w = shiftWindow(sure, s, true, SHIFT_TOLERANCE);
    return w !== null && a.start >= s.start + w.lo && a.start <= s.start + w.hi;
  };
  // A sure placement on its own quote's very words, over the passage's old words, puts the passage exactly.
  const inSureCopy = (a: Anchor, s: TextSelector, i: number) =>
    placements.some((p, j) => {
      const t = selectors[j];
      if (j === i || !p || !t || state[j] === 1 || byPosition.has(p) || t.start > s.start || t.end < s.end) return false;
      const copy = onCopy(p, t);
      return (
        copy !== null &&
        toNormalised(copy.doc, a.start) === copy.from + normalise(t.exact.slice(0, s.start - t.start), quoteAtHead(t)).length
      );
    });
  // A sure placement on its own words close by in the old text that moved by the same amount: one paragraph moved.
  const movedWithSure = (a: Anchor, s: TextSelector, i: number, acrossBreaks = false) =>
    placements.some((p, j) => {
      const t = selectors[j];
      if (j === i || !p || !t || state[j] === 1 || byPosition.has(p) || (t.end > s.start && t.start < s.end)) return false;
      // A neighbour in another old paragraph moves along with a copy of the quote in the next
      // paragraph just as well when the passage's paragraph was dropped and the next one is its
      // look-alike (parallel paragraphs of a spec list): only a neighbour of its own paragraph
      // says that a placement that may be the other copy is the passage. Nor, for a placement on
      // another copy than the passage's rank, does the next paragraph moving with it: blocks
      // reordered across the copies carry their own paragraphs, not the passage's (acrossBreaks
      // asks whether such a neighbour moved with it: then rank and neighbours disagree).
      if ((asOther[i] || ((ranked[i] || acrossLines[i]) && !acrossBreaks)) && breakBetween(s, t)) return false;
      if (!(Math.abs(t.start - s.start) <= ALONG_GAP && Math.abs(p.start - t.start - (a.start - s.start)) <= SHIFT_SLACK)) return false;
      const copy = onCopy(p, t);
      // Not a neighbour placed among its own copies by context alone: the same twin's words placed both (twinorder.ts).
      return copy !== null && !placedByContextAmongCopies(copy.doc, t, copy.from, p);
    });
  for (let changed = true; changed;) {
    changed = false;
    sure.length = 0;
    placements.forEach((a, i) => {
      const s = selectors[i];
      if (a && s && state[i] !== 1 && !byPosition.has(a))
        sure.push({ start: s.start, end: s.end, shift: a.start - s.start, guessed: false });
    });
    sure.sort((x, y) => x.start - y.start);
    placements.forEach((a, i) => {
      const s = selectors[i];
      if (state[i] === 1 && a && s && (inSureCopy(a, s, i) || (!firm[i] && (inSureWindow(a, s) || movedWithSure(a, s, i))))) {
        state[i] = 2;
        changed = true;
      }
    });
  }
  // Still in doubt, on another copy than the passage's rank, with a neighbour in the next paragraph
  // moved along with the placement: rank and neighbours disagree, and neither is taken (an orphan).
  const disputed = placements.map((a, i) => {
    const s = selectors[i];
    return state[i] === 1 && (!!ranked[i] || acrossLines[i]) && !firm[i] && !!a && !!s && movedWithSure(a, s, i, true);
  });
  return {
    first: placements.map((a, i) => (state[i] === 1 ? (disputed[i] ? null : (ranked[i] ?? null)) : a)),
    // The neighbour pass may find a doubted passage again, through neighbours that are such
    // copies themselves: on the quote's very words it still needs the sure ones.
    recheck: (a0, i) => {
      const s = selectors[i];
      if (disputed[i]) return null;
      const a = a0 === placements[i] ? a0 : notFirm(betterCopy(unrestated(a0, s), s), i);
      if (outread[i] && a && a.start === ranked[i]?.start) return null;
      if (state[i] !== 1 || ranked[i] || !a || !s) return a;
      const d = doubt(a, s);
      if (d.level !== 1 || inSureCopy(a, s, i)) return a;
      return d.firm || (!inSureWindow(a, s) && !movedWithSure(a, s, i)) ? null : a;
    },
  };
}

/** Whether the copy at normalised [from, to) has no more of the stored context than another copy had next to it in the old text (copyContext). */
function noMoreThanACopyHad(doc: Doc, s: TextSelector, from: number, to: number): boolean {
  const known = s.copyContext;
  if (typeof known !== 'number' || !Number.isInteger(known) || known < 0) return false;
  return contextAt(doc, s, from, to).found <= known;
}

/**
 * Whether the stored contexts show a paragraph break between passages `s` and `t` of the old text
 * (the one's context reaching past the break toward the other); false when neither reaches.
 */
function breakBetween(s: TextSelector, t: TextSelector): boolean {
  const [first, second] = t.end <= s.start ? [t, s] : [s, t];
  const gap = second.start - first.end;
  if (gap < 0) return false;
  const after = first.suffix.slice(0, gap).includes('\n');
  const before = second.prefix.slice(Math.max(0, second.prefix.length - gap)).includes('\n');
  return after || before;
}

/**
 * Whether the copy at normalised [from, to), of a quote the old text held twice, has no more of the
 * stored context than the other copy had there (copyContext) and not all of it: what stands there
 * is what stood next to the other copy, not next to the passage.
 */
function otherCopysContext(doc: Doc, s: TextSelector, from: number, to: number): boolean {
  // Only of a twin (one other copy): with more, copyContext is the most of several, none's own.
  if (s.copies !== 1) return false;
  const known = s.copyContext;
  if (typeof known !== 'number' || !Number.isInteger(known) || known < 0) return false;
  const there = contextAt(doc, s, from, to);
  return there.found <= known && there.found < there.full;
}

/**
 * Whether the other copy had at least half the stored context next to it in the old text
 * (copyContext): a printing of the passage's surroundings (a page printed twice, its labels
 * restyled), where the placement may be the passage with its context edited; not a copy inside
 * other words (a heading or a question repeating the quote's words).
 */
function printedAlike(doc: Doc, s: TextSelector, from: number, to: number): boolean {
  return (s.copyContext ?? 0) * 2 >= contextAt(doc, s, from, to).full;
}

/**
 * Whether at least a third of the stored context stands next to normalised [from, to): less is a
 * remnant (a full stop, a 现在 before the quote), which a few inserted units give any copy.
 */
function contextRemainsAt(doc: Doc, s: TextSelector, from: number, to: number): boolean {
  const there = contextAt(doc, s, from, to);
  return there.found * 3 >= there.full;
}

/**
 * Whether the copy at normalised `source` lies more than NEIGHBOUR_GAP farther from the passage's
 * old place than the copy at `at`: a paragraph far away is no pull quote's source (a pull quote
 * or a summary box stands near the paragraph it restates, or the paragraph near its old place);
 * a line of the passage's paragraph hard-wrapped near its old place, with the same page pasted
 * far away unwrapped, is the passage.
 */
function fartherAway(doc: Doc, s: TextSelector, at: number, source: number): boolean {
  const gap = (o: number) => Math.abs((doc.norm.map[o] ?? 0) - s.start);
  return gap(source) > gap(at) + NEIGHBOUR_GAP;
}

/** Whether normalised [from, to) is no closer to the quote than a recorded look-alike was (lookalikes.ts). */
function lookAlikeAt(doc: Doc, s: TextSelector, from: number, to: number): boolean {
  return typeof s.nearErrors === 'number' && likeALookAlike(doc, normaliseQuote(s), s, from, to);
}

/**
 * Another copy of the quote in the new text nearer than the placement to where the passage would
 * be (`expected`: its old place, and that moved with placed neighbours): nothing but the context
 * chose the placement, and a copy that kept all of it may be another passage's.
 */
function nearerCopy(doc: Doc, quote: string, expected: readonly number[], a: Anchor): boolean {
  const gap = (x: number) => Math.min(...expected.map((e) => Math.abs(x - e)));
  const far = gap(a.start);
  // The document's index, not an indexOf scan of the whole text per passage (the same copies, in order).
  for (const at of occurrencesIn(doc, quote, MAX_COPIES)) {
    const raw = doc.norm.map[at] ?? 0;
    if (raw !== a.start && gap(raw) < far) return true;
  }
  return false;
}

/** Units beyond the quote (marks, a stop) a paragraph holding a copy set apart may have. */
const SET_APART_SLACK = 4;

/** Whether raw offset `x` lies farther than `y` from every place in `expected`. */
function fartherFrom(expected: readonly number[], x: number, y: number): boolean {
  const gap = (o: number) => Math.min(...expected.map((e) => Math.abs(o - e)));
  return gap(x) > gap(y);
}

/**
 * Whether the placement lies more than NEIGHBOUR_GAP from every place the passage would be
 * (`expected`) and another copy of the quote lies within it.
 */
function farCopy(doc: Doc, quote: string, expected: readonly number[], a: Anchor): boolean {
  const gap = (x: number) => Math.min(...expected.map((e) => Math.abs(x - e)));
  if (gap(a.start) <= NEIGHBOUR_GAP) return false;
  for (const at of occurrencesIn(doc, quote, MAX_COPIES)) {
    const raw = doc.norm.map[at] ?? 0;
    if (raw !== a.start && gap(raw) <= NEIGHBOUR_GAP) return true;
  }
  return false;
}

/**
 * Whether the passage stood at the old text's start (end), its stored prefix (suffix) cut short
 * there, and another copy of the quote than the one at normalised `from` stands at the new text's
 * start (end) with the stored prefix (suffix) whole before it and the stored other side's nearest
 * NEAR_RUN units beside it.
 */
function copyAtTextEdge(doc: Doc, s: TextSelector, quote: string, from: number): boolean {
  const norm = doc.norm.text;
  const prefix = normalisePrefix(s);
  const suffix = normaliseSuffix(s);
  if (s.start === s.prefix.length && s.prefix.length < CONTEXT_LENGTH) {
    const at = prefix.length;
    if (at !== from && norm.startsWith(prefix + quote) && nearSideStands(doc, s, 'after', at + quote.length)) return true;
  }
  if (s.suffix.length < CONTEXT_LENGTH - 1) {
    const at = norm.length - suffix.length - quote.length;
    if (at >= 0 && at !== from && norm.endsWith(quote + suffix) && nearSideStands(doc, s, 'before', at)) return true;
  }
  return false;
}

/** Units of a short nearest line that must stand whole beside the copy at the text's edge (one may be a bullet). */
const NEAR_LINE_MIN = 2;

/**
 * Whether the stored other side's nearest units stand beside normalised `at` (before it or after
 * it): its NEAR_RUN nearest units, or, when the line next to the passage was shorter (祝大家 on a
 * line of its own above a closing line), that whole line with a break on its far side as
 * stored: a line written in between (a pull quote set above it) leaves the line itself whole.
 */
function nearSideStands(doc: Doc, s: TextSelector, side: 'before' | 'after', at: number): boolean {
  const norm = doc.norm.text;
  if (side === 'after') {
    if (norm.startsWith(normaliseSuffix(s).slice(0, NEAR_RUN), at)) return true;
    // A break, the short line, a break: the line stands whole after a break there too.
    if (!s.suffix.startsWith('\n')) return false;
    const br = s.suffix.indexOf('\n', 1);
    if (br < 0) return false;
    const line = normalise(s.suffix.slice(1, br));
    return shortLine(line) && lineBreakBefore(doc, at) && norm.startsWith(line, at) && lineBreakBefore(doc, at + line.length);
  }
  if (norm.endsWith(normalisePrefix(s).slice(-NEAR_RUN), at)) return true;
  if (!s.prefix.endsWith('\n')) return false;
  const br = s.prefix.lastIndexOf('\n', s.prefix.length - 2);
  if (br < 0) return false;
  const line = normalise(s.prefix.slice(br + 1, -1));
  return shortLine(line) && lineBreakBefore(doc, at) && norm.endsWith(line, at) && lineBreakBefore(doc, at - line.length);
}

function shortLine(line: string): boolean {
  return line.length >= NEAR_LINE_MIN && line.length < NEAR_RUN;
}

/**
 * A placement on a copy of a repeated quote, the new text holding as many copies as the old one
 * did, that is not the copy of the passage's rank (copyRank) and has no more of the stored context
 * than another copy had in the old text: the context cannot tell the copies apart (a story
 * printed twice, an edit next to the passage's own copy), and copies keep their order. Returns
 * undefined when not in doubt, else the copy of the passage's rank when at least half the stored
 * context stands next to it (its surroundings touched, not gone), or null.
 */
function rankedCopy(text: string, doc: Doc, s: TextSelector, quote: string, from: number, to: number): Anchor | null | undefined {
  const own = sameRankCopy(doc, quote, s);
  if (own === null || own === from) return undefined;
  // Confirmed only by context read across a line no longer beside it: neither that nor the rank
  // (a timeline reversed moves the copies across each other) says which copy is the passage's.
  if (ownContextAt(doc, s, from, to)) return ownContextBesideLines(doc, s, from, to) ? undefined : null;
  // The copy of that rank in another passage's old paragraph, unchanged: text moved across the
  // copies (paragraphs reordered), and their order says nothing.
  const ownRaw = doc.norm.map[own] ?? 0;
  if (onOtherParagraph(text, s, ownRaw, (doc.norm.map[own + quote.length - 1] ?? ownRaw) + 1)) return undefined;
  // A copy beside it in its paragraph reads the stored context better: the copies swapped (rankswap.ts).
  if (rankCopyOutreadBeside(doc, s, quote, own)) return null;
  return copyAnchor(text, doc, s, quote, own);
}

/** The exact copy of the quote at normalised `at`, when at least half the stored context stands next to it; else null. */
function copyAnchor(text: string, doc: Doc, s: TextSelector, quote: string, at: number): Anchor | null {
  const there = contextAt(doc, s, at, at + quote.length);
  if (there.found * 2 < there.full) return null;
  const query = prepareQuery(text, s);
  return toAnchor(doc, query, scoreAt(doc, query, { start: at, end: at + quote.length, errors: 0 }));
}

/** Old-text distance beyond which a placed highlight says nothing about where another went. */
const NEIGHBOUR_GAP = 3000;
/** Units by which the two neighbours' shifts may differ (small edits between them). */
const SHIFT_TOLERANCE = 200;
/** Units searched beyond the shifts the neighbours imply. */
const SHIFT_SLACK = 24;

/**
 * Second pass, for the orphans of a batch and for placements on one of several copies of the
 * quote: the nearest placed highlights before and after a passage in the old text moved by
 * nearly the same amount, so the text between them moved as one block (a paragraph moved away
 * or deleted from between them would part their shifts by its length) and the passage, if it
 * is still there, lies at its old position plus that shift. Inside that small window the
 * passage is decided on its own evidence (decideNear): copies and look-alikes elsewhere are
 * ruled out by the neighbours, not by the passage's context. A copy placed outside the window
 * moves to the one inside it, or, with none there and only template words for context
 * (weakCopy), is an orphan: its own copy was deleted and the one chosen is another's. A copy
 * the first pass chose among copies with the same context by the old position alone (a repeated
 * passage longer than quote + stored context) is kept only inside the window, tight or loose,
 * that placed neighbours imply: no context can tell it from the others, so with the neighbours
 * not confirming it, its own copy may be the one deleted or moved (and a lone highlight, with
 * no neighbours at all, keeps the first pass's choice).
 */
function nearNeighbours(
  text: string,
  docFor: () => Doc,
  selectors: readonly TextSelector[],
  valid: readonly boolean[],
  first: readonly (Anchor | null)[],
): (Anchor | null)[] {
  const placed: Placed[] = [];
  first.forEach((a, i) => {
    const s = selectors[i];
    if (a && s) placed.push({ start: s.start, end: s.end, shift: a.start - s.start, guessed: byPosition.has(a) });
  });
  if (placed.length < 2) return [...first];
  placed.sort((a, b) => a.start - b.start);
  const out = first.map((a, i) => {
    const s = selectors[i];
    // Only a passage still at its stored position, context and all, is beyond doubt: a copy of a
    // repeated passage found elsewhere with all its context can score 1 after rounding too.
    if (!s || !valid[i] || (a?.start === s.start && atStoredPosition(text, s))) return a;
    const window = shiftWindow(placed, s, a !== null, SHIFT_TOLERANCE);
    // A copy chosen by the old position alone (its context matches as well as other copies')
    // stands only where placed neighbours put it; without them saying so it is a guess.
    const guessed = a !== null && byPosition.has(a) && !movedAlong(placed, s, a);
    if (!window) {
      // Neighbours whose shifts differ more (a block deleted or inserted between them) still bound
      // where the passage can be unless it moved away, and a moved passage brings its context.
      if (!a) return null;
      // A guess among copies printed with the same context (a 专题's article and abridged copy)
      // with placed neighbours on one side only: the copy that moved along with them (onesided.ts).
      const side = guessed ? oneSidedShift(placed, s) : null;
      if (side !== null) {
        const doc = docFor();
        const quote = normaliseQuote(s);
        const at = oneSidedCopy(doc, s, quote, side, atStoredPosition(text, s));
        const along = at === null ? null : copyAnchor(text, doc, s, quote, at);
        // The passage stood at the old text's start (end) and its placement stands at the new
        // text's start (end): the text's edge is its context on the side with no neighbours, the
        // neighbours' shift its context on the other. A revision that repeats the first line
        // under lines it writes (a 转载 head: title, 来源/作者, the title again) leaves two copies
        // each backed by one side, and nothing says which is the passage's: an orphan.
        if (along && along.start !== a.start && placedAtTextEdge(text, s, a)) return null;
        // Nor is one printing of its old paragraph set twice told from the other by them (twinmove.ts).
        if (along && twinParagraphMove(doc, s, a, along)) return null;
        if (along) return along;
      }
      // A guess among far-apart copies that sits where sparser neighbours put it is confirmed.
      const wide = guessed ? shiftWindow(placed, s, true, WIDE_TOLERANCE, WIDE_GAP) : null;
      if (
        wide &&
        Math.abs(a.start - s.start - wide.at) <= 2 * SHIFT_SLACK &&
        soleCopyNear(docFor(), s, a, wide) &&
        !otherNearMatchAt(docFor(), s, a, s.start + wide.at)
      ) {
        return a;
      }
      // A guess inside a stretch the text prints twice far apart, moved as a chain of guessed
      // neighbours that ends at a sure one moved alike (chained.ts).
      if (guessed && chainedCopy(docFor(), s, a, placed)) return a;
      // A guess of a passage the old text held once, its whole stored context there, a short way off
      // the one-sided neighbour's shift, no other copy near with the whole context (onesidednear.ts).
      if (guessed && side !== null && nearOneSidedGuess(docFor(), s, a, side, SHIFT_TOLERANCE, NEIGHBOUR_GAP)) return a;
      const loose = shiftWindow(placed, s, true, NEIGHBOUR_GAP);
      if (!loose) return guessed ? null : a;
      if (a.start >= s.start + loose.lo && a.start <= s.start + loose.hi) return a;
      if (guessed) return null;
      const query = prepareQuery(text, s);
      const doc = docFor();
      return weakCopy(doc, query, a) ? null : a;
    }
    const lo = s.start + window.lo;
    const hi = s.start + window.hi;
    if (a && a.start >= lo && a.start <= hi) return a;
    const doc = docFor();
    const query = prepareQuery(text, s);
    if (query.quote.length === 0) return a;
    // The neighbours put the passage where its stored context now surrounds its words edited
    // (9月 → 9X): it was edited there, and the same words elsewhere, context and all, are a copy.
    if (a && ownPlaceElsewhere(doc, query, placeOf(doc, a), { within: [toNormalised(doc, Math.max(0, lo)), toNormalised(doc, hi)] })) {
      return null;
    }
    if (a && !hasCopies(doc, query.quote)) return a;
    const found = decideNear(
      windowCandidates(doc, query, toNormalised(doc, Math.max(0, lo)), toNormalised(doc, Math.min(text.length, hi)) + 1),
      query,
    );
    const near =
      found &&
      !ownPlaceElsewhere(doc, query, found) &&
      !contextResumesFarther(doc, query, found) &&
      !oneSidedAside(doc, query, found, s, window)
        ? toAnchor(doc, query, found)
        : null;
    // A placed copy is replaced only by the quote found whole: an edited look-alike is no reason to move it.
    // Between two printings of its old paragraph (twinmove.ts) the move stands here: placed neighbours
    // on BOTH sides moved alike, so the text between them moved as one block and the printing inside
    // it is the passage's (a 专题 printing an abridged copy before the article: the copy guessed by
    // position, the article's printing between neighbours placed by their own context). Only a
    // one-sided move (above) is undecided.
    if (a) return near && found?.errors === 0 ? near : guessed || weakCopy(doc, query, a) ? null : a;
    return near;
  });
  return onePassagePerPlace(text, docFor, selectors, placed, out);
}

/**
 * Highlights made on different old words placed on the same new words: at most one of them can
 * be right (two copies of a repeated passage, one of them deleted or moved away). When exactly
 * one is confirmed, at its stored position with all its context or inside the window its placed
 * neighbours agree on, the others were placed on its copy and are orphans. With none or several
 * confirmed, nothing tells which is right, and they are left as they are.
 */
function onePassagePerPlace(
  text: string,
  docFor: () => Doc,
  selectors: readonly TextSelector[],
  placed: readonly Placed[],
  out: (Anchor | null)[],
): (Anchor | null)[] {
  const byPlace = new Map<string, number[]>();
  out.forEach((a, i) => {
    if (!a) return;
    const key = `${a.start}:${a.end}`;
    const group = byPlace.get(key);
    if (group) group.push(i);
    else byPlace.set(key, [i]);
  });
  for (const group of byPlace.values()) {
    if (group.length < 2) continue;
    const olds = new Set(group.map((i) => selectors[i]?.start));
    if (olds.size < 2) continue;
    const confirmed = new Set<number>();
    for (const i of group) {
      const s = selectors[i];
      const a = out[i];
      if (!s || !a) continue;
      const atOwn = a.start === s.start && atStoredPosition(text, s);
      const w = atOwn ? null : shiftWindow(placed, s, true, SHIFT_TOLERANCE);
      if (atOwn || (w && a.start >= s.start + w.lo && a.start <= s.start + w.hi)) confirmed.add(s.start);
    }
    // Neither or both confirmed: copies of one quote keep their order (twinorder.ts).
    const kept = confirmed.size === 1 ? confirmed : rankHolders(docFor(), group, selectors, out);
    if (kept.size !== 1) continue;
    for (const i of group) if (!kept.has(selectors[i]?.start ?? -1)) out[i] = null;
  }
  return out;
}

/** Old-text distance and shift difference of sparser neighbours that still confirm a guess (see soleCopyNear). */
const WIDE_GAP = 8000;
const WIDE_TOLERANCE = 600;

/** Whether no other whole copy of `quote` starts within `width` units of `at` (normalised). */
function noTwinWithin(norm: string, quote: string, at: number, width: number): boolean {
  const before = at > 0 ? norm.lastIndexOf(quote, at - 1) : -1;
  const after = norm.indexOf(quote, at + 1);
  return !((before >= 0 && at - before <= width) || (after >= 0 && after - at <= width));
}

/**
 * A guess among copies of a passage a long article holds twice (two pages of one story), checked
 * against sparser neighbours: no other whole copy within the neighbours' span on either side.
 */
function soleCopyNear(doc: Doc, s: TextSelector, a: Anchor, w: { lo: number; hi: number }): boolean {
  const quote = prepareQuery(doc.raw, s).quote;
  return quote.length > 0 && noTwinWithin(doc.norm.text, quote, toNormalised(doc, a.start), w.hi - w.lo + quote.length);
}

/**
 * Whether a near match of the quote other than `a` starts within the confirmation window around
 * `predicted` (raw): the passage's own copy edited in place, with an intact twin beside it that
 * the first pass chose. Then the neighbours cannot tell which is the passage's, and the pick is
 * left to the tight rules.
 */
function otherNearMatchAt(doc: Doc, s: TextSelector, a: Anchor, predicted: number): boolean {
  const query = prepareQuery(doc.raw, s);
  if (query.quote.length === 0) return false;
  const raw = doc.raw.length;
  const lo = toNormalised(doc, Math.max(0, Math.floor(predicted) - 2 * SHIFT_SLACK));
  const hi = toNormalised(doc, Math.min(raw, Math.ceil(predicted) + 2 * SHIFT_SLACK)) + 1;
  const from = toNormalised(doc, a.start);
  const to = toNormalised(doc, a.end);
  return windowCandidates(doc, query, lo, hi).some((c) => c.end <= from || c.start >= to);
}

/**
 * The shift of the nearest placed neighbour (not itself a guess) on the one side of `s` that has
 * any, within the neighbour distance, when the other side has none at all; else null (onesided.ts).
 */
function oneSidedShift(placed: readonly Placed[], s: TextSelector): number | null {
  let before: Placed | undefined;
  let after: Placed | undefined;
  for (const p of placed) {
    if (p.guessed) continue;
    if (p.end <= s.start) before = p;
    else if (p.start >= s.end) {
      after = p;
      break;
    }
  }
  if (!before === !after) return null;
  const n = (before ?? after) as Placed;
  return Math.abs(n.start - s.start) <= NEIGHBOUR_GAP ? n.shift : null;
}

/**
 * Whether `s` stood at the old text's start (its stored prefix the whole text before it) and `a`
 * stands at the new text's start after that same prefix, or likewise at the end.
 */
function placedAtTextEdge(text: string, s: TextSelector, a: Anchor): boolean {
  if (s.start === s.prefix.length && s.prefix.length < CONTEXT_LENGTH && a.start === s.prefix.length && text.startsWith(s.prefix))
    return true;
  return s.suffix.length < CONTEXT_LENGTH - 1 && a.end === text.length - s.suffix.length && text.endsWith(s.suffix);
}

interface Placed {
  /** Old offsets of a placed passage and where it moved (new start − old start). */
  start: number;
  end: number;
  shift: number;
  /** Chosen among copies by the old position or a paragraph edge alone (see byPosition). */
  guessed: boolean;
}

/** Old-text distance within which a placed highlight that moved by the same amount confirms a guess. */
const ALONG_GAP = 600;

/**
 * A placement chosen among copies (a guess) moved by the same shift, within a few units, as a
 * highlight placed on its own evidence close by in the old text (other words of one paragraph,
 * which moves whole): the two moved together, which another copy would not do.
 */
function movedAlong(placed: readonly Placed[], s: TextSelector, a: Anchor): boolean {
  const shift = a.start - s.start;
  return placed.some(
    (p) =>
      !p.guessed &&
      (p.end <= s.start || p.start >= s.end) &&
      Math.abs(p.start - s.start) <= ALONG_GAP &&
      Math.abs(p.shift - shift) <= SHIFT_SLACK,
  );
}

/**
 * Shifts (relative to the old start) within which `s` must lie, from the nearest placed
 * passages before and after it in the old text, when they are close and agree; null otherwise.
 * When a placement is checked (`disjoint`), those over the same old words are not neighbours:
 * they were placed by the same words and may be on the same copy.
 */
function shiftWindow(placed: readonly Placed[], s: TextSelector, disjoint: boolean, tolerance: number, gap = NEIGHBOUR_GAP): Window | null {
  let before: Placed | undefined;
  let after: Placed | undefined;
  for (const p of placed) {
    // A guess (a copy chosen by position or a paragraph edge) says nothing about where the text moved.
    if (p.guessed) continue;
    if (disjoint ? p.end <= s.start : p.start <= s.start) before = p;
    if (disjoint ? p.start >= s.end : p.start >= s.start) {
      after = p;
      break;
    }
  }
  if (!before || !after) return null;
  if (s.start - before.start > gap || after.start - s.start > gap) return null;
  if (Math.abs(before.shift - after.shift) > tolerance) return null;
  const least = Math.min(before.shift, after.shift);
  const most = Math.max(before.shift, after.shift);
  // The shift at s by linear interpolation between the two (edits spread along the text).
  const span = after.start - before.start;
  const at = span > 0 ? before.shift + ((after.shift - before.shift) * (s.start - before.start)) / span : before.shift;
  return { lo: least - SHIFT_SLACK, hi: most + SHIFT_SLACK, least, most, at };
}

interface Window {
  /** Shifts searched (the neighbours' with slack) and the neighbours' own. */
  lo: number;
  hi: number;
  least: number;
  most: number;
  /** The shift interpolated at the passage between the two neighbours. */
  at: number;
}

/** Quotes under this many units are short enough to recur with one side of their context. */
const SHORT_PHRASE = 16;
/** Units beyond the neighbours' own shifts a place with one side of context may lie. */
const ONE_SIDED_SLACK = 8;
/** A context side with less than this exact run and similarity, away from a kept edge, is no evidence. */
const SIDE_RUN = 8;
const SIDE_SIMILARITY = 0.6;

/**
 * A short quote found in the neighbours' window with only one context side (the other with a
 * few units at most: 坚持 before 和完善中国) and moved by more than either neighbour: a set phrase
 * whose one matching side is the phrase going on, not the passage. Moving beyond both
 * neighbours' shifts takes an insertion before it and a deletion after it (or the reverse); the
 * slack that allows for that needs both sides of context to back the place.
 */
function oneSidedAside(doc: Doc, q: Query, c: Scored, s: TextSelector, w: Window): boolean {
  if (q.quote.length >= SHORT_PHRASE) return false;
  const lost = (run: number, similarity: number, atEdge: boolean) => !atEdge && run < SIDE_RUN && similarity < SIDE_SIMILARITY;
  if (!lost(c.prefixExact, c.prefixSide, c.prefixAtEdge) && !lost(c.suffixExact, c.suffixSide, c.suffixAtEdge)) return false;
  const shift = (doc.norm.map[c.start] ?? 0) - s.start;
  return shift < w.least - ONE_SIDED_SLACK || shift > w.most + ONE_SIDED_SLACK;
}

/**
 * A copy of a repeated quote placed outside the window its neighbours agree on, on context that
 * is only template words (weakContext): another copy, the passage's own having been deleted.
 * A passage that moved with its paragraph brings its context along and is kept.
 */
function weakCopy(doc: Doc, q: Query, a: Anchor): boolean {
  const start = toNormalised(doc, a.start);
  const c = scoreAt(doc, q, { start, end: toNormalised(doc, a.end - 1) + 1, errors: 0 });
  return (
    c.end - c.start === q.quote.length &&
    doc.norm.text.startsWith(q.quote, start) &&
    weakContext(c) &&
    !(c.prefixAtEdge && c.suffixAtEdge) &&
    // A kept paragraph edge the other side's words agree with (credited): the paragraph moved.
    !(c.plainCost > c.cost)
  );
}

/** chainedGuess() for a placement on an exact copy of the quote. */
function chainedCopy(doc: Doc, s: TextSelector, a: Anchor, placed: readonly Placed[]): boolean {
  const quote = normaliseQuote(s);
  const from = toNormalised(doc, a.start);
  return doc.norm.text.startsWith(quote, from) && chainedGuess(doc, s, quote, from, a.start, placed);
}

/** Whether the normalised quote occurs more than once in the text. */
function hasCopies(doc: Doc, quote: string): boolean {
  return occurrencesIn(doc, quote, 2).length === 2;
}

function anchorIn(text: string, docFor: () => Doc, selector: TextSelector): Anchor | null {
  if (atStoredPosition(text, selector) || atStoredLine(text, selector)) {
    return { start: selector.start, end: selector.start + selector.exact.length, score: 1 };
  }
  const query = prepareQuery(text, selector);
  if (query.quote.length === 0) return null;
  const doc = docFor();
  const exact = notOnOthers(doc, selector, exactCandidates(doc, query));
  const quick = decide(exact, query);
  if (quick && conclusive(quick, query)) {
    // The stored context around other words elsewhere: this is a copy of a repeated passage
    // (context and all) and the passage's own words were rewritten there.
    // Only when that place is nearer the old position: a copy rewritten farther away is no sign.
    if (ownPlaceElsewhere(doc, query, quick, { nearerOnly: true })) return null;
    // Found whole only by the credit of kept paragraph edges (its neighbours' words are not
    // there): the passage's own place, its neighbours all there, may hold it with a unit edited.
    if (quick.plainCost > quick.cost) {
      const own = preferMatchedAmong(quick, [...exact, ...notOnOthers(doc, selector, fuzzyCandidates(doc, query))], query);
      if (own !== quick) return contextResumesFarther(doc, query, own) ? null : toAnchor(doc, query, own);
    }
    return mark(toAnchor(doc, query, quick), quick);
  }
  // No exact occurrence with convincing context: the passage itself may have been edited.
  const all = new Map<string, Scored>();
  for (const c of [...exact, ...notOnOthers(doc, selector, fuzzyCandidates(doc, query))]) all.set(`${c.start}:${c.end}`, c);
  const best = decide([...all.values()], query);
  // Nor a place no closer to the quote than a look-alike was, another place closer (lookalikes.ts).
  return best &&
    !ownPlaceElsewhere(doc, query, best) &&
    !contextResumesFarther(doc, query, best) &&
    !closerPlaceThanLookAlike(selector, best, [...all.values()])
    ? mark(fromOwnOpening(text, selector, toAnchor(doc, query, best)), best)
    : null;
}

/** Anchors placed on one of several copies that match as well, by the old position alone. */
const byPosition = new WeakSet<Anchor>();

function mark(a: Anchor, c: Scored): Anchor {
  if (chosenByPosition.has(c)) byPosition.add(a);
  return a;
}

/** Units of a stored side looked for past an approximate match's loose end. */
const RESUME = 8;
/**
 * Exact run next to a boundary below which the boundary is loose: under 8 units, as template
 * words inserted inside a passage can end with a few of the stored prefix's last units (…结合起来，做)
 * and go on like the quote's head.
 */
const LOOSE_RUN = 8;

/**
 * An approximate match with a loose end (its context does not go on right there) whose stored
 * context does go on a little farther: the words between were inserted into the passage, and
 * copies of its own edge words among them made a shorter extent look right. The passage's true
 * extent holds all those inserted words, too many for it to be placed: an orphan.
 */
function contextResumesFarther(doc: Doc, q: Query, best: Scored): boolean {
  if (best.errors === 0) return false;
  const text = doc.norm.text;
  const reach = q.quote.length + RESUME;
  if (best.suffixRun < LOOSE_RUN && !best.suffixAtEdge && q.suffixText.length >= RESUME) {
    const at = text.slice(best.end + 1, best.end + reach).indexOf(q.suffixText.slice(0, RESUME));
    if (at >= 0) return true;
  }
  if (best.prefixRun < LOOSE_RUN && !best.prefixAtEdge && q.prefixText.length >= RESUME) {
    const from = Math.max(0, best.start - reach);
    const at = text.slice(from, best.start - 1).indexOf(q.prefixText.slice(-RESUME));
    if (at >= 0) return true;
  }
  return false;
}

/** Units of the stored prefix's end and the suffix's start that mark the passage's own place. */
const OWN_SIDE = 12;
/** Units that may differ in one whole stored side there: template phrases match 12 units, not 32. */
const OWN_SIDE_ERRORS = 4;

/**
 * The passage's own place is still there, edited too much to be placed, and `best` is a
 * look-alike elsewhere: the stored prefix's last 12 units followed, within twice the quote's
 * length, by the suffix's first 12, one whole side all but intact, and between them words
 * that begin and end like the quote but are not it (a lightly edited quote would have been
 * found there). An empty or unrelated gap means the passage moved away, and a copy of the
 * quote there is a repeated passage: both are left to decide().
 */
function ownPlaceElsewhere(
  doc: Doc,
  q: Query,
  best: OtherPlace,
  options: { nearerOnly?: boolean; within?: [number, number] } = {},
): boolean {
  const text = doc.norm.text;
  // A passage at the old text's start (end) has its whole stored side there: the new text's
  // start (end), when that side still opens (closes) it, stands for the side's 12 units.
  const openedText = q.selector.start === q.selector.prefix.length && q.prefixText.length < OWN_SIDE;
  const closedText = q.selector.suffix.length < CONTEXT_LENGTH - 1 && q.suffixText.length < OWN_SIDE;
  if ((q.prefixText.length < OWN_SIDE && !openedText) || (q.suffixText.length < OWN_SIDE && !closedText)) return false;
  if (openedText && closedText) return false;
  const headLength = openedText ? q.prefixText.length : OWN_SIDE;
  const head = q.prefixText.slice(-headLength);
  const tail = q.suffixText.slice(0, OWN_SIDE);
  const gap = 2 * q.quote.length + OWN_SIDE;
  const heads = openedText ? (text.startsWith(head) ? [0] : []) : occurrencesIn(doc, head, Infinity);
  for (const at of heads) {
    const from = at + headLength;
    // Only the window after this head: a scan to the text's end per head would cost more.
    const window = text.slice(from, from + gap + OWN_SIDE);
    const found = closedText ? (text.endsWith(tail) ? window.lastIndexOf(tail) : -1) : window.indexOf(tail);
    if (found < 0 || (closedText && from + found + tail.length !== text.length)) continue;
    const to = from + found;
    if (from <= best.end && best.start <= to) continue;
    if (prefixDistance(text, q, from) > OWN_SIDE_ERRORS && suffixDistance(text, q, to) > OWN_SIDE_ERRORS) continue;
    if (options.within && (from < options.within[0] || from > options.within[1])) continue;
    // Another passage's old paragraph, unchanged, is not the passage's own place edited.
    if (onOtherParagraph(doc.raw, q.selector, doc.norm.map[from] ?? 0, (doc.norm.map[Math.max(from, to - 1)] ?? 0) + 1)) continue;
    const words = text.slice(from, to);
    if (words === q.quote || !editedVersion(words, q.quote, !options.within && wholeContext(best))) continue;
    if (noSurerThan(text, q, best, from, to, words)) continue;
    if (!options.nearerOnly) return true;
    const old = toNormalised(doc, q.selector.start);
    if (Math.abs(from - old) < Math.abs(best.start - old)) return true;
  }
  return false;
}

/**
 * A place edited as much as an approximate `best` (its words no nearer the quote) with less of
 * the stored context is not the passage's own place over `best`: both are edited copies, and
 * `best` has more of the passage's surroundings (a 上期回顾 recap quoting the sentences with an
 * emoji between them, the passage's own place with another emoji written at its break).
 */
function noSurerThan(text: string, q: Query, best: OtherPlace, from: number, to: number, words: string): boolean {
  if (best.errors === 0 || levenshtein(words, q.quote) < best.errors) return false;
  const context = (a: number, b: number) => prefixDistance(text, q, a) + suffixDistance(text, q, b);
  return context(from, to) > context(best.start, best.end);
}

/**
 * Whether the words between the stored context at the passage's own place are the quote edited.
 * A quote of 5+ units keeps its first and last unit (a lighter edit would have been found
 * approximately there). A 1–4-unit quote is never looked for approximately, so its own place with
 * one of its units changed (3 倍 → 4 倍, 人民 → 入民) looks like nothing: words of its length
 * differing in at most half its units are its remains, when the place found elsewhere does not
 * have both context sides as intact (`twinWhole`: an exact twin with all its context is another
 * passage, unless placed neighbours put the passage at the edited place).
 */
function editedVersion(words: string, quote: string, twinWhole: boolean): boolean {
  if (words.length === 0) return false;
  if (words[0] === quote[0] && words[words.length - 1] === quote[quote.length - 1]) return true;
  if (quote.length >= MIN_FUZZY_LENGTH || Math.abs(words.length - quote.length) > 1 || twinWhole) return false;
  return levenshtein(words, quote) <= Math.ceil(quote.length / 2);
}

/** The place found elsewhere: a scored candidate, or a placement the neighbour pass checks. */
type OtherPlace = Candidate & { prefixExact?: number; suffixExact?: number };

function wholeContext(c: OtherPlace): boolean {
  return (c.prefixExact ?? 0) >= OWN_SIDE && (c.suffixExact ?? 0) >= OWN_SIDE;
}

/** A placement's extent in the comparison form. */
function placeOf(doc: Doc, a: Anchor): Candidate {
  return { start: toNormalised(doc, a.start), end: toNormalised(doc, a.end - 1) + 1, errors: 0 };
}

function checkRange(text: string, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new RangeError(`offsets must be integers: ${start}, ${end}`);
  }
  if (start < 0 || end > text.length || start >= end) {
    throw new RangeError(`bad range [${start}, ${end}) for a text of ${text.length} units`);
  }
}

function checkSelector(s: TextSelector): void {
  if (typeof s.exact !== 'string' || typeof s.prefix !== 'string' || typeof s.suffix !== 'string') {
    throw new TypeError('selector exact, prefix and suffix must be strings');
  }
  if (s.exact.length === 0) throw new RangeError('selector quote is empty');
  if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end < s.start) {
    throw new RangeError(`bad selector position [${s.start}, ${s.end})`);
  }
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** True when offset i falls between the two halves of a surrogate pair. */
function insidePair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));
}

/** The passage is where it was, with the same context: nothing to search. */
function atStoredPosition(text: string, s: TextSelector): boolean {
  const prefixAt = s.start - s.prefix.length;
  const suffixEnd = s.start + s.exact.length + s.suffix.length;
  return (
    prefixAt >= 0 &&
    text.startsWith(s.exact, s.start) &&
    text.startsWith(s.prefix, prefixAt) &&
    text.startsWith(s.suffix, s.start + s.exact.length) &&
    // A suffix that ran to the old text's end holds that end too (as a prefix from offset 0 holds
    // the start): else an empty one stands after any words there, a copy set before the closing line.
    (s.suffix.length >= CONTEXT_LENGTH || suffixEnd === text.length)
  );
}

/** Units of stored context on the passage's own line, at least, for atStoredLine to take its place. */
const STORED_LINE_CONTEXT = 8;

/**
 * The passage is where it was with its stored context up to the line breaks on either side, only
 * the lines past a break changed (a paragraph inserted, moved or cut next to it): the same words
 * at the very same offset, all that precedes it the same length, is the passage itself. A copy
 * elsewhere (an editor's note quoting the paragraph whole, written before the next one) may hold
 * more of the stored context past the break, but the lines past a break are the ones edits change.
 * Not for a passage whose quote stood more than once in the old text, nor for a line's first or
 * last words (a whole line repeated: copies of a line, opening.ts and copies.ts decide those).
 */
function atStoredLine(text: string, s: TextSelector): boolean {
  // Only a passage the old text held once: which of several old copies stayed is the copies' logic.
  if (s.copies !== 0) return false;
  const cut = s.prefix.lastIndexOf('\n');
  const suf = s.suffix.indexOf('\n');
  if (cut < 0 && suf < 0) return false;
  const before = s.prefix.slice(cut + 1);
  const after = suf < 0 ? s.suffix : s.suffix.slice(0, suf + 1);
  const end = s.start + s.exact.length;
  // Words on both sides, on its own line: a line's first words (a title) standing at the start and
  // again as a whole line elsewhere are two copies of a line, not a passage with its context.
  if (!before.trim() || !after.trim() || (before + after).replace(/\s/g, '').length < STORED_LINE_CONTEXT) return false;
  return (
    (cut < 0 || text.charCodeAt(s.start - before.length - 1) === 0x0a) &&
    s.start - before.length >= 0 &&
    text.startsWith(s.exact, s.start) &&
    text.startsWith(before, s.start - before.length) &&
    text.startsWith(after, end)
  );
}

/** Kind of a unit the comparison form drops at a quote's edge: 1 space, 2 quotation mark (mark-free form), 0 neither. */
function droppedKind(c: number): number {
  if (isSpace(c)) return 1;
  return isDroppedMark(c) ? 2 : 0;
}

function sameDroppedKind(a: number, b: number): boolean {
  const kind = droppedKind(a);
  return kind !== 0 && kind === droppedKind(b);
}

/** Units at the start of `s` that comparison drops (space, quotation marks). */
function leadingDropped(s: string): number {
  let n = 0;
  while (n < s.length && droppedKind(s.charCodeAt(n)) !== 0) n++;
  return n;
}

/** Units at the end of `s` that comparison drops (space, quotation marks). */
function trailingDropped(s: string): number {
  let n = 0;
  while (n < s.length && droppedKind(s.charCodeAt(s.length - 1 - n)) !== 0) n++;
  return n;
}

/** Back to real offsets: whole code points, and the quote's own leading/trailing space. */
function toAnchor(doc: Doc, query: Query, c: Scored): Anchor {
  const raw = doc.raw;
  const { map, ends } = doc.norm;
  let first = c.start;
  let last = c.end - 1;
  // A character reference (&ldquo;) at an edge is converter debris, not the reader's words:
  // the placed span stops at the real characters beside it. A paragraph's marker is words.
  const debris = (i: number) => (ends[i] ?? 0) - (map[i] ?? 0) > 1 && doc.norm.text.charCodeAt(i) !== HEAD_MARK;
  while (first < last && debris(first)) first++;
  while (last > first && debris(last)) last--;
  let start = map[first] ?? 0;
  let end = ends[last] ?? 0;
  // A quote begun (ended) inside a paragraph's marker takes as many of the marker's units here.
  const { markerHead, markerTail } = storedForms(query.selector);
  if (markerHead > 0 && doc.norm.text.charCodeAt(first) === HEAD_MARK) start = Math.max(start, (ends[first] ?? 0) - markerHead);
  if (markerTail > 0 && doc.norm.text.charCodeAt(last) === HEAD_MARK) end = Math.min(end, (map[last] ?? 0) + markerTail);
  if (insidePair(raw, start)) start--;
  if (insidePair(raw, end)) end++;
  // The quote's own leading/trailing space and quotation marks, which comparison drops: the
  // placed span takes those of the same kind standing right beside it.
  const exact = query.selector.exact;
  for (let i = leadingDropped(exact) - 1; i >= 0 && start > 0; i--) {
    if (!sameDroppedKind(exact.charCodeAt(i), raw.charCodeAt(start - 1))) break;
    start--;
  }
  for (let i = exact.length - trailingDropped(exact); i < exact.length && end < raw.length; i++) {
    if (!sameDroppedKind(exact.charCodeAt(i), raw.charCodeAt(end))) break;
    end++;
  }
  return { start, end, score: Math.round(c.total * 1000) / 1000 };
}
