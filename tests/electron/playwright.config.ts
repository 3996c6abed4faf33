/**
 * Electron smoke tests: they run only where an Electron binary exists (see
 * scripts/electron-binary.mjs) and skip, with the reason printed, everywhere else.
 * No webServer: the test launches the built app (npm run build) itself.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  outputDir: '../../test-results/electron',
});
