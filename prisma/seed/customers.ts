/**
 * Customer demo data: per demo brand a few customer groups and a realistic, deterministic set of
 * customers (a seeded PRNG, so every machine gets the same names, emails, statuses, levels and tags),
 * registered over the last year, some with notes. A handful of well-known customers (DEMO_CUSTOMERS) are
 * there for people and e2e tests to find by name or email.
 *
 * Everyone is created at KYC level 0: a level is only ever reached through an approved application, so
 * the KYC seed (./kyc.ts) gives each customer the approved applications that take them to their
 * planned level (`kycLevel` below). Closed accounts are planned at 0 (no application can be opened for
 * them) and recent registrations at low levels (they have had little time to apply).
 *
 * Customers are bulk-inserted (createMany) in one transaction per brand, in registration order so uids
 * follow registration time, and audited as one "customer.import" row per brand by the "seed" system
 * actor (a per-customer registration row would claim they were registered today). Groups are audited one
 * by one, like the groups service does. Creates what is missing (by email, or phone without one).
 *
 * The well-known customers themselves are plain data in ./demo-customers.ts, which e2e tests import.
 */
import { systemActor, type RequestMeta } from "../../server/actor";
import { recordAudit } from "../../server/audit/audit";
import type { Db, DbTx } from "../../server/db/client";
import { DEMO_BRANDS, type DemoBrandSlug } from "../demo-accounts";
import { DEMO_CUSTOMERS, type DemoCustomer, type Source, type Status } from "./demo-customers";


/** Each brand's groups (later domains attach risk limits and bonus eligibility to them). */
export const DEMO_GROUPS: Record<DemoBrandSlug, { name: string; description: string }[]> = {
  aurora: [
    { name: "VIP", description: "High-value traders: dedicated account manager, lower fees and priority support" },
    { name: "Standard", description: "Default segment for retail customers" },
    { name: "Institutional", description: "Funds, proprietary trading firms and corporate treasuries" },
    { name: "Introduced by partners", description: "Referred by introducing brokers; commission is shared with the partner" },
  ],
  borealis: [
    { name: "VIP", description: "Top traders by volume, reviewed every quarter" },
    { name: "Standard", description: "Default segment for retail customers" },
    { name: "Institutional", description: "Companies and professional traders" },
  ],
};

/** How many customers each brand gets, the well-known ones included. */
const CUSTOMER_COUNT: Record<DemoBrandSlug, number> = { aurora: 300, borealis: 80 };

// ── Deterministic randomness ────────────────────────────────────────────────────────────────────

/** mulberry32 seeded from a string (FNV-1a): the same sequence on every machine. */
export function seededRandom(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const oneOf = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
/** "a:3 b:1" → a three times as likely as b. */
const weighted = (spec: string) => spec.split(" ").flatMap((part) => {
  const [value, weight] = part.split(":");
  return Array<string>(Number(weight)).fill(value);
});
const words = (text: string) => text.split(" ").map((w) => w.replaceAll("_", " "));

// ── Names, countries and phone numbers ──────────────────────────────────────────────────────────

/** Pinyin:汉字 pairs, so a Chinese customer is shown in either script and emailed in pinyin. */
const CN_SURNAMES = words("Wang:王 Li:李 Zhang:张 Liu:刘 Chen:陈 Yang:杨 Huang:黄 Zhao:赵 Wu:吴 Zhou:周 Xu:徐 Sun:孙 Ma:马 Zhu:朱 Hu:胡 Guo:郭 He:何 Lin:林 Luo:罗 Gao:高");
const CN_GIVEN = words("Wei:伟 Fang:芳 Na:娜 Min:敏 Jing:静 Lei:磊 Yang:洋 Jun:军 Yong:勇 Yan:艳 Jie:杰 Tao:涛 Ming:明 Chao:超 Xiuying:秀英 Hao:浩 Yu:宇 Xin:欣 Jiahao:嘉豪 Zihan:子涵 Yuxuan:宇轩 Mei:美");

interface Region {
  first: string[];
  last: string[];
}
const REGIONS: Record<string, Region> = {
  hk: { first: words("Kelvin Karen Ivan Winnie Jason Cherry Derek Fiona Alan Mandy Ken Vivian"), last: words("Chan Wong Leung Cheung Lau Lee Ho Ng Tang Yip") },
  en: {
    first: words("James Oliver Emma Olivia Jack Amelia Harry Isla Thomas Sophie William Grace Daniel Chloe Samuel Lucy Benjamin Hannah Matthew Ella"),
    last: words("Smith Jones Taylor Brown Wilson Evans Johnson Walker Wright Robinson Thompson White Hughes Edwards Green Hall Wood Harris Cooper Turner"),
  },
  de: { first: words("Lukas Anna Leon Mia Felix Lena Jonas Laura Paul Sarah Max Julia"), last: words("Müller Schmidt Schneider Weber Meyer Wagner Hoffmann Schulz Koch Richter Wolf Krüger") },
  fr: { first: words("Lucas Léa Hugo Chloé Louis Manon Gabriel Camille"), last: words("Bernard Dubois Thomas Robert Petit Durand Leroy Moreau") },
  jp: { first: words("Haruto Yui Sota Hina Yuto Aoi Ren Sakura Riku Yuna"), last: words("Suzuki Takahashi Watanabe Ito Yamamoto Nakamura Kobayashi Kato") },
  kr: { first: words("Seo-yeon Ji-ho Ha-eun Do-yun Ji-woo Seo-jun Su-ah Ye-jin"), last: words("Lee Park Choi Jung Kang Cho Yoon Jang") },
  ar: { first: words("Mohammed Ahmed Omar Mariam Khalid Layla Yousef Noura Hamad Sara"), last: words("Al_Mansouri Al_Hashimi Al_Mazrouei Al_Shamsi Haddad Khalil Nasser Saleh") },
  vn: { first: words("Anh Minh Linh Huy Trang Duc Thao Nam"), last: words("Nguyen Tran Le Pham Hoang Vu Dang Bui") },
  th: { first: words("Somchai Niran Ploy Kanya Arthit Suda"), last: words("Saetang Srisuk Wongsa Chaiyaporn Rattanakorn Boonmee") },
  my: { first: words("Ahmad Nur Siti Muhammad Putri Rizky Dewi Budi Aditya Ayu"), last: words("Abdullah Hassan Santoso Wijaya Pratama Hidayat Ismail Yusof") },
  ph: { first: words("Jose Maria Mark Angel John Kristine"), last: words("Santos Reyes Cruz Bautista Garcia Mendoza") },
  br: { first: words("Gabriel Ana Lucas Julia Mateus Beatriz Rafael Larissa"), last: words("Silva Santos Oliveira Souza Lima Pereira Costa Ferreira") },
  es: { first: words("Pablo Lucía Alejandro María Javier Carmen"), last: words("Fernández López Martínez Sánchez Romero Navarro") },
  it: { first: words("Marco Giulia Alessandro Francesca Luca Chiara"), last: words("Russo Ferrari Esposito Bianchi Romano Colombo") },
  in: { first: words("Aarav Rohan Ananya Arjun Diya Vikram Sneha Kavya"), last: words("Sharma Patel Singh Kumar Gupta Reddy Iyer Menon") },
  tr: { first: words("Mehmet Ayşe Mustafa Elif Emre Zeynep"), last: words("Yılmaz Kaya Demir Şahin Çelik Öztürk") },
  af: { first: words("Chinedu Ngozi Tunde Amara Sipho Thandiwe"), last: words("Okafor Adeyemi Nwosu Mokoena Dlamini Nkosi") },
};

interface CountryInfo {
  region: keyof typeof REGIONS | "cn";
  code: string;
  /** National number: one of these starts, then random digits up to `length`. */
  starts: string[];
  length: number;
}
const COUNTRIES: Record<string, CountryInfo> = {
  CN: { region: "cn", code: "+86", starts: ["135", "138", "139", "186", "188"], length: 11 },
  SG: { region: "cn", code: "+65", starts: ["8", "9"], length: 8 },
  HK: { region: "hk", code: "+852", starts: ["5", "6", "9"], length: 8 },
  GB: { region: "en", code: "+44", starts: ["77", "78", "79"], length: 10 },
  AU: { region: "en", code: "+61", starts: ["4"], length: 9 },
  CA: { region: "en", code: "+1", starts: ["416", "604", "514"], length: 10 },
  DE: { region: "de", code: "+49", starts: ["151", "160", "170"], length: 11 },
  CH: { region: "de", code: "+41", starts: ["76", "78", "79"], length: 9 },
  NL: { region: "de", code: "+31", starts: ["6"], length: 9 },
  FR: { region: "fr", code: "+33", starts: ["6", "7"], length: 9 },
  JP: { region: "jp", code: "+81", starts: ["70", "80", "90"], length: 10 },
  KR: { region: "kr", code: "+82", starts: ["10"], length: 10 },
  AE: { region: "ar", code: "+971", starts: ["50", "52", "55"], length: 9 },
  VN: { region: "vn", code: "+84", starts: ["9", "3"], length: 9 },
  TH: { region: "th", code: "+66", starts: ["8", "9"], length: 9 },
  MY: { region: "my", code: "+60", starts: ["12", "17"], length: 9 },
  ID: { region: "my", code: "+62", starts: ["812", "813"], length: 11 },
  PH: { region: "ph", code: "+63", starts: ["917", "918"], length: 10 },
  BR: { region: "br", code: "+55", starts: ["119", "219"], length: 11 },
  ES: { region: "es", code: "+34", starts: ["6"], length: 9 },
  IT: { region: "it", code: "+39", starts: ["34", "33"], length: 10 },
  IN: { region: "in", code: "+91", starts: ["98", "99", "70"], length: 10 },
  TR: { region: "tr", code: "+90", starts: ["53", "54"], length: 10 },
  NG: { region: "af", code: "+234", starts: ["80", "81"], length: 10 },
  ZA: { region: "af", code: "+27", starts: ["72", "82"], length: 9 },
};
const COUNTRY_WEIGHTS = weighted(
  "CN:18 SG:10 HK:7 GB:7 DE:6 AE:6 JP:5 KR:5 AU:4 VN:4 MY:4 IN:4 TH:3 ID:3 FR:3 CA:3 BR:3 NL:2 CH:2 IT:2 ES:2 TR:2 PH:2 NG:1 ZA:1",
);
/**
 * Planned KYC levels of generated customers: about a third verified, as many sign-ups never finish KYC.
 * Each level costs the KYC seed one approved application through the services (~70 ms), which also
 * keeps this share from growing: the whole seed should stay well under half a minute.
 */
const LEVEL_WEIGHTS = "0:65 1:22 2:10 3:3";
const EMAIL_DOMAINS = ["example.com", "example.net", "example.org", "mail.example", "inbox.example"];
const TAGS = ["high-volume", "api-trader", "copy-trader", "referral", "promo-2026", "dormant", "market-maker", "newsletter"];
const FROZEN_REASONS = [
  "Suspicious logins from a new country",
  "Chargeback dispute on a card deposit",
  "Customer asked for a temporary freeze",
  "Source of funds under review",
];
const CLOSED_REASONS = ["Customer asked to close the account", "Duplicate account", "Failed periodic KYC review"];
const NOTES = [
  { by: "ops", body: "Called to confirm the new withdrawal address; confirmed by phone." },
  { by: "support", body: "Asked about API rate limits; sent the API documentation." },
  { by: "ops", body: "Introduced by the partner desk; review for VIP after 30 days of trading." },
  { by: "support", body: "Requested the futures fee schedule; sent by email." },
  { by: "support", body: "Deposit looked delayed; the bank transfer arrived the next morning." },
  { by: "compliance", body: "Source of funds: salary and savings, statements on file." },
  { by: "ops", body: "Travels often; logins from several countries are expected." },
  { by: "support", body: "Prefers to be contacted by email." },
];

/** "Müller" → "muller", "Al Mansouri" → "almansouri": the ASCII an email address is made of. */
const ascii = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/ı/g, "i")
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, "");

// ── The specs ───────────────────────────────────────────────────────────────────────────────────

export interface NoteSpec {
  /** Demo staff login ("ops@aurora.demo"). */
  authorEmail: string;
  body: string;
  at: Date;
}

/** One customer as the seed creates it. */
export interface CustomerSpec {
  name: string;
  latinName: string;
  email: string | null;
  phoneCountryCode: string | null;
  phone: string | null;
  country: string;
  language: "en" | "zh-CN";
  status: Status;
  statusReason: string | null;
  statusChangedAt: Date | null;
  /** Planned level, reached through approved applications (./kyc.ts); the customer is created at 0. */
  kycLevel: number;
  group: string | null;
  tags: string[];
  registeredAt: Date;
  registrationSource: Source;
  notes: NoteSpec[];
  /** Key in DEMO_CUSTOMERS[brand], for the well-known ones. */
  demoKey: string | null;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The identity a spec is matched on when the seed runs again. */
export const specKey = (c: { email: string | null; phoneCountryCode: string | null; phone: string | null }) =>
  c.email ?? `${c.phoneCountryCode} ${c.phone}`;

function fromDemo(key: string, d: DemoCustomer, anchor: number): CustomerSpec {
  const registeredAt = new Date(anchor - d.registeredDaysAgo * DAY - 5 * HOUR);
  const changed = d.status === "active" ? null : new Date(anchor - Math.min(20, d.registeredDaysAgo / 2) * DAY);
  return {
    name: d.name,
    latinName: d.latinName ?? d.name,
    email: d.email,
    phoneCountryCode: d.phoneCountryCode,
    phone: d.phone,
    country: d.country,
    language: d.language,
    status: d.status,
    statusReason: d.statusReason ?? null,
    statusChangedAt: changed,
    kycLevel: d.kycLevel,
    group: d.group,
    tags: [...d.tags],
    registeredAt,
    registrationSource: d.registrationSource,
    notes: [],
    demoKey: key,
  };
}

function generated(rng: Rng, index: number, slug: DemoBrandSlug, anchor: number, taken: Set<string>): CustomerSpec {
  const country = oneOf(rng, COUNTRY_WEIGHTS);
  const info = COUNTRIES[country];
  let name: string;
  let latinName: string;
  let emailFirst: string;
  let emailLast: string;
  // Re-rolled while it is one of the well-known names, so searching for those finds exactly them.
  do {
    if (info.region === "cn") {
      const [pySur, zhSur] = oneOf(rng, CN_SURNAMES).split(":");
      const [pyGiven, zhGiven] = oneOf(rng, CN_GIVEN).split(":");
      latinName = `${pySur} ${pyGiven}`;
      name = country === "CN" && rng() < 0.55 ? `${zhSur}${zhGiven}` : latinName;
      [emailFirst, emailLast] = [pyGiven, pySur];
    } else {
      const region = REGIONS[info.region];
      const first = oneOf(rng, region.first);
      const last = oneOf(rng, region.last);
      // East Asian names are written family name first.
      name = info.region === "kr" || info.region === "vn" ? `${last} ${first}` : `${first} ${last}`;
      latinName = name;
      [emailFirst, emailLast] = [first, last];
    }
  } while (taken.has(name.toLowerCase()) || taken.has(latinName.toLowerCase()));
  const language = country === "CN" || country === "HK" || (country === "SG" && rng() < 0.5) ? "zh-CN" : "en";

  const contact = rng();
  const local = oneOf(rng, [`${ascii(emailFirst)}.${ascii(emailLast)}`, `${ascii(emailFirst)[0]}${ascii(emailLast)}`, `${ascii(emailLast)}.${ascii(emailFirst)}`]);
  // The index keeps addresses and numbers unique within the brand.
  const email = contact < 0.92 ? `${local}${index}@${oneOf(rng, EMAIL_DOMAINS)}` : null;
  const start = oneOf(rng, info.starts);
  const middle = Array.from({ length: Math.max(0, info.length - start.length - 4) }, () => Math.floor(rng() * 10)).join("");
  const phone = contact > 0.12 ? `${start}${middle}${String(index).padStart(4, "0")}` : null;

  const registeredAt = new Date(anchor - 365 * DAY * rng() ** 1.5 - Math.floor(rng() * DAY));
  const statusRoll = rng();
  const status: Status = statusRoll < 0.04 ? "closed" : statusRoll < 0.12 ? "frozen" : "active";
  const statusChangedAt = status === "active" ? null : new Date(registeredAt.getTime() + (anchor - registeredAt.getTime()) * (0.3 + 0.6 * rng()));
  const statusReason = status === "frozen" ? oneOf(rng, FROZEN_REASONS) : status === "closed" ? oneOf(rng, CLOSED_REASONS) : null;
  // Many sign-ups never finish KYC. A closed account stays at 0 (no application can be opened for it),
  // and a recent customer has had time for fewer levels.
  const ageDays = (anchor - registeredAt.getTime()) / DAY;
  const rolledLevel = Number(oneOf(rng, weighted(LEVEL_WEIGHTS)));
  const kycLevel = status === "closed" ? 0 : Math.min(rolledLevel, ageDays < 1 ? 0 : ageDays < 14 ? 1 : ageDays < 45 ? 2 : 3);
  const source = oneOf(rng, weighted("web:45 app:40 api:7 backoffice:8")) as Source;
  const groupRoll = rng();
  const group =
    kycLevel === 3 && groupRoll < 0.35
      ? "Institutional"
      : groupRoll < 0.08 + (kycLevel >= 2 ? 0.06 : 0)
        ? "VIP"
        : slug === "aurora" && groupRoll > 0.9
          ? "Introduced by partners"
          : groupRoll < 0.7
            ? "Standard"
            : null;
  const tags = new Set<string>();
  if (group === "VIP" && rng() < 0.7) tags.add("vip");
  if (source === "api" && rng() < 0.8) tags.add("api-trader");
  const tagRoll = rng();
  if (tagRoll < 0.45) tags.add(oneOf(rng, TAGS));
  if (tagRoll < 0.1) tags.add(oneOf(rng, TAGS));

  const notes: NoteSpec[] = [];
  const between = (from: number) => new Date(from + (anchor - from) * rng());
  if (status === "frozen" && statusChangedAt) {
    notes.push({ authorEmail: `ops@${slug}.demo`, body: `Frozen: ${statusReason}. Waiting for the customer's reply.`, at: new Date(statusChangedAt.getTime() + 10 * 60_000) });
  }
  if (rng() < 0.12) {
    const note = oneOf(rng, NOTES);
    notes.push({ authorEmail: `${note.by}@${slug}.demo`, body: note.body, at: between(registeredAt.getTime()) });
  }

  return {
    name,
    latinName,
    email,
    phoneCountryCode: phone ? info.code : null,
    phone,
    country,
    language,
    status,
    statusReason,
    statusChangedAt,
    kycLevel,
    group,
    tags: [...tags],
    registeredAt,
    registrationSource: source,
    notes,
    demoKey: null,
  };
}

/**
 * Every customer the seed creates for a brand, oldest registration first. Pure and deterministic (times
 * are relative to `now`, taken to the hour): the KYC seed picks its applicants from the same list.
 */
export function customerSpecs(slug: DemoBrandSlug, now = new Date()): CustomerSpec[] {
  const anchor = Math.floor(now.getTime() / HOUR) * HOUR;
  const demo = Object.entries(DEMO_CUSTOMERS[slug] as Record<string, DemoCustomer>).map(([key, d]) => fromDemo(key, d, anchor));
  const taken = new Set(demo.flatMap((d) => [d.name.toLowerCase(), d.latinName.toLowerCase()]));
  const rng = seededRandom(`brokerdesk-demo-customers:${slug}`);
  const specs = [...demo];
  for (let index = 1; specs.length < CUSTOMER_COUNT[slug]; index++) specs.push(generated(rng, index, slug, anchor, taken));
  return specs.sort((a, b) => a.registeredAt.getTime() - b.registeredAt.getTime());
}

// ── Seeding ─────────────────────────────────────────────────────────────────────────────────────

const who = { actor: systemActor("seed"), request: { ip: null, userAgent: null } satisfies RequestMeta };

interface BrandResult {
  groups: number;
  customers: number;
  kept: number;
  notes: number;
}

async function seedBrand(tx: DbTx, brandId: string, slug: DemoBrandSlug, now: Date): Promise<BrandResult> {
  let groupsCreated = 0;
  const groupIds = new Map<string, string>();
  for (const g of DEMO_GROUPS[slug]) {
    const existing = await tx.customerGroup.findUnique({ where: { brandId_name: { brandId, name: g.name } }, select: { id: true } });
    if (existing) {
      groupIds.set(g.name, existing.id);
      continue;
    }
    const created = await tx.customerGroup.create({ data: { brandId, name: g.name, description: g.description }, select: { id: true } });
    await recordAudit(tx, who, { brandId, action: "customer_group.create", entityType: "customer_group", entityId: created.id, after: g });
    groupIds.set(g.name, created.id);
    groupsCreated++;
  }

  const specs = customerSpecs(slug, now);
  const existing = await tx.customer.findMany({ where: { brandId }, select: { email: true, phoneCountryCode: true, phone: true } });
  const have = new Set(existing.flatMap((c) => [c.email, c.phone ? `${c.phoneCountryCode} ${c.phone}` : null]).filter(Boolean));
  const missing = specs.filter((s) => !have.has(specKey(s)) && !(s.phone && have.has(`${s.phoneCountryCode} ${s.phone}`)));
  if (missing.length === 0) return { groups: groupsCreated, customers: 0, kept: specs.length, notes: 0 };

  const created = await tx.customer.createManyAndReturn({
    data: missing.map((s) => ({
      brandId,
      name: s.name,
      email: s.email,
      phoneCountryCode: s.phoneCountryCode,
      phone: s.phone,
      country: s.country,
      language: s.language,
      status: s.status,
      statusReason: s.statusReason,
      statusChangedAt: s.statusChangedAt,
      // Raised by the approved applications the KYC seed gives them (./kyc.ts), never set here.
      kycLevel: 0,
      groupId: s.group ? (groupIds.get(s.group) ?? null) : null,
      tags: s.tags,
      registeredAt: s.registeredAt,
      registrationSource: s.registrationSource,
      createdAt: s.registeredAt,
    })),
    select: { id: true, email: true, phoneCountryCode: true, phone: true },
  });
  const idOf = new Map(created.map((c) => [specKey(c), c.id]));

  const authors = await tx.staffUser.findMany({ where: { brandId }, select: { id: true, email: true, name: true } });
  const author = new Map(authors.map((a) => [a.email, a]));
  const notes = missing.flatMap((s) =>
    s.notes.map((n) => ({
      brandId,
      customerId: idOf.get(specKey(s))!,
      authorId: author.get(n.authorEmail)?.id ?? null,
      authorName: author.get(n.authorEmail)?.name ?? "Demo staff",
      body: n.body,
      createdAt: n.at,
    })),
  );
  if (notes.length) await tx.customerNote.createMany({ data: notes });
  await recordAudit(tx, who, {
    brandId,
    action: "customer.import",
    entityType: "customer",
    after: { source: "demo seed", customers: created.length, notes: notes.length },
  });
  return { groups: groupsCreated, customers: created.length, kept: specs.length - missing.length, notes: notes.length };
}

export async function seedCustomers(db: Db): Promise<string> {
  const now = new Date();
  const lines: string[] = [];
  for (const { slug } of DEMO_BRANDS) {
    const brand = await db.brand.findUnique({ where: { slug }, select: { id: true } });
    if (!brand) throw new Error(`Brand "${slug}" is missing: the foundation seed runs first`);
    const r = await db.$transaction((tx) => seedBrand(tx, brand.id, slug, now), { timeout: 60_000 });
    lines.push(`${slug} ${r.customers} created (${r.notes} notes, ${r.groups} groups), ${r.kept} already there`);
  }
  return `customers: ${lines.join("; ")}`;
}
