import { describe, expect, it } from "vitest";
import { signOkx, verifyOkxSignature } from "./sign";

// Known-answer vectors computed independently with `openssl dgst -sha256 -hmac <secret> -binary | base64`.
const VECTORS = [
  {
    secret: "22582BD0CFF14C41EDBF1AB98506286D",
    timestamp: "2020-12-08T09:08:57.715Z",
    method: "GET",
    path: "/api/v5/broker/dma/subaccount-info?subAcct=brokerTest1&page=1",
    body: "",
    signature: "CfUssvJB7eVrZghHXH+FNI8VajrvZRLpqP9pZfWF49Q=",
  },
  {
    secret: "22582BD0CFF14C41EDBF1AB98506286D",
    timestamp: "2020-12-08T09:08:57.715Z",
    method: "POST",
    path: "/api/v5/broker/dma/set-subaccount-level",
    body: '{"acctLv":"3","subAcct":"brokerTest3"}',
    signature: "14XN+tkCSjBtwqE6/VK2Ypp3F/jN5jLs2FEc3ElzJLs=",
  },
] as const;

describe("OKX signature", () => {
  it.each(VECTORS)("matches the known answer for $method $path", (v) => {
    const signature = signOkx(v.secret, v.timestamp, v.method, v.path, v.body);
    expect(signature).toBe(v.signature);
    expect(verifyOkxSignature(v.secret, signature, v.timestamp, v.method, v.path, v.body)).toBe(true);
  });

  it("changes with every part of the prehash: method case is normalised, body bytes are not", () => {
    const base = signOkx("s", "t", "POST", "/p", '{"a":1}');
    expect(signOkx("s", "t", "post", "/p", '{"a":1}')).toBe(base);
    expect(signOkx("s", "t", "POST", "/p", '{"a": 1}')).not.toBe(base);
    expect(signOkx("s", "t2", "POST", "/p", '{"a":1}')).not.toBe(base);
    expect(verifyOkxSignature("other", base, "t", "POST", "/p", '{"a":1}')).toBe(false);
  });
});
