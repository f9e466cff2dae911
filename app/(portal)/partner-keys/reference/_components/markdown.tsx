/**
 * The little Markdown the OpenAPI document's descriptions use: "#" headings, paragraphs, "- " lists (an
 * item may continue on the next lines) and `inline code`. Rendered as React elements, never as HTML, so
 * nothing in a description can inject markup.
 */
import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

type Block = { kind: "heading"; level: number; text: string } | { kind: "paragraph"; text: string } | { kind: "list"; items: string[] };

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: string[] | null = null;
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: "paragraph", text: paragraph.join(" ") });
    if (list) blocks.push({ kind: "list", items: list });
    paragraph = [];
    list = null;
  };
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.trim();
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (!line) flush();
    else if (heading) {
      flush();
      blocks.push({ kind: "heading", level: heading[1]!.length, text: heading[2]! });
    } else if (line.startsWith("- ")) {
      if (paragraph.length) flush();
      (list ??= []).push(line.slice(2));
    } else if (list) list[list.length - 1] += ` ${line}`;
    else paragraph.push(line);
  }
  flush();
  return blocks;
}

/** `code` spans as <code>; everything else as text. */
export function Inline({ text }: { text: string }) {
  const parts = text.split(/(`[^`]+`)/g);
  return (
    <>
      {parts.map((part, i) =>
        part.startsWith("`") && part.endsWith("`") && part.length > 1 ? (
          <code key={i} className="rounded bg-muted px-[0.3em] py-0.5 font-mono text-[0.85em]">
            {part.slice(1, -1)}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}

/** `headingLevel`: the HTML level a "##" heading gets (the page's own outline decides). */
export function Markdown({ source, headingLevel = 3, className }: { source: string; headingLevel?: 2 | 3 | 4; className?: string }) {
  const blocks = parseMarkdown(source);
  const minLevel = Math.min(...blocks.filter((b) => b.kind === "heading").map((b) => (b as { level: number }).level), 6);
  return (
    <div className={cn("grid gap-3 text-sm leading-relaxed", className)}>
      {blocks.map((block, i): ReactNode => {
        if (block.kind === "heading") {
          const Tag = `h${Math.min(headingLevel + block.level - minLevel, 6)}` as "h3";
          return (
            <Tag key={i} className="mt-2 text-base font-semibold tracking-tight">
              <Inline text={block.text} />
            </Tag>
          );
        }
        if (block.kind === "list")
          return (
            <ul key={i} className="grid list-disc gap-1.5 pl-5 marker:text-muted-foreground">
              {block.items.map((item, j) => (
                <li key={j}>
                  <Inline text={item} />
                </li>
              ))}
            </ul>
          );
        return (
          <p key={i}>
            <Inline text={block.text} />
          </p>
        );
      })}
    </div>
  );
}
