/** Roles a user can hold; stored on `users.role`. */
export const ROLES = ['customer', 'sales', 'boss', 'ops'] as const;
/** A user's role, e.g. `'sales'`. */
export type Role = (typeof ROLES)[number];
