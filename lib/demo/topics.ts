// The demo organisation's topics: what its people know and its communities are about. Short
// acronyms ("ML", "SRE", "a11y") are included on purpose: they are what people write on real
// pages and the hardest case for the topic matcher (short, ambiguous, case-sensitive in prose).
import type { FeedInput } from '../model/feed';

type TopicInput = FeedInput['topics'][number];

const topic = (id: string, label: string, aliases: string[], description: string): TopicInput => ({
  id,
  label,
  aliases,
  description,
});

export const DEMO_TOPICS: readonly TopicInput[] = [
  topic('t-kubernetes', 'Kubernetes', ['k8s', 'kube'], 'Running containers at scale.'),
  topic(
    't-sre',
    'Site Reliability Engineering',
    ['SRE'],
    'Reliability as an engineering problem: SLOs, error budgets, toil reduction.',
  ),
  topic(
    't-observability',
    'Observability',
    ['o11y', 'OpenTelemetry'],
    'Logs, metrics and traces that explain a system from the outside.',
  ),
  topic(
    't-incident-response',
    'Incident Response',
    ['incident management', 'on-call'],
    'Detecting, coordinating and learning from incidents.',
  ),
  topic(
    't-chaos-engineering',
    'Chaos Engineering',
    ['game days'],
    'Injecting failure on purpose to find weaknesses first.',
  ),
  topic(
    't-terraform',
    'Infrastructure as Code',
    ['IaC', 'Terraform', 'OpenTofu'],
    'Declaring infrastructure in reviewed, versioned code.',
  ),
  topic(
    't-machine-learning',
    'Machine Learning',
    ['ML'],
    'Models learned from data, from gradient boosting to deep learning.',
  ),
  topic(
    't-mlops',
    'MLOps',
    ['ML operations', 'model ops'],
    'Deploying, monitoring and retraining models in production.',
  ),
  topic(
    't-llm',
    'Large Language Models',
    ['LLM', 'LLMs', 'GenAI'],
    'Generative language models, prompting, retrieval and evaluation.',
  ),
  topic(
    't-responsible-ai',
    'Responsible AI',
    ['AI ethics', 'model fairness'],
    'Fairness, explainability and accountability of automated decisions.',
  ),
  topic(
    't-fraud-detection',
    'Fraud Detection',
    ['counter-fraud', 'fraud analytics'],
    'Spotting fraudulent claims and applications without harming honest customers.',
  ),
  topic(
    't-gdpr',
    'GDPR',
    ['General Data Protection Regulation', 'data protection'],
    'EU data protection law and how it shapes systems and processes.',
  ),
  topic(
    't-data-governance',
    'Data Governance',
    ['data stewardship', 'data quality'],
    'Ownership, definitions, lineage and quality of shared data.',
  ),
  topic(
    't-streaming',
    'Event Streaming',
    ['Kafka', 'stream processing'],
    'Moving and processing data as streams of events.',
  ),
  topic(
    't-event-driven',
    'Event-Driven Architecture',
    ['EDA'],
    'Systems that communicate through published events.',
  ),
  topic('t-sql', 'SQL', ['Structured Query Language'], 'Querying and modelling relational data.'),
  topic('t-python', 'Python', ['py'], 'The language of most of our analytics and automation.'),
  topic(
    't-r',
    'R',
    ['R language', 'tidyverse'],
    'Statistical computing, common in actuarial teams.',
  ),
  topic('t-rust', 'Rust', ['rustlang'], 'Memory-safe systems programming.'),
  topic('t-typescript', 'TypeScript', ['TS'], 'Typed JavaScript for web and tooling.'),
  topic(
    't-api-design',
    'API Design',
    ['REST', 'OpenAPI'],
    'Designing interfaces other teams can rely on and evolve with.',
  ),
  topic(
    't-ddd',
    'Domain-Driven Design',
    ['DDD'],
    'Modelling software on the language and boundaries of the business.',
  ),
  topic(
    't-testing',
    'Test Automation',
    ['automated testing', 'TDD'],
    'Fast, trustworthy automated tests at every level.',
  ),
  topic(
    't-accessibility',
    'Accessibility',
    ['a11y', 'WCAG'],
    'Products everyone can use, including with assistive technology.',
  ),
  topic(
    't-design-systems',
    'Design Systems',
    ['component library'],
    'Shared components, tokens and guidance for consistent interfaces.',
  ),
  topic(
    't-cx-journeys',
    'Customer Journey Mapping',
    ['journey mapping', 'CX'],
    "Seeing a policy or a claim through the customer's eyes, end to end.",
  ),
  topic(
    't-conversation-design',
    'Conversation Design',
    ['chatbot design'],
    'Designing dialogues for chat and voice assistants.',
  ),
  topic(
    't-plain-language',
    'Plain Language',
    ['plain English'],
    'Letters, forms and policies customers understand the first time.',
  ),
  topic(
    't-actuarial-modelling',
    'Actuarial Modelling',
    ['actuarial models'],
    'Projecting claims, reserves and capital with statistical models.',
  ),
  topic(
    't-pricing',
    'Pricing',
    ['rating', 'price optimisation'],
    'Setting premiums that are fair, competitive and sustainable.',
  ),
  topic(
    't-catastrophe-modelling',
    'Catastrophe Modelling',
    ['cat modelling', 'nat cat'],
    'Estimating losses from floods, storms and other extreme events.',
  ),
  topic(
    't-solvency-ii',
    'Solvency II',
    ['SII', 'Solvency 2'],
    'The EU prudential regime for insurers: capital, governance, reporting.',
  ),
  topic(
    't-claims-automation',
    'Claims Automation',
    ['straight-through processing', 'STP'],
    'Settling simple claims without manual handling.',
  ),
  topic(
    't-process-mining',
    'Process Mining',
    ['process discovery'],
    'Reconstructing how work really flows from system event logs.',
  ),
  topic(
    't-mainframe',
    'Mainframe Modernisation',
    ['COBOL', 'z/OS'],
    'Moving policy administration off the mainframe.',
  ),
  topic(
    't-threat-modelling',
    'Threat Modelling',
    ['STRIDE'],
    'Finding what can go wrong in a design before attackers do.',
  ),
  topic(
    't-zero-trust',
    'Zero Trust',
    ['ZTNA', 'BeyondCorp'],
    'No implicit trust in the network; every request authenticated.',
  ),
  topic(
    't-inclusive-hiring',
    'Inclusive Hiring',
    ['fair hiring'],
    'Recruiting processes that judge candidates on what matters.',
  ),
  topic(
    't-coaching',
    'Coaching',
    ['mentoring'],
    'Helping colleagues grow through questions rather than answers.',
  ),
  topic(
    't-people-analytics',
    'People Analytics',
    ['HR analytics', 'workforce analytics'],
    'Evidence about how people join, grow and leave.',
  ),
];
