/** Plain JSON, stored with the highlight. */
export interface TextSelector {
  /** The highlighted text exactly as it was. */
  exact: string;
  /** Up to 32 UTF-16 units of text before / after the quote. */
  prefix: string;
  suffix: string;
  /** Where the quote was, in UTF-16 units of the text it was made on. */
  start: number;
  end: number;
  /**
   * Optional, recorded by describe() when the old text holds look-alikes of the quote's
   * paragraph (paragraphs.ts): a fingerprint of the quote's own paragraph and of those others.
   * Selectors without them are anchored as before.
   */
  para?: string;
  others?: string[];
  twins?: number;
  /**
   * Optional, recorded by describe() when the quote occurs more than once in the old text: how
   * many OTHER times (copies.ts). A new text holding fewer copies has lost one of them.
   */
  copies?: number;
  /** With `copies`: the most units of the stored context that stood right next to any of them. */
  copyContext?: number;
  /**
   * Optional, recorded by describe() when the old text holds look-alikes of the quote (the quote
   * with a few units changed, lookalikes.ts): the fewest units any differed in, and the most units
   * of the stored context that stood next to any of them.
   */
  nearErrors?: number;
  nearContext?: number;
  /** With `nearErrors`: prints of the look-alikes' own words, comparison form (lookalikes.ts wordsPrint). */
  nearWords?: string[];
  /** With `copies`: how many of those occurrences stood before the quote's own (its rank among them). */
  copyRank?: number;
  /**
   * Optional, recorded by describe() with `copies` (farbracket.ts): the old-text distance from the
   * quote's start to the nearest other occurrence's start (raw units), when at most 512 occurrences.
   */
  copyGap?: number;
  /** With `copies`: units (comparison form) of the quote's old paragraph(s), to tell it from a copy restating it. */
  paraLength?: number;
  /**
   * Optional, recorded by describe() (restated.ts): a few 8-unit pieces (comparison form) of the
   * quote's old paragraph beyond the stored context, before and after it, to tell a restatement
   * of the passage (a recap quoting its sentence) from the passage once its paragraph is gone.
   */
  restBefore?: string[];
  restAfter?: string[];
  /**
   * Optional, recorded by describe() (pinned.ts) when the old text holds the quote's words, marks
   * and short notes aside, more often than the quote itself: how many OTHER times. A place found
   * by words alone then may be one of those look-alikes (长沙“龙湖” for 长沙龙湖).
   */
  wordCopies?: number;
  /**
   * Optional, recorded by describe() (ownpara.ts) with `copies`: how many OTHER runs of the
   * old text's words (letters and digits) read as the quote with its stored own-paragraph words,
   * at most 2. 0: the passage's own paragraph words were its alone, whatever its copies' context.
   */
  ownCopies?: number;
  /**
   * Optional, recorded by describe() (rewrittenedge.ts): which of the runs read for a passage whose
   * edge words are rewritten (the rest of the quote joined to the stored context on the other side)
   * the old text held at another place too, one bit per run; 0 when none. Without it (a selector
   * stored before), no such passage is placed.
   */
  edgeTwins?: number;
}

export interface Anchor {
  start: number;
  end: number;
  /** 1 for an untouched passage; lower for matches found by search. */
  score: number;
}

export const CONTEXT_LENGTH = 32;
