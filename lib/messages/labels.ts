/**
 * The names customers see for the message types, unless the brand renamed them (brand.message_type_labels).
 * Client-safe: the settings page shows them as placeholders.
 */
import type { MessageType } from "./schemas";
import type { MessageLocale } from "./template";

export type TypeLabels = Partial<Record<MessageType, Partial<Record<MessageLocale, string | undefined>>>>;

export const DEFAULT_TYPE_LABELS: Record<MessageType, Record<MessageLocale, string>> = {
  system: { en: "System", "zh-CN": "系统通知" },
  account: { en: "Account", "zh-CN": "账户通知" },
  marketing: { en: "Offers", "zh-CN": "优惠活动" },
  risk: { en: "Risk", "zh-CN": "风险提示" },
};

/** The brand's name for a type in a language, else the default. */
export function typeLabel(type: MessageType, locale: MessageLocale, brandLabels: TypeLabels | null | undefined): string {
  return brandLabels?.[type]?.[locale] || DEFAULT_TYPE_LABELS[type][locale];
}
