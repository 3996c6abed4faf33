/**
 * Every CLI command, by name, with the module that registers it: main/cli.ts loads only the one
 * asked for (each pulls its own services: a page extraction need not load the PDF printer), and
 * all of them for the usage list.
 */
export const commandModules: Record<string, () => Promise<unknown>> = {
  samples: () => import('./cli/info'),
  extract: () => import('./cli/extract'),
  crawl: () => import('./cli/crawl'),
  packet: () => import('./cli/packet'),
  pdf: () => import('./cli/pdf'),
  diagnostics: () => import('./cli/diagnostics'),
  channel: () => import('./cli/channel'),
};
