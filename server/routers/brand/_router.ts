import "server-only";
import { getBrandSettings, removeBrandLogo, setBrandLogo, updateBrandSettings } from "@/server/brands/service";
import { brandProcedure, createTRPCRouter } from "@/server/trpc";
import { ZSetExchangeCredentialsInput, ZSetLogoInput, ZUpdateBrandInput } from "@/lib/brands/schemas";
import {
  clearExchangeCredentials,
  getExchangeCredentials,
  setExchangeCredentials,
  testExchangeConnection,
} from "@/server/brands/exchange-credentials";

export const brandRouter = createTRPCRouter({
  /** The current brand's settings. */
  get: brandProcedure("brand.read").query(({ ctx }) => getBrandSettings(ctx)),
  /** Name, broker code, colours, brand-wide 2FA requirement. */
  update: brandProcedure("brand.manage")
    .input(ZUpdateBrandInput)
    .mutation(({ ctx, input }) => updateBrandSettings(ctx, input)),
  /** Uploads the logo shown in the portal shell (PNG, JPEG or WebP, ≤ 256 KB). */
  setLogo: brandProcedure("brand.manage")
    .input(ZSetLogoInput)
    .mutation(({ ctx, input }) => setBrandLogo(ctx, input)),
  removeLogo: brandProcedure("brand.manage").mutation(({ ctx }) => removeBrandLogo(ctx)),
  /** The brand's OKX key as masked metadata (never the secret or passphrase), and its last test. */
  exchangeCredentials: brandProcedure("brand.read").query(({ ctx }) => getExchangeCredentials(ctx)),
  /** Stores the brand's OKX key, sealed; its exchange calls then go to OKX instead of the simulator. */
  setExchangeCredentials: brandProcedure("brand.manage")
    .input(ZSetExchangeCredentialsInput)
    .mutation(({ ctx, input }) => setExchangeCredentials(ctx, input)),
  /** Forgets the brand's OKX key: back to the built-in simulator. */
  clearExchangeCredentials: brandProcedure("brand.manage").mutation(({ ctx }) => clearExchangeCredentials(ctx)),
  /** Calls one read endpoint with the brand's key and reports the outcome (a failure is a result, not an error). */
  testExchangeConnection: brandProcedure("brand.manage").mutation(({ ctx }) => testExchangeConnection(ctx)),
});
