// Migration 0002 (frozen once shipped): seeds the built-in foot-core exercise catalog (CLINICAL.md).
// The texts are copied here on purpose: a shipped migration must give every database the same rows.
import type { Kysely, Migration } from 'kysely'

interface Seed {
  slug: string
  name: string
  purpose: string
  steps: string[]
  mistakes: string[]
  stages: string[]
  safety: string
  sets: number | null
  reps: number | null
  reps_text: string | null
  hold_seconds: number | null
  minutes: number | null
  times_per_day: number
  days_per_week: number
}

const SEEDS: Seed[] = [
  {
    slug: 'towel-crumpling',
    name: 'Towel crumpling',
    purpose: 'Strengthens the small muscles under the foot that hold up the arch.',
    steps: [
      'Sit on a chair with a small towel flat on a smooth floor in front of you.',
      'Put your foot flat on the near end of the towel, heel on the floor.',
      'Using only your toes and the arch of your foot, pull the towel towards you, bit by bit.',
      'Keep your heel on the floor the whole time.',
      'When the towel is gathered under your foot, spread it out again. That is one set.',
    ],
    mistakes: [
      'Lifting the heel or moving the leg to drag the towel.',
      'Rushing: each pull should be slow and controlled.',
      'Doing it on carpet, where the towel will not slide.',
    ],
    stages: ['Sitting, towel only', 'Sitting, with a small weight on the far end of the towel', 'Standing'],
    safety: '',
    sets: 3,
    reps: null,
    reps_text: 'until the towel is gathered (about 10–15 pulls)',
    hold_seconds: null,
    minutes: null,
    times_per_day: 1,
    days_per_week: 7,
  },
  {
    slug: 'short-foot',
    name: 'Short-foot exercise (arch doming)',
    purpose: 'Trains the deep arch muscles to lift and hold the arch: the core exercise of the program.',
    steps: [
      'Put your foot flat on the floor, relaxed.',
      'Without curling your toes, draw the ball of your foot towards your heel so that the arch lifts.',
      'Keep your toes long and flat on the floor, and the heel and the ball of the foot down.',
      'Hold the arch up for the time given, breathing normally.',
      'Relax slowly. That is one repetition.',
    ],
    mistakes: [
      'Curling or clawing the toes instead of lifting the arch.',
      'Rolling the foot outwards onto its edge.',
      'Holding your breath.',
    ],
    stages: [
      'Sitting',
      'Standing on both feet',
      'Standing on one foot',
      'During functional tasks (single-leg squat, step-down)',
    ],
    safety: '',
    sets: 3,
    reps: 10,
    reps_text: null,
    hold_seconds: 5,
    minutes: null,
    times_per_day: 1,
    days_per_week: 7,
  },
  {
    slug: 'barefoot-transition',
    name: 'Minimalist shoes / barefoot transition',
    purpose: 'Lets the foot muscles work in daily life, step by step, over at least 8–12 weeks.',
    steps: [
      'Start by walking barefoot at home for the minutes given, every day.',
      'When that is easy, wear minimalist shoes for everyday walking.',
      'If you run: start with short runs in minimalist shoes, about 10 % of your weekly running.',
      'Increase the time in minimalist shoes by about 10 % a week, not more.',
    ],
    mistakes: [
      'Changing everything at once: the foot needs weeks to adapt.',
      'Increasing by more than about 10 % a week.',
      'Carrying on through pain.',
    ],
    stages: [
      'Barefoot walking at home, 10–15 minutes a day',
      'Minimalist shoes for walking',
      'Short runs in minimalist shoes (about 10 % of weekly running)',
      'Increase minimalist running by about 10 % a week',
    ],
    safety:
      'Stop and call the clinic if you feel pain on the top of the midfoot (it can be a bone stress injury), or heel or Achilles pain that is still there the next day.',
    sets: null,
    reps: null,
    reps_text: null,
    hold_seconds: null,
    minutes: 10,
    times_per_day: 1,
    days_per_week: 7,
  },
  {
    slug: 'toe-yoga',
    name: 'Toe spread and toe yoga',
    purpose: 'Improves control of the big toe and the small toes separately.',
    steps: [
      'Sit with your feet flat on the floor.',
      'Lift only the big toe while the small toes stay down. Hold.',
      'Then press the big toe down and lift the small toes. Hold.',
      'Finally spread all toes as wide as you can, and relax.',
    ],
    mistakes: ['Rolling the foot in or out.', 'Lifting the whole front of the foot.'],
    stages: ['Sitting', 'Standing'],
    safety: '',
    sets: 2,
    reps: 10,
    reps_text: null,
    hold_seconds: 3,
    minutes: null,
    times_per_day: 1,
    days_per_week: 7,
  },
  {
    slug: 'heel-raises',
    name: 'Heel raises',
    purpose: 'Strengthens the calf and the foot muscles together, with the arch held up.',
    steps: [
      'Stand on both feet, lightly holding a wall or a chair.',
      'Lift the arch first (short foot), then rise slowly onto the balls of your feet.',
      'Lower slowly, keeping the arch up.',
    ],
    mistakes: ['Rolling out onto the small toes.', 'Dropping down quickly.'],
    stages: ['Both feet on the floor', 'Both feet on a step edge', 'One foot'],
    safety: '',
    sets: 3,
    reps: 15,
    reps_text: null,
    hold_seconds: null,
    minutes: null,
    times_per_day: 1,
    days_per_week: 3,
  },
  {
    slug: 'single-leg-balance',
    name: 'Single-leg balance',
    purpose: 'Trains the foot to steady the whole body.',
    steps: [
      'Stand on one foot near a wall or a chair for safety.',
      'Keep the arch gently lifted and the toes relaxed on the floor.',
      'Hold your balance for the time given, then change feet.',
    ],
    mistakes: ['Gripping the floor with the toes.', 'Locking the knee.'],
    stages: ['Eyes open, firm floor', 'Eyes closed', 'On a cushion'],
    safety: '',
    sets: 3,
    reps: null,
    reps_text: null,
    hold_seconds: 30,
    minutes: null,
    times_per_day: 1,
    days_per_week: 7,
  },
]

/* eslint-disable @typescript-eslint/no-explicit-any -- frozen migrations are typed Kysely<any> by design */
export const m0002_builtin_exercises: Migration = {
  async up(db: Kysely<any>) {
    const now = new Date().toISOString()
    for (const s of SEEDS) {
      await db
        .insertInto('exercises')
        .values({
          slug: s.slug,
          name: s.name,
          purpose: s.purpose,
          steps_json: JSON.stringify(s.steps),
          mistakes_json: JSON.stringify(s.mistakes),
          stages_json: JSON.stringify(s.stages),
          safety: s.safety,
          illustration: s.slug,
          builtin: 1,
          sets: s.sets,
          reps: s.reps,
          reps_text: s.reps_text,
          hold_seconds: s.hold_seconds,
          minutes: s.minutes,
          times_per_day: s.times_per_day,
          days_per_week: s.days_per_week,
          stage: 0,
          dosage_notes: '',
          created_at: now,
          updated_at: now,
        })
        .execute()
    }
  },
}
