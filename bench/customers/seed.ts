/**
 * The customer benchmarks' data: one million customers in a brand and 100,000 in a second one, in
 * brokerdesk_bench (BENCH_DATABASE_URL overrides). Created and migrated when missing, filled once
 * (INSERT … SELECT generate_series, indexes built after the load) and reused while its row counts match.
 * Shared by bench/customers and bench/dashboard.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { databaseName, databaseUrlNamed } from "../../scripts/lib/database-url";
import { migrateDeploy } from "../../scripts/lib/databases";

export const BENCH_URL = process.env.BENCH_DATABASE_URL || databaseUrlNamed("brokerdesk_bench");

export interface SeedOptions {
  mainRows: number;
  otherRows: number;
  /** Start again even when the counts match. */
  rebuild: boolean;
}

// ── The database ────────────────────────────────────────────────────────────────────────────────

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(BENCH_URL);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function createDatabase(fresh: boolean) {
  const name = databaseName(BENCH_URL);
  // Only a benchmark database is ever dropped, so a mistyped URL cannot wipe real data.
  if (fresh && !/_bench$/.test(name)) throw new Error(`Refusing to drop "${name}": only *_bench databases are recreated`);
  await admin(async (client) => {
    if (fresh) await client.query(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`);
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${quoted(name)}`);
  });
  migrateDeploy(BENCH_URL);
}

// Name parts from many countries; the ASCII forms make the email addresses.
const FIRST = "James Oliver Emma Olivia Jack Amelia Harry Isla Thomas Sophie William Grace Daniel Chloe Samuel Lucy Lukas Anna Leon Mia Felix Lena Jonas Laura Hugo Léa Louis Manon Haruto Yui Sota Hina Kelvin Karen Ivan Winnie Mohammed Fatima Omar Mariam Anh Minh Linh Huy Priya Rohan Ananya Arjun Gabriel Ana Lucas Julia Pablo Lucía Marco Giulia Mehmet Ayşe Chinedu Ngozi".split(" ");
const LAST = "Smith Jones Taylor Brown Wilson Evans Walker Wright Müller Schmidt Schneider Fischer Weber Meyer Martin Bernard Dubois Sato Suzuki Tanaka Watanabe Kim Lee Park Choi Chan Wong Leung Mansouri Haddad Khalil Nguyen Tran Pham Sharma Patel Singh Kumar Silva Santos Oliveira García López Rossi Russo Ferrari Yılmaz Kaya Okafor Adeyemi Dlamini Santoso Wijaya Reyes Cruz Novak Horvat Kowalski Nowak Larsen".split(" ");
const PY_SURNAME = "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Luo Gao".split(" ");
const ZH_SURNAME = "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 罗 高".split(" ");
const PY_GIVEN = "Wei Fang Na Min Jing Lei Yang Jun Yong Yan Jie Tao Ming Chao Xiuying Hao Yu Xin Jiahao Zihan Yuxuan Mei".split(" ");
const ZH_GIVEN = "伟 芳 娜 敏 静 磊 洋 军 勇 艳 杰 涛 明 超 秀英 浩 宇 欣 嘉豪 子涵 宇轩 美".split(" ");
/** country:weight:calling code:first digits of the national number. */
const COUNTRIES = "CN:18:+86:138 SG:10:+65:9 HK:7:+852:6 GB:7:+44:77 DE:6:+49:151 AE:6:+971:50 JP:5:+81:90 KR:5:+82:10 AU:4:+61:4 VN:4:+84:9 MY:4:+60:12 IN:4:+91:98 TH:3:+66:8 ID:3:+62:812 FR:3:+33:6 CA:3:+1:416 BR:3:+55:119 NL:2:+31:6 CH:2:+41:79 IT:2:+39:34 ES:2:+34:6 TR:2:+90:53 PH:2:+63:917 NG:1:+234:80 ZA:1:+27:72".split(" ").map((c) => c.split(":"));
const WEIGHTED = COUNTRIES.flatMap(([country, weight, code, prefix]) => Array.from({ length: Number(weight) }, () => ({ country, code, prefix })));
const DOMAINS = ["example.com", "example.net", "example.org", "mail.example", "inbox.example"];
const TAGS = ["vip", "high-volume", "api-trader", "copy-trader", "referral", "promo-2026", "dormant", "market-maker"];
const GROUPS = ["VIP", "Standard", "Institutional", "Introduced by partners"];
/** Part of the bench brand's name: a change to the generator below regenerates the data. */
const DATA_VERSION = "data v2";
const ascii = (text: string) =>
  text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ı/g, "i").toLowerCase().replace(/[^a-z0-9]/g, "");

/**
 * `count` customers for a brand in one statement. The random draws are made once per row in a fenced
 * subquery (OFFSET 0), so a name and its email agree. Distributions: 18 % China (half in Chinese script),
 * then 24 other countries; 90 % active, 7 % frozen, 3 % closed; KYC 0/1/2/3 at 30/38/22/10 %; groups VIP 8 %,
 * Institutional 3 %, Standard 60 %, partners 9 %, none 20 %; 45 % with one or two tags; 92 % with an
 * email, 88 % with a phone; registered over three years, more of them recently.
 */
const INSERT_CUSTOMERS = `
INSERT INTO customer (id, brand_id, email, phone_country_code, phone, name, country, language, status, status_reason,
                      status_changed_at, kyc_level, group_id, tags, registered_at, registration_source, created_at, updated_at)
SELECT gen_random_uuid(), $1::uuid,
  CASE WHEN contact < 0.92 THEN
    (CASE i % 3 WHEN 0 THEN fa || '.' || la WHEN 1 THEN left(fa, 1) || la ELSE la || '.' || fa END) || i || '@' || ($13::text[])[1 + i % 5]
  END,
  CASE WHEN contact > 0.12 THEN code END,
  -- i × 48271 mod 10⁸ is a permutation of i (48271 shares no factor with 10⁸): unique numbers that look random.
  CASE WHEN contact > 0.12 THEN prefix || lpad(((i::bigint * 48271) % 100000000)::text, 8, '0') END,
  CASE WHEN chinese AND country = 'CN' AND rh < 0.5 THEN ($7::text[])[si] || ($9::text[])[gi]
       WHEN chinese THEN ($6::text[])[si] || ' ' || ($8::text[])[gi]
       ELSE ($3::text[])[fi] || ' ' || ($5::text[])[li] END,
  country,
  CASE WHEN country IN ('CN', 'HK') OR (country = 'SG' AND rh < 0.5) THEN 'zh-CN' ELSE 'en' END,
  (CASE WHEN rs < 0.03 THEN 'closed' WHEN rs < 0.10 THEN 'frozen' ELSE 'active' END)::"CustomerStatus",
  CASE WHEN rs < 0.03 THEN 'Customer asked to close the account' WHEN rs < 0.10 THEN 'Source of funds under review' END,
  CASE WHEN rs < 0.10 THEN reg + (now() - reg) * 0.5 END,
  CASE WHEN rk < 0.30 THEN 0 WHEN rk < 0.68 THEN 1 WHEN rk < 0.90 THEN 2 ELSE 3 END,
  CASE WHEN rg < 0.08 THEN ($15::uuid[])[1] WHEN rg < 0.11 THEN ($15::uuid[])[3] WHEN rg < 0.71 THEN ($15::uuid[])[2] WHEN rg < 0.80 THEN ($15::uuid[])[4] END,
  CASE WHEN rt < 0.55 THEN '{}'::text[]
       WHEN rt < 0.90 THEN ARRAY[($14::text[])[1 + t1]]
       ELSE ARRAY[($14::text[])[1 + t1], ($14::text[])[1 + (t1 + 1 + t2) % 8]] END,
  reg,
  (CASE WHEN rsrc < 0.45 THEN 'web' WHEN rsrc < 0.85 THEN 'app' WHEN rsrc < 0.92 THEN 'api' ELSE 'backoffice' END)::"RegistrationSource",
  reg, now()
FROM (
  SELECT d.*, w.country, w.code, w.prefix, w.country IN ('CN', 'HK', 'SG') AS chinese,
         CASE WHEN w.country IN ('CN', 'HK', 'SG') THEN lower(($8::text[])[d.gi]) ELSE ($4::text[])[d.fi] END AS fa,
         CASE WHEN w.country IN ('CN', 'HK', 'SG') THEN lower(($6::text[])[d.si]) ELSE ($16::text[])[d.li] END AS la
  FROM (
    SELECT i,
           1 + floor(random() * array_length($3::text[], 1))::int AS fi, 1 + floor(random() * array_length($5::text[], 1))::int AS li,
           1 + floor(random() * array_length($6::text[], 1))::int AS si, 1 + floor(random() * array_length($8::text[], 1))::int AS gi,
           1 + floor(random() * array_length($10::text[], 1))::int AS ci,
           random() AS contact, random() AS rh, random() AS rs, random() AS rk, random() AS rg, random() AS rt,
           floor(random() * 8)::int AS t1, floor(random() * 7)::int AS t2, random() AS rsrc,
           date_trunc('milliseconds', now() - power(random(), 1.5) * interval '1095 days') AS reg
    FROM generate_series(1, $2::int) AS i
    OFFSET 0
  ) d
  JOIN LATERAL (SELECT ($10::text[])[d.ci] AS country, ($11::text[])[d.ci] AS code, ($12::text[])[d.ci] AS prefix) w ON true
) r`;

async function generate(client: pg.Client, brandId: string, groupIds: string[], count: number) {
  await client.query(INSERT_CUSTOMERS, [
    brandId,
    count,
    FIRST,
    FIRST.map(ascii),
    LAST,
    PY_SURNAME,
    ZH_SURNAME,
    PY_GIVEN,
    ZH_GIVEN,
    WEIGHTED.map((w) => w.country),
    WEIGHTED.map((w) => w.code),
    WEIGHTED.map((w) => w.prefix),
    DOMAINS,
    TAGS,
    groupIds,
    LAST.map(ascii),
  ]);
}

async function brandWithGroups(client: pg.Client, slug: string, name: string): Promise<{ id: string; groups: string[] }> {
  await client.query(`INSERT INTO brand (id, slug, name, updated_at) VALUES ($1, $2, $3, now()) ON CONFLICT (slug) DO NOTHING`, [randomUUID(), slug, name]);
  const { rows } = await client.query<{ id: string }>(`SELECT id FROM brand WHERE slug = $1`, [slug]);
  const id = rows[0].id;
  const groups: string[] = [];
  for (const group of GROUPS) {
    await client.query(
      `INSERT INTO customer_group (id, brand_id, name, updated_at) VALUES ($1, $2, $3, now()) ON CONFLICT (brand_id, name) DO NOTHING`,
      [randomUUID(), id, group],
    );
    groups.push((await client.query<{ id: string }>(`SELECT id FROM customer_group WHERE brand_id = $1 AND name = $2`, [id, group])).rows[0].id);
  }
  return { id, groups };
}

/** The bench brands, filled if their row counts are not the ones asked for (or --rebuild). */
export async function prepareData(
  { mainRows: MAIN_ROWS, otherRows: OTHER_ROWS, rebuild: REBUILD }: SeedOptions,
  log: (line: string) => void,
): Promise<{ main: string; other: string; generatedIn: number | null }> {
  await createDatabase(false);
  const count = async () => {
    const client = new pg.Client({ connectionString: BENCH_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ slug: string; name: string; n: string }>(
        `SELECT b.slug, b.name, count(c.id) AS n FROM brand b LEFT JOIN customer c ON c.brand_id = b.id WHERE b.slug IN ('bench-main', 'bench-other') GROUP BY b.slug, b.name`,
      );
      return Object.fromEntries(rows.map((r) => [r.slug, r.name.includes(DATA_VERSION) ? Number(r.n) : -1]));
    } finally {
      await client.end();
    }
  };
  const have = await count();
  let generatedIn: number | null = null;
  if (REBUILD || have["bench-main"] !== MAIN_ROWS || have["bench-other"] !== OTHER_ROWS) {
    log(`generating ${MAIN_ROWS.toLocaleString("en")} + ${OTHER_ROWS.toLocaleString("en")} customers in ${databaseName(BENCH_URL)} …`);
    const started = Date.now();
    await createDatabase(true);
    const client = new pg.Client({ connectionString: BENCH_URL });
    await client.connect();
    try {
      await client.query("SET maintenance_work_mem = '1GB'");
      await client.query("SELECT setseed(0.4242)");
      const main = await brandWithGroups(client, "bench-main", `Bench Main (${DATA_VERSION})`);
      const other = await brandWithGroups(client, "bench-other", `Bench Other (${DATA_VERSION})`);
      // Loading first and indexing after is several times faster than maintaining a dozen indexes per row.
      const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
        `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'customer' AND indexname <> 'customer_pkey'`,
      );
      for (const index of indexes) await client.query(`DROP INDEX ${quoted(index.indexname)}`);
      let t = Date.now();
      await generate(client, main.id, main.groups, MAIN_ROWS);
      await generate(client, other.id, other.groups, OTHER_ROWS);
      log(`  inserted in ${((Date.now() - t) / 1000).toFixed(1)} s`);
      t = Date.now();
      for (const index of indexes) await client.query(index.indexdef);
      log(`  ${indexes.length} indexes built in ${((Date.now() - t) / 1000).toFixed(1)} s`);
      await client.query("VACUUM (ANALYZE) customer");
    } finally {
      await client.end();
    }
    generatedIn = (Date.now() - started) / 1000;
  }
  const client = new pg.Client({ connectionString: BENCH_URL });
  await client.connect();
  try {
    await client.query("ANALYZE customer");
    const { rows } = await client.query<{ slug: string; id: string }>(`SELECT slug, id FROM brand WHERE slug IN ('bench-main', 'bench-other')`);
    const id = (slug: string) => rows.find((r) => r.slug === slug)!.id;
    return { main: id("bench-main"), other: id("bench-other"), generatedIn };
  } finally {
    await client.end();
  }
}
