// Settings → "Clinic database": which database this workstation uses, testing a server, choosing
// one, and moving this clinic's records from the SQLite file to a server.
import type { z } from 'zod'
import type { DatabaseMoveResult, DatabaseServerCheck, DatabaseServerInput, DatabaseStatus } from '@shared/domain/database'
import { ApiError } from '@shared/domain/errors'
import { DatabaseOpenError } from '../db/open-errors'
import { checkPostgresServer, withPassword } from '../db/postgres'
import { appOf, type HasAppState } from './backups'

type ServerInput = z.output<typeof DatabaseServerInput>

/** A refused server is the user's to fix (address, password, server): one plain sentence, never "internal". */
async function plainly<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (e) {
    if (e instanceof DatabaseOpenError) {
      throw new ApiError({ code: e.kind === 'server_unreachable' ? 'unavailable' : 'conflict', message: e.message })
    }
    throw e
  }
}

const urlOf = (input: ServerInput) =>
  plainly(async () => withPassword(input.address, input.password))

export async function databaseStatus(core: HasAppState): Promise<DatabaseStatus> {
  return appOf(core).databaseStatus()
}

export async function testDatabaseServer(input: ServerInput): Promise<DatabaseServerCheck> {
  const url = await urlOf(input)
  const found = await plainly(() => checkPostgresServer(url))
  return { where: found.where, serverVersion: found.serverVersion, holds: found.applied.length > 0 ? 'clinic' : 'empty', patients: found.patients }
}

export async function useDatabaseServer(core: HasAppState, input: ServerInput): Promise<DatabaseStatus> {
  const url = await urlOf(input)
  return plainly(() => appOf(core).useServer(url))
}

export async function moveToDatabaseServer(core: HasAppState, input: ServerInput): Promise<DatabaseMoveResult> {
  const url = await urlOf(input)
  return plainly(() => appOf(core).moveToServer(url))
}
