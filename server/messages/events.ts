/**
 * Automatic messages: the events the product already has that a customer hears about. Each event has a
 * type, the variables it fills and a default text in every language; a brand edits the text or switches
 * the event off on the templates page (a `message_template` row with that `event`).
 *
 * A domain calls `queueAutomaticMessage` (queue.ts) inside its own transaction, so the message exists exactly when
 * the event committed; it is one row (the dispatcher job sends it within seconds), unique per brand, event
 * and record, so an event seen twice — a retried job, a sync re-reading a deposit — is told once.
 */
import "server-only";
import type { MessageType } from "@/lib/messages/schemas";
import type { MessageContent } from "@/lib/messages/template";

export interface AutomaticEvent {
  type: MessageType;
  /** Variables the event fills, besides the customer's own ({{name}}, {{uid}}). */
  variables: readonly string[];
  defaults: Required<MessageContent>;
}

export const AUTOMATIC_EVENTS = {
  "kyc.approved": {
    type: "account",
    variables: ["level"],
    defaults: {
      en: { title: "Identity verified", body: "Hello {{name}}, your identity verification is approved. Your account is now at level {{level}}." },
      "zh-CN": { title: "身份认证已通过", body: "{{name}}，您好：您的身份认证已通过，账户认证等级现为 {{level}} 级。" },
    },
  },
  "kyc.rejected": {
    type: "account",
    variables: ["reason"],
    defaults: {
      en: { title: "Identity verification not approved", body: "Hello {{name}}, we could not approve your identity verification: {{reason}}." },
      "zh-CN": { title: "身份认证未通过", body: "{{name}}，您好：您的身份认证未能通过，原因：{{reason}}。" },
    },
  },
  "kyc.more_info": {
    type: "account",
    variables: ["note"],
    defaults: {
      en: { title: "More information needed", body: "Hello {{name}}, we need more information to finish verifying your identity: {{note}}" },
      "zh-CN": { title: "需要补充资料", body: "{{name}}，您好：完成身份认证还需要补充资料：{{note}}" },
    },
  },
  "bonus.credited": {
    type: "account",
    variables: ["amount"],
    defaults: {
      en: { title: "Bonus credited", body: "Hello {{name}}, a bonus of {{amount}} has been credited to your account." },
      "zh-CN": { title: "赠金已到账", body: "{{name}}，您好：{{amount}} 赠金已存入您的账户。" },
    },
  },
  "bonus.expiring": {
    type: "marketing",
    variables: ["amount", "expiresAt"],
    defaults: {
      en: { title: "Your bonus expires soon", body: "Hello {{name}}, {{amount}} of bonus credit expires on {{expiresAt}}. Use it before then." },
      "zh-CN": { title: "赠金即将到期", body: "{{name}}，您好：您的 {{amount}} 赠金将于 {{expiresAt}} 到期，请在此之前使用。" },
    },
  },
  "fund_lock.applied": {
    type: "risk",
    variables: ["direction"],
    defaults: {
      en: { title: "Transfers restricted", body: "Hello {{name}}, {{direction}} on one of your trading accounts are restricted for now. Contact support for details." },
      "zh-CN": { title: "资金划转受限", body: "{{name}}，您好：您的一个交易账户暂时限制{{direction}}。详情请联系客服。" },
    },
  },
  "fund_lock.released": {
    type: "risk",
    variables: ["direction"],
    defaults: {
      en: { title: "Transfer restriction lifted", body: "Hello {{name}}, {{direction}} on your trading account are possible again." },
      "zh-CN": { title: "资金划转限制已解除", body: "{{name}}，您好：您的交易账户已恢复{{direction}}。" },
    },
  },
  "deposit.credited": {
    type: "account",
    variables: ["amount"],
    defaults: {
      en: { title: "Deposit credited", body: "Hello {{name}}, your deposit of {{amount}} has been credited." },
      "zh-CN": { title: "充值已到账", body: "{{name}}，您好：您充值的 {{amount}} 已到账。" },
    },
  },
} as const satisfies Record<string, AutomaticEvent>;

export type AutomaticEventKey = keyof typeof AUTOMATIC_EVENTS;
export const AUTOMATIC_EVENT_KEYS = Object.keys(AUTOMATIC_EVENTS) as AutomaticEventKey[];
export const isAutomaticEvent = (key: string): key is AutomaticEventKey => key in AUTOMATIC_EVENTS;

/** Words for a fund lock's direction in a sentence ("transfers in"). */
export const DIRECTION_WORDS = {
  transfer_in: { en: "transfers in", "zh-CN": "转入" },
  transfer_out: { en: "transfers out", "zh-CN": "转出" },
  both: { en: "transfers in and out", "zh-CN": "转入和转出" },
} as const;
