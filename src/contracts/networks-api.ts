import { z } from 'zod';
import { SERVICE_TYPES } from './directory-vocabulary.ts';
import { networkMapDocument, SECTORS, SUPPORT_KINDS, type SupportKind } from './networks.ts';

/*
 * The HTTP contracts of a client's network map: requests and responses of
 * /api/clients/:id/network/…. The map itself is `networkMapDocument` in
 * ./networks.ts.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;

export const clientNetworkParams = z.object({ id: z.uuid().describe('The client') }).strict();
export const snapshotParams = z
  .object({ id: z.uuid().describe('The client'), snapshotId: z.uuid().describe('The snapshot') })
  .strict();

/** Who last saved or took something: null when that account no longer exists. */
export const actorView = z.object({ id: z.uuid(), name: z.string() }).nullable();

/** GET /api/clients/:id/network: the current map; version 0 and an empty map before the first save. */
export const networkMapView = z.object({
  document: networkMapDocument,
  version: z.number().int().describe('Give it back when saving; 0 before the first save'),
  updatedAt: z.iso.datetime().nullable(),
  updatedBy: actorView,
});
export type NetworkMapView = z.infer<typeof networkMapView>;

/** PUT /api/clients/:id/network. */
export const saveNetworkMapBody = z
  .object({
    document: networkMapDocument,
    version: z
      .number()
      .int()
      .min(0)
      .describe('The version the edit started from; a save from an older version gets 409'),
  })
  .strict();
export type SaveNetworkMapBody = z.infer<typeof saveNetworkMapBody>;

export const savedNetworkMapView = z.object({
  version: z.number().int(),
  updatedAt: z.iso.datetime(),
});

/**
 * The body of the 409 `networks.version_conflict` problem: besides the usual
 * problem fields, the map as someone else saved it in the meantime, so the
 * editor can show both and nothing is lost.
 */
export const networkVersionConflictProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.literal(409),
  code: z.literal('networks.version_conflict'),
  current: networkMapView,
});
export type NetworkVersionConflictProblem = z.infer<typeof networkVersionConflictProblem>;

/** POST /api/clients/:id/network/snapshots: keeps the current saved map as it is on a date. */
export const createSnapshotBody = z
  .object({
    takenOn: z.iso
      .date()
      .describe('The date the map describes (YYYY-MM-DD); not in the future, not before 1900'),
    label: z
      .string()
      .trim()
      .max(100)
      .regex(NO_CONTROL, 'validation.control_characters')
      .optional()
      .describe('"At intake", "After six months"'),
  })
  .strict();
export type CreateSnapshotBody = z.infer<typeof createSnapshotBody>;

const mapCounts = z.object({
  members: z.number().int(),
  ties: z.number().int(),
  people: z.number().int(),
  cards: z.number().int(),
});

export const snapshotSummaryView = z.object({
  id: z.uuid(),
  takenOn: z.iso.date(),
  label: z.string().nullable(),
  mapVersion: z.number().int().describe('The version of the map the snapshot copied'),
  createdAt: z.iso.datetime(),
  createdBy: actorView,
  counts: mapCounts,
});
export type SnapshotSummaryView = z.infer<typeof snapshotSummaryView>;

export const snapshotListView = z.object({ items: z.array(snapshotSummaryView) });
export const snapshotView = snapshotSummaryView.extend({ document: networkMapDocument });
export type SnapshotView = z.infer<typeof snapshotView>;

/** A snapshot id, or "current" for the map as it is saved now. */
export const mapSource = z.union([z.literal('current'), z.uuid()]);
export type MapSource = z.infer<typeof mapSource>;

export const compareQuery = z
  .object({
    from: z.uuid().describe('The earlier snapshot'),
    to: mapSource.describe('A later snapshot, or "current"'),
  })
  .strict();

/** Which map an answer is about. */
export const mapSourceView = z.object({
  kind: z.enum(['snapshot', 'current']),
  id: z.uuid().nullable(),
  takenOn: z.iso.date().nullable(),
  label: z.string().nullable(),
  version: z.number().int(),
  counts: mapCounts,
});
export type MapSourceView = z.infer<typeof mapSourceView>;

/** GET /api/clients/:id/network/compare: the changes as plain sentences in the request's language. */
export const compareView = z.object({
  from: mapSourceView,
  to: mapSourceView,
  changes: z.array(z.object({ kind: z.string(), text: z.string() })),
});
export type CompareView = z.infer<typeof compareView>;

export const sourceQuery = z
  .object({ snapshot: mapSource.default('current').describe('A snapshot id, or "current" (the default)') })
  .strict();

const perSupport = <T extends z.ZodType>(item: T) =>
  z.object(Object.fromEntries(SUPPORT_KINDS.map((k) => [k, item])) as Record<SupportKind, T>);

/** GET /api/clients/:id/network/analysis: the figures, and findings as sentences. */
export const analysisView = z.object({
  source: mapSourceView,
  size: z.number().int(),
  informal: z.number().int(),
  formal: z.number().int(),
  sectorsUsed: z.number().int(),
  emptySectors: z.array(z.enum(SECTORS)),
  supportSources: perSupport(z.array(z.string())).describe('Per kind of support: the members who give it'),
  reciprocity: z.object({
    mutual: z.number().int(),
    receivingOnly: z.number().int(),
    givingOnly: z.number().int(),
    none: z.number().int(),
  }),
  concentration: z
    .object({ memberId: z.string(), items: z.number().int(), total: z.number().int() })
    .nullable()
    .describe('One member carrying more than half of all support'),
  overloaded: z.array(z.string()),
  heavy: z.array(z.string()),
  strained: z.array(z.string()),
  wishes: z.object({ more: z.array(z.string()), less: z.array(z.string()) }),
  findings: z.array(
    z.object({
      kind: z.string(),
      severity: z.enum(['info', 'attention']),
      memberIds: z.array(z.string()),
      text: z.string(),
    }),
  ),
});
export type AnalysisView = z.infer<typeof analysisView>;

/** GET /api/clients/:id/network/suggestions: published initiatives near the person, best fit first. */
export const suggestionsView = z.object({
  near: z
    .object({ postcode: z.string().nullable(), radiusKm: z.number() })
    .nullable()
    .describe('Where the search looked; null when the person has no known place'),
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      type: z.enum(SERVICE_TYPES),
      distanceKm: z.number().nullable(),
      nextOccurrence: z.object({ startsAt: z.iso.datetime(), endsAt: z.iso.datetime() }).nullable(),
      location: z.object({ name: z.string().nullable(), address: z.string() }).nullable(),
      score: z.number(),
      reasons: z.array(
        z.object({
          kind: z.enum(['interest', 'gap', 'distance', 'schedule']),
          cardId: z.string().nullable(),
          text: z.string(),
        }),
      ),
    }),
  ),
});
export type SuggestionsView = z.infer<typeof suggestionsView>;
