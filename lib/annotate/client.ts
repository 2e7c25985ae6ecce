// What the annotator needs from the background, as an interface: the content entrypoint
// wires it to runtime messages (lib/browser/content-client.ts), unit tests to the handlers
// directly. Only candidate keys and topic ids cross this boundary, never page text.
import type { IdentityAnswer, IdentityQuery } from '../match/identity';
import type { TopicVocabulary } from '../match/vocabulary';
import type { CommunityCard, PersonCard, TopicCard, TopicCardContext } from './cards';

export interface RecordRef {
  feedId: string;
  id: string;
}

export interface AnnotateClient {
  /** The current topic vocabulary (cached by the implementation per data version). */
  vocabulary(): Promise<TopicVocabulary>;
  resolve(query: IdentityQuery): Promise<IdentityAnswer>;
  personCard(ref: RecordRef): Promise<PersonCard>;
  topicCard(ref: RecordRef, context?: TopicCardContext): Promise<TopicCard>;
  communityCard(ref: RecordRef): Promise<CommunityCard>;
  /** Topics newly found on the page (a local suggestion signal; the background may ignore). */
  noteTopics?(refs: RecordRef[]): Promise<void>;
}
