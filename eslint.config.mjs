import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const LIBS = [
  'common',
  'policy',
  'audit',
  'auth',
  'participants',
  'drafting',
  'signatures',
  'meetings',
  'jobs',
  'publishing',
  'notifications',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', '*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // A library is used through its index, never by reaching into its files.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: LIBS.map((lib) => `@accord/${lib}/*`),
              message: 'Import a library through its index (@accord/<lib>).',
            },
            {
              group: LIBS.map((lib) => `**/libs/${lib}/src/**`),
              message: 'Import a library through @accord/<lib>.',
            },
          ],
        },
      ],
    },
  },
  {
    // Only repositories touch TypeORM's query APIs; services hold the rules.
    files: ['libs/**/*.service.ts', 'libs/**/*.resolver.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'typeorm',
              message: 'Services and resolvers do not use TypeORM: go through a repository.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/support/test-server.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Plain CommonJS tool configs (the jest config), read alike by Node 20 and Node 24.
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
