// Languages through the contract: the clinic's language, a patient's preferred one (the clinic's
// by default), and a clinic's own exercise with texts in several languages.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { expectApiError, openTestClinic, type TestClinic } from '../../support/db'
import { seedTherapist } from './fixtures'

let clinic: TestClinic
beforeEach(async () => {
  clinic = await openTestClinic()
  await seedTherapist(clinic, 'Ewa Working')
})
afterEach(async () => clinic.close())

const settingsIn = async (language: 'en' | 'uk' | 'pl' | 'de' | 'es') => {
  const s = await clinic.call('settings.get', {})
  return clinic.call('settings.update', { ...s, language })
}

describe('languages', () => {
  it('gives a new patient the clinic’s language unless another is chosen, and keeps it when details change', async () => {
    expect((await clinic.call('settings.get', {})).language).toBe('en')
    await settingsIn('uk')
    const a = await clinic.call('patients.create', { firstName: 'Олена', lastName: 'Коваленко', dateOfBirth: '1980-02-03' })
    expect(a.preferredLanguage).toBe('uk')
    const b = await clinic.call('patients.create', { firstName: 'Jan', lastName: 'Kowalski', dateOfBirth: '1970-01-01', preferredLanguage: 'pl' })
    expect(b.preferredLanguage).toBe('pl')
    // A change without the field (an older form) leaves the language as it was.
    const { id, version, firstName, dateOfBirth } = b
    const changed = await clinic.call('patients.update', { id, version, firstName, lastName: 'Kowalski-Nowak', dateOfBirth })
    expect(changed.preferredLanguage).toBe('pl')
    // Saving the settings without the field keeps the clinic's language.
    const { language: _kept, ...rest } = await clinic.call('settings.get', {})
    expect((await clinic.call('settings.update', rest)).language).toBe('uk')
    const { id: cid, version: cv, firstName: cf, lastName: cl, dateOfBirth: cd } = changed
    const wrong = await expectApiError(clinic.call('patients.update', { id: cid, version: cv, firstName: cf, lastName: cl, dateOfBirth: cd, preferredLanguage: 'fr' } as never))
    expect(wrong.code).toBe('invalid_input')
  })

  it('keeps a clinic’s own exercise in several languages; a change without texts leaves them, an empty list removes them', async () => {
    const created = await clinic.call('exercises.create', {
      name: 'Marble pick-up',
      steps: ['Pick up marbles with your toes.'],
      stages: ['Sitting', 'Standing'],
      translations: [
        { language: 'pl', name: 'Podnoszenie kulek', steps: ['Podnoś kulki palcami stóp.'], stages: ['Siedząc', 'Na stojąco'], repsText: null },
        { language: 'uk', name: 'Підіймання кульок', steps: ['Підіймайте кульки пальцями ніг.'], stages: ['Сидячи', 'Стоячи'], repsText: null },
      ],
      dosage: { sets: 2, reps: 10 },
    })
    expect(created.language).toBe('en')
    expect(created.translations.map((t) => [t.language, t.name])).toEqual([
      ['uk', 'Підіймання кульок'],
      ['pl', 'Podnoszenie kulek'],
    ])
    const { id, version, name, purpose, steps, mistakes, stages, safety, dosage } = created
    const renamed = await clinic.call('exercises.update', { id, version, name: 'Marble pick-up (seated)', purpose, steps, mistakes, stages, safety, dosage })
    expect(renamed.translations).toHaveLength(2)
    const cleared = await clinic.call('exercises.update', { id, version: renamed.version, name, purpose, steps, mistakes, stages, safety, dosage, translations: [] })
    expect(cleared.translations).toEqual([])
    // Stages must match one for one, so a program's stage number means the same in every language.
    const mismatch = await expectApiError(
      clinic.call('exercises.update', {
        id,
        version: cleared.version,
        name,
        steps,
        stages,
        dosage,
        translations: [{ language: 'de', name: 'Murmeln', steps: ['Murmeln greifen.'], stages: ['Im Sitzen'], repsText: null }],
      }),
    )
    expect(mismatch.code).toBe('invalid_input')
    expect(mismatch.message).toContain('Give 2 stages')
  })

  it('lists the built-in exercises with their texts in all five languages', async () => {
    const list = await clinic.call('exercises.list', {})
    const short = list.find((e) => e.slug === 'short-foot')!
    expect([short.language, ...short.translations.map((t) => t.language)]).toEqual(['en', 'uk', 'pl', 'de', 'es'])
    expect(short.translations.find((t) => t.language === 'de')!.name).toBe('Kurzer Fuß (Gewölbe aufrichten)')
  })
})
