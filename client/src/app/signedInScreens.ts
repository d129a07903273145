/**
 * The signed-in frame and the role homes, in one chunk: whoever signs in needs the frame and one
 * home, and one file (with the code the homes share) loads faster than a dozen small ones. The
 * case page, the complaint form, statistics and registration stay chunks of their own.
 */
export { CenterDashboard } from '../center/CenterDashboard.js';
export { DeskPage } from '../admin/DeskPage.js';
export { MediatorConsole } from '../mediator/MediatorConsole.js';
export { MyCasesPage } from '../cases/MyCasesPage.js';
export { AppLayout } from './AppLayout.js';
