// `npm run bench:pdf`: time to build each printable document for a therapist's-day fixture.
// Not a test: prints milliseconds per document (targets: handout < 300 ms, report < 500 ms).
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { buildHandout, buildProgressReport } from '../src-main/core/services/documents'
import { openPdfClinic, seedTherapistsDay } from '../tests/unit/pdf/fixtures'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
/** Folder to keep the first two patients' PDFs in, for looking at them (pdftoppm, pdffonts, qpdf). */
const KEEP = process.env.BENCH_PDF_OUT

function summary(label: string, samples: number[], target: number): string {
  const sorted = [...samples].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)]!
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!
  const verdict = median < target ? 'ok' : 'OVER TARGET'
  return `${label.padEnd(16)} n=${String(samples.length).padStart(3)}  median ${median.toFixed(1)} ms  p95 ${p95.toFixed(1)} ms  max ${sorted[sorted.length - 1]!.toFixed(1)} ms  (target < ${target} ms: ${verdict})`
}

async function main(): Promise<void> {
  process.env.FOOTCORE_LOG = 'silent'
  const c = await openPdfClinic('A4')
  try {
    const day = await seedTherapistsDay(c)
    const ctx = c.clinic.ctx()
    const t0 = performance.now()
    await buildHandout(ctx, { programId: day[0]!.programId })
    await buildProgressReport(ctx, { patientId: day[0]!.patientId })
    const firstMs = performance.now() - t0
    if (KEEP) {
      mkdirSync(KEEP, { recursive: true })
      for (const [i, p] of day.slice(0, 2).entries()) {
        writeFileSync(join(KEEP, `handout-${i + 1}.pdf`), await buildHandout(ctx, { programId: p.programId }))
        writeFileSync(join(KEEP, `report-${i + 1}.pdf`), await buildProgressReport(ctx, { patientId: p.patientId }))
      }
      process.stdout.write(`PDFs written to ${KEEP}\n`)
    }
    const handout: number[] = []
    const report: number[] = []
    for (let r = 0; r < ROUNDS; r++) {
      for (const p of day) {
        let t = performance.now()
        await buildHandout(ctx, { programId: p.programId })
        handout.push(performance.now() - t)
        t = performance.now()
        await buildProgressReport(ctx, { patientId: p.patientId })
        report.push(performance.now() - t)
      }
    }
    process.stdout.write(`First handout + report after start (loads pdfkit and fonts): ${firstMs.toFixed(0)} ms\n`)
    process.stdout.write(`${summary('handout', handout, 300)}\n${summary('progress report', report, 500)}\n`)
  } finally {
    await c.clinic.close()
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
  process.exit(1)
})
