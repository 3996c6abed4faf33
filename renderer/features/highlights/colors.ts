/** The six highlight colours, in toolbar order (keys 1–6), with their Chinese names. */
import { HIGHLIGHT_COLORS as IDS, type HighlightColor } from '../../../shared/domain/highlight';

// Typed by the shared list: a colour added there fails here until it has a name.
const NAMES: Record<HighlightColor, string> = { yellow: '黄色', green: '绿色', blue: '蓝色', pink: '粉色', purple: '紫色', orange: '橙色' };

export const HIGHLIGHT_COLORS: readonly { id: HighlightColor; name: string; key: string }[] = IDS.map((id, i) => ({
  id,
  name: NAMES[id],
  key: String(i + 1),
}));
