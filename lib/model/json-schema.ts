// The published JSON Schema of the feed, generated from the zod schemas so it can never
// drift from what the extension accepts (test/unit/model/json-schema.test.ts checks the
// committed docs/feed.schema.json against this).
import { feedSchema } from './feed';
import { z } from './zod';

export const FEED_SCHEMA_ID = 'https://constellation.example/schemas/feed-v1.json';

export function feedJsonSchema(): Record<string, unknown> {
  // "input": what a producer writes — fields with defaults are optional there.
  const schema = z.toJSONSchema(feedSchema, { io: 'input', target: 'draft-2020-12' });
  return { $id: FEED_SCHEMA_ID, ...schema };
}

export function feedJsonSchemaText(): string {
  return `${JSON.stringify(feedJsonSchema(), null, 2)}\n`;
}
