import { defineConfig } from 'vitest/config';

// Unit and integration tests run under plain Node; component tests opt into jsdom
// with a `// @vitest-environment jsdom` line. Playwright specs live in test/e2e.
//
// The phase engine's day arithmetic must give identical results whatever the machine's time
// zone, including across daylight-saving changes. The time-zone tests (test/guidance/
// time-zones.test.ts, which first checks that its zone really is in force) run once per zone
// below; every other test, the rest of test/guidance included, runs once, in the default project.
const TIME_ZONE_TESTS = 'test/guidance/time-zones.test.ts';
const TIME_ZONES = ['Europe/London', 'Australia/Sydney', 'America/New_York'];

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'default',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/e2e/**', 'node_modules/**', TIME_ZONE_TESTS],
        },
      },
      ...TIME_ZONES.map((timeZone) => ({
        extends: true,
        test: {
          name: `time zone ${timeZone}`,
          include: [TIME_ZONE_TESTS],
          exclude: ['node_modules/**'],
          env: { TZ: timeZone },
        },
      })),
    ],
  },
});
