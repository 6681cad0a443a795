// Vitest global setup of the "postgres" project: one throwaway PostgreSQL server for the run.
import type { TestProject } from 'vitest/node'
import { startPostgresServer } from './postgres-server'

export default async function setup(project: TestProject): Promise<() => void> {
  const server = await startPostgresServer()
  project.provide('postgresAdminUrl', server.url('postgres'))
  return () => server.stop()
}
