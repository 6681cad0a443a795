// Every migration, in order. Names are stored in the database: never rename or reorder one.
import type { Migration, MigrationProvider } from 'kysely'
import { m0001_initial } from './0001_initial'
import { m0002_builtin_exercises } from './0002_builtin_exercises'
import { m0003_search_indexes } from './0003_search_indexes'
import { m0004_clinical_corrections } from './0004_clinical_corrections'
import { m0005_plan_and_adherence } from './0005_plan_and_adherence'
import { m0006_database_identity } from './0006_database_identity'
import { m0008_concurrency } from './0008_concurrency'
import { m0009_users_and_sessions } from './0009_users_and_sessions'
import { m0010_languages } from './0010_languages'
import { m0011_name_words_and_void } from './0011_name_words_and_void'

export const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': m0001_initial,
  '0002_builtin_exercises': m0002_builtin_exercises,
  '0003_search_indexes': m0003_search_indexes,
  '0004_clinical_corrections': m0004_clinical_corrections,
  '0005_plan_and_adherence': m0005_plan_and_adherence,
  '0006_database_identity': m0006_database_identity,
  '0008_concurrency': m0008_concurrency,
  '0009_users_and_sessions': m0009_users_and_sessions,
  '0010_languages': m0010_languages,
  '0011_name_words_and_void': m0011_name_words_and_void,
}

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return MIGRATIONS
  },
}
