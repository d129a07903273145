/** The public pages, as the public frame and the sign-in page link them. */
export const PUBLIC_LINKS = [
  { to: '/help', labelKey: 'public.nav.selfHelp' },
  { to: '/report', labelKey: 'public.nav.report' },
  { to: '/outcomes', labelKey: 'public.nav.metrics' },
  { to: '/disclosure', labelKey: 'public.nav.disclosure' },
] as const;
