// Which clinic database a workstation works on: the SQLite file on this computer or a PostgreSQL server.
import { z } from 'zod'

/** The server's address without the password, and the password apart (it is never shown again). */
export const DatabaseServerInput = z
  .object({
    address: z
      .string({ error: 'Enter the server address' })
      .trim()
      .min(1, { error: 'Enter the server address' })
      .max(2000, { error: 'The address is too long' })
      .refine((s) => /^postgres(ql)?:\/\/[^/]+\/[^/?#]+/.test(s), {
        error: 'Write the address as postgres://user@server:5432/footcore',
      }),
    password: z.string().max(1000, { error: 'The password is too long' }).default(''),
  })
  .strict()
export type DatabaseServer = z.input<typeof DatabaseServerInput>

export interface DatabaseStatus {
  dialect: 'sqlite' | 'postgres'
  /** The file's path, or server:port/database (never the user or password). */
  where: string
  /** This workstation can remember a server chosen here (false: chosen on the command line). */
  canChoose: boolean
  /** Whether the password is kept encrypted on this computer (Electron safeStorage), else not at all. */
  passwordStorage: 'encrypted' | 'not_stored'
}

export interface DatabaseServerCheck {
  where: string
  /** "15.18": the server's PostgreSQL version. */
  serverVersion: string
  /** What the database holds now: nothing yet, or a Footcore clinic (with how many patients). */
  holds: 'empty' | 'clinic'
  patients: number
}

export interface DatabaseMoveResult {
  where: string
  tables: { name: string; rows: number }[]
  seconds: number
}
