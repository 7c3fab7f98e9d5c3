import {
  AppError,
  type FieldProblem,
  forbidden,
  invalid,
  invalidField,
  notFound,
} from '../../platform/errors.ts';
import type { MapProblem } from './networks.validate.ts';

/** The structural problems of a map, each named by its path in the request body. */
export const mapInvalid = (problems: MapProblem[]) =>
  invalid(problems.map((p): FieldProblem => ({ field: `document.${p.path}`, code: p.code })));

export const snapshotNotFound = () => notFound('networks.snapshot_not_found');
export const noMapYet = () => new AppError('networks.no_map_yet', 409);
export const takenOnInFuture = () => invalidField('takenOn', 'networks.taken_on_in_future');
export const takenOnTooEarly = () => invalidField('takenOn', 'networks.taken_on_too_early');
/** Volunteers may look at the map of a person they visit; drawing it is the worker's job. */
export const mayNotEditMap = () => forbidden();
export const noNetworkRole = () => forbidden();
/** A map too big to be read at all (beyond the body limit): the answer says what the limits are. */
export const mapTooLarge = (limits: Record<string, number>) =>
  new AppError('networks.map_too_large', 413, limits);

/**
 * Someone else saved the map since this edit started. Carries the map as it is
 * now, so the answer can show it beside the edit that was refused.
 */
export class NetworkVersionConflict extends AppError {
  constructor(readonly current: unknown) {
    super('networks.version_conflict', 409);
  }
}
