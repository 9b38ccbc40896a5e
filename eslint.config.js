// Lint: eslint and typescript-eslint recommended (no type-aware rules: the whole tree lints in
// seconds), the hooks rules, and the rules that keep Tend's architecture as it is drawn in the
// README. tests/unit/lint-rules.test.ts proves each architecture rule fires and lets allowed code by.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

/** Where an import points: a path from the project root for Tend's own files, else the package name. */
function importTarget(specifier, filename) {
  const alias = /^(?:@@|~~|@|~)\//.exec(specifier); // WXT's aliases for the project root
  if (alias) return specifier.slice(alias[0].length);
  if (!specifier.startsWith('.')) return specifier;
  return path
    .relative(ROOT, path.resolve(path.dirname(filename), specifier))
    .split(path.sep)
    .join('/');
}

/** Visitors that report each import of a banned module or folder (types too, unless typesAllowed). */
function bannedImports(context, { banned, typesAllowed, messageId }) {
  const check = (source, typeOnly) => {
    if (source?.type !== 'Literal' || typeof source.value !== 'string' || (typesAllowed && typeOnly)) return;
    const to = importTarget(source.value, context.filename);
    const hit = banned.find((name) => to === name || to.startsWith(`${name}/`));
    if (hit) context.report({ node: source, messageId, data: { module: hit } });
  };
  const allTypes = (node, kind) => node[kind] === 'type' || (node.specifiers?.length > 0 && node.specifiers.every((s) => s[kind] === 'type'));
  return {
    ImportDeclaration: (node) => check(node.source, allTypes(node, 'importKind')),
    ExportNamedDeclaration: (node) => check(node.source, allTypes(node, 'exportKind')),
    ExportAllDeclaration: (node) => check(node.source, node.exportKind === 'type'),
    ImportExpression: (node) => check(node.source, false),
    TSImportType: (node) => check(node.argument?.literal ?? node.argument, true),
  };
}

/** The name of a member expression's property (`a.b` and `a['b']`), if it is written out. */
function propertyName(node) {
  if (node?.type !== 'MemberExpression') return undefined;
  if (!node.computed && node.property.type === 'Identifier') return node.property.name;
  if (node.property.type === 'Literal' && typeof node.property.value === 'string') return node.property.value;
  return undefined;
}

/** A called method's name: `x.objectStore(...)` gives 'objectStore'. */
const calledName = (call) => propertyName(call.callee);

/** Tend's architecture rules; each is switched on for the files it guards, below. */
const architecture = {
  meta: { name: 'tend-architecture' },
  rules: {
    'pages-ask-the-worker': {
      meta: {
        type: 'problem',
        docs: { description: 'Pages and components never import utils/db: they ask the worker.' },
        messages: {
          db: 'Pages and components do not import {{module}}: ask the background worker (utils/messaging/client) instead.',
        },
        schema: [],
      },
      create: (context) => bannedImports(context, { banned: ['utils/db'], typesAllowed: false, messageId: 'db' }),
    },
    'pure-recognisers': {
      meta: {
        type: 'problem',
        docs: { description: 'Recognisers and content helpers import no transport, no browser API and no zod.' },
        messages: {
          impure: 'Recognisers and content helpers do not import {{module}}: they are pure (take a `report` function; `import type` is fine).',
        },
        schema: [],
      },
      create: (context) =>
        bannedImports(context, {
          banned: ['utils/messaging', 'wxt/browser', 'webextension-polyfill', 'zod'],
          typesAllowed: true,
          messageId: 'impure',
        }),
    },
    'store-access-in-db': {
      meta: {
        type: 'problem',
        docs: { description: 'Only utils/db opens IndexedDB stores and transactions.' },
        messages: {
          store: '.{{name}}() belongs inside utils/db: call a repository function (they own keys and invariants).',
        },
        schema: [],
      },
      create: (context) => ({
        CallExpression(node) {
          const name = calledName(node);
          if (name === 'objectStore' || name === 'transaction') context.report({ node, messageId: 'store', data: { name } });
        },
      }),
    },
    'text-not-html': {
      meta: {
        type: 'problem',
        docs: { description: 'Text goes into the page as text: no HTML sinks.' },
        messages: { html: '{{what}} parses HTML; page-derived text must be rendered as text (textContent, JSX).' },
        schema: [],
      },
      create(context) {
        const report = (node, what) => context.report({ node, messageId: 'html', data: { what } });
        return {
          // Read or written: reading markup back out of a page is how its text ends up parsed again.
          MemberExpression(node) {
            const name = propertyName(node);
            if (name === 'innerHTML' || name === 'outerHTML') report(node, name);
          },
          CallExpression(node) {
            const name = calledName(node);
            if (name === 'insertAdjacentHTML' || name === 'createContextualFragment') report(node, name);
            const target = node.callee.object;
            const onDocument = target?.type === 'Identifier' ? target.name === 'document' : propertyName(target) === 'document';
            if ((name === 'write' || name === 'writeln') && onDocument) report(node, `document.${name}`);
          },
          JSXAttribute(node) {
            if (node.name.name === 'dangerouslySetInnerHTML') report(node, 'dangerouslySetInnerHTML');
          },
          Property(node) {
            const key = node.key.type === 'Identifier' ? node.key.name : node.key.value;
            if (key === 'dangerouslySetInnerHTML') report(node, 'dangerouslySetInnerHTML');
          },
        };
      },
    },
    'storage-in-utils-storage': {
      meta: {
        type: 'problem',
        docs: { description: 'Only utils/storage touches extension storage.' },
        messages: {
          storage: 'Extension storage is reached through utils/storage (typed keys and items), not {{module}} here.',
        },
        schema: [],
      },
      create(context) {
        return {
          ...bannedImports(context, {
            banned: ['wxt/utils/storage', 'wxt/storage', '@wxt-dev/storage'],
            typesAllowed: true,
            messageId: 'storage',
          }),
          MemberExpression(node) {
            const owner = node.object;
            if (owner.type === 'Identifier' && (owner.name === 'browser' || owner.name === 'chrome') && propertyName(node) === 'storage')
              context.report({ node, messageId: 'storage', data: { module: `${owner.name}.storage` } });
          },
        };
      },
    },
  },
};

const PAGES = ['components/**', 'entrypoints/options/**', 'entrypoints/popup/**', 'entrypoints/sidepanel/**'];
// utils/sites too: each content script bundles its own site's descriptor.
const RECOGNISERS = ['utils/recognise/**', 'utils/content/**', 'utils/sites/**'];

export default defineConfig(
  { ignores: ['.output/**', '.wxt/**', '.bench/**', 'test-results/**', 'node_modules/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A leading underscore marks a value kept on purpose (a handler's unused argument, a field
      // dropped by destructuring); `{ omitted, ...rest }` is how the tree drops fields.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `cond ? add(x) : remove(x)` and `cond && act()` as statements are the tree's idiom for a
      // choice between two calls; a bare expression that does nothing is still reported.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // Off: Tend strips control characters from page text on purpose (search tokens, vCard lines);
      // those regexes are the rule's only hits.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs,jsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // Off: effects here are keyed on purpose (a person's id, a joined id list, a request's deps)
      // and read the latest values through refs; its 18 hits in 10 files are those choices.
      'react-hooks/exhaustive-deps': 'off',
    },
  },

  // ---- Architecture rules ----
  { plugins: { tend: architecture } },
  // 1. Pages ask the worker: the worker is the only writer of IndexedDB, so it alone can keep the
  //    search index, broadcasts and alarms in step with every change.
  { files: PAGES, rules: { 'tend/pages-ask-the-worker': 'error' } },
  // 2. Recognisers are pure functions of a page (testable on fixtures, cheap in content scripts);
  //    content scripts carry no zod (size budget): only type imports from these modules.
  { files: RECOGNISERS, rules: { 'tend/pure-recognisers': 'error' } },
  // 3. Repositories own keys and invariants: nothing outside utils/db opens a store or transaction.
  { files: ['**/*.{ts,tsx,js,mjs}'], ignores: ['utils/db/**'], rules: { 'tend/store-access-in-db': 'error' } },
  // 4. Page-derived text is rendered as text, never parsed as HTML. Tests may build markup.
  { files: ['**/*.{ts,tsx,js,mjs,jsx}'], ignores: ['tests/**'], rules: { 'tend/text-not-html': 'error' } },
  // 5. Extension storage has one home with typed keys, so no key string is repeated across files.
  { files: ['**/*.{ts,tsx,js,mjs,jsx}'], ignores: ['utils/storage/**'], rules: { 'tend/storage-in-utils-storage': 'error' } },

  // Permanent exemptions.
  {
    // Tests read and seed the raw database and storage as their oracle, independent of the code under test.
    files: ['tests/**'],
    rules: { 'tend/store-access-in-db': 'off', 'tend/storage-in-utils-storage': 'off' },
  },
  {
    // The bench writes its corpus and times raw IndexedDB (and Dexie) as the baseline Tend is measured against.
    files: ['bench/**'],
    rules: { 'tend/store-access-in-db': 'off' },
  },

  // No temporary exemptions are left (issue 13): every architecture rule holds in every file. One
  // would be a block named `temporary/<rule>` listing its files; tests/unit/lint-rules.test.ts
  // fails once such a file no longer breaks the rule (or is gone), so a list only ever shrinks.
);
