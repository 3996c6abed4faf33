/** The six highlight colours, in toolbar order (keys 1–6), with their Chinese names. */
import type { HighlightColor } from '../../core/highlights';

export const HIGHLIGHT_COLORS: readonly { id: HighlightColor; name: string; key: string }[] = [
  { id: 'yellow', name: '黄色', key: '1' },
  { id: 'green', name: '绿色', key: '2' },
  { id: 'blue', name: '蓝色', key: '3' },
  { id: 'pink', name: '粉色', key: '4' },
  { id: 'purple', name: '紫色', key: '5' },
  { id: 'orange', name: '橙色', key: '6' },
];
