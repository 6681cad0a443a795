// Child process of the crash test: records visits through the real router in a loop and prints
// "committed <id>" after each visit's transaction has committed, until it is killed.
import { dispatch } from '../../src-main/core/api/router'
import { openDatabase } from '../../src-main/core/db/connection'
import { TEST_ADMIN } from './sessions'

async function main(): Promise<void> {
  const file = process.argv[2]
  if (!file) throw new Error('usage: crash-writer <database file>')
  const database = await openDatabase(file)
  const core = { db: database.db }
  const therapist = await database.db.selectFrom('therapists').select('id').orderBy('id').executeTakeFirstOrThrow()
  // Signed in as the clinic's administrator (the test created them), as the app would be.
  const signIn = await dispatch(core, 'session.signIn', { loginName: TEST_ADMIN.loginName, secret: TEST_ADMIN.secret }, null)
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.error.code}`)
  const token = (signIn.value as { sessionToken: string }).sessionToken
  const patient = await database.db.selectFrom('patients').select('id').orderBy('id').executeTakeFirstOrThrow()
  process.stdout.write('ready\n')
  for (let i = 0; ; i++) {
    const r = await dispatch(
      core,
      'visits.record',
      {
        patientId: patient.id,
        therapistId: therapist.id,
        visitDate: '2026-01-10',
        kind: 'follow_up',
        left: { footLengthMm: 250 + (i % 10) / 10, truncatedFootLengthMm: 182, archHeightMm: 60 },
        right: { footLengthMm: 251, archHeightMm: 61 + (i % 5) },
        symptoms: { foot_heel: i % 11, knee: 2 },
        notes: `Visit ${i}. `.repeat(1 + (i % 50)),
      },
      token,
    )
    if (!r.ok) throw new Error(`visits.record failed: ${r.error.code}`)
    // Only now is the visit committed: print its id.
    process.stdout.write(`committed ${(r.value as { id: number }).id}\n`)
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`crash-writer: ${e instanceof Error ? e.message : String(e)}\n`)
  process.exit(1)
})
