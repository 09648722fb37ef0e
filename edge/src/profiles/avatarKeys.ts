/**
 * @module Where a user's objects live in R2. Everything a user owns sits under one prefix, so
 * `privacy/` can find and delete all of it without knowing each feature's keys.
 */

export const userObjectsPrefix = (userId: string): string => `users/${userId}/`

/** One key per uploaded version: a URL, once handed out, always names the same bytes. */
export const avatarKey = (userId: string, version: string): string => `${userObjectsPrefix(userId)}avatar/${version}`
