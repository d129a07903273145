/** A same-app path to return to after signing in (`?next=`), or null when absent or not local. */
export function safeNext(value: string | null): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (value.startsWith('/sign-in') || value.startsWith('/register')) return null;
  return value;
}
