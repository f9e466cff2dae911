"use client";
/**
 * The live preview: a moment after the typing stops, the languages written so far go to
 * `announcement.preview`, which answers each as customers would see it (plain-text title, sanitised HTML).
 * Only the answer to the latest request is kept. A mutation, not a query: the text travels in the body.
 */
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useDebouncedValue } from "@/lib/hooks/use-debounced-value";
import { useTRPC } from "@/lib/trpc/client";
import { BODY_MAX, TITLE_MAX } from "@/lib/announcements/schemas";
import type { AnnouncementPreview } from "@/server/announcements/types";
import { writtenLocales, type AnnouncementFormValues } from "./announcement-form";

const DELAY_MS = 350;

export function useAnnouncementPreview(content: AnnouncementFormValues["content"]) {
  const trpc = useTRPC();
  const key = JSON.stringify(content);
  const settled = useDebouncedValue(key, DELAY_MS);
  const { mutate } = useMutation(trpc.announcement.preview.mutationOptions());
  const latest = useRef(0);
  const [result, setResult] = useState<{ key: string; preview: AnnouncementPreview | null; failed: boolean }>({ key: "", preview: null, failed: false });

  useEffect(() => {
    const typed = JSON.parse(settled) as AnnouncementFormValues["content"];
    const locales = writtenLocales(typed);
    if (locales.length === 0) return;
    // Over-long text is cut for the preview only; the form says what is too long.
    const input = Object.fromEntries(locales.map((l) => [l, { title: typed[l].title.slice(0, TITLE_MAX), body: typed[l].body.slice(0, BODY_MAX) }]));
    const request = ++latest.current;
    mutate(
      { content: input },
      {
        onSuccess: (preview) => request === latest.current && setResult({ key: settled, preview, failed: false }),
        onError: () => request === latest.current && setResult((previous) => ({ ...previous, key: settled, failed: true })),
      },
    );
  }, [settled, mutate]);

  return {
    /** Per language written, what customers see; the last answer while a newer one is on its way. */
    preview: result.preview,
    failed: result.failed,
    /** The text shown is not yet the text typed. */
    updating: result.key !== key,
  };
}
