// Splits text into runs of one script each, so every run is set in a face that has its letters;
// right-to-left runs (Arabic, Hebrew) are marked so the drawing side lays their words out leftwards.
// Pure: the face coverage comes in as a function, so this is tested without fonts.

/** A font family Footcore ships; 'base' (DejaVu Sans) covers Latin, Greek, Cyrillic and Vietnamese. */
export type Face = 'base' | 'cjk' | 'arabic' | 'hebrew' | 'devanagari' | 'thai'
export const FACES: readonly Face[] = ['base', 'cjk', 'arabic', 'hebrew', 'devanagari', 'thai']

export const RTL_FACES: ReadonlySet<Face> = new Set(['arabic', 'hebrew'])

const SCRIPTS: [RegExp, Face][] = [
  [/\p{Script=Arabic}/u, 'arabic'],
  [/\p{Script=Hebrew}/u, 'hebrew'],
  [/\p{Script=Devanagari}/u, 'devanagari'],
  [/\p{Script=Thai}/u, 'thai'],
  [/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u, 'cjk'],
]
const COMMON = /[\p{Script=Common}]/u
const INHERITED = /[\p{Script=Inherited}]/u

export type ScriptClass = Face | 'common' | 'inherited'

const classes = new Map<number, ScriptClass>()

/** The face a character's script asks for; 'common' (spaces, digits, punctuation) and 'inherited' (combining marks) follow their neighbours. */
export function scriptClass(ch: string): ScriptClass {
  const cp = ch.codePointAt(0)!
  let c = classes.get(cp)
  if (c === undefined) {
    if (cp < 0x0590) c = cp < 0x80 ? (/[A-Za-z]/.test(ch) ? 'base' : 'common') : COMMON.test(ch) ? 'common' : INHERITED.test(ch) ? 'inherited' : 'base'
    else c = SCRIPTS.find(([re]) => re.test(ch))?.[1] ?? (INHERITED.test(ch) ? 'inherited' : COMMON.test(ch) ? 'common' : 'base')
    classes.set(cp, c)
  }
  return c
}

export interface Run {
  text: string
  face: Face
  rtl: boolean
}

export interface Split {
  runs: Run[]
  /** Characters no face has (each once, in order of appearance). */
  missing: string[]
}

/** Does `face` have a glyph for this character? */
export type Covers = (face: Face, ch: string) => boolean

/**
 * Runs in logical order. Each character goes to the face of its script (common characters to the
 * face of the run they are in, when that face has them), else to the first face that has it.
 * Spaces and punctuation at the end of a right-to-left run go back to the left-to-right text after
 * it, so "محمد العلي, Tel." keeps its comma after the name.
 */
export function splitRuns(text: string, covers: Covers): Split {
  const chars = Array.from(text)
  const faces: (Face | null)[] = []
  const missing: string[] = []
  let previous: Face = 'base'
  for (const ch of chars) {
    const cls = scriptClass(ch)
    const wanted: Face = cls === 'common' || cls === 'inherited' ? previous : cls
    let face: Face | null = covers(wanted, ch) ? wanted : null
    if (face === null) face = FACES.find((f) => f !== wanted && covers(f, ch)) ?? null
    if (face === null) {
      if (!missing.includes(ch)) missing.push(ch)
      faces.push(previous)
      continue
    }
    faces.push(face)
    // A combining mark never changes the run; a common character keeps the run it joined.
    if (cls !== 'inherited' && cls !== 'common') previous = face
  }
  // Trailing neutral characters of a right-to-left run belong to what follows.
  for (let i = chars.length - 1; i >= 0; i--) {
    const face = faces[i]!
    if (!RTL_FACES.has(face) || scriptClass(chars[i]!) !== 'common') continue
    const next = i + 1 < chars.length ? faces[i + 1]! : 'base'
    if (next !== face && covers(RTL_FACES.has(next) ? 'base' : next, chars[i]!)) faces[i] = RTL_FACES.has(next) ? 'base' : next
  }
  const runs: Run[] = []
  chars.forEach((ch, i) => {
    const face = faces[i]!
    const last = runs[runs.length - 1]
    if (last && last.face === face) last.text += ch
    else runs.push({ text: ch, face, rtl: RTL_FACES.has(face) })
  })
  return { runs, missing }
}
