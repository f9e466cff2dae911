/** Sub-account API keys: create and list (DMA, seed 001), modify and delete (ND). */
import "server-only";
import { paramError } from "../errors";
import { newApiKeyId, newSecretKey } from "../generate";
import type { ApiKeyRecord } from "../model";
import type { SimStore } from "../store";
import { isIpList, isLabel, isPassphrase, isPermList, normalizeIps, normalizePerm, optional, parse, required } from "../validation";
import { type Handler, subaccountOrThrow } from "./context";

/** OKX's limit of API keys per (sub-)account; the seed has no code for it, so 51000 naming subAcct. */
const MAX_KEYS = 50;

/** POST broker/dma/subaccount/apikey: answers the secret key once, as OKX does. */
export const createApiKey: Handler = ({ params, store, now }) => {
  const p = parse(params, {
    subAcct: required(),
    label: required(isLabel),
    passphrase: required(isPassphrase),
    ip: optional(isIpList),
    perm: optional(isPermList),
  });
  subaccountOrThrow(store, p.subAcct);
  if ([...store.apiKeys.values()].filter((k) => k.subAcct === p.subAcct).length >= MAX_KEYS) throw paramError("subAcct");
  const rng = store.rng();
  const rec: ApiKeyRecord = {
    subAcct: p.subAcct,
    apiKey: newApiKeyId(rng),
    secretKey: newSecretKey(rng),
    passphrase: p.passphrase,
    label: p.label,
    perm: normalizePerm(p.perm),
    ip: normalizeIps(p.ip),
    ts: String(now),
  };
  store.apiKeys.set(rec.apiKey, rec);
  store.changed();
  return [{ subAcct: rec.subAcct, label: rec.label, apiKey: rec.apiKey, secretKey: rec.secretKey, passphrase: rec.passphrase, perm: rec.perm, ip: rec.ip, ts: rec.ts }];
};

/** GET broker/dma/subaccount/apikey: an unknown `apiKey` filter gives []. */
export const getApiKeys: Handler = ({ params, store }) => {
  const p = parse(params, { subAcct: required(), apiKey: optional() });
  subaccountOrThrow(store, p.subAcct);
  return [...store.apiKeys.values()]
    .filter((k) => k.subAcct === p.subAcct && (!p.apiKey || k.apiKey === p.apiKey))
    .map((k) => ({ label: k.label, apiKey: k.apiKey, perm: k.perm, ip: k.ip, ts: k.ts }));
};

function keyOf(store: SimStore, subAcct: string, apiKey: string): ApiKeyRecord {
  subaccountOrThrow(store, subAcct);
  const rec = store.apiKeys.get(apiKey);
  if (!rec || rec.subAcct !== subAcct) throw paramError("apiKey");
  return rec;
}

/** POST broker/nd/subaccount/modify-apikey: given label/perm/ip replace the old ones. */
export const modifyApiKey: Handler = ({ params, store }) => {
  const p = parse(params, { subAcct: required(), apiKey: required(), label: optional(isLabel), perm: optional(isPermList), ip: optional(isIpList) });
  const rec = keyOf(store, p.subAcct, p.apiKey);
  if (p.label !== undefined) rec.label = p.label;
  if (p.perm !== undefined) rec.perm = normalizePerm(p.perm);
  if (p.ip !== undefined) rec.ip = normalizeIps(p.ip);
  store.changed();
  return [{ subAcct: rec.subAcct, label: rec.label, apiKey: rec.apiKey, perm: rec.perm, ip: rec.ip, ts: rec.ts }];
};

/** POST broker/nd/subaccount/delete-apikey. */
export const deleteApiKey: Handler = ({ params, store }) => {
  const p = parse(params, { subAcct: required(), apiKey: required() });
  keyOf(store, p.subAcct, p.apiKey);
  store.apiKeys.delete(p.apiKey);
  store.changed();
  return [{ subAcct: p.subAcct }];
};
