// The popup's views that are not on its first screen (a topic's people, a person, a
// community, "Take part"), gathered in one module so the popup can load them with one
// dynamic import after its first paint (components/popup/lazy-views.ts) instead of parsing
// them before it can show anything.
export { CommunityView } from './CommunityView';
export { ParticipateView } from './ParticipateView';
export { PersonView } from './PersonView';
export { TopicPeopleView } from './TopicPeopleView';
