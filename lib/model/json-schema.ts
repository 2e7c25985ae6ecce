// The published JSON Schema of the feed, generated from the zod schemas so it can never
// drift from what the extension accepts (test/unit/model/json-schema.test.ts checks the
// committed docs/feed.schema.json against this). Each record field's description also says
// what a bad value costs, from the same rule table the validator runs (fault-rules.ts).
import { FEED_LISTS, feedSchema } from './feed';
import { faultSentence } from './fault-rules';
import { z } from './zod';

interface JsonSchemaNode {
  description?: string;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
}

export const FEED_SCHEMA_ID = 'https://constellation.example/schemas/feed-v1.json';

export function feedJsonSchema(): Record<string, unknown> {
  // "input": what a producer writes — fields with defaults are optional there.
  const schema = z.toJSONSchema(feedSchema, { io: 'input', target: 'draft-2020-12' });
  const lists = (schema as { properties?: Record<string, JsonSchemaNode> }).properties ?? {};
  for (const list of FEED_LISTS) {
    for (const [field, node] of Object.entries(lists[list]?.items?.properties ?? {})) {
      const rule = faultSentence(list, field);
      const cost = rule || 'If it is invalid: the record is left out.';
      node.description = node.description ? `${node.description} ${cost}` : cost;
    }
  }
  return { $id: FEED_SCHEMA_ID, ...schema };
}

export function feedJsonSchemaText(): string {
  return `${JSON.stringify(feedJsonSchema(), null, 2)}\n`;
}
