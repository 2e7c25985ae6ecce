// Whether the user has answered "who are you?" (picked themself or chose to stay anonymous),
// so the popup asks only once. A UI preference, not user data: remembered per browser in the
// extension's own localStorage (shared by the popup and the options page, same origin).
const IDENTITY_CHOICE_KEY = 'constellation.identity-choice';

export type IdentityChoice = 'chosen' | 'anonymous';

export function readIdentityChoice(): IdentityChoice | null {
  const value = localStorage.getItem(IDENTITY_CHOICE_KEY);
  return value === 'chosen' || value === 'anonymous' ? value : null;
}

export function saveIdentityChoice(choice: IdentityChoice): void {
  localStorage.setItem(IDENTITY_CHOICE_KEY, choice);
}
