import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { listMembers } from '../accounts/accounts.admin.usecases.ts';
import { addTimelineEvent } from '../clients/clients.access.usecases.ts';
import { demoStoryFor } from './networks.demo.stories.ts';
import { countsOf } from './networks.presenters.ts';
import * as repo from './networks.repository.ts';
import { brusselsToday } from './networks.usecases.ts';
import { validateNetworkMap } from './networks.validate.ts';

const HALF_A_YEAR_MS = 182 * 24 * 60 * 60 * 1000;

/**
 * Gives demo clients a network map at two moments: a snapshot taken about
 * half a year ago and the current map, in which the network has grown (see
 * networks.demo.stories.ts). The saves are credited to a worker (or else a
 * coordinator) of the client's organisation. Clients that already have a map,
 * or whose organisation has nobody to credit, are left alone.
 */
export async function loadNetworksDemo(input: {
  ctx: AppContext;
  clients: { id: string; organisationId: string; givenName?: string }[];
}): Promise<{ loaded: number }> {
  const { ctx } = input;
  const now = ctx.clock.now();
  const then = new Date(now.getTime() - HALF_A_YEAR_MS);
  let loaded = 0;
  for (const [i, client] of input.clients.entries()) {
    const key = { organisationId: client.organisationId, clientId: client.id };
    if (await repo.findMap(ctx.db, key)) continue;
    const members = await listMembers({ ctx, organisationId: client.organisationId });
    const author =
      members.find((m) => m.role === 'worker' && m.active) ?? members.find((m) => m.role === 'coordinator');
    if (!author) continue;
    const story = demoStoryFor(client.givenName, i);
    if (!story) continue;
    for (const doc of [story.before, story.now]) {
      const problems = validateNetworkMap(doc);
      if (problems.length > 0) throw new Error(`demo network map is invalid: ${JSON.stringify(problems)}`);
    }
    const snapshotId = newId();
    await ctx.db.transaction().execute(async (trx) => {
      await repo.saveMapAtVersion(trx, { ...key, document: story.before, at: then, by: author.id }, 0);
      await repo.insertSnapshot(trx, {
        ...key,
        id: snapshotId,
        takenOn: brusselsToday(then),
        label: story.beforeLabel,
        document: story.before,
        mapVersion: 1,
        at: then,
        by: author.id,
      });
      await addTimelineEvent(trx, {
        ...key,
        at: then,
        kind: 'network_snapshot_taken',
        actorUserId: author.id,
        refType: 'network_snapshot',
        refId: snapshotId,
        details: { takenOn: brusselsToday(then), ...countsOf(story.before) },
      });
      await repo.saveMapAtVersion(trx, { ...key, document: story.now, at: now, by: author.id }, 1);
      await addTimelineEvent(trx, {
        ...key,
        at: now,
        kind: 'network_map_saved',
        actorUserId: author.id,
        details: { version: 2, ...countsOf(story.now) },
      });
    });
    loaded++;
  }
  return { loaded };
}
