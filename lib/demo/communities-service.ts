// Demo communities around customers and the way work is done: design, accessibility, claims,
// contact centres, hiring, and one that is now only remembered (the mainframe migration).
import {
  chat,
  forum,
  mailingList,
  meetingRoom,
  meetUrl,
  repo,
  repoLink,
  wiki,
  wikiLink,
  type CommunityPlan,
} from './community-plan';

export const SERVICE_COMMUNITIES: readonly CommunityPlan[] = [
  {
    community: {
      id: 'c-design-systems',
      name: 'Design Systems Community',
      domain:
        "Designers and engineers who own Northwind's Compass design system together: deciding what becomes a shared component, keeping design tokens and code in step, and changing how every product team builds screens.",
      topics: ['t-design-systems', 't-accessibility', 't-typescript'],
      stage: 'active',
      standing: 'transformative',
      openToNewcomers: true,
      channels: [chat('design-system'), repo('design/compass'), wiki('Compass_Design_System')],
      meetings: [
        {
          title: 'Design system critique',
          schedule: 'Tuesdays 10:00 Europe/Lisbon',
          url: meetUrl('compass-critique'),
        },
      ],
      repertoire: [
        repoLink('Compass component library', 'design/compass'),
        wikiLink('Contribution guide', 'Compass_Design_System/Contributing'),
      ],
      related: ['c-frontend', 'c-a11y', 'c-cx-journeys'],
      lastActivity: '2026-10-31',
    },
    founded: '2022-09-01',
    size: 24,
    homeUnits: ['digital-channels', 'customer-service'],
    leaders: [
      { person: 'p-kwame-asante', roles: ['day-to-day', 'classificatory'] },
      { person: 'p-astrid-lindqvist', roles: ['cutting-edge'] },
    ],
    generatedLeaders: [['interpersonal']],
  },
  {
    community: {
      id: 'c-a11y',
      name: 'Accessibility Guild',
      domain:
        'Making sure customers can buy a policy or make a claim with a screen reader, a keyboard or a shaky connection: we audit journeys, share WCAG fixes and teach teams to test with assistive technology.',
      topics: ['t-accessibility', 't-design-systems', 't-plain-language'],
      stage: 'active',
      standing: 'legitimized',
      openToNewcomers: true,
      channels: [chat('a11y'), mailingList('accessibility'), wiki('Accessibility')],
      meetings: [{ title: 'Accessibility clinic', schedule: 'Wednesdays 15:00 Europe/Stockholm' }],
      repertoire: [
        wikiLink('WCAG 2.2 checklist', 'Accessibility/WCAG_Checklist'),
        wikiLink('Screen reader testing guide', 'Accessibility/Screen_Reader_Testing'),
      ],
      related: ['c-design-systems', 'c-frontend', 'c-cx-journeys'],
      lastActivity: '2026-10-28',
    },
    founded: '2023-02-01',
    size: 26,
    homeUnits: ['digital-channels', 'customer-service'],
    leaders: [
      { person: 'p-astrid-lindqvist', roles: ['day-to-day', 'cutting-edge'] },
      { person: 'p-kwame-asante', roles: ['boundary'], participation: 'active' },
      { person: 'p-siobhan-obrien', roles: ['boundary'], participation: 'active' },
    ],
  },
  {
    community: {
      id: 'c-claims-automation',
      name: 'Claims Automation Network',
      domain:
        'Claims handlers, analysts and engineers redesigning how simple claims get settled: we decide together which claim types go straight through, what a handler still checks, and share the automations that changed our working day.',
      topics: ['t-claims-automation', 't-process-mining', 't-python', 't-cx-journeys'],
      stage: 'active',
      standing: 'transformative',
      openToNewcomers: true,
      channels: [
        chat('claims-automation'),
        forum('claims-automation', 'Automation ideas forum'),
        wiki('Claims_Automation'),
        meetingRoom('claims-automation', 'Demo room'),
      ],
      meetings: [
        {
          title: 'Automation demo',
          schedule: 'Fridays 14:00 Europe/London',
          url: meetUrl('claims-automation'),
        },
      ],
      repertoire: [
        wikiLink('Straight-through processing rulebook', 'Claims_Automation/STP_Rulebook'),
        {
          label: 'Automation ideas board',
          url: 'https://forum.northwind.test/c/claims-automation',
        },
      ],
      related: ['c-fraud', 'c-cx-journeys', 'c-ddd'],
      lastActivity: '2026-10-31',
    },
    founded: '2022-11-01',
    size: 40,
    homeUnits: ['claims', 'customer-service', 'data-platform'],
    leaders: [
      { person: 'p-jose-muller', roles: ['day-to-day', 'inspirational'] },
      { person: 'p-fatima-al-sayed', roles: ['institutional'], participation: 'peripheral' },
      { person: 'p-nadia-haddad', roles: ['boundary'], participation: 'active' },
    ],
    generatedLeaders: [['interpersonal']],
  },
  {
    community: {
      id: 'c-cx-journeys',
      name: 'Customer Journey Mapping Collective',
      domain:
        'Service advisers, designers and product people mapping what it is actually like to buy a policy, report a claim or complain, then taking the pain points to the teams who can fix them.',
      topics: ['t-cx-journeys', 't-plain-language', 't-conversation-design'],
      stage: 'coalescing',
      standing: 'legitimized',
      openToNewcomers: true,
      channels: [chat('cx-journeys'), wiki('Journey_Maps')],
      meetings: [
        {
          title: 'Journey walk-through',
          schedule: 'first Monday of the month 15:00 Europe/Dublin',
        },
      ],
      repertoire: [wikiLink('Claims journey map', 'Journey_Maps/Claims')],
      related: ['c-a11y', 'c-claims-automation', 'c-service-coaches'],
      lastActivity: '2026-10-21',
    },
    founded: '2026-02-01',
    size: 15,
    homeUnits: ['customer-service', 'digital-channels'],
    leaders: [
      { person: 'p-siobhan-obrien', roles: ['day-to-day', 'boundary'] },
      { person: 'p-jose-muller', roles: [], participation: 'peripheral' },
    ],
  },
  {
    community: {
      id: 'c-service-coaches',
      name: 'Contact Centre Coaches',
      domain:
        'Team coaches across our Dublin and Toronto contact centres swapping what works: call-listening sessions, supporting vulnerable customers well, and getting new advisers confident faster.',
      topics: ['t-coaching', 't-plain-language', 't-cx-journeys'],
      stage: 'active',
      standing: 'unrecognized',
      openToNewcomers: true,
      channels: [chat('service-coaches'), forum('coaches', 'Coaches forum')],
      meetings: [{ title: 'Coaching circle', schedule: 'Wednesdays 15:30 Europe/Dublin' }],
      repertoire: [wikiLink('Vulnerable customer call guide', 'Vulnerable_Customers')],
      related: ['c-cx-journeys'],
      lastActivity: '2026-10-29',
    },
    founded: '2024-01-15',
    size: 30,
    homeUnits: ['customer-service'],
    leaders: [
      { person: 'p-ana-garcia', roles: ['day-to-day', 'interpersonal'] },
      { person: 'p-siobhan-obrien', roles: ['inspirational'], participation: 'active' },
    ],
  },
  {
    community: {
      id: 'c-inclusive-hiring',
      name: 'Inclusive Hiring Practice',
      domain:
        'Recruiters and hiring managers working out structured interviews, fairer job adverts and diverse panels, one hiring process at a time and mostly on goodwill.',
      topics: ['t-inclusive-hiring', 't-people-analytics'],
      stage: 'coalescing',
      standing: 'bootlegged',
      openToNewcomers: true,
      channels: [chat('inclusive-hiring'), mailingList('inclusive-hiring')],
      meetings: [{ title: 'Hiring retro', schedule: 'third Thursday of the month 12:00 UTC' }],
      repertoire: [
        {
          label: 'Structured interview kit',
          url: 'https://intranet.northwind.test/people/structured-interviews',
        },
      ],
      lastActivity: '2026-10-16',
    },
    founded: '2026-05-01',
    size: 10,
    homeUnits: ['people-culture', 'digital-channels'],
    leaders: [{ person: 'p-fatima-al-sayed', roles: ['day-to-day'] }],
  },
  {
    community: {
      id: 'c-mainframe',
      name: 'Mainframe Migration Alumni',
      domain:
        'The people who moved policy administration off the mainframe between 2019 and 2024. The programme is over; the group stays reachable because nobody else remembers why the old batch jobs did what they did.',
      topics: ['t-mainframe', 't-ddd', 't-sql'],
      stage: 'memorable',
      standing: 'legitimized',
      openToNewcomers: false,
      channels: [mailingList('mainframe-alumni'), wiki('Mainframe_Migration')],
      repertoire: [
        wikiLink('Batch job archaeology notes', 'Mainframe_Migration/Batch_Jobs'),
        wikiLink('Migration lessons learned', 'Mainframe_Migration/Lessons_Learned'),
      ],
      related: ['c-ddd'],
      lastActivity: '2024-06-28',
    },
    founded: '2019-02-01',
    size: 20,
    homeUnits: ['underwriting', 'claims', 'data-platform'],
    leaders: [{ person: 'p-sunil-varma', roles: ['classificatory'] }],
  },
];
