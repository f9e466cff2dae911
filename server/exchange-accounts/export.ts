/**
 * CSV exports of the synced exchange data: the brand's positions and open orders (the pages' filters) and
 * a customer's fills and bills (the tab's filters). Decimals are the stored exact values.
 */
import "server-only";
import { defineExporter, exportColumns } from "../export/exporter";
import { ZBillListInput, ZFillListInput, ZOpenOrderListInput, ZPositionListInput } from "@/lib/exchange-accounts/schemas";
import type { BillRow, FillRow, OpenOrderRow, PositionRow } from "@/lib/exchange-accounts/types";
import { iterateBills, iterateFills, iterateOpenOrders, iteratePositions } from "./lists";

const k = "exchangeAccounts.columns";

const p = exportColumns<PositionRow>();
export const exchangePositionsExporter = defineExporter({
  permission: "exchange.read",
  schema: ZPositionListInput,
  rows: iteratePositions,
  columns: [
    p.digits("customer_uid", `${k}.customerUid`, (r) => r.customerUid),
    p.col("customer_name", `${k}.customer`, (r) => r.customerName),
    p.col("sub_account", `${k}.subAcct`, (r) => r.subAcct),
    p.col("inst_type", `${k}.instType`, (r) => r.instType),
    p.col("inst_id", `${k}.instId`, (r) => r.instId),
    ...p.coded("direction", `${k}.direction`, (r) => r.direction, (c) => `exchangeAccounts.directions.${c}`),
    p.col("pos_side", `${k}.side`, (r) => r.posSide),
    p.col("margin_mode", `${k}.mgnMode`, (r) => r.mgnMode),
    p.col("size", `${k}.size`, (r) => r.pos),
    p.col("avg_px", `${k}.avgPx`, (r) => r.avgPx),
    p.col("mark_px", `${k}.markPx`, (r) => r.markPx),
    p.col("upl", `${k}.upl`, (r) => r.upl),
    p.col("upl_ratio", `${k}.uplRatio`, (r) => r.uplRatio),
    p.col("leverage", `${k}.lever`, (r) => r.lever),
    p.col("margin_ratio", `${k}.mgnRatio`, (r) => r.mgnRatio),
    p.col("liq_px", `${k}.liqPx`, (r) => r.liqPx),
    p.col("exposure_usd", `${k}.exposure`, (r) => r.exposureUsd),
    p.col("updated_at", `${k}.updated`, (r) => r.exchangeUpdatedAt),
    p.col("synced_at", `${k}.synced`, (r) => r.syncedAt),
    p.id("subaccount_id", (r) => r.subaccountId),
  ],
});

const o = exportColumns<OpenOrderRow>();
export const exchangeOpenOrdersExporter = defineExporter({
  permission: "exchange.read",
  schema: ZOpenOrderListInput,
  rows: iterateOpenOrders,
  columns: [
    o.col("created_at", `${k}.created`, (r) => r.exchangeCreatedAt),
    o.digits("customer_uid", `${k}.customerUid`, (r) => r.customerUid),
    o.col("customer_name", `${k}.customer`, (r) => r.customerName),
    o.col("sub_account", `${k}.subAcct`, (r) => r.subAcct),
    o.digits("ord_id", `${k}.ordId`, (r) => r.ordId),
    o.col("inst_type", `${k}.instType`, (r) => r.instType),
    o.col("inst_id", `${k}.instId`, (r) => r.instId),
    o.col("side", `${k}.side`, (r) => r.side),
    o.col("ord_type", `${k}.ordType`, (r) => r.ordType),
    o.col("px", `${k}.px`, (r) => r.px),
    o.col("size", `${k}.size`, (r) => r.sz),
    o.col("filled", `${k}.filled`, (r) => r.accFillSz),
    o.col("state", `${k}.state`, (r) => r.state),
    o.col("synced_at", `${k}.synced`, (r) => r.syncedAt),
    o.id("subaccount_id", (r) => r.subaccountId),
  ],
});

const f = exportColumns<FillRow>();
export const exchangeFillsExporter = defineExporter({
  permission: "exchange.read",
  schema: ZFillListInput,
  rows: iterateFills,
  columns: [
    f.col("time", `${k}.time`, (r) => r.ts),
    f.col("sub_account", `${k}.subAcct`, (r) => r.subAcct),
    f.col("inst_id", `${k}.instId`, (r) => r.instId),
    f.col("side", `${k}.side`, (r) => r.side),
    f.col("fill_px", `${k}.fillPx`, (r) => r.fillPx),
    f.col("fill_sz", `${k}.fillSz`, (r) => r.fillSz),
    f.col("role", `${k}.role`, (r) => r.execType),
    f.col("fee", `${k}.fee`, (r) => r.fee),
    f.col("fee_ccy", `${k}.feeCcy`, (r) => r.feeCcy),
    f.digits("ord_id", `${k}.ordId`, (r) => r.ordId),
    f.digits("trade_id", `${k}.tradeId`, (r) => r.tradeId),
    f.digits("bill_id", `${k}.billId`, (r) => r.billId),
  ],
});

const b = exportColumns<BillRow>();
export const exchangeBillsExporter = defineExporter({
  permission: "exchange.read",
  schema: ZBillListInput,
  rows: iterateBills,
  columns: [
    b.col("time", `${k}.time`, (r) => r.ts),
    b.col("sub_account", `${k}.subAcct`, (r) => r.subAcct),
    b.col("ccy", `${k}.ccy`, (r) => r.ccy),
    b.col("change", `${k}.balChg`, (r) => r.balChg),
    b.col("balance", `${k}.bal`, (r) => r.bal),
    b.col("type", `${k}.type`, (r) => r.type),
    b.col("inst_id", `${k}.instId`, (r) => r.instId),
    b.col("pnl", `${k}.pnl`, (r) => r.pnl),
    b.col("fee", `${k}.fee`, (r) => r.fee),
    b.digits("ord_id", `${k}.ordId`, (r) => r.ordId),
    b.digits("bill_id", `${k}.billId`, (r) => r.billId),
  ],
});
