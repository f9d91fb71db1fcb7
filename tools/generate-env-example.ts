/**
 * npm run env:example   rewrite .env.example from the configuration schema
 * (libs/common/src/config/env-variables.ts); a test fails when the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { envExample } from '@accord/common';

const file = join(__dirname, '..', '.env.example');
writeFileSync(file, envExample());
console.log(`Wrote ${file}`);
