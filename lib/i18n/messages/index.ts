/**
 * Dictionaries, one file per namespace and locale. Add a namespace by writing
 * `en/<ns>.ts` (exporting `const <ns> = {...} as const`) and `zh-CN/<ns>.ts` (typed `Dict<typeof en.<ns>>`),
 * then listing it in both objects below.
 */
import { common as enCommon } from "./en/common";
import { common as zhCommon } from "./zh-CN/common";

export const en = { common: enCommon };

/** Same shape as English, every leaf a string. */
export type Dict<T> = { [K in keyof T]: T[K] extends string ? string : Dict<T[K]> };
export type Messages = typeof en;

const zhCN: Dict<Messages> = { common: zhCommon };

export const messages = { en, "zh-CN": zhCN } as const;
