/**
 * The tRPC route as the browser meets it: answers are never cacheable, and a body over the cap is refused
 * before it is read or parsed.
 */
import { describe, expect, it, vi } from "vitest";
import { GET, POST } from "@/app/api/trpc/[trpc]/route";

vi.mock("@/server/auth/next-auth", () => ({ getCurrentStaff: async () => null }));

describe("/api/trpc", () => {
  it("marks every answer no-store, refusals included", async () => {
    const res = await GET(new Request("http://localhost/api/trpc/customer.list?input=%7B%7D"));
    expect(res.status).toBe(401);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses a 40 MB body with 413 from its Content-Length, without reading it", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024 * 1024));
      },
    });
    const req = new Request("http://localhost/api/trpc/customer.register", {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "content-length": String(40 * 1024 * 1024) },
      duplex: "half",
    } as RequestInit);
    const res = await POST(req);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ reason: "errors.bodyTooLarge" });
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it("cuts off a chunked body once it passes the cap", async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1024 * 1024;
        if (sent > 64 * 1024 * 1024) return controller.close();
        controller.enqueue(new TextEncoder().encode(" ".repeat(1024 * 1024)));
      },
    });
    const res = await POST(new Request("http://localhost/api/trpc/customer.register", { method: "POST", body, duplex: "half" } as RequestInit));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(sent).toBeLessThanOrEqual(38 * 1024 * 1024);
  });
});
