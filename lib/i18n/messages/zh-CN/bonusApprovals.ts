import type { Dict } from "../index";
import type { bonusApprovals as en } from "../en/bonusApprovals";

export const bonusApprovals: Dict<typeof en> = {
  kinds: {
    grant: "赠金发放",
    batch: "CSV 上传",
    campaign: "活动",
  },
  titles: {
    grant: "向{customer}发放 {amount} {currency}",
    batch: "上传 {file}：{count} 笔发放，共 {amount} {currency}",
    campaign: "活动 {name}，预算 {amount} {currency}",
  },
  inInbox: "等待审批 — 查看审批",
  batchWaiting: "上传已提交，等待管理员审批",
};
