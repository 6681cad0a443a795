// Screen texts (pages), English: the source of the keys; every other language has exactly these keys.
// ICU message syntax (plurals: {count, plural, one {# day} other {# days}}).
export const pagesEn = {
  'app.nav.patients': 'Patients',
  'app.nav.reviews': 'Due reviews',
  'app.nav.exercises': 'Exercise library',
  'app.nav.settings': 'Settings',
} as const satisfies Record<string, string>
export type PagesKey = keyof typeof pagesEn
