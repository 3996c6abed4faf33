/** Types for scripts/make-fonts.mjs. */
export const OUTPUTS: Record<string, Array<{ family: string; css: string; weight: number }>>;
export function fontsCss(out: string): string;
