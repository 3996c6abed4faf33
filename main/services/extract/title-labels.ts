/**
 * A stated title (`<title>`, og:title) that labels the page as someone's review of an item
 * (`Ines Varga's review of The Salt Orchard`, `Review of Hedgerow by Tom Ash`) names the page, as a
 * tab does, not the text: a reader's review has its own headline, printed over it.
 */
const REVIEW_LABEL_RES = [
  /^[\p{Lu}][^\n]{0,60}?['’]s? (?:review|rating|critique) (?:of|for) \S/u,
  /^(?:review|rating) (?:of|for) .{1,120} by \S/i,
];

export function isReviewLabel(stated: string): boolean {
  return REVIEW_LABEL_RES.some((re) => re.test(stated.trim()));
}
