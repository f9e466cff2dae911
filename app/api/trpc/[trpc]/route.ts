import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getCurrentStaff } from "@/server/auth/next-auth";
import { capBody } from "@/server/http/body-limit";
import { appRouter } from "@/server/routers/_app";
import { createContextFromSession } from "@/server/trpc";

/**
 * The largest input a procedure takes is a bonus-grant CSV of up to 32 MB sent as a JSON string
 * (lib/bonuses/schemas.ts), plus its escaped line breaks: anything past 36 MB is refused unread.
 */
const MAX_BODY_BYTES = 36 * 1024 * 1024;

const handler = (incoming: Request) => {
  const req = capBody(incoming, MAX_BODY_BYTES);
  if (req instanceof Response) return req;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => createContextFromSession(await getCurrentStaff(), req.headers),
    // Answers are per staff member: never kept by a browser or proxy cache.
    responseMeta: () => ({ headers: new Headers({ "Cache-Control": "no-store" }) }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path ?? "?"}:`, error.cause ?? error);
    },
  });
};

export { handler as GET, handler as POST };
