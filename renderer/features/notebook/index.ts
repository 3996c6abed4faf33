/** What other features use of the notebook: downloads, its export headings, and its Word exporter (loaded on demand). */
import type { notebookDocx } from './exportDocx';

export { downloadBlob } from './download';
export { localIsoDate, noteHeading } from './exportMarkdown';

/** The Word exporter, loaded on demand (the docx package is large). */
export async function loadNotebookDocx(): Promise<typeof notebookDocx> {
  return (await import('./exportDocx')).notebookDocx;
}
