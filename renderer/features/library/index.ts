/** What other features use of the library. */
export { LibraryView } from './LibraryView';
