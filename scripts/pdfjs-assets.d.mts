/** Types for scripts/pdfjs-assets.mjs. */
export const PDFJS_ASSET_DIRS: string[];
export function copyPdfjsAssets(root: string, outDir: string): string;
