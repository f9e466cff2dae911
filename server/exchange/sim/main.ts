/**
 * `npm run okx-sim`: the OKX-compatible simulator on 127.0.0.1:$OKX_SIM_PORT (default 8787), configured
 * by OKX_SIM_* variables (config.ts). Prints where it listens and the key to use; the secret and the
 * passphrase are printed only while they are the built-in development values (public in the source).
 */
import "server-only";
import "../../load-env";
import { DEFAULT_OKX_SIM_PASSPHRASE, DEFAULT_OKX_SIM_SECRET_KEY } from "../../env-defaults";
import { optionsFromEnv, resolveConfig } from "./config";
import { createSimulator } from "./server";

async function main() {
  const config = resolveConfig(optionsFromEnv());
  const sim = await createSimulator(config);
  const shown = (value: string, builtIn: string, variable: string) => (value === builtIn ? value : `(set by ${variable})`);
  config.log(`listening on ${sim.url}  (data: ${sim.dataDir})`);
  config.log(`${config.mode} key  OK-ACCESS-KEY=${config.apiKey}`);
  config.log(`           secret=${shown(config.secretKey, DEFAULT_OKX_SIM_SECRET_KEY, "OKX_SIM_SECRET_KEY")}`);
  config.log(`           passphrase=${shown(config.passphrase, DEFAULT_OKX_SIM_PASSPHRASE, "OKX_SIM_PASSPHRASE")}`);
  config.log(
    config.mode === "demo" ? "send x-simulated-trading: 1 with every private request (a demo key)" : "live key: do not send x-simulated-trading: 1",
  );
  config.log(`rate limits ${config.rateLimits ? "on" : "OFF"}; admin: ${sim.url}/sim/admin/stats`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    config.log(`${signal}: saving state and stopping`);
    sim.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((e: unknown) => {
  console.error(`[okx-sim] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
