/**
 * Complete, runnable examples of a signed partner request in curl, Python and TypeScript: each registers a
 * customer (POST, with an Idempotency-Key) and then lists customers (GET with a query string), reading the
 * key from BD_ACCESS_KEY / BD_SECRET and the portal's address from BD_BASE. They sign exactly what
 * lib/partner-api/signing.ts verifies: timestamp + METHOD + path with query + the body's bytes, HMAC-SHA256
 * in base64. The e2e spec runs all three against the app, so they cannot drift from the server.
 */
import { HEADERS } from "@/lib/partner-api/signing";

export type ExampleLanguage = "curl" | "python" | "typescript";

/** The example customer; the e2e run swaps the email for a unique one. */
export const EXAMPLE_EMAIL = "lin.wei@example.com";
const BODY = `{"name":"Lin Wei","email":"${EXAMPLE_EMAIL}","country":"SG"}`;

const curl = (base: string) => `#!/usr/bin/env bash
# Needs bash, curl, openssl and GNU date (on macOS: brew install coreutils, then use gdate).
set -euo pipefail
BASE="\${BD_BASE:-${base}}"

# call METHOD REQUEST_PATH [BODY]: signs one request and sends it
call() {
  local method="$1" request_path="$2" body="\${3:-}"
  # ISO-8601 UTC with milliseconds, e.g. 2026-12-06T09:08:57.715Z
  local timestamp sign
  timestamp="$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)"
  sign="$(printf '%s' "\${timestamp}\${method}\${request_path}\${body}" \\
    | openssl dgst -sha256 -hmac "$BD_SECRET" -binary | base64)"
  local args=(-sS -X "$method" "\${BASE}\${request_path}"
    -H "${HEADERS.key}: $BD_ACCESS_KEY"
    -H "${HEADERS.sign}: $sign"
    -H "${HEADERS.timestamp}: $timestamp")
  if [ "$method" = "POST" ]; then
    args+=(-H "Content-Type: application/json" -H "${HEADERS.idempotency}: $(openssl rand -hex 16)" --data-raw "$body")
  fi
  curl "\${args[@]}" -w '\\nHTTP %{http_code}\\n'
}

call POST /api/v1/customers '${BODY}'
call GET "/api/v1/customers?limit=20"
`;

const python = (base: string) => `import base64
import hashlib
import hmac
import json
import os
import uuid
from datetime import datetime, timezone

import requests

BASE = os.environ.get("BD_BASE", "${base}")
ACCESS_KEY = os.environ["BD_ACCESS_KEY"]
SECRET = os.environ["BD_SECRET"]


def call(method: str, request_path: str, payload: dict | None = None) -> requests.Response:
    """Signs timestamp + METHOD + request path (with its query) + body, and sends it."""
    body = "" if payload is None else json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
    # ISO-8601 UTC with milliseconds, e.g. 2026-12-06T09:08:57.715Z
    timestamp = datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    message = (timestamp + method.upper() + request_path + body).encode("utf-8")
    sign = base64.b64encode(hmac.new(SECRET.encode("utf-8"), message, hashlib.sha256).digest()).decode("ascii")
    headers = {
        "${HEADERS.key}": ACCESS_KEY,
        "${HEADERS.sign}": sign,
        "${HEADERS.timestamp}": timestamp,
    }
    if method.upper() == "POST":
        headers["Content-Type"] = "application/json"
        headers["${HEADERS.idempotency}"] = str(uuid.uuid4())  # reuse it when retrying this same request
    # Send exactly the bytes that were signed.
    return requests.request(method, BASE + request_path, headers=headers, data=body.encode("utf-8") or None, timeout=10)


created = call("POST", "/api/v1/customers", {"name": "Lin Wei", "email": "${EXAMPLE_EMAIL}", "country": "SG"})
print(created.status_code, created.json())
page = call("GET", "/api/v1/customers?limit=20")
print(page.status_code, page.json())
`;

const typescript = (base: string) => `// Node.js 20 or later (global fetch); run with tsx, or compile with tsc.
import { createHmac, randomUUID } from "node:crypto";

const BASE = process.env.BD_BASE ?? "${base}";
const ACCESS_KEY = process.env.BD_ACCESS_KEY ?? "";
const SECRET = process.env.BD_SECRET ?? "";

/** Signs timestamp + METHOD + request path (with its query) + body, and sends it. */
async function call(method: "GET" | "POST", requestPath: string, payload?: unknown) {
  const body = payload === undefined ? "" : JSON.stringify(payload);
  const timestamp = new Date().toISOString(); // e.g. 2026-12-06T09:08:57.715Z
  const sign = createHmac("sha256", SECRET).update(timestamp + method + requestPath + body).digest("base64");
  const headers: Record<string, string> = {
    "${HEADERS.key}": ACCESS_KEY,
    "${HEADERS.sign}": sign,
    "${HEADERS.timestamp}": timestamp,
  };
  if (method === "POST") {
    headers["Content-Type"] = "application/json";
    headers["${HEADERS.idempotency}"] = randomUUID(); // reuse it when retrying this same request
  }
  // Send exactly the bytes that were signed.
  const response = await fetch(BASE + requestPath, { method, headers, body: body === "" ? undefined : body });
  return { status: response.status, body: (await response.json()) as unknown };
}

async function main() {
  console.log(await call("POST", "/api/v1/customers", { name: "Lin Wei", email: "${EXAMPLE_EMAIL}", country: "SG" }));
  console.log(await call("GET", "/api/v1/customers?limit=20"));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
`;

/** The three examples, with `base` (the portal's origin) as the default address. */
export function signingExamples(base: string): Record<ExampleLanguage, string> {
  return { curl: curl(base), python: python(base), typescript: typescript(base) };
}
