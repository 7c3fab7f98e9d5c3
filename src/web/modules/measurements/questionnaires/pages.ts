export { NewQuestionnairePage } from './NewQuestionnairePage.tsx';
export { QuestionnairePage } from './QuestionnairePage.tsx';
export { QuestionnairesPage } from './QuestionnairesPage.tsx';
