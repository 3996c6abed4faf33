/**
 * The two page layouts. GB/T 9704-2012 (DESIGN.md, reference facts): A4, top 37 mm, left 28 mm,
 * text block 156 × 225 mm, body 3号 仿宋 on 22 lines × 28 characters, title 2号 小标宋, page
 * numbers 4号 宋体 `— N —` 7 mm below the block. Compact: the same paper with a larger block
 * and 小四 text, to save paper. print.css carries the same numbers; keep them in step.
 */
import type { TextBlock } from './paginate';
import type { PrintLayout } from './routes';

export interface PageGeometry extends TextBlock {
  marginsMm: { top: number; right: number; bottom: number; left: number };
  /** Body size in points, and lines and characters per full page. */
  bodyPt: number;
  linesPerPage: number;
  charsPerLine: number;
}

export const PAGE_MM = { width: 210, height: 297 };

export const GEOMETRY: Record<PrintLayout, PageGeometry> = {
  gbt: {
    widthMm: 156,
    heightMm: 225,
    marginsMm: { top: 37, right: 26, bottom: 35, left: 28 },
    bodyPt: 16,
    linesPerPage: 22,
    charsPerLine: 28,
  },
  compact: {
    widthMm: 170,
    heightMm: 255,
    marginsMm: { top: 20, right: 18, bottom: 22, left: 22 },
    bodyPt: 12,
    linesPerPage: 36,
    charsPerLine: 40,
  },
};

/** Font families the print view names (print.css @font-face aliases), awaited before measuring. */
export const PRINT_FONTS = [
  '"YD FangSong"',
  '"YD XiaoBiaoSong"',
  '"YD Song"',
  '"YD Hei"',
  '"YD Kai"',
  // The bundled stand-ins (renderer/ui/fonts.css) that print when the local faces are absent.
  '"YD Noto Serif SC"',
  '"YD Noto Serif SC Bold"',
  '"YD Noto Sans SC"',
  '"YD WenKai"',
];
