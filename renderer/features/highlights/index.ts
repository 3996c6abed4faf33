/** What other features use of the highlights feature. */
export { ArticleHighlights } from './ArticleHighlights';
export { HIGHLIGHT_COLORS } from './colors';
export { OrphansPanel } from './OrphansPanel';
export { hasHighlightApi, paintFor } from './paint';
export { selectionInArticle } from './selection';
export { useHighlights } from './store';
export { buildTextMap, type TextMap } from './textMap';
