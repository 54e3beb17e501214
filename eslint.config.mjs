import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaryRules from './eslint.boundaries.cjs';

export default tseslint.config(
  {
    // test/fixtures/lint/ breaks the rules on purpose (test/unit/lint/boundaries.test.ts).
    ignores: [
      'node_modules/',
      'dist/',
      'data/',
      'coverage/',
      'test/generated/',
      'web/src/generated/',
      'test/fixtures/lint/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-console': 'off',
    },
  },
  boundaryRules.boundaries(import.meta.dirname),
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
