/** What the message procedures answer, for the pages' components (types only: nothing of the server runs here). */
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/routers/_app";

type Out = inferRouterOutputs<AppRouter>["message"];

export type MessageListRow = Out["list"]["rows"][number];
export type MessageDetail = Out["get"];
export type MessageStats = Out["stats"];
export type CustomerMessageRow = Out["forCustomer"]["rows"][number];
export type MessageTemplateRow = Out["templates"][number];
export type AutomaticTemplateRow = Out["automaticTemplates"][number];
export type MessageSegmentRow = Out["segments"][number];
export type UidCheckResult = Out["checkUids"];
export type AudiencePreview = Out["preview"];
