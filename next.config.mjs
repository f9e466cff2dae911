/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets a second dev server run beside the first without sharing build output (NEXT_DIST_DIR=.next-2).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native and Node-only packages stay out of the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "qrcode", "bullmq", "ioredis"],
  poweredByHeader: false,
  // `npm test` type-checks the whole project (tsc --noEmit) in its first step, then sets this for the
  // build that follows, whose own TypeScript pass would be the same check again. Every other build checks.
  typescript: { ignoreBuildErrors: process.env.BROKERDESK_TYPECHECKED === "1" },
  typedRoutes: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
