// The options page: a list of independent sections. To add one, write a component taking
// `{ db }` and add one line to SECTIONS.
import type { ComponentType } from 'preact';
import type { ConstellationDB } from '../../lib/db/database';
import { FeedsSection } from './FeedsSection';
import { IdentitySection } from './IdentitySection';
import { LocalDataSection } from './LocalDataSection';
import { SamplesSection } from './SamplesSection';
import { SitesSection } from './SitesSection';

export interface OptionsSectionProps {
  db: ConstellationDB;
}

interface OptionsSection {
  id: string;
  title: string;
  Component: ComponentType<OptionsSectionProps>;
}

const SECTIONS: OptionsSection[] = [
  // Not 'identity': IdentityPrompt's heading already uses the id identity-title.
  { id: 'you', title: 'Who you are', Component: IdentitySection },
  { id: 'feeds', title: 'Feeds', Component: FeedsSection },
  { id: 'samples', title: 'Sample feeds', Component: SamplesSection },
  { id: 'local-data', title: 'Your data', Component: LocalDataSection },
  { id: 'sites', title: 'Sites', Component: SitesSection },
];

export function OptionsApp({ db }: OptionsSectionProps) {
  return (
    <main class="options">
      <h1>Constellation options</h1>
      <nav aria-label="Sections">
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      {SECTIONS.map(({ id, title, Component }) => (
        <section key={id} id={id} aria-labelledby={`${id}-title`} class="options-section">
          <h2 id={`${id}-title`}>{title}</h2>
          <Component db={db} />
        </section>
      ))}
    </main>
  );
}
