import { hasRole, organisationsWithRole, type Principal, rolesIn } from '../../platform/auth/principal.ts';
import { coordinatorsOnly, questionnaireNotFound, teamOnly } from './questionnaires.errors.ts';

/**
 * Custom questionnaires belong to one organisation. Its coordinators write,
 * version, retire and export them; its team (coordinators and workers) records
 * answers for the organisation's clients, through the clients module's own
 * check of who works with which person (loadClientForWork).
 */

const isMember = (principal: Principal, organisationId: string) =>
  rolesIn(principal, organisationId).length > 0;

/**
 * A questionnaire the principal manages: outsiders learn nothing (404), a
 * member of the organisation without the coordinator role hears so (403).
 */
export function assertMayManageQuestionnaire(
  principal: Principal,
  questionnaire: { organisation_id: string } | undefined,
): asserts questionnaire is { organisation_id: string } {
  if (!questionnaire) throw questionnaireNotFound();
  if (hasRole(principal, questionnaire.organisation_id, 'coordinator')) return;
  throw isMember(principal, questionnaire.organisation_id) ? coordinatorsOnly() : questionnaireNotFound();
}

/** A new questionnaire, or the list of one organisation's: only its coordinators. */
export function assertMayWriteQuestionnaires(principal: Principal, organisationId: string): void {
  if (!hasRole(principal, organisationId, 'coordinator')) throw coordinatorsOnly();
}

/** The organisations whose questionnaires this principal manages; none is a 403. */
export function managedOrganisations(principal: Principal): string[] {
  const ids = organisationsWithRole(principal, 'coordinator');
  if (ids.length === 0) throw coordinatorsOnly();
  return ids;
}

/** Recording answers: the client's team, not an assigned volunteer. */
export function assertMayRecordAnswers(principal: Principal, organisationId: string): void {
  if (!hasRole(principal, organisationId, 'coordinator', 'worker')) throw teamOnly();
}
