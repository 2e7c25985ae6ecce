// What the live DokuWiki holds, written as its editors would: each step is one save by one
// account (bin/dwpage.php commit --user), so old revisions list several editors. DokuWiki
// has no `~~~~`: its toolbar's signature button inserts `$conf['signature']`, by default
// ` --- //[[@MAIL@|@NAME@]] @DATE@//`, which is what `signature()` writes. User pages are
// `user:<login>`, the namespace DokuWiki's `user` interwiki shortcut points to.
import { wikiPerson } from './cast';

export interface DokuWikiEdit {
  id: string;
  /** DokuWiki login of the editor. */
  user: string;
  summary: string;
  text: string;
}

export const DW_PROJECT = 'projects:claims-triage';

/** DokuWiki's default signature for a person, dated as its `dformat` (%Y/%m/%d %H:%M). */
export function signature(personId: string, date: Date): string {
  const person = wikiPerson(personId);
  const pad = (n: number) => String(n).padStart(2, '0');
  const when = `${date.getUTCFullYear()}/${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  return ` --- //[[${person.email}|${person.name}]] ${when}//`;
}

export function dokuWikiEdits(now: Date): DokuWikiEdit[] {
  const login = (id: string) => wikiPerson(id).dokuwiki!;
  const v1 = `====== Claims Triage Platform ======
The platform routes new motor claims to the right handler within minutes.

===== People =====
  * Product lead: [[user:${login('p-jose-muller')}]]
  * Platform: [[user:${login('p-zoe-okafor')}|Zoë Okafor]]
  * Privacy review: [[user:${login('p-mei-lin-chen')}]]

===== Approach =====
We combine claims automation with a small Machine Learning model for fraud detection.
`;
  const v2 = `${v1}
===== Platform =====
Runs on Kubernetes with Observability dashboards per queue. Deploy with:

<code bash>
kubectl apply -f triage.yaml   # Kubernetes manifests, never annotated here
</code>

The ''SRE'' runbook lives in the guild's space.
`;
  const v3 = `${v2}
Pricing impact is reviewed by [[user:${login('p-priya-raghunathan')}|Priya]] each quarter.
`;
  const v4 = `${v3}
===== Discussion =====
A GDPR review is booked.${signature('p-mei-lin-chen', now)}
`;
  const v5 = `${v4}
The claimant letters need a Plain Language pass first.${signature('p-siobhan-obrien', now)}
`;
  return [
    {
      id: 'start',
      user: login('p-jose-muller'),
      summary: 'Welcome',
      text: `====== Northwind Team Wiki ======
Project pages live in the projects namespace, people in the user namespace.
`,
    },
    { id: DW_PROJECT, user: login('p-jose-muller'), summary: 'Start the project page', text: v1 },
    {
      id: `user:${login('p-zoe-okafor')}`,
      user: login('p-zoe-okafor'),
      summary: 'About me',
      text: `====== Zoë Okafor ======
Principal Site Reliability Engineer, Data Platform. I look after our Kubernetes clusters and the on-call rota; [[user:${login('p-lukasz-wroblewski')}|Łukasz]] and I run the incident reviews.
`,
    },
    { id: DW_PROJECT, user: login('p-zoe-okafor'), summary: 'Platform notes', text: v2 },
    {
      id: `user:${login('p-jose-muller')}`,
      user: login('p-jose-muller'),
      summary: 'About me',
      text: `====== José Müller ======
Claims Automation Lead in Claims Processing.
`,
    },
    { id: DW_PROJECT, user: login('p-priya-raghunathan'), summary: 'Pricing', text: v3 },
    { id: DW_PROJECT, user: login('p-mei-lin-chen'), summary: 'Privacy review', text: v4 },
    { id: DW_PROJECT, user: login('p-siobhan-obrien'), summary: 'Letters', text: v5 },
  ];
}
