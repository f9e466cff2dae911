/**
 * A TCP proxy in front of the test PostgreSQL that plays a restart at an exact point of a request: when a
 * statement the app sends contains a given text, every connection ends and new ones are refused for a
 * while. As tests/integration/db-restart.int.test.ts's proxy, plus the trigger, so a test can cut the
 * database in the middle of a transaction (the statement is dropped) or right after it commits (the
 * statement reaches the server, its answer never reaches the app).
 */
import net from "node:net";

export interface Trip {
  /** Text of the app's statement that sets the restart off (PostgreSQL's wire protocol carries it as is). */
  on: string;
  /** Only after this text went through the same connection (e.g. the transaction's INSERT before COMMIT). */
  after?: string;
  /** Let the statement reach the server before cutting (its answer is lost); otherwise it is dropped. */
  forward?: boolean;
  /** How long new connections are refused. */
  downMs: number;
}

export async function trippableProxy(target: URL) {
  const sockets = new Set<net.Socket>();
  let trip: (Trip & { fired: () => void }) | null = null;
  let port = 0;
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
  };
  const listen = () => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));

  async function restart(downMs: number, spare?: net.Socket) {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of sockets) if (socket !== spare) socket.destroy();
    await closed;
    await new Promise((resolve) => setTimeout(resolve, downMs));
    await listen();
  }

  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    track(client);
    track(upstream);
    let armed = false;
    client.on("data", (chunk: Buffer) => {
      const t = trip;
      if (t && t.after && !armed && chunk.includes(t.after)) armed = true;
      if (t && (armed || !t.after) && chunk.includes(t.on)) {
        trip = null;
        if (t.forward) {
          // The server reads the statement before it sees the connection end; the app never hears back.
          upstream.end(chunk);
          sockets.delete(upstream);
        }
        void restart(t.downMs, t.forward ? upstream : undefined).then(t.fired);
        return;
      }
      upstream.write(chunk);
    });
    upstream.pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await listen();
  port = (server.address() as net.AddressInfo).port;
  const url = new URL(target);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.toString(),
    /** Arms the trigger; the promise resolves once the proxy listens again after it fired. */
    arm(next: Trip): Promise<void> {
      return new Promise<void>((resolve) => {
        trip = { ...next, fired: resolve };
      });
    },
    close: () => {
      trip = null;
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
