/** What other features use of sources. */
export { SourcesView } from './SourcesView';
