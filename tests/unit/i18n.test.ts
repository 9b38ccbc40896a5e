import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import messages from '../../public/_locales/en/messages.json';
import { t, tCount, uiLanguage, type PluralKey } from '../../utils/i18n';
import { sourceFiles } from './source-files';

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
const entries = Object.entries(messages as Record<string, Message>);

const CODE = [...['entrypoints', 'components', 'utils'].flatMap((dir) => sourceFiles(dir, /\.tsx?$/)), 'wxt.config.ts'];
const allCode = CODE.map((path) => readFileSync(path, 'utf8')).join('\n');

describe('messages.json (public/_locales/en)', () => {
  test.each(entries)('%s: a valid name, a message, and placeholders that match it', (name, entry) => {
    expect(name).toMatch(/^[A-Za-z0-9_@]+$/);
    expect(entry.message.trim()).not.toBe('');
    const used = [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();
    const declared = Object.keys(entry.placeholders ?? {})
      .map((key) => key.toLowerCase())
      .sort();
    expect([...new Set(used)]).toEqual(declared);
    for (const placeholder of Object.values(entry.placeholders ?? {})) expect(placeholder.content).toMatch(/^\$[1-9]$/);
  });

  test('plural messages come as _one and _other pairs', () => {
    const names = new Set(entries.map(([name]) => name));
    for (const name of names) {
      const base = name.match(/^(.+)_(one|other)$/)?.[1];
      if (base) expect([names.has(`${base}_one`), names.has(`${base}_other`)], base).toEqual([true, true]);
    }
  });

  test('every message is used by the code (no dead strings for translators)', () => {
    const unused = entries
      .map(([name]) => name)
      .filter((name) => {
        const base = name.replace(/_(zero|one|two|few|many|other)$/, '');
        const quoted = (key: string) => allCode.includes(`'${key}'`) || allCode.includes(`"${key}"`);
        return !quoted(name) && !quoted(base) && !allCode.includes(`__MSG_${name}__`);
      });
    expect(unused).toEqual([]);
  });
});

/** JSX attributes whose text a person reads or hears. */
const SPOKEN_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-placeholder',
  'aria-valuetext',
  'placeholder',
  'title',
  'alt',
  'label',
]);
const hasLetters = (text: string) => /\p{L}/u.test(text);

/** Hard-coded words in a TSX file: JSX text, and literal strings in spoken attributes. */
function hardCodedText(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasLetters(node.text)) found.push(node.text.trim());
    if (ts.isJsxAttribute(node) && SPOKEN_ATTRIBUTES.has(node.name.getText(source)) && node.initializer) {
      const value = ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
      if (
        value &&
        (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value) || ts.isTemplateExpression(value)) &&
        hasLetters(value.getText(source))
      ) {
        found.push(`${node.name.getText(source)}=${value.getText(source)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test('no user-visible words are hard-coded in the UI: they all come from messages.json', () => {
  const files = ['entrypoints', 'components'].flatMap((dir) => sourceFiles(dir, /\.tsx$/));
  expect(files.length).toBeGreaterThan(20);
  const offenders = Object.fromEntries(files.map((path) => [path, hardCodedText(path)] as const).filter(([, found]) => found.length > 0));
  expect(offenders).toEqual({});
});

test('the scan sees hard-coded text when there is some (it can fail)', () => {
  const path = join(process.env.TMPDIR ?? '/tmp', `tend-i18n-${process.pid}.tsx`);
  ts.sys.writeFile(path, 'export const A = () => <p title="Hello">Saved <b aria-label={`x ${1}`}>{t("k")}</b> · </p>;');
  expect(hardCodedText(path)).toEqual(['title="Hello"', 'Saved', 'aria-label=`x ${1}`']);
});

describe('t and tCount', () => {
  const table: Record<string, string> = { greet_one: 'one: $1 for $2', greet_other: 'other: $1 for $2', only_other: 'any $1' };
  const fake = (name: string, subs?: string | string[]) => (table[name] ?? '').replace(/\$(\d)/g, (_, d: string) => [subs].flat()[Number(d) - 1] ?? '');

  test('t passes substitutions as strings', () => {
    const getMessage = vi.spyOn(fakeBrowser.i18n, 'getMessage');
    t('extName', 3, 'x');
    expect(getMessage).toHaveBeenCalledWith('extName', ['3', 'x']);
    expect(t('extName')).toBe('Tend');
  });

  test('tCount picks the plural form of the count, with the count as $1', () => {
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(fake);
    expect(tCount('greet' as PluralKey, 1, 'Ada')).toBe('one: 1 for Ada');
    expect(tCount('greet' as PluralKey, 0, 'Ada')).toBe('other: 0 for Ada');
    expect(tCount('greet' as PluralKey, 2, 'Ada')).toBe('other: 2 for Ada');
    // A form the messages lack falls back to _other.
    expect(tCount('only' as PluralKey, 1)).toBe('any 1');
  });

  test("the pages' language: Chrome's when Tend speaks it, else the language of the messages Chrome fell back to", () => {
    // messages.json (en) answers 'messagesLanguage' with "en".
    fakeBrowser.i18n.getUILanguage = () => 'en-GB';
    expect(uiLanguage()).toBe('en-GB');
    fakeBrowser.i18n.getUILanguage = () => 'fr-FR';
    expect(uiLanguage()).toBe('en');
  });

  test('placeholders: $NAME$ is filled from $1..$9 as Chrome does', () => {
    expect(messages.extName.message).toBe('Tend');
    expect(fakeBrowser.i18n.getMessage('extDescription')).toContain('Stays on your machine');
    expect(fakeBrowser.i18n.getMessage('no-such-key' as never)).toBe('');
  });
});
