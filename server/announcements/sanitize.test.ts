/**
 * The announcement sanitiser against known XSS vectors: whatever is typed, the HTML has only allowed tags and
 * attributes, no script-capable element, no event attribute, and links only to http(s) and mailto that open
 * without the opener. Text typed by staff (a raw `<img onerror=…>` shown as text) is escaped and inert, so the
 * markup checks look at the tags and attributes; the element checks look at the whole output.
 */
import { describe, expect, it } from "vitest";
import { plainTitle, renderAnnouncementBody } from "./sanitize";

const ALLOWED_TAGS = new Set(["p", "br", "strong", "em", "s", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote", "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td"]);
const ALLOWED_ATTRIBUTES: Record<string, Set<string>> = { a: new Set(["href", "rel", "target"]), ol: new Set(["start"]) };

/** The output's tags with their attributes (text between tags is escaped, so it holds no "<" or ">"). */
const tagsOf = (html: string) => html.match(/<[^>]*>/g) ?? [];
const attributesOf = (tag: string) => [...tag.matchAll(/\s([^\s=/>]+)(?:="([^"]*)")?/g)].map((m) => ({ name: m[1]!.toLowerCase(), value: m[2] ?? "" }));

function expectSafe(html: string) {
  // No element that can run or load anything, even as a prefix of the whole output.
  expect(html).not.toMatch(/<\s*(script|iframe|svg|img|style|math|form|object|embed|link|meta|base|input|button|frame|video|audio|source)\b/i);
  const tags = tagsOf(html);
  const markup = tags.join("");
  expect(markup).not.toMatch(/\son\w+\s*=/i);
  expect(markup).not.toMatch(/javascript:/i);
  expect(markup).not.toMatch(/vbscript:/i);
  expect(markup).not.toMatch(/data:/i);
  expect(markup).not.toMatch(/style=/i);
  for (const tag of tags) {
    const name = /^<\/?([a-z0-9]+)/i.exec(tag)?.[1]?.toLowerCase();
    expect(name && ALLOWED_TAGS.has(name), `tag ${tag}`).toBe(true);
    if (tag.startsWith("</")) continue;
    const attributes = attributesOf(tag);
    for (const attribute of attributes) expect(ALLOWED_ATTRIBUTES[name!]?.has(attribute.name), `attribute ${attribute.name} of ${tag}`).toBe(true);
    if (name === "a") {
      // Every link: a safe address, opened in a new tab without the opener.
      expect(attributes).toEqual([
        { name: "href", value: expect.stringMatching(/^(https?:\/\/|mailto:)/) },
        { name: "rel", value: "noopener noreferrer" },
        { name: "target", value: "_blank" },
      ]);
    }
  }
}

const XSS_VECTORS: [string, string][] = [
  ["script tag", "<script>alert(1)</script>"],
  ["script tag, upper case and spaced", "<SCRIPT SRC=https://evil.example/x.js></SCRIPT >"],
  ["img onerror", "<img src=x onerror=alert(1)>"],
  ["svg onload", "<svg onload=alert(1)>"],
  ["iframe src", '<iframe src="https://evil.example"></iframe>'],
  ["style expression", '<p style="width: expression(alert(1))">x</p>'],
  ["style tag import", "<style>@import 'javascript:alert(1)';</style>"],
  ["markdown link javascript:", "[x](javascript:alert(1))"],
  ["markdown link JAVASCRIPT:", "[x](JAVASCRIPT:alert(1))"],
  ["markdown link with entity-encoded javascript:", "[x](&#x6A;avascript:alert(1))"],
  ["markdown link with &colon;", "[x](javascript&colon;alert(1))"],
  ["markdown link with an encoded tab", "[x](jav&#x09;ascript:alert(1))"],
  ["markdown link with leading spaces", "[x](   javascript:alert(1))"],
  ["markdown link vbscript:", "[x](vbscript:msgbox(1))"],
  ["markdown link data: HTML", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
  ["markdown image data: PNG", "![x](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==)"],
  ["markdown image with an https address", "![pixel](https://tracker.example/p.gif)"],
  ["markdown link protocol-relative", "[x](//evil.example/steal)"],
  ["markdown link relative", "[x](/api/v1/customers)"],
  ["reference-style link to javascript:", "[x][1]\n\n[1]: javascript:alert(1)"],
  ["link title breaking out of its attribute", '[x](https://example.com "t\\" onmouseover=\\"alert(1)")'],
  ["autolink javascript:", "<javascript:alert(1)>"],
  ["autolink data:", "<data:text/html,<script>alert(1)</script>>"],
  ["raw anchor with entity-encoded javascript:", '<a href="&#x6A;avascript:alert(1)">x</a>'],
  ["raw anchor unquoted javascript:", "<a href=javascript:alert(1)>x</a>"],
  ["HTML comment hiding a script", "<!--<script>alert(1)</script>-->"],
  ["comment closed early", "<!-- --!><script>alert(1)</script> -->"],
  ["nested script tags", "<scr<script>ipt>alert(1)</scr</script>ipt>"],
  ["math with xlink:href", '<math><mi xlink:href="javascript:alert(1)">x</mi></math>'],
  ["form action", "<form action=javascript:alert(1)><button>go</button></form>"],
  ["object data", '<object data="data:text/html,<script>alert(1)</script>"></object>'],
  ["zero-width space inside javascript:", "[x](ja\u200bvascript:alert(1))"],
  ["inline code holding a script", "`<script>alert(1)</script>`\n\n```html\n<img src=x onerror=alert(1)>\n```"],
  ["table cell with a script", "| a | b |\n|:--|--:|\n| <script>alert(1)</script> | [x](javascript:alert(1)) |"],
];

describe("announcement body sanitiser", () => {
  it.each(XSS_VECTORS)("neutralises %s", (_name, vector) => {
    expectSafe(renderAnnouncementBody(vector));
    // The same vector inside ordinary Markdown, and twice over (sanitising the output again changes nothing unsafe).
    const wrapped = renderAnnouncementBody(`# Notice\n\nSome **bold** text ${vector} and a [safe link](https://example.com).\n\n- ${vector}\n> ${vector}`);
    expectSafe(wrapped);
    expectSafe(renderAnnouncementBody(wrapped));
  });

  it("tests at least 15 vectors", () => expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(15));

  it("keeps raw HTML as visible text, never as markup", () => {
    expect(renderAnnouncementBody("<script>alert(1)</script>")).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
    expect(renderAnnouncementBody('<b onclick="x()">hi</b>')).toBe("<p>&lt;b onclick=\"x()\"&gt;hi&lt;/b&gt;</p>");
  });

  it("renders ordinary Markdown", () => {
    const html = renderAnnouncementBody("# Maintenance\n\nTrading pauses **Saturday** from *02:00*.\nSee [the notice](https://example.com/n \"Notice\") or mail support@example.com.\n\n1. One\n2. Two\n\n---\n\n`code`");
    expect(html).toContain("<h2>Maintenance</h2>");
    expect(html).toContain("<strong>Saturday</strong>");
    expect(html).toContain("<em>02:00</em>");
    expect(html).toContain('<a href="https://example.com/n" rel="noopener noreferrer" target="_blank">the notice</a>');
    expect(html).toContain('<a href="mailto:support@example.com" rel="noopener noreferrer" target="_blank">support@example.com</a>');
    expect(html).toContain("<ol>");
    expect(html).toContain("<hr />");
    expect(html).toContain("<code>code</code>");
    expect(html).toContain("<br />");
    expectSafe(html);
  });

  it("keeps the text of a link it drops, and an image's alt text instead of the image", () => {
    expect(renderAnnouncementBody("[read more](/inside)")).toBe("<p>read more</p>");
    expect(renderAnnouncementBody("![the chart](https://example.com/c.png)")).toBe("<p>the chart</p>");
  });

  it("keeps tables without their inline styles", () => {
    const html = renderAnnouncementBody("| Pair | Fee |\n|:--|--:|\n| BTC | 0.1% |");
    expect(html).toContain("<table>");
    expect(html).toContain("<th>Pair</th>");
    expect(html).not.toContain("style");
  });
});

describe("announcement titles", () => {
  it.each([
    ["<script>alert(1)</script>Maintenance", "Maintenance"],
    ["<b>Bold</b> news", "Bold news"],
    ["<img src=x onerror=alert(1)>Hello", "Hello"],
    // Typed as entities: decoded, then stripped like typed tags (a script's content goes with it).
    ["&lt;script&gt;alert(1)&lt;/script&gt;Hi", "Hi"],
    ["&lt;b&gt;Bold&lt;/b&gt;", "Bold"],
    // Entities of entities stay one level encoded: text, never a tag.
    ["&amp;lt;iframe src=x&amp;gt;Hi", "&lt;iframe src=x&gt;Hi"],
    ["Fees &amp; limits", "Fees & limits"],
    ["  Spread\n out   title  ", "Spread out title"],
    ["BTC < 100k > ETH", "BTC < 100k > ETH"],
    ["<!-- hidden -->Shown", "Shown"],
  ])("%j → %j", (input, expected) => {
    const title = plainTitle(input);
    expect(title).toBe(expected);
    expect(title).not.toMatch(/<[a-zA-Z!/?]/);
  });
});
