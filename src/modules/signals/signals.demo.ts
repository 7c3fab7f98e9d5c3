import type { CreateSignalBody } from '../../contracts/signals.ts';
import type { AppContext } from '../../platform/context.ts';
import * as repo from './signals.repository.ts';
import { recordSignal } from './signals.usecases.ts';

/** Obviously invented reports, for Brugge (postcode 8000), whose meldpunt the demo's Sociaal Huis runs. */
const DEMO_SIGNALS: CreateSignalBody[] = [
  {
    postcode: '8000',
    person: { name: 'Meneer Voorbeeld', street: 'Dorpsstraat 1' },
    signs: ['mail_piling_up', 'rarely_leaves_house'],
    description:
      'Sinds zijn vrouw overleed zie ik hem bijna niet meer buiten. De brievenbus puilt uit. (demo)',
    urgency: 'high',
    reporter: { anonymous: true },
    privacyNoticeAccepted: true,
  },
  {
    postcode: '8000',
    person: { name: 'Mevrouw Testpersoon', street: 'Proefstraat 12' },
    signs: ['no_visitors', 'says_feels_alone'],
    description: 'Ze zei aan de bakker dat ze al weken met niemand gesproken heeft. (demo)',
    urgency: 'normal',
    reporter: { anonymous: false, name: 'Buur Verzonnen', email: 'buur@demo.verbonden.invalid' },
    privacyNoticeAccepted: true,
  },
  {
    postcode: '8000',
    person: { street: 'Voorbeeldlaan 7' },
    signs: ['neglected_home'],
    description: 'De tuin verwildert en de rolluiken blijven dicht. Ik ken de bewoner niet. (demo)',
    urgency: 'low',
    reporter: { anonymous: true },
    privacyNoticeAccepted: true,
  },
];

/**
 * Loads a handful of fictional signals into the demo's Brugge meldpunt; does
 * nothing when Brugge is not there or already has signals.
 */
export async function loadSignalsDemo(input: { ctx: AppContext }): Promise<{ loaded: number }> {
  const { ctx } = input;
  const [brugge] = await repo.findMunicipalitiesByNis(ctx.db, ['31005']);
  if (!brugge || (await repo.countSignals(ctx.db, brugge.id)) > 0) return { loaded: 0 };
  for (const body of DEMO_SIGNALS)
    await recordSignal({ ctx, body, professional: null, ip: '127.0.0.1', locale: 'nl-BE' });
  return { loaded: DEMO_SIGNALS.length };
}
