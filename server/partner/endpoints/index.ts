/** Every partner endpoint, in the order the reference lists them. A domain adds its list here. */
import "server-only";
import type { PartnerEndpoint } from "../registry";
import { announcementEndpoints } from "./announcements";
import { customerEndpoints } from "./customers";
import { exchangeAccountEndpoints } from "./exchange-accounts";
import { fundEndpoints } from "./funds";
import { messageEndpoints } from "./messages";
import { rebateEndpoints } from "./rebates";
import { referenceEndpoints } from "./reference";
import { withdrawalEndpoints } from "./withdrawals";
import { tradingEndpoints } from "./trading";

export const PARTNER_ENDPOINTS: readonly PartnerEndpoint[] = [...customerEndpoints, ...fundEndpoints, ...messageEndpoints, ...announcementEndpoints, ...rebateEndpoints, ...tradingEndpoints, ...exchangeAccountEndpoints, ...withdrawalEndpoints, ...referenceEndpoints];
