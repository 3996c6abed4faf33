/** What other features use of search. */
export { hitHref } from './links';
export { markSearchMatch } from './mark';
export { SearchBox } from './SearchBox';
export { SearchIndexSettings } from './SearchIndexSettings';
export { useSearch } from './store';
