/**
 * An announcement's Markdown as the HTML customers are shown, and its title as plain text. Two layers: markdown-it
 * with raw HTML off (what is typed as HTML stays text) and its own link check, then sanitize-html with a short
 * allowlist — so a gap in one is caught by the other. Links keep only absolute http(s) and mailto targets and
 * open in a new tab without the opener; images, frames, styles, classes and event attributes never pass.
 * The portal's preview and the partner API both show this output, stored with the announcement.
 */
import "server-only";
import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

const markdown = new MarkdownIt("default", { html: false, linkify: true, typographer: false, breaks: true });

/** The one target form a link keeps: an absolute web address or an email address. */
const SAFE_HREF = /^(https?:\/\/|mailto:)[^\s]/i;

/**
 * Links and images as customers get them: a link to anything but a safe address becomes its text, a link's
 * title goes (the customers' apps are on phones, and it is one more attribute to trust), and an image becomes
 * its alt text — nothing is loaded from elsewhere when an announcement opens.
 */
markdown.core.ruler.push("announcement_links", (state) => {
  for (const block of state.tokens) {
    if (block.type !== "inline" || !block.children) continue;
    const kept: typeof block.children = [];
    let droppedLinks = 0;
    for (const token of block.children) {
      if (token.type === "link_open") {
        if (!SAFE_HREF.test(String(token.attrGet("href") ?? ""))) {
          droppedLinks++;
          continue;
        }
        token.attrs = (token.attrs ?? []).filter(([name]) => name === "href");
      } else if (token.type === "link_close" && droppedLinks > 0) {
        droppedLinks--;
        continue;
      } else if (token.type === "image") {
        const alt = new state.Token("text", "", 0);
        alt.content = token.content;
        kept.push(alt);
        continue;
      }
      kept.push(token);
    }
    block.children = kept;
  }
});

const BODY_POLICY: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "em", "s", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote", "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td"],
  allowedAttributes: { a: ["href", "rel", "target"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: {},
  allowProtocolRelative: false,
  allowedStyles: {},
  allowVulnerableTags: false,
  // A tag that is not allowed goes, its text stays.
  disallowedTagsMode: "discard",
  transformTags: {
    h1: "h2",
    h5: "h4",
    h6: "h4",
    // Every link opens in a new tab without the opener; one that is not to a safe address (which the Markdown
    // step already removed) loses its target and is inert.
    a: (tagName, attribs) => {
      const href = attribs.href ?? "";
      const kept: Record<string, string> = SAFE_HREF.test(href) ? { href, rel: "noopener noreferrer", target: "_blank" } : {};
      return { tagName, attribs: kept };
    },
  },
};

/** The sanitised HTML of an announcement body written in Markdown. */
export function renderAnnouncementBody(body: string): string {
  return sanitizeHtml(markdown.render(body), BODY_POLICY).trim();
}

const TEXT_POLICY: sanitizeHtml.IOptions = { allowedTags: [], allowedAttributes: {}, disallowedTagsMode: "discard" };

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!);
/** Something a browser would read as the start of a tag or comment. */
const TAG_LIKE = /<[a-zA-Z!/?]/;

/**
 * A title as plain text: tags (and what scripts and styles hold) removed, whitespace folded, trimmed. Text
 * typed as entities ("&lt;b&gt;") would turn back into a tag once decoded, so stripping repeats until nothing
 * tag-like is left: a title never holds markup, even for a client that forgets to escape it.
 */
export function plainTitle(title: string): string {
  let text = title;
  for (let pass = 0; pass < 5; pass++) {
    text = decode(sanitizeHtml(text, TEXT_POLICY));
    if (!TAG_LIKE.test(text)) break;
  }
  if (TAG_LIKE.test(text)) text = text.replace(/</g, "‹");
  return text.replace(/\s+/g, " ").trim();
}
