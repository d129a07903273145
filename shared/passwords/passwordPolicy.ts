/** The structural floor of every password (the request schemas refuse anything shorter). */
export const PASSWORD_FLOOR = 10;

/** Shortest password of a new account unless `PASSWORD_MIN_LENGTH` asks for more (the client checks this). */
export const DEFAULT_PASSWORD_MIN_LENGTH = 12;

/** The lowest zxcvbn score (0–4) a new password may have: 3 is "safely unguessable" offline at a slow hash. */
export const MIN_PASSWORD_SCORE = 3;
