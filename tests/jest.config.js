// Plain CommonJS so that Node 20 and Node 24 (which would load a .ts config as an ES module) read it alike.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8'));
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias}$`,
    `<rootDir>/${target}`,
  ]),
);

/** ES-module-only packages, which jest on Node 20 can load only once made CommonJS. */
const ESM_ONLY = ['@nestjs/terminus'];

/**
 * Unit specs beside the code (libs/**), e2e and integration suites under tests/.
 * @type {import('jest').Config}
 */
module.exports = {
  rootDir: root,
  testEnvironment: 'node',
  testMatch: [
    '<rootDir>/libs/**/*.spec.ts',
    '<rootDir>/apps/**/*.spec.ts',
    '<rootDir>/tests/**/*.e2e-spec.ts',
  ],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: join(root, 'tsconfig.json') }],
    [`/node_modules/(${ESM_ONLY.join('|')})/.+\\.js$`]:
      '<rootDir>/tests/support/esm-package.transform.js',
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  moduleNameMapper,
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
};
