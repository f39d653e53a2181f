/**
 * Roles a user can hold; stored on `users.role`. `former_sales` is a salesperson the boss
 * deactivated (`team.deactivate`): no sales action lets them in, their customers moved to their
 * heir (`users.heirId`), and their old shares bind to that heir.
 */
export const ROLES = ['customer', 'sales', 'boss', 'ops', 'former_sales'] as const;
/** A user's role, e.g. `'sales'`. */
export type Role = (typeof ROLES)[number];

/** Roles `admin.setRole` may give; a salesperson leaves through `team.deactivate`, which names an heir. */
export const ASSIGNABLE_ROLES = ['customer', 'sales', 'boss', 'ops'] as const satisfies readonly Role[];

/** Roles that work in the back office (products, team, queues). */
export const BACK_OFFICE_ROLES = ['boss', 'ops'] as const satisfies readonly Role[];
