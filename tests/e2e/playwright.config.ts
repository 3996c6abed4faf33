import { defineConfig } from '@playwright/test';

// Debian's chromium, never a downloaded browser, with the CLI's flags that keep it from calling home.
import { CHROMIUM_ARGS } from '../../main/cli/chromium';

export { CHROMIUM_ARGS };

export default defineConfig<{ noHighlightApi: boolean }>({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/e2e',
  timeout: 60_000,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS },
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    trace: 'off',
  },
  projects: [
    { name: 'chromium' },
    // Browsers without the CSS Custom Highlight API (Chromium < 105, Firefox ESR 115): the
    // highlight and note specs again, painting with wrapped marks.
    { name: 'chromium-no-highlight-api', testMatch: ['highlights.spec.ts', 'notes.spec.ts'], use: { noHighlightApi: true } },
  ],
});
