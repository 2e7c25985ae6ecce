// The lists of a feed document, in document order. Kept apart from the zod schemas
// (lib/model/feed.ts) so that code which only walks the lists (the database, the popup) does
// not load and build every schema: zod is a third of the popup's bundle.
export const FEED_LISTS = [
  'units',
  'people',
  'topics',
  'communities',
  'memberships',
  'expertise',
] as const;

export type FeedList = (typeof FEED_LISTS)[number];
