export const dashboard = {
  title: "Dashboard",
  greeting: "Welcome, {name}",
  signedInAs: "Signed in as {role} · {brand}",
  signedInAsNoBrand: "Signed in as {role}",
  areas: "Your areas",
  areasDescription: "Everything your role can use in Brokerdesk.",
  noAreas: "Your role has no areas yet. Ask an administrator if you expected some.",
  available: "Available",
  comingSoon: "Coming soon",
  totpTitle: "Protect your account",
  totpDescription: "Two-factor authentication is off. Turn it on so a stolen password is not enough to sign in as you.",
  totpAction: "Set up two-factor authentication",
} as const;
