// The demo organisation's structure: Northwind Mutual (an insurer) in four divisions with eight
// working units, and its analytics partner Lumen Analytics. Each working unit says how many
// people it has, where its offices are, which titles its people hold and what they know about,
// so generated people look like they belong where they sit.

export const NORTHWIND = 'Northwind Mutual';
export const LUMEN = 'Lumen Analytics';

export interface UnitPlan {
  id: string;
  name: string;
  parent?: string;
  company: string;
  /** Generated people in this unit (featured people come on top). 0 for divisions. */
  headcount: number;
  /** Office time zones; most people work in one of these. */
  offices: readonly string[];
  /** Titles, repeated to weight the common ones. */
  titles: readonly string[];
  /** Topic ids its people tend to know, for expertise outside communities. */
  topics: readonly string[];
}

const division = (id: string, name: string): UnitPlan => ({
  id,
  name,
  company: NORTHWIND,
  headcount: 0,
  offices: [],
  titles: [],
  topics: [],
});

export const UNIT_PLANS: readonly UnitPlan[] = [
  division('div-operations', 'Operations'),
  division('div-risk', 'Risk & Pricing'),
  division('div-technology', 'Technology'),
  division('div-corporate', 'Corporate Functions'),
  {
    id: 'claims',
    name: 'Claims Processing',
    parent: 'div-operations',
    company: NORTHWIND,
    headcount: 53,
    offices: ['Europe/London', 'Europe/Dublin'],
    titles: [
      'Claims Handler',
      'Claims Handler',
      'Claims Handler',
      'Senior Claims Handler',
      'Senior Claims Handler',
      'Complex Claims Specialist',
      'Claims Team Lead',
      'Fraud Investigator',
      'Claims Operations Analyst',
    ],
    topics: ['t-claims-automation', 't-fraud-detection', 't-process-mining', 't-python'],
  },
  {
    id: 'customer-service',
    name: 'Customer Service',
    parent: 'div-operations',
    company: NORTHWIND,
    headcount: 48,
    offices: ['Europe/Dublin', 'America/Toronto'],
    titles: [
      'Customer Service Advisor',
      'Customer Service Advisor',
      'Customer Service Advisor',
      'Senior Customer Service Advisor',
      'Team Coach',
      'Complaints Specialist',
      'Quality Assurance Analyst',
      'Contact Centre Workforce Planner',
    ],
    topics: ['t-cx-journeys', 't-conversation-design', 't-accessibility', 't-plain-language'],
  },
  {
    id: 'underwriting',
    name: 'Underwriting',
    parent: 'div-risk',
    company: NORTHWIND,
    headcount: 34,
    offices: ['Europe/London', 'America/Toronto'],
    titles: [
      'Underwriter',
      'Underwriter',
      'Senior Underwriter',
      'Underwriting Analyst',
      'Commercial Lines Underwriter',
      'Underwriting Manager',
    ],
    topics: ['t-pricing', 't-catastrophe-modelling', 't-sql', 't-solvency-ii'],
  },
  {
    id: 'actuarial',
    name: 'Actuarial',
    parent: 'div-risk',
    company: NORTHWIND,
    headcount: 28,
    offices: ['Europe/London', 'Europe/Zurich'],
    titles: [
      'Actuarial Analyst',
      'Actuarial Analyst',
      'Actuary',
      'Senior Actuary',
      'Pricing Actuary',
      'Reserving Actuary',
    ],
    topics: ['t-actuarial-modelling', 't-r', 't-python', 't-solvency-ii', 't-pricing'],
  },
  {
    id: 'data-platform',
    name: 'Data Platform',
    parent: 'div-technology',
    company: NORTHWIND,
    headcount: 36,
    offices: ['Europe/Berlin', 'Europe/Warsaw', 'Asia/Kolkata'],
    titles: [
      'Data Engineer',
      'Data Engineer',
      'Senior Data Engineer',
      'Platform Engineer',
      'Site Reliability Engineer',
      'Machine Learning Engineer',
      'Analytics Engineer',
      'Engineering Manager',
    ],
    topics: ['t-kubernetes', 't-data-governance', 't-streaming', 't-python', 't-observability'],
  },
  {
    id: 'security',
    name: 'Security',
    parent: 'div-technology',
    company: NORTHWIND,
    headcount: 22,
    offices: ['Europe/Warsaw', 'Europe/London'],
    titles: [
      'Security Engineer',
      'Security Engineer',
      'Senior Security Engineer',
      'Security Analyst',
      'Application Security Engineer',
      'Privacy Analyst',
      'Detection Engineer',
    ],
    topics: ['t-threat-modelling', 't-incident-response', 't-gdpr', 't-zero-trust', 't-rust'],
  },
  {
    id: 'digital-channels',
    name: 'Digital Channels',
    parent: 'div-technology',
    company: NORTHWIND,
    headcount: 43,
    offices: ['Europe/Lisbon', 'Europe/Berlin', 'America/Toronto'],
    titles: [
      'Software Engineer',
      'Software Engineer',
      'Senior Software Engineer',
      'Frontend Engineer',
      'Mobile Engineer',
      'Product Designer',
      'Content Designer',
      'Product Manager',
      'QA Engineer',
    ],
    topics: ['t-typescript', 't-design-systems', 't-accessibility', 't-ddd', 't-testing'],
  },
  {
    id: 'people-culture',
    name: 'People & Culture',
    parent: 'div-corporate',
    company: NORTHWIND,
    headcount: 18,
    offices: ['Europe/London'],
    titles: [
      'HR Business Partner',
      'Talent Acquisition Partner',
      'Learning & Development Specialist',
      'People Analyst',
      'Reward Specialist',
    ],
    topics: ['t-inclusive-hiring', 't-coaching', 't-people-analytics'],
  },
  {
    id: 'lumen',
    name: 'Lumen Analytics',
    company: LUMEN,
    headcount: 0,
    offices: [],
    titles: [],
    topics: [],
  },
  {
    id: 'lumen-data-science',
    name: 'Lumen Data Science Practice',
    parent: 'lumen',
    company: LUMEN,
    headcount: 16,
    offices: ['Europe/Amsterdam', 'Asia/Kolkata'],
    titles: ['Data Scientist', 'Data Scientist', 'Senior Data Scientist', 'ML Consultant'],
    topics: ['t-machine-learning', 't-fraud-detection', 't-python', 't-responsible-ai'],
  },
  {
    id: 'lumen-engineering',
    name: 'Lumen Engineering Practice',
    parent: 'lumen',
    company: LUMEN,
    headcount: 12,
    offices: ['Europe/Amsterdam'],
    titles: ['Data Engineer', 'MLOps Engineer', 'Solutions Architect', 'Engagement Manager'],
    topics: ['t-mlops', 't-kubernetes', 't-python', 't-streaming'],
  },
];
