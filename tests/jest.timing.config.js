// The one suite that asserts a time (/health answering while the largest diff is computed),
// run by itself after the others: on two cores, a neighbouring test file would measure the
// machine, not Accord.
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ['<rootDir>/tests/**/*.timing-spec.ts'],
  maxWorkers: 1,
};
