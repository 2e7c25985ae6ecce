// What the live MediaWiki holds, written as its editors would: each step is one edit by one
// account (maintenance/edit.php --user), so histories list several editors and `~~~~`
// expands to each author's real signature. People are the demo organisation's; topics are
// named in prose only, and code, preformatted text and the edit box carry topic words that
// must stay untouched.

export interface MediaWikiEdit {
  title: string;
  /** MediaWiki user name of the editor. */
  user: string;
  summary: string;
  /** The new page text, or `append` to add to the current text (talk-page replies). */
  text?: string;
  append?: string;
}

export const PROJECT = 'Claims Triage Platform';
export const TALK = `Talk:${PROJECT}`;

const PROJECT_V1 = `The '''Claims Triage Platform''' routes new motor claims to the right handler within minutes.

== People ==
* Product lead: [[User:José Müller|José Müller]]
* Platform: [[User:Zoë Okafor]]
* Privacy review: [[User:Mei-Lin Chen|Mei-Lin]]

== Approach ==
We combine claims automation with a small Machine Learning model for fraud detection.

[[Category:Projects]]`;

const PROJECT_V2 = PROJECT_V1.replace(
  '\n[[Category:Projects]]',
  `== Platform ==
Runs on Kubernetes with Observability dashboards per queue. Deploy with:
<pre>
kubectl apply -f triage.yaml   # Kubernetes manifests, never annotated here
</pre>
The <code>SRE</code> runbook lives in the guild's space.

[[Category:Projects]]`,
);

const PROJECT_V3 = PROJECT_V2.replace(
  '\n[[Category:Projects]]',
  `Pricing impact is reviewed by [[User:Priya Raghunathan|Priya]] each quarter.

[[Category:Projects]]`,
);

const PROJECT_V4 = PROJECT_V3.replace(
  '\n[[Category:Projects]]',
  `== Privacy ==
A GDPR review is booked; personal data stays in the EU.

[[Category:Projects]]`,
);

export const MEDIAWIKI_EDITS: readonly MediaWikiEdit[] = [
  {
    title: 'User:Zoë Okafor',
    user: 'Zoë Okafor',
    summary: 'About me',
    text: `'''Zoë Okafor''' — Principal Site Reliability Engineer, Data Platform.

I look after our Kubernetes clusters and the on-call rota. Together with [[User:Łukasz Wróblewski|Łukasz]] I run the incident reviews.

[[Category:People]]`,
  },
  {
    title: 'User:José Müller',
    user: 'José Müller',
    summary: 'About me',
    text: `Claims Automation Lead in Claims Processing.

[[Category:People]]`,
  },
  {
    title: 'User:Łukasz Wróblewski',
    user: 'Łukasz Wróblewski',
    summary: 'About me',
    text: `Staff Security Engineer. Threat Modelling clinic on Thursdays.

[[Category:People]]`,
  },
  {
    title: 'User:Priya Raghunathan',
    user: 'Priya Raghunathan',
    summary: 'About me',
    text: `Head of Actuarial Modelling.

[[Category:People]]`,
  },
  {
    title: 'Category:People',
    user: 'Priya Raghunathan',
    summary: 'Who is here',
    text: `Everyone who keeps a user page on this wiki. New here? The Python users meet on Fridays.`,
  },
  {
    title: 'Category:Projects',
    user: 'José Müller',
    summary: 'Projects',
    text: `Projects with a page of their own.`,
  },
  { title: PROJECT, user: 'José Müller', summary: 'Start the project page', text: PROJECT_V1 },
  {
    title: TALK,
    user: 'José Müller',
    summary: 'Rollout plan',
    text: `== Rollout plan ==
Shall we start with motor claims only? Claims Automation first, then the rest. ~~~~`,
  },
  { title: PROJECT, user: 'Zoë Okafor', summary: 'Platform notes', text: PROJECT_V2 },
  {
    title: TALK,
    user: 'Zoë Okafor',
    summary: 'Reply',
    append: `:Yes, Kubernetes capacity is booked for March. ~~~~`,
  },
  { title: PROJECT, user: 'Priya Raghunathan', summary: 'Pricing', text: PROJECT_V3 },
  {
    title: TALK,
    user: 'Kwame Asante',
    summary: 'Reply',
    append: `::The claimant screens need an Accessibility review before launch. ~~~~`,
  },
  { title: PROJECT, user: 'Mei-Lin Chen', summary: 'Privacy review', text: PROJECT_V4 },
];
