export const shell = {
  skipToContent: "Skip to content",
  roles: {
    platform_admin: "Platform admin",
    admin: "Admin",
    operations: "Operations",
    compliance: "Compliance",
    marketing: "Marketing",
    support: "Support (read-only)",
  },
  brand: {
    label: "Brand",
    choose: "Choose a brand",
    none: "No brand",
    switched: "Now working on {name}",
    switchFailed: "Could not switch brand. Reload the page and try again.",
    logoAlt: "{name} logo",
  },
  locale: {
    label: "Language",
    en: "English",
    "zh-CN": "简体中文",
  },
  theme: {
    label: "Theme",
    light: "Light",
    dark: "Dark",
    system: "System",
  },
  user: {
    menu: "Account menu",
    account: "Account & security",
    signOut: "Sign out",
  },
  sidebar: {
    collapse: "Collapse sidebar",
    expand: "Expand sidebar",
    open: "Open navigation",
    title: "Navigation",
  },
  forbidden: {
    code: "403",
    title: "You do not have access to this page",
    description: "Your role does not include this area. If you need it, ask an administrator of your brand.",
    back: "Back to dashboard",
  },
  notFound: {
    code: "404",
    title: "Page not found",
    description: "The page you asked for does not exist or has moved.",
    back: "Go to dashboard",
  },
  copyFailed: "Could not copy to the clipboard.",
} as const;
