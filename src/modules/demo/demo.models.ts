import type { OrganisationKind, Role } from '../../platform/db/schema.ts';

/**
 * The demo region: real municipalities (public facts), invented organisations
 * and people. Every name is obviously fictional and marked "(demo)"; emails
 * use the reserved .invalid domain, so nothing can ever reach a real person.
 */
export const DEMO_REGION = 'West-Vlaanderen (demo)';
export const DEMO_PASSWORD = 'verbonden-demo-2026';

export const demoMunicipalities = ['31005', '35013', '33021', '34022', '36015'] as const; // Brugge, Oostende, Poperinge, Kortrijk, Roeselare

export const demoOrganisations: { key: string; name: string; kind: OrganisationKind; nis: string[] }[] = [
  { key: 'brugge', name: 'Sociaal Huis Brugge (demo)', kind: 'municipality', nis: ['31005'] },
  { key: 'caw', name: 'Demo-CAW Westhoek en Kust', kind: 'caw', nis: [...demoMunicipalities] },
  { key: 'ocmw-oostende', name: 'OCMW Oostende (demo)', kind: 'ocmw', nis: ['35013'] },
  { key: 'ocmw-poperinge', name: 'OCMW Poperinge (demo)', kind: 'ocmw', nis: ['33021'] },
  { key: 'thuiszorg', name: 'Thuiszorg Zonnedauw (demo)', kind: 'home_care', nis: ['34022', '36015'] },
  { key: 'lindeboom', name: 'Buurtwerking De Lindeboom (demo)', kind: 'association', nis: ['36015'] },
  {
    key: 'vrijwilligerspunt',
    name: 'Vrijwilligerspunt Kortrijk (demo)',
    kind: 'association',
    nis: ['34022'],
  },
];

export const demoUsers: {
  email: string;
  name: string;
  org?: string;
  role?: Role;
  platformAdmin?: boolean;
  /** What this account is for, printed at start-up and in the README. */
  purpose: string;
}[] = [
  {
    email: 'platformbeheer@demo.verbonden.invalid',
    name: 'Fien Voorbeeld',
    platformAdmin: true,
    purpose: 'platform admin',
  },
  {
    email: 'beheerder@demo.verbonden.invalid',
    name: 'Bram Beheer',
    org: 'brugge',
    role: 'admin',
    purpose: 'organisation admin, Sociaal Huis Brugge',
  },
  {
    email: 'coordinator@demo.verbonden.invalid',
    name: 'Cato Coördinator',
    org: 'brugge',
    role: 'coordinator',
    purpose: 'loneliness coordinator, Brugge',
  },
  {
    email: 'hulpverlener@demo.verbonden.invalid',
    name: 'Hanne Hulp',
    org: 'caw',
    role: 'worker',
    purpose: 'social worker, Demo-CAW',
  },
  {
    email: 'vrijwilliger@demo.verbonden.invalid',
    name: 'Victor Vrijwilliger',
    org: 'lindeboom',
    role: 'volunteer',
    purpose: 'volunteer, De Lindeboom',
  },
];
