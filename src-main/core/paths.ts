// Where Footcore keeps its data when nobody says otherwise: the same folder Electron's userData uses.
import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_NAME = 'Footcore'
export const DB_FILE_NAME = 'footcore.sqlite'
/** With a clinic database server: where "Back up now" writes pg_dump files on this computer. */
export const SERVER_BACKUPS_FOLDER = 'server-backups'

export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME)
}
