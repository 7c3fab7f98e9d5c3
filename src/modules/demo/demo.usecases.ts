import type { Principal } from '../../platform/auth/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { createUserWithPassword } from '../accounts/accounts.admin.usecases.ts';
import { loadClientsDemo } from '../clients/clients.demo.ts';
import { loadDirectoryDemo } from '../directory/directory.demo.ts';
import { ensureGazetteerLoaded } from '../gazetteer/gazetteer.usecases.ts';
import { loadMeasurementsDemo } from '../measurements/measurements.demo.ts';
import { loadNetworksDemo } from '../networks/networks.demo.ts';
import { loadSignalsDemo } from '../signals/signals.demo.ts';
import {
  createMunicipality,
  createOrganisation,
  createRegion,
  listRegions,
} from '../tenancy/tenancy.usecases.ts';
import {
  DEMO_PASSWORD,
  DEMO_REGION,
  demoMunicipalities,
  demoOrganisations,
  demoUsers,
} from './demo.models.ts';

/** The demo platform admin, as the actor of what the loader creates (so the audit log names them). */
function asPlatformAdmin(id: string, email: string, name: string): Principal {
  return {
    user: { id, email, name, locale: 'nl-BE', largeText: false, isPlatformAdmin: true, totpEnabled: false },
    memberships: [],
    via: 'token',
    pendingSecondFactor: false,
  };
}

/**
 * Loads the demo region (West-Vlaanderen: Brugge, Oostende, Poperinge,
 * Kortrijk, Roeselare), its organisations and one account per role. Refused in
 * production; does nothing when the demo region is already there.
 */
export async function loadDemo(input: { ctx: AppContext }): Promise<{ loaded: boolean }> {
  const { ctx } = input;
  if (ctx.config.nodeEnv === 'production') throw new AppError('demo.refused_in_production', 409);
  if ((await listRegions({ ctx })).some((r) => r.name === DEMO_REGION)) return { loaded: false };
  await ensureGazetteerLoaded(ctx);
  const [admin, ...others] = demoUsers;
  if (!admin?.platformAdmin) throw new Error('the first demo user must be the platform admin');
  const { id: adminId } = await createUserWithPassword({
    ctx,
    email: admin.email,
    name: admin.name,
    password: DEMO_PASSWORD,
    isPlatformAdmin: true,
  });
  const actor = asPlatformAdmin(adminId, admin.email, admin.name);
  const region = await createRegion({ ctx, actor, name: DEMO_REGION, ip: '127.0.0.1' });
  const municipalityIds = new Map<string, string>();
  for (const nisCode of demoMunicipalities) {
    const m = await createMunicipality({ ctx, actor, regionId: region.id, nisCode, ip: '127.0.0.1' });
    municipalityIds.set(nisCode, m.id);
  }
  const orgIds = new Map<string, string>();
  for (const o of demoOrganisations) {
    const org = await createOrganisation({
      ctx,
      actor,
      regionId: region.id,
      name: o.name,
      kind: o.kind,
      municipalityIds: o.nis.map((n) => municipalityIds.get(n) ?? ''),
      requireSecondFactor: false,
      ip: '127.0.0.1',
    });
    orgIds.set(o.key, org.id);
  }
  for (const u of others) {
    await createUserWithPassword({
      ctx,
      email: u.email,
      name: u.name,
      password: DEMO_PASSWORD,
      organisationId: u.org ? orgIds.get(u.org) : undefined,
      role: u.role,
    });
  }
  await loadSignalsDemo({ ctx });
  await loadDirectoryDemo({ ctx, actor, regionId: region.id });
  // Clients refer to demo initiatives, and their network maps suggest them: after the directory.
  const { clients } = await loadClientsDemo({ ctx });
  await loadNetworksDemo({ ctx, clients });
  await loadMeasurementsDemo({ ctx, actor });
  return { loaded: true };
}

/** True when the demo region is in this database (then the start-up banner lists the demo accounts). */
export async function hasDemo(input: { ctx: AppContext }): Promise<boolean> {
  return (await listRegions(input)).some((r) => r.name === DEMO_REGION);
}
