/** Types of ./client-address.mjs (plain JavaScript so the production server runs it without a compiler). */
import type { BlockList } from "node:net";

export function trustedProxies(spec: string | undefined): BlockList;
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trusted: BlockList): string | null;
