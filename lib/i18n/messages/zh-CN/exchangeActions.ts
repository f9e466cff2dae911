import type { Dict } from "..";
import type { exchangeActions as en } from "../en/exchangeActions";

export const exchangeActions: Dict<typeof en> = {
  errors: {
    readFailed: "无法读取交易所的挂单或持仓（{code} {msg}）",
  },
  actions: {
    cancelOrder: {
      button: "撤单",
      title: "撤销订单 {ordId}",
      body: "将在交易所撤销该订单，已成交部分不受影响。",
      confirm: "撤销订单",
    },
    cancelAllOrders: {
      button: "全部撤单",
      title: "撤销全部挂单",
      body: "将在交易所按交易产品分批撤销下列全部挂单，已成交部分不受影响。",
      confirm: "全部撤单",
    },
    closePosition: {
      button: "平仓",
      title: "平仓 {instId}",
      body: "将在交易所以市价平掉该仓位，并先撤销该仓位的挂单。",
      confirm: "市价平仓",
    },
    closeAllPositions: {
      button: "全部平仓",
      title: "平掉全部仓位",
      body: "将在交易所逐个以市价平掉下列全部仓位，并先撤销其挂单。",
      confirm: "全部平仓",
    },
  },
  preview: {
    loading: "正在读取交易所…",
    readAt: "以上为交易所在 {time} 列出的数据。",
    noOrders: "交易所此处没有挂单，无需撤单。",
    noPositions: "交易所此处没有持仓，无需平仓。",
    total: "估算名义价值：{value}",
    ordersCaption: "将被撤销的订单",
    positionsCaption: "将被平掉的仓位",
    skippedTitle: "无法操作的子账户",
    refusedTitle: "目前无法执行",
    columns: {
      subAcct: "子账户",
      instId: "交易产品",
      side: "方向",
      type: "类型",
      price: "价格",
      size: "数量",
      remaining: "未成交",
      notional: "估算名义价值",
      mgnMode: "保证金模式",
      posSide: "持仓方向",
      position: "持仓量",
      avgPx: "开仓均价",
      markPx: "标记价格",
      upl: "未实现盈亏",
    },
    market: "市价",
  },
  reason: {
    label: "原因",
    placeholder: "操作原因（记录在审计日志中）",
    invalid: "请填写原因（至少 3 个字符）",
  },
  results: {
    title: "交易所返回结果",
    summary: "成功 {done} · 失败 {failed} · 结果不明 {unknown} · 已不存在 {not_open}",
    refused: "交易所拒绝了请求或无法连接",
    status: {
      done: "成功",
      failed: "失败",
      unknown: "结果不明",
      not_open: "已不存在",
    },
    checked: "交易所应答不明确（{code}），已重新读取交易所实时状态，未重复发送。",
    columns: { item: "订单 / 仓位", outcome: "结果", code: "代码", message: "交易所消息" },
    close: "完成",
  },
  sides: { buy: "买入", sell: "卖出", long: "多", short: "空", net: "净持仓" },
  mgnModes: { cross: "全仓", isolated: "逐仓" },
};
