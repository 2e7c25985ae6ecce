// One person in a list: name, unit and company, why they are listed, and ways to reach them.
import { mailto, profileUrl } from '../../lib/links';
import { DisplayText } from '../DisplayText';

export interface PersonRowProps {
  name: string;
  /** Opens the person's detail; the name becomes the row's focusable button. */
  onOpen?: () => void;
  unitName?: string | undefined;
  company?: string | undefined;
  reasons?: string[];
  emails?: string[];
  handles?: Record<string, string>;
}

export function PersonRow(props: PersonRowProps) {
  return (
    <>
      {props.onOpen ? (
        <button type="button" class="link name" data-roving onClick={props.onOpen}>
          <DisplayText value={props.name} />
        </button>
      ) : (
        <span class="name">
          <DisplayText value={props.name} />
        </span>
      )}
      <span class="meta">{[props.unitName, props.company].filter(Boolean).join(' · ')}</span>
      {/* One line of reasons, not a list: long lists stay scannable (issue 17). */}
      {props.reasons && props.reasons.length > 0 && (
        <span class="reasons">{props.reasons.join(' · ')}</span>
      )}
      <ContactLinks emails={props.emails ?? []} handles={props.handles ?? {}} />
    </>
  );
}

export function ContactLinks({
  emails,
  handles,
}: {
  emails: string[];
  handles: Record<string, string>;
}) {
  const entries = Object.entries(handles);
  if (emails.length === 0 && entries.length === 0) return null;
  return (
    <span class="contact">
      {emails.slice(0, 1).map((email) => (
        <a key={email} href={mailto(email)}>
          {email}
        </a>
      ))}
      {entries.map(([host, login]) => {
        const href = profileUrl(host, login);
        return href ? (
          <a key={host} href={href} target="_blank" rel="noreferrer noopener">
            {login} on {host}
          </a>
        ) : (
          <span key={host}>
            {login} on {host}
          </span>
        );
      })}
    </span>
  );
}
