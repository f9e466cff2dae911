/**
 * The hand-written SigV4 signer against AWS's published S3 examples ("Signature Calculations for the
 * Authorization Header", sig-v4-header-based-auth), and the store's requests against a fake fetch.
 */
import { describe, expect, it } from "vitest";
import { amzDate, encodeRfc3986, encodeS3Path, S3DocumentStore, sha256Hex, signV4 } from "./s3";

const EXAMPLE = {
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  region: "us-east-1",
  service: "s3",
};
const HOST = "examplebucket.s3.amazonaws.com";
const TIMESTAMP = "20130524T000000Z";
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

describe("signV4 against AWS's S3 examples", () => {
  it("signs the GET object example (Range header, empty payload)", () => {
    const signed = signV4(
      {
        method: "GET",
        path: "/test.txt",
        headers: { host: HOST, range: "bytes=0-9", "x-amz-content-sha256": EMPTY_SHA256, "x-amz-date": TIMESTAMP },
        payloadHash: EMPTY_SHA256,
      },
      EXAMPLE,
    );
    expect(signed.canonicalRequest).toBe(
      [
        "GET",
        "/test.txt",
        "",
        `host:${HOST}`,
        "range:bytes=0-9",
        `x-amz-content-sha256:${EMPTY_SHA256}`,
        `x-amz-date:${TIMESTAMP}`,
        "",
        "host;range;x-amz-content-sha256;x-amz-date",
        EMPTY_SHA256,
      ].join("\n"),
    );
    expect(signed.stringToSign).toBe(
      ["AWS4-HMAC-SHA256", TIMESTAMP, "20130524/us-east-1/s3/aws4_request", "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972"].join("\n"),
    );
    expect(signed.signature).toBe("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    expect(signed.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request," +
        "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date," +
        "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
  });

  it("signs the PUT object example (a key needing encoding, a payload hash, headers given in any case)", () => {
    const payloadHash = sha256Hex("Welcome to Amazon S3.");
    expect(payloadHash).toBe("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
    const signed = signV4(
      {
        method: "PUT",
        path: encodeS3Path(["test$file.text"]),
        headers: {
          Host: HOST,
          Date: "Fri, 24 May 2013 00:00:00 GMT",
          "x-amz-date": TIMESTAMP,
          "X-Amz-Storage-Class": "REDUCED_REDUNDANCY",
          "x-amz-content-sha256": payloadHash,
        },
        payloadHash,
      },
      EXAMPLE,
    );
    expect(signed.canonicalRequest.split("\n").slice(0, 2)).toEqual(["PUT", "/test%24file.text"]);
    expect(signed.authorization).toContain("SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,");
    expect(signed.signature).toBe("98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
  });

  it("signs the GET bucket lifecycle example (a query parameter without a value)", () => {
    const signed = signV4(
      {
        method: "GET",
        path: "/",
        query: { lifecycle: "" },
        headers: { host: HOST, "x-amz-content-sha256": EMPTY_SHA256, "x-amz-date": TIMESTAMP },
        payloadHash: EMPTY_SHA256,
      },
      EXAMPLE,
    );
    expect(signed.canonicalRequest.split("\n")[2]).toBe("lifecycle=");
    expect(signed.signature).toBe("fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
  });

  it("signs the list objects example (query parameters sorted whatever their order)", () => {
    const signed = signV4(
      {
        method: "GET",
        path: "/",
        query: { prefix: "J", "max-keys": "2" },
        headers: { host: HOST, "x-amz-content-sha256": EMPTY_SHA256, "x-amz-date": TIMESTAMP },
        payloadHash: EMPTY_SHA256,
      },
      EXAMPLE,
    );
    expect(signed.canonicalRequest.split("\n")[2]).toBe("max-keys=2&prefix=J");
    expect(signed.signature).toBe("34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
  });

  it("refuses to sign without x-amz-date", () => {
    expect(() => signV4({ method: "GET", path: "/", headers: { host: HOST }, payloadHash: EMPTY_SHA256 }, EXAMPLE)).toThrow(/x-amz-date/);
  });
});

describe("encoding and dates", () => {
  it("escapes everything but the unreserved characters, including what encodeURIComponent leaves", () => {
    expect(encodeRfc3986("a-b_c.d~e")).toBe("a-b_c.d~e");
    expect(encodeRfc3986("!'()*")).toBe("%21%27%28%29%2A");
    expect(encodeRfc3986("a b+c=é/")).toBe("a%20b%2Bc%3D%C3%A9%2F");
  });

  it("encodes each path segment once and keeps the slashes between them", () => {
    expect(encodeS3Path(["kyc-bucket", "ab/ab12cd"])).toBe("/kyc-bucket/ab/ab12cd");
    expect(encodeS3Path(["my bucket", "a b/c%d"])).toBe("/my%20bucket/a%20b/c%25d");
  });

  it("formats the timestamp in the compact ISO 8601 form", () => {
    expect(amzDate(new Date("2013-05-24T00:00:00.123Z"))).toBe(TIMESTAMP);
  });
});

describe("S3DocumentStore", () => {
  const config = { endpoint: "https://s3.example.test:9000/base/", bucket: "kyc", ...EXAMPLE };
  const now = () => new Date("2013-05-24T00:00:00Z");

  function fakeFetch(respond: (url: string, init: RequestInit) => Response) {
    const calls: { url: string; init: RequestInit }[] = [];
    const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(input), init: init ?? {} });
      return respond(String(input), init ?? {});
    }) as typeof fetch;
    return { calls, fetchImpl };
  }

  it("PUTs path-style with the content type, the payload hash and a signature over the host", async () => {
    const { calls, fetchImpl } = fakeFetch(() => new Response(null, { status: 200 }));
    const bytes = new TextEncoder().encode("Welcome to Amazon S3.");
    await new S3DocumentStore(config, fetchImpl, now).put("ab/ab12", bytes, "image/png");
    expect(calls).toHaveLength(1);
    const [{ url, init }] = calls;
    expect(url).toBe("https://s3.example.test:9000/base/kyc/ab/ab12");
    expect(init.method).toBe("PUT");
    const headers = init.headers as Record<string, string>;
    expect(headers).toMatchObject({
      "content-type": "image/png",
      "x-amz-date": TIMESTAMP,
      "x-amz-content-sha256": "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072",
    });
    // Recomputing the signature the server would: same inputs, host as fetch sends it.
    const expected = signV4(
      {
        method: "PUT",
        path: "/base/kyc/ab/ab12",
        headers: {
          host: "s3.example.test:9000",
          "content-type": "image/png",
          "x-amz-date": TIMESTAMP,
          "x-amz-content-sha256": headers["x-amz-content-sha256"]!,
        },
        payloadHash: headers["x-amz-content-sha256"]!,
      },
      EXAMPLE,
    );
    expect(headers.authorization).toBe(expected.authorization);
    expect(headers.authorization).toContain("SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date,");
    expect(Buffer.from(init.body as Uint8Array).toString()).toBe("Welcome to Amazon S3.");
  });

  it("reads an object, treats a missing one as null and a missing delete as done", async () => {
    const stored = new Uint8Array([1, 2, 3]);
    const { calls, fetchImpl } = fakeFetch((url, init) =>
      url.endsWith("/present") && init.method === "GET" ? new Response(stored) : new Response("NoSuchKey", { status: 404 }),
    );
    const store = new S3DocumentStore(config, fetchImpl, now);
    expect(await store.get("present")).toEqual(stored);
    expect(await store.get("missing")).toBeNull();
    await expect(store.delete("missing")).resolves.toBeUndefined();
    expect(calls.map((c) => [c.init.method, (c.init.headers as Record<string, string>)["x-amz-content-sha256"]])).toEqual([
      ["GET", EMPTY_SHA256],
      ["GET", EMPTY_SHA256],
      ["DELETE", EMPTY_SHA256],
    ]);
  });

  it("fails loudly on any other error, with the status and the service's answer", async () => {
    const { fetchImpl } = fakeFetch(() => new Response("<Code>SignatureDoesNotMatch</Code>", { status: 403 }));
    const store = new S3DocumentStore(config, fetchImpl, now);
    await expect(store.put("k", new Uint8Array([1]), "image/png")).rejects.toThrow(/S3 PUT failed: HTTP 403 .*SignatureDoesNotMatch/);
    await expect(store.get("k")).rejects.toThrow(/S3 GET failed: HTTP 403/);
    await expect(store.delete("k")).rejects.toThrow(/S3 DELETE failed: HTTP 403/);
  });
});
