// Lint rules, including the boundaries of docs/ARCHITECTURE.md, enforced here rather than by memory.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const otherSrcFolders = [
  'simulator',
  'scenarios',
  'io',
  'cli',
  'store',
  'views',
  'app',
  'worker',
  'diagnostics',
  'compare',
];
const uiPackages = ['react', 'react-dom', 'zustand', '@xyflow/*', '@tanstack/*'];
const impureGlobals = [
  { name: 'Date', message: 'No clock here: time comes in as data (ARCHITECTURE.md rule 2).' },
  { name: 'setTimeout', message: 'No timers here (ARCHITECTURE.md rule 2).' },
  { name: 'setInterval', message: 'No timers here (ARCHITECTURE.md rule 2).' },
  {
    name: 'crypto',
    message: 'No randomness here: ids come from an injected source (ARCHITECTURE.md rule 2).',
  },
];
// The ledger and every other engine module are private: outside src/engine, only its public entry is imported
// (tests may use the engine's shared test fixtures under engine/test/).
const enginePublicOnly = {
  regex: '(^|/)engine/(?!index\\.ts$|test/)',
  message:
    'Import the engine through its public entry, src/engine/index.ts: the ledger is private (ARCHITECTURE.md).',
};
// Issue #10: what differs between modes is asked of modeRules(mode) (engine/modes/modeRules.ts), never by testing
// a mode's name; per-mode tables are `Record<Mode, …>` so the compiler asks a new mode for its entry.
const modeNameMessage =
  "Ask modeRules(mode) (or a Record<Mode, …> table) instead of testing a mode's name (ARCHITECTURE.md, #10).";
const modeNameBranch = [
  {
    selector:
      'BinaryExpression[operator=/^[!=]==$/][right.value=/^(simplified|original|legacy)$/]:matches([left.name=/mode$/i], [left.property.name=/mode$/i])',
    message: modeNameMessage,
  },
  {
    selector:
      'SwitchStatement:matches([discriminant.name=/mode$/i], [discriminant.property.name=/mode$/i]) > SwitchCase > Literal[value=/^(simplified|original|legacy)$/]',
    message: modeNameMessage,
  },
];
const noMathRandom = {
  selector: "MemberExpression[object.name='Math'][property.name='random']",
  message: 'No randomness here: use the injected seeded source (ARCHITECTURE.md rule 2).',
};

export default tseslint.config(
  { ignores: ['dist', 'build', 'node_modules', 'test-results', 'playwright-report', 'bench/out'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/**/*.tsx', 'src/**/use*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // No branching on a mode's name in source (tests may name modes); the engine's and the simulator's own
    // no-restricted-syntax lists below repeat it, since a later setting of a rule replaces an earlier one.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'src/**/test/**'],
    rules: { 'no-restricted-syntax': ['error', ...modeNameBranch] },
  },
  {
    // Rule 1: the engine imports nothing outside itself.
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: uiPackages, message: 'The engine is pure TypeScript (ARCHITECTURE.md rule 1).' },
            { group: ['node:*', 'fs', 'path'], message: 'The engine runs in the browser too.' },
            {
              group: otherSrcFolders.map((f) => `**/${f}/**`),
              message: 'The engine imports nothing outside itself.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...impureGlobals],
      'no-restricted-syntax': ['error', noMathRandom, ...modeNameBranch],
    },
  },
  {
    // Rule 3 everywhere outside the engine: the engine's public entry only.
    files: ['src/**/*.ts', 'src/**/*.tsx', 'bench/**/*.ts', 'scripts/**/*.ts', 'e2e/**/*.ts'],
    ignores: ['src/engine/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [enginePublicOnly] }] },
  },
  {
    // Rules 2 and 3: simulator, scenarios and io use the engine's public entry only, never React or the store.
    files: [
      'src/simulator/**/*.ts',
      'src/scenarios/**/*.ts',
      'src/io/**/*.ts',
      'src/diagnostics/**/*.ts',
      'src/compare/**/*.ts',
    ],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: uiPackages, message: 'No UI here (ARCHITECTURE.md rule 3).' },
            { group: ['**/store/**', '**/views/**', '**/app/**'], message: 'No app state here (rule 3).' },
            enginePublicOnly,
          ],
        },
      ],
    },
  },
  {
    files: ['src/simulator/**/*.ts', 'src/scenarios/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', ...impureGlobals],
      'no-restricted-syntax': ['error', noMathRandom, ...modeNameBranch],
    },
  },
  {
    // The page talks to the import worker only through its typed client (and the modules that also run on the page:
    // the pre-load preview, the compare session for scenarios); the worker's session, queries and protocol may be imported for their types only.
    files: [
      'src/store/**/*.ts',
      'src/store/**/*.tsx',
      'src/views/**/*.ts',
      'src/views/**/*.tsx',
      'src/app/**/*.ts',
      'src/app/**/*.tsx',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)worker/(?!importClient\\.ts$|preview\\.ts$|compareSession\\.ts$)',
              allowTypeImports: true,
              message:
                'The page reaches the worker through worker/importClient.ts; other worker modules for their types only.',
            },
          ],
        },
      ],
    },
  },
  {
    // Rule 4: views do not import each other; the app shell composes them.
    files: ['src/views/**/*.tsx', 'src/views/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // From src/views/<view>/, a sibling view is '../<other>/…'; only views/shared may be shared.
              regex: '^\\.\\./(?!shared/)[^./][^/]*/',
              message: 'Views do not import each other (ARCHITECTURE.md rule 4); share through views/shared.',
            },
            enginePublicOnly,
          ],
        },
      ],
    },
  },
);
