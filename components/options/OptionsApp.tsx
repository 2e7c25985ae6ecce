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
  /** One sentence under the title: what the section is for. */
  help: string;
  Component: ComponentType<OptionsSectionProps>;
}

const SECTIONS: OptionsSection[] = [
  // Not 'identity': IdentityPrompt's heading already uses the id identity-title.
  {
    id: 'you',
    title: 'Who you are',
    help: 'Shows your colleagues, people outside your unit and communities to join. Kept in this browser only.',
    Component: IdentitySection,
  },
  {
    id: 'feeds',
    title: 'Feeds',
    help: 'Where your organisation’s communities come from: JSON feeds synced in the background.',
    Component: FeedsSection,
  },
  {
    id: 'samples',
    title: 'Sample feeds',
    help: 'Real open-source projects’ public records, to try Constellation on real data.',
    Component: SamplesSection,
  },
  {
    id: 'local-data',
    title: 'Your data',
    help: 'What you added yourself (who you are, follows, notes): export it, import it, or forget visited topics.',
    Component: LocalDataSection,
  },
  {
    id: 'sites',
    title: 'Sites',
    help: 'Intranet, wiki and code-host sites where people and topics are annotated.',
    Component: SitesSection,
  },
];

export function OptionsApp({ db }: OptionsSectionProps) {
  return (
    <div class="options-page">
      <header class="options-header">
        <h1>
          <span class="logo" aria-hidden="true">
            ✦
          </span>{' '}
          Constellation options
        </h1>
      </header>
      <div class="options-layout">
        <nav aria-label="Sections" class="options-nav">
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`}>{s.title}</a>
              </li>
            ))}
          </ul>
        </nav>
        <main class="options">
          {SECTIONS.map(({ id, title, help, Component }) => (
            <section key={id} id={id} aria-labelledby={`${id}-title`} class="options-section">
              <div class="section-head">
                <h2 id={`${id}-title`}>{title}</h2>
                <p class="section-help">{help}</p>
              </div>
              <div class="section-body">
                <Component db={db} />
              </div>
            </section>
          ))}
        </main>
      </div>
    </div>
  );
}
