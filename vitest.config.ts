// Unit and integration tests: plain Node, real databases. Project "sqlite" runs everything on SQLite
// files in a temp folder; project "postgres" runs the service, API, privacy and document suites
// again, unchanged, on a throwaway PostgreSQL server (tests/support/postgres-global.ts).
import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

/** The suites that go through services and the router: they must answer the same on both dialects. */
export const BOTH_DIALECTS = [
  'tests/unit/services/**/*.test.ts',
  'tests/unit/api/**/*.test.ts',
  'tests/unit/auth/**/*.test.ts',
  'tests/unit/privacy/**/*.test.ts',
  'tests/unit/pdf/handout.test.ts',
  'tests/unit/pdf/progress-report.test.ts',
  'tests/unit/pdf/languages.test.ts',
  'tests/unit/pdf/any-script.test.ts',
  'tests/unit/db/postgres*.test.ts',
  'tests/unit/db/compiled-once.test.ts',
]

export default defineConfig({
  resolve: { alias: { '@shared': resolve(__dirname, 'src-shared') } },
  test: {
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'sqlite', include: ['tests/unit/**/*.test.ts'], exclude: ['tests/unit/db/postgres*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: BOTH_DIALECTS,
          env: { FOOTCORE_TEST_DIALECT: 'postgres' },
          globalSetup: ['tests/support/postgres-global.ts'],
        },
      },
    ],
  },
})
