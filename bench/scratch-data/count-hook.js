/* global process */
// Preloaded into the API for measuring only: counts SQL statements; SIGUSR2 writes the count.
const { Client } = require('pg');
const { writeFileSync } = require('node:fs');
let count = 0;
const original = Client.prototype.query;
Client.prototype.query = function (...args) {
  count++;
  return original.apply(this, args);
};
process.on('SIGUSR2', () => writeFileSync(process.env.COUNT_FILE, String(count)));
