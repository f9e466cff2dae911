/** The desktop sidebar's collapsed state lives in a cookie so the server renders the right width (no jump). */
export const SIDEBAR_COOKIE = "bd-sidebar";
export const SIDEBAR_COLLAPSED = "collapsed";

export function persistSidebarCollapsed(collapsed: boolean) {
  document.cookie = `${SIDEBAR_COOKIE}=${collapsed ? SIDEBAR_COLLAPSED : "expanded"}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
}
