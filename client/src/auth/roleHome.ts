import type { SessionUser } from './sessionStore.js';

/** The home page of each role: rights holders their cases, mediators the console, and so on. */
export function roleHome(user: SessionUser): string {
  switch (user.role) {
    case 'mediator':
      return '/mediator';
    case 'officer':
      return user.orgType === 'protectionCenter' ? '/center' : '/desk';
    case 'admin':
      return '/desk';
    default:
      return '/cases';
  }
}

/** Whether the user works cases for an organisation or the platform (officers and admins). */
export function isStaff(user: SessionUser): boolean {
  return user.role === 'admin' || user.role === 'officer';
}
