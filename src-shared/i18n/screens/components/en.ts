// Screen texts (components), English: the source of the keys; every other language has exactly these keys.
// ICU message syntax (plurals: {count, plural, one {# day} other {# days}}).
export const componentsEn = {
} as const satisfies Record<string, string>
export type ComponentsKey = keyof typeof componentsEn
