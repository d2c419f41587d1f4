import { defineConfig } from 'vitest/config';

// Unit and integration tests run under plain Node; component tests opt into jsdom
// with a `// @vitest-environment jsdom` line. Playwright specs live in test/e2e.
//
// The phase engine's tests (test/guidance) run once per time zone below: its day
// arithmetic must give identical results whatever the machine's zone, including across
// daylight-saving changes. Every other test runs once, in the default project.
const GUIDANCE_TESTS = 'test/guidance/**';
const GUIDANCE_TIME_ZONES = ['Europe/London', 'Australia/Sydney', 'America/New_York'];

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
          exclude: ['test/e2e/**', 'node_modules/**', GUIDANCE_TESTS],
        },
      },
      ...GUIDANCE_TIME_ZONES.map((timeZone) => ({
        extends: true,
        test: {
          name: `guidance ${timeZone}`,
          include: [`${GUIDANCE_TESTS}/*.test.ts`],
          exclude: ['node_modules/**'],
          env: { TZ: timeZone },
        },
      })),
    ],
  },
});
