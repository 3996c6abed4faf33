import { defineConfig } from 'vitest/config';

// `npm run test:package`: electron-builder against a stand-in Electron (about 30-60 s), after
// `npm run build`, so it is not part of the unit tests, which run before the build.
export default defineConfig({
  test: {
    include: ['tests/package/**/*.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
