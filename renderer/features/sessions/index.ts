/** The study pages (学习计划 and one session), loaded on demand by the app. */
export { SessionView } from './SessionView';
export { StudyView } from './StudyView';
