/** The public pages (no sign-in), in one chunk. */
export { DisclosurePage } from './DisclosurePage.js';
export { PublicLayout } from './PublicLayout.js';
export { PublicMetricsPage } from './PublicMetricsPage.js';
export { ReportPage } from './ReportPage.js';
export { SelfHelpPage } from './SelfHelpPage.js';
