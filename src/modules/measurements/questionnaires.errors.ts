import { AppError, type FieldProblem, invalid, invalidField } from '../../platform/errors.ts';

/** Unknown, and another organisation's, questionnaires get the same answer: nothing is revealed. */
export const questionnaireNotFound = () => new AppError('questionnaires.not_found', 404);
export const versionNotFound = (version: number) =>
  new AppError('questionnaires.version_not_found', 404, { version });
/** A member of the organisation whose role does not allow it hears so. */
export const coordinatorsOnly = () => new AppError('questionnaires.coordinators_only', 403);
export const teamOnly = () => new AppError('questionnaires.team_only', 403);
export const invalidDefinition = (problems: FieldProblem[]) => invalid(problems);
export const invalidAnswers = (problems: FieldProblem[]) => invalid(problems);
export const questionnaireRetired = () => new AppError('questionnaires.retired', 409);
/** Answers point at the exact questions asked: an answered version is changed by making a new one. */
export const versionHasAnswers = (version: number, count: number) =>
  new AppError('questionnaires.has_answers', 409, { version, count }, [
    { field: 'version', code: 'questionnaires.has_answers', params: { version, count } },
  ]);
export const versionOutdated = (current: number) =>
  invalidField('version', 'questionnaires.version_outdated', { current });
export const unknownQuestionnaire = () =>
  invalidField('questionnaireId', 'questionnaires.unknown_for_client');
export const invalidAnsweredOn = () => invalidField('answeredOn', 'questionnaires.answered_on_out_of_range');
