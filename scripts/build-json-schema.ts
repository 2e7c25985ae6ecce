// Writes docs/feed.schema.json from the zod schemas (`npm run schema`).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { feedJsonSchemaText } from '../lib/model/json-schema';

const target = fileURLToPath(new URL('../docs/feed.schema.json', import.meta.url));
writeFileSync(target, feedJsonSchemaText());
console.log(`wrote ${target}`);
