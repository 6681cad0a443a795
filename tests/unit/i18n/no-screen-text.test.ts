// No screen text written outside a catalogue: every .tsx of the covered parts of src-renderer is
// parsed with the TypeScript compiler and each text a person reads must come from `t(...)`:
// (a) JSX text with a letter, (b) a string with a letter in a prop people read (label, title …),
// (c) a string with a letter given to a notification or to the screen reader's announcer.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../../..')
const RENDERER = join(ROOT, 'src-renderer')

/** The whole of src-renderer: every .tsx in it. */
const COVERED = ['.']

const PROPS = new Set(['label', 'description', 'placeholder', 'title', 'aria-label', 'alt', 'legend', 'error', 'message'])
const CALLS = new Set(['notifySaved', 'notifyError', 'notifyWarning', 'announce'])

/** Texts with letters that are not words of a language (so not in a catalogue), each with its reason. */
const ALLOWED = new Map<string, string>([
  // (none yet: units, names and abbreviations are all in the catalogue)
])

const LETTER = /\p{L}/u

function tsxFiles(path: string): string[] {
  const full = join(RENDERER, path)
  if (statSync(full).isFile()) return [full]
  return readdirSync(full).flatMap((name) => tsxFiles(join(path, name))).filter((f) => f.endsWith('.tsx'))
}

/** A catalogue key: the first argument of t(...) or translate(...). */
function isKeyArgument(node: ts.Node): boolean {
  let n: ts.Node = node
  // t(cond ? 'a.key' : 'b.key') and t(x ?? 'a.key') are keys too.
  while (ts.isConditionalExpression(n.parent) || (ts.isBinaryExpression(n.parent) && n.parent.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) || ts.isParenthesizedExpression(n.parent)) n = n.parent
  const call = n.parent
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== n) return false
  const callee = call.expression
  return ts.isIdentifier(callee) && (callee.text === 't' || callee.text === 'translate')
}

const EQUALITY = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken])
/** A code compared with (`next === 'dark'`), not a text shown. */
const isCompared = (node: ts.Node): boolean => ts.isBinaryExpression(node.parent) && EQUALITY.has(node.parent.operatorToken.kind)
/** A key looked up in a record (`errors[\`items.${i}.weeks\`]`), not a text shown. */
const isLookup = (node: ts.Node): boolean => ts.isElementAccessExpression(node.parent) && node.parent.argumentExpression === node
/** A code handed to a helper (`dosageLabel('repsText')`, `k.startsWith('navicular')`): one identifier-like word as an argument. */
const isCodeArgument = (node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral): boolean =>
  ts.isCallExpression(node.parent) && node.parent.arguments.includes(node as ts.Expression) && /^[a-z][A-Za-z0-9_]*$/.test(node.text)

function literalsIn(node: ts.Node, found: { text: string; node: ts.Node }[] = []): { text: string; node: ts.Node }[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    if (!isKeyArgument(node) && !isCompared(node) && !isLookup(node) && !isCodeArgument(node)) found.push({ text: node.text, node })
    return found
  }
  if (ts.isTemplateExpression(node) && !isKeyArgument(node) && !isLookup(node)) {
    found.push({ text: [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' '), node })
  }
  // A property key ({ 'aria-label': … }) is code, not text; its value is looked at.
  if (ts.isPropertyAssignment(node)) return literalsIn(node.initializer, found)
  ts.forEachChild(node, (child) => void literalsIn(child, found))
  return found
}

interface Finding {
  where: string
  text: string
}

function scan(file: string, text = readFileSync(file, 'utf8')): Finding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
  const findings: Finding[] = []
  const report = (node: ts.Node, text: string) => {
    const clean = text.replace(/\s+/g, ' ').trim()
    if (!LETTER.test(clean) || ALLOWED.has(clean)) return
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source))
    findings.push({ where: `${relative(ROOT, file)}:${line + 1}`, text: clean })
  }
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text)
    if (ts.isJsxAttribute(node) && node.initializer) {
      const name = node.name.getText(source)
      if (PROPS.has(name)) {
        if (ts.isStringLiteral(node.initializer)) report(node.initializer, node.initializer.text)
        else for (const l of literalsIn(node.initializer)) report(l.node, l.text)
      }
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && CALLS.has(node.expression.text)) {
      for (const arg of node.arguments) for (const l of literalsIn(arg)) report(l.node, l.text)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return findings
}

const files = COVERED.flatMap(tsxFiles)

/** Each text written in this code must be found; keys, codes compared and non-words must not. */
const PROBE = `declare const t: (key: string, values?: Record<string, unknown>) => string
declare function notifySaved(message: string): void
declare function announce(message: string): void
declare function notifyWarning(title: string, message: string): void
declare const Button: (props: Record<string, unknown>) => null
declare const TextInput: (props: Record<string, unknown>) => null
declare const errors: Record<string, string>
declare function dosageLabel(field: string): string

export function Probe({ busy }: { busy: boolean | string }) {
  notifySaved(t('patientForm.saved'))
  return (
    <>
      <Button variant="default" color="red" data-testid="save">
        Save changes
      </Button>
      <TextInput label="Patient name" placeholder={busy ? t('a.key') : \`Search\`} description="—" />
      {notifySaved('Saved')}
      {announce(\`Visit restored\`)}
      {notifyWarning(t('x.y'), 'Close message')}
      <TextInput label={t(\`labels.role.\${busy}\`)} error={errors[\`items.\${busy}.sets\`]} description={dosageLabel('repsText')} placeholder={dosageLabel('Sets per day')} />
      <Button aria-label={t('patients.new')} title={busy === 'dark' ? t('a') : t('b')}>{' — '}</Button>
    </>
  )
}
`

describe('screen texts come from the catalogue', () => {
  it('covers every .tsx of src-renderer', () => {
    expect(files.length).toBeGreaterThanOrEqual(50)
  })
  it.each(files.map((f) => relative(ROOT, f)))('%s has no text written in the code', (file) => {
    expect(scan(join(ROOT, file))).toEqual([])
  })
  it('catches what it is meant to catch', () => {
    expect(scan(join(ROOT, 'probe.tsx'), PROBE).map((f) => f.text)).toEqual(['Save changes', 'Patient name', 'Search', 'Saved', 'Visit restored', 'Close message', 'Sets per day'])
  })
})
