import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getCurrentStaff } from "@/server/auth/next-auth";
import { appRouter } from "@/server/routers/_app";
import { createContextFromSession } from "@/server/trpc";

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => createContextFromSession(await getCurrentStaff(), req.headers),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path ?? "?"}:`, error.cause ?? error);
    },
  });

export { handler as GET, handler as POST };
