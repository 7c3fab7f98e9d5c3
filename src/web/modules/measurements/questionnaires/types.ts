import type { z } from 'zod';
import type {
  clientQuestionnairesView,
  Definition,
  fillableQuestionnaireView,
  Item,
  questionnaireListView,
  questionnaireView,
  responseView,
} from '../../../../contracts/questionnaires.ts';

// Types only: a value import from the contract would pull zod into the bundle.
export type QuestionnaireList = z.infer<typeof questionnaireListView>;
export type QuestionnaireSummary = QuestionnaireList['items'][number];
// Dates travel as ISO strings in JSON, whatever the server holds.
export type Questionnaire = Omit<z.infer<typeof questionnaireView>, 'versions'> & {
  versions: { version: number; createdAt: string; responses: number }[];
};
export type Fillable = z.infer<typeof fillableQuestionnaireView>;
export type FillableItem = Fillable['items'][number];
export type Response = Omit<z.infer<typeof responseView>, 'createdAt'> & { createdAt: string };
export type ClientQuestionnaires = Omit<z.infer<typeof clientQuestionnairesView>, 'responses'> & {
  responses: Response[];
};
export type { Definition, Item };
export type ScaleType = Item['scale']['type'];
export const SCALE_TYPES: ScaleType[] = ['choice', 'number', 'yes_no', 'text'];
export type Answer = string | number | boolean | null;
