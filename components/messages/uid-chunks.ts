"use client";
/**
 * A list of uids travels in the query string of `message.checkUids` and `message.preview` (they are
 * queries, sent as GET), and a request line has a size limit: so a long list is asked about in slices,
 * one request after another, and the answers added up. Slices are disjoint (the uids are distinct), so
 * the counts simply add.
 */
import type { useTRPCClient } from "@/lib/trpc/client";
import type { MessageContent } from "@/lib/messages/template";
import type { AudiencePreview, UidCheckResult } from "./types";

type Client = ReturnType<typeof useTRPCClient>;

/** Uids per request: about 10 KB of query string. */
export const UID_SLICE = 500;
const SAMPLE = 50;

const slices = <T,>(list: readonly T[], size: number) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

export interface UidReport extends UidCheckResult {
  /** Uids as listed, duplicates included. */
  listed: number;
}

/** Checks the uids (distinct ones are sent; duplicates are counted here). */
export async function checkUidList(client: Client, listed: readonly string[], onProgress?: (done: number) => void, signal?: AbortSignal): Promise<UidReport> {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const uid of listed) (seen.has(uid) ? duplicates : seen).add(uid);
  const report: UidReport = { listed: listed.length, valid: 0, duplicates: [...duplicates].slice(0, SAMPLE), unknown: [], closed: [], counts: { duplicates: duplicates.size, unknown: 0, closed: 0 } };
  let done = 0;
  for (const slice of slices([...seen], UID_SLICE)) {
    const part = await client.message.checkUids.query({ uids: slice }, { signal });
    report.valid += part.valid;
    report.unknown = [...report.unknown, ...part.unknown].slice(0, SAMPLE);
    report.closed = [...report.closed, ...part.closed].slice(0, SAMPLE);
    report.counts.unknown += part.counts.unknown;
    report.counts.closed += part.counts.closed;
    done += slice.length;
    onProgress?.(done / seen.size);
  }
  return report;
}

/** The preview of a list of distinct uids, slice by slice, added up. */
export async function previewUidList(client: Client, uids: readonly string[], content: MessageContent | undefined, signal?: AbortSignal): Promise<AudiencePreview> {
  const total = { total: 0, byLanguage: new Map<string, number>(), missing: new Map<string, { count: number; fallback: AudiencePreview["missing"][number]["fallback"] }>() };
  for (const slice of slices(uids, UID_SLICE)) {
    const part = await client.message.preview.query({ audience: { kind: "uids", uids: slice }, content }, { signal });
    total.total += part.total;
    for (const l of part.byLanguage) total.byLanguage.set(l.language, (total.byLanguage.get(l.language) ?? 0) + l.count);
    for (const m of part.missing) total.missing.set(m.language, { count: (total.missing.get(m.language)?.count ?? 0) + m.count, fallback: m.fallback });
  }
  return {
    total: total.total,
    byLanguage: [...total.byLanguage].map(([language, count]) => ({ language, count })),
    missing: [...total.missing].map(([language, m]) => ({ language, count: m.count, fallback: m.fallback })),
  };
}

/** A short, stable key for a long list (FNV-1a over the uids): the query key of its preview. */
export function listKey(uids: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const uid of uids) {
    for (let i = 0; i < uid.length; i++) h = Math.imul(h ^ uid.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 44, 0x01000193);
  }
  return `${uids.length}:${(h >>> 0).toString(36)}`;
}
