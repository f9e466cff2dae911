/**
 * What a partner key may call: one scope per endpoint group and access ("customers:read",
 * "funds:write"). Endpoints declare their group and access (server/partner/endpoints/*); the key's scopes
 * must include it. Later domains add their group here. Client-safe: the portal's key form reads it.
 */
export const SCOPE_GROUPS = ["customers", "funds", "messages", "rebates", "reference", "trading"] as const;
export type ScopeGroup = (typeof SCOPE_GROUPS)[number];
export const SCOPE_ACCESS = ["read", "write"] as const;
export type ScopeAccess = (typeof SCOPE_ACCESS)[number];
export type Scope = `${ScopeGroup}:${ScopeAccess}`;

/** Groups that have no write endpoints offer read only. */
const READ_ONLY_GROUPS: readonly ScopeGroup[] = ["reference"];

export const SCOPES: readonly Scope[] = SCOPE_GROUPS.flatMap((group) =>
  READ_ONLY_GROUPS.includes(group) ? [`${group}:read` as const] : SCOPE_ACCESS.map((access) => `${group}:${access}` as const),
);

export const scopeOf = (group: ScopeGroup, access: ScopeAccess): Scope => `${group}:${access}`;
