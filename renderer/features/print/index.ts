/** What other features use of printing: links to the print routes. The print view is loaded on demand by the app. */
export { archivePrintHref, articlesPrintHref, MAX_PRINT_ARTICLES, notebookPrintHref } from './routes';
