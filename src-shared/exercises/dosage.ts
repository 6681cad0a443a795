// Dosage written the way a therapist says it to a patient, for screens and handouts.
import type { Dosage } from '../domain/exercise'

const TIMES = ['', 'once', 'twice', 'three times', 'four times', 'five times', 'six times']

function timesWord(n: number): string {
  return TIMES[n] ?? `${n} times`
}

/** e.g. "Hold 5 seconds. Do it 10 times, 3 sets, twice a day." */
export function dosageSentence(d: Dosage): string {
  const parts: string[] = []
  if (d.holdSeconds !== null) parts.push(`Hold ${d.holdSeconds} second${d.holdSeconds === 1 ? '' : 's'}.`)
  const doIt: string[] = []
  if (d.reps !== null) doIt.push(`${d.reps} time${d.reps === 1 ? '' : 's'}`)
  else if (d.repsText !== null) doIt.push(d.repsText)
  if (d.sets !== null) doIt.push(`${d.sets} set${d.sets === 1 ? '' : 's'}`)
  if (d.minutes !== null) doIt.push(`for ${d.minutes} minute${d.minutes === 1 ? '' : 's'}`)
  const perDay = `${timesWord(d.timesPerDay)} a day`
  const perWeek = d.daysPerWeek === 7 ? '' : `, ${d.daysPerWeek} day${d.daysPerWeek === 1 ? '' : 's'} a week`
  const body = doIt.length > 0 ? `Do it ${doIt.join(', ')}, ${perDay}${perWeek}.` : `Do it ${perDay}${perWeek}.`
  parts.push(body)
  return parts.join(' ')
}
