/** What other features use of 查看原件 (the view itself is loaded on demand by the app). */
export { openOriginal, viewOriginal } from './open';
