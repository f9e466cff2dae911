/**
 * The demo brands' well-known customers, as plain data: the customers seed (./customers.ts) creates them and
 * the e2e tests find them by name. No imports of server code, so Playwright's loader can read it.
 */
import type { DemoBrandSlug } from "../demo-accounts";

export type Status = "active" | "frozen" | "closed";
export type Source = "web" | "app" | "api" | "backoffice";

export interface DemoCustomer {
  name: string;
  /** Latin-script form of `name` when it is written in another script (printed on sample documents). */
  latinName?: string;
  email: string;
  phoneCountryCode: string | null;
  phone: string | null;
  country: string;
  language: "en" | "zh-CN";
  status: Status;
  statusReason?: string;
  /**
   * The level the customer has reached before the application the comment describes (if any): the KYC
   * seed gives them approved applications up to it. 0 for a closed account (none can be opened for it).
   */
  kycLevel: number;
  group: string | null;
  tags: string[];
  registrationSource: Source;
  registeredDaysAgo: number;
}

/**
 * Well-known customers of each demo brand. The KYC seed (./kyc.ts) opens their applications as the
 * comments say; everyone else is generated.
 */
export const DEMO_CUSTOMERS = {
  aurora: {
    /** Active VIP in China at KYC level 2, tags vip + high-volume: operations finds them with filters and freezes them. */
    liangWei: { name: "Liang Wei", email: "liang.wei@example.com", phoneCountryCode: "+86", phone: "13800138000", country: "CN", language: "zh-CN", status: "active", kycLevel: 2, group: "VIP", tags: ["vip", "high-volume"], registrationSource: "web", registeredDaysAgo: 200 },
    /** Frozen (chargeback dispute): can be unfrozen. */
    emmaClarke: { name: "Emma Clarke", email: "emma.clarke@example.net", phoneCountryCode: "+44", phone: "7700900123", country: "GB", language: "en", status: "frozen", statusReason: "Chargeback dispute on a card deposit", kycLevel: 1, group: "Standard", tags: [], registrationSource: "app", registeredDaysAgo: 150 },
    /** Closed at their request before finishing KYC (level 0): nothing can be changed any more. */
    hiroshiTanaka: { name: "Hiroshi Tanaka", email: "hiroshi.tanaka@example.org", phoneCountryCode: "+81", phone: "9012345678", country: "JP", language: "en", status: "closed", statusReason: "Customer asked to close the account", kycLevel: 0, group: "Standard", tags: ["dormant"], registrationSource: "web", registeredDaysAgo: 320 },
    /** Level 1 (open trading account) submitted 2 hours ago with all documents: compliance claims and approves it. */
    linMei: { name: "Lin Mei", email: "lin.mei@example.com", phoneCountryCode: "+65", phone: "91234567", country: "SG", language: "en", status: "active", kycLevel: 0, group: "Standard", tags: [], registrationSource: "web", registeredDaysAgo: 3 },
    /** Level 1 submitted 5 hours ago. */
    oliverBennett: { name: "Oliver Bennett", email: "oliver.bennett@example.net", phoneCountryCode: "+44", phone: "7700900456", country: "GB", language: "en", status: "active", kycLevel: 0, group: "Standard", tags: ["referral"], registrationSource: "app", registeredDaysAgo: 6 },
    /** Level 3 corporate account submitted 8 hours ago: two different reviewers must approve it. */
    aishaRahman: { name: "Aisha Rahman", email: "aisha.rahman@example.com", phoneCountryCode: "+65", phone: "81234567", country: "SG", language: "en", status: "active", kycLevel: 1, group: "Institutional", tags: ["api-trader"], registrationSource: "api", registeredDaysAgo: 40 },
    /** Level 3 high-value, first-approved by compliance@aurora.demo: waits for compliance2@aurora.demo. */
    noahFischer: { name: "Noah Fischer", email: "noah.fischer@example.org", phoneCountryCode: "+49", phone: "15123456789", country: "DE", language: "en", status: "active", kycLevel: 2, group: "VIP", tags: ["vip", "high-volume"], registrationSource: "web", registeredDaysAgo: 260 },
    /** Level 2 (withdrawal) in review, claimed by compliance@aurora.demo. */
    priyaNair: { name: "Priya Nair", email: "priya.nair@example.com", phoneCountryCode: "+91", phone: "9812345678", country: "IN", language: "en", status: "active", kycLevel: 1, group: "Standard", tags: [], registrationSource: "app", registeredDaysAgo: 95 },
    /** Level 2: more information requested (proof of address too old). */
    carlosMendes: { name: "Carlos Mendes", email: "carlos.mendes@example.net", phoneCountryCode: "+55", phone: "11912345678", country: "BR", language: "en", status: "active", kycLevel: 1, group: "Standard", tags: ["copy-trader"], registrationSource: "app", registeredDaysAgo: 70 },
    /** Level 1 resubmitted after a request for a selfie: back in the queue. */
    sofiaRossi: { name: "Sofia Rossi", email: "sofia.rossi@example.org", phoneCountryCode: "+39", phone: "3471234567", country: "IT", language: "en", status: "active", kycLevel: 0, group: null, tags: [], registrationSource: "web", registeredDaysAgo: 9 },
    /** Level 2 (withdrawal) submitted 30 hours ago: over the 24-hour SLA. */
    chenJie: { name: "陈杰", latinName: "Chen Jie", email: "chen.jie@example.com", phoneCountryCode: "+86", phone: "13912345678", country: "CN", language: "zh-CN", status: "active", kycLevel: 1, group: "Standard", tags: ["promo-2026"], registrationSource: "app", registeredDaysAgo: 120 },
    /** Level 2 submitted 52 hours ago: over SLA. */
    fatimaZahra: { name: "Fatima Zahra", email: "fatima.zahra@example.net", phoneCountryCode: "+971", phone: "501234567", country: "AE", language: "en", status: "active", kycLevel: 1, group: "VIP", tags: ["vip"], registrationSource: "web", registeredDaysAgo: 180 },
    /** Level 2 (withdrawal) submitted 12 hours ago. */
    kimMinjun: { name: "Kim Min-jun", email: "minjun.kim@example.org", phoneCountryCode: "+82", phone: "1012345678", country: "KR", language: "en", status: "active", kycLevel: 1, group: "Standard", tags: [], registrationSource: "app", registeredDaysAgo: 60 },
  },
  borealis: {
    /** Same name as Aurora's Liang Wei, another person and email: never listed in Aurora. */
    liangWei: { name: "Liang Wei", email: "liang.wei@example.org", phoneCountryCode: "+86", phone: "13700137000", country: "CN", language: "zh-CN", status: "active", kycLevel: 1, group: "Standard", tags: [], registrationSource: "app", registeredDaysAgo: 90 },
    /** Level 1 submitted 3 hours ago. */
    mateoGarcia: { name: "Mateo García", email: "mateo.garcia@example.com", phoneCountryCode: "+34", phone: "612345678", country: "ES", language: "en", status: "active", kycLevel: 0, group: "Standard", tags: [], registrationSource: "web", registeredDaysAgo: 4 },
    /** Level 2 (withdrawal) submitted 40 hours ago: over SLA. */
    yukiSato: { name: "Yuki Sato", email: "yuki.sato@example.net", phoneCountryCode: "+81", phone: "8012345678", country: "JP", language: "en", status: "active", kycLevel: 1, group: "Standard", tags: [], registrationSource: "app", registeredDaysAgo: 75 },
    /** Level 3 high-value, first-approved by compliance@borealis.demo: waits for compliance2@borealis.demo. */
    ingridLarsen: { name: "Ingrid Larsen", email: "ingrid.larsen@example.com", phoneCountryCode: "+31", phone: "612345678", country: "NL", language: "en", status: "active", kycLevel: 2, group: "VIP", tags: ["vip"], registrationSource: "web", registeredDaysAgo: 210 },
    /** Level 1 in review, claimed by compliance2@borealis.demo. */
    tomBecker: { name: "Tom Becker", email: "tom.becker@example.org", phoneCountryCode: "+49", phone: "17012345678", country: "DE", language: "en", status: "active", kycLevel: 0, group: null, tags: [], registrationSource: "app", registeredDaysAgo: 12 },
    /** Level 2: more information requested. */
    nadiaPetrova: { name: "Nadia Petrova", email: "nadia.petrova@example.net", phoneCountryCode: "+359", phone: "881234567", country: "BG", language: "en", status: "active", kycLevel: 1, group: "Standard", tags: [], registrationSource: "web", registeredDaysAgo: 50 },
  },
} as const satisfies Record<DemoBrandSlug, Record<string, DemoCustomer>>;
