/**
 * Rebates: FD rebate files and if-rebate (seed 001), their ND twins, DMA trading files and the affiliate
 * if-rebate (OKX's broker docs), and ND rebate-daily. A requested file is "ongoing" for rebateDelayMs, then
 * "finished" with a link to the simulator (files.ts): FD valid 2 hours, DMA 9.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { DMA_TRADES_MAX_DAYS } from "../../okx/params";
import { paramEmpty } from "../errors";
import type { RebateFile } from "../model";
import { commissionOf, dayTotals, TraderBook } from "../dma-fills";
import { Rng, hash32, units } from "../random";
import { checkExclusiveRange, checkRange, dateMs, isBrokerType, isDate, isLimit, isPage, isTrueFalse, msDate, optional, parse, required } from "../validation";
import { type Handler, type HandlerContext, pageOf } from "./context";
import { fileLink } from "./files";

const DAY = 86_400_000;

/** FD and ND take brokerType and an inclusive end day; DMA neither, and an exclusive end at most 180 days on. */
const takesBrokerType = (scope: RebateFile["scope"]) => scope !== "dma";
/** DMA calls document no brokerType: ignored there, like any unknown parameter. */
const brokerTypeCheck = (scope: RebateFile["scope"]) => (takesBrokerType(scope) ? isBrokerType : () => true);
const checkRequestRange = (scope: RebateFile["scope"], begin: string, end: string) =>
  scope === "dma" ? checkExclusiveRange(begin, end, DMA_TRADES_MAX_DAYS) : checkRange(begin, end);

/**
 * POST broker/fd/rebate-per-orders, its ND twin, broker/dma/trades: result "true" when that range was
 * already requested (ts = that first request), else "false" and the file starts generating.
 */
const createFile =
  (scope: RebateFile["scope"]): Handler =>
  ({ params, store, config, now }) => {
    const p = parse(params, { begin: required(isDate), end: required(isDate), brokerType: optional(brokerTypeCheck(scope)) });
    checkRequestRange(scope, p.begin, p.end);
    const brokerType = takesBrokerType(scope) ? (p.brokerType ?? "") : "";
    const existing = store.rebateFiles.find((f) => f.scope === scope && f.begin === p.begin && f.end === p.end && f.brokerType === brokerType);
    if (existing) return [{ result: "true", ts: String(existing.cTime) }];
    // Random, not drawn from the account's seed: two accounts generated from one seed would otherwise hand
    // out the same ids, and a link would serve the other account's file.
    const id = randomBytes(12).toString("hex");
    store.rebateFiles.push({ id, scope, begin: p.begin, end: p.end, brokerType, cTime: now, readyAt: now + config.rebateDelayMs });
    store.changed();
    return [{ result: "false", ts: String(now) }];
  };

/**
 * GET broker/fd/rebate-per-orders (and twins, and broker/dma/rebate-per-orders): type=true → every request
 * made; type=false → those matching begin/end, which the docs describe as link-generation dates — a request
 * matches when it was made in that window or its data range overlaps it, so either reading finds it. Each
 * call signs a fresh link.
 */
const getFiles =
  (scope: RebateFile["scope"]): Handler =>
  ({ params, store, config, now, baseUrl }) => {
    const p = parse(params, { type: required(isTrueFalse), begin: optional(isDate), end: optional(isDate), brokerType: optional(brokerTypeCheck(scope)) });
    let files = store.rebateFiles.filter((f) => f.scope === scope && (!p.brokerType || !takesBrokerType(scope) || f.brokerType === p.brokerType));
    if (p.type === "false") {
      if (!p.begin) throw paramEmpty("begin");
      if (!p.end) throw paramEmpty("end");
      checkRange(p.begin, p.end);
      const from = dateMs(p.begin);
      const to = dateMs(p.end) + DAY;
      // A DMA file's data ends at its end day's 00:00; an FD file's the day after.
      const dataEnd = (f: RebateFile) => dateMs(f.end) + (f.scope === "dma" ? 0 : DAY);
      files = files.filter((f) => (f.cTime >= from && f.cTime < to) || (dateMs(f.begin) < to && dataEnd(f) > from));
    }
    return [...files]
      .sort((a, b) => b.cTime - a.cTime)
      .map((f) => {
        const finished = now >= f.readyAt;
        return {
          beginTime: String(dateMs(f.begin)),
          cTime: String(f.cTime),
          endTime: String(dateMs(f.end)),
          fileHref: finished ? fileLink(config, baseUrl, f, now) : "",
          state: finished ? "finished" : "ongoing",
          // The link's generation time; while ongoing (no link yet) the request time, never "".
          ts: String(finished ? now : f.cTime),
        };
      });
  };

export const createFdRebateFile = createFile("fd");
export const getFdRebateFile = getFiles("fd");
export const createNdRebateFile = createFile("nd");
export const getNdRebateFile = getFiles("nd");
export const createDmaTradesFile = createFile("dma");
export const getDmaTradesFile = getFiles("dma");

/**
 * GET broker/fd/if-rebate: a stable answer per apiKey. type 0 can rebate, 1 broker expired, 2 VIP4/5 at
 * the monthly cap (only then lastRebate is set), 3 VIP6+. `affiliated` is a boolean, as in the seed's example.
 */
export const ifRebate: Handler = ({ params, store, config }) => {
  const p = parse(params, { apiKey: required(), brokerType: optional(isBrokerType) });
  const rng = new Rng(hash32(`${config.seed}|if-rebate|${p.apiKey}`));
  const own = store.apiKeys.has(p.apiKey);
  const type = own ? "0" : rng.weighted([["0", 80], ["1", 5], ["2", 8], ["3", 7]] as const);
  return [
    {
      affiliated: rng.bool(0.2),
      brokerCode: store.meta.brokerCode,
      type,
      clientRebateRatio: type === "0" ? rng.pick(["0", "0.1", "0.2"]) : "0",
      lastRebate: type === "2" ? units(rng.int(100_00, 5_000_00), 2) : "",
    },
  ];
};

/**
 * GET users/partner/if-rebate (affiliate): a stable answer per apiKey. The account's own sub-account keys
 * are invitees earning a rebate (type 0); any other key draws type 0 (rebate), 2 (no invitation
 * relationship — result false) or 4 (VIP6 or above). Type 1 (the caller is no affiliate) never comes:
 * every simulated account is one.
 */
export const partnerIfRebate: Handler = ({ params, store, config }) => {
  const p = parse(params, { apiKey: required() });
  if (store.apiKeys.has(p.apiKey)) return [{ result: true, type: "0" }];
  const type = new Rng(hash32(`${config.seed}|partner-if-rebate|${p.apiKey}`)).weighted([["0", 70], ["2", 20], ["4", 10]] as const);
  return [{ result: type !== "2", type }];
};

/**
 * GET broker/nd/rebate-daily: one row per sub-account per UTC day it traded, newest day first (sub-accounts
 * in list order within a day), summed from the same fills the DMA trading details list (../dma-fills.ts):
 * vol = Σ amt, totalCommission = REBATE_SHARE (30 %) of Σ |fee|, 8 decimals. begin/end (inclusive)
 * default to the last 30 days; days that have not begun are empty. An adjustment set through POST
 * /sim/admin/rebate-daily is added to its day (tests of reconciliation). The seed does not document this
 * endpoint; the shape follows OKX's ND docs: data[0] = {page, totalPage, totalCommission, details[]}, the
 * total over every page.
 */
export const rebateDaily: Handler = ({ params, store, config, now }: HandlerContext) => {
  const p = parse(params, { subAcct: optional(), begin: optional(isDate), end: optional(isDate), page: optional(isPage), limit: optional(isLimit) });
  const end = p.end ?? msDate(now);
  const begin = p.begin ?? msDate(dateMs(end) - 29 * DAY);
  checkRange(begin, end);
  const listed = [...store.subaccounts.values()];
  const subs = p.subAcct ? listed.filter((s) => s.subAcct === p.subAcct) : listed;
  const book = new TraderBook(listed);
  const rows: { subAcct: string; uid: string; label: string; level: string; asset: string; vol: string; totalCommission: string; ts: string }[] = [];
  let total = 0n;
  for (let day = dateMs(end); day >= dateMs(begin); day -= DAY) {
    if (day > now) continue;
    const sums = new Map([...dayTotals(store.meta.seed, day, book, config.dmaRowsPerDay)].map(([sub, t]) => [sub, { vol: t.cents * 1_000_000n, commission: commissionOf(t.absFee) }]));
    const adjustment = store.rebateDailyAdjustments.get(msDate(day));
    if (adjustment) {
      const target = adjustment.subAcct ?? listed.find((s) => sums.has(s.subAcct))?.subAcct ?? listed[0]?.subAcct;
      if (target) {
        const sum = sums.get(target) ?? { vol: 0n, commission: 0n };
        sums.set(target, { vol: sum.vol + adjustment.vol, commission: sum.commission + adjustment.commission });
      }
    }
    for (const s of subs) {
      const sum = sums.get(s.subAcct);
      if (!sum) continue;
      total += sum.commission;
      rows.push({ subAcct: s.subAcct, uid: s.uid, label: s.label, level: s.level, asset: "USDT", vol: units(sum.vol, 8), totalCommission: units(sum.commission, 8), ts: String(day) });
    }
  }
  return [pageOf(rows, p.page, p.limit, { totalCommission: units(total, 8) })];
};
