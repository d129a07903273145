/**
 * The action forms, loaded when an action dialog first opens (or ahead, once a screen shows action
 * buttons): they validate with the shared Joi action schemas, which lists and dashboards do not need.
 */
import { lazy } from 'react';

const loadActionForm = () => import('./ActionForm.js');
const loadRouteForm = () => import('./RouteForm.js');

/** {@link import('./ActionForm.js').ActionForm}, loaded on first use. */
export const LazyActionForm = lazy(() => loadActionForm().then((m) => ({ default: m.ActionForm })));

/** {@link import('./RouteForm.js').RouteForm}, loaded on first use. */
export const LazyRouteForm = lazy(() => loadRouteForm().then((m) => ({ default: m.RouteForm })));

/** Fetches the forms' chunks ahead, so a dialog opens without a spinner. */
export function preloadActionForms(): void {
  for (const load of [loadActionForm, loadRouteForm]) void load().catch(() => undefined);
}
