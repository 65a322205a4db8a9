// The inbound benchmark's agent screen: the official @microsoft/signalr client in Node,
// connected to one hub (the product's /hubs/inbox with a session cookie, or the yardstick's),
// printing one tab-separated line per message as it arrives:
//   m <receive time, Unix ms with µs> <message text>        messageCreated
//   u <receive time> <last message text of the snapshot>    conversationUpdated
// The load generator puts its send time in each text, so latency = receive − send on this
// machine's wall clock. Commands on stdin: "watch <id> <id> …" (the product's Watch per
// conversation), answered "watched <ok> <failed> <first error>".
//   usage: node receiver.mjs <hub url> <cookie or ->
import * as signalR from "@microsoft/signalr";
import readline from "node:readline";

const [, , hubUrl, cookie] = process.argv;

// Wall clock with sub-millisecond resolution (Date.now() rounds to 1 ms, as large as the
// yardstick's p50). Both run on CLOCK_MONOTONIC/REALTIME, which only a clock step separates.
const now = () => (performance.timeOrigin + performance.now()).toFixed(3);

// Batched writes: one write per event loop turn, not one syscall per message.
let pending = [];
const print = (line) => {
  if (pending.length === 0) setImmediate(flush);
  pending.push(line);
};
const flush = () => { process.stdout.write(pending.join("\n") + "\n"); pending = []; };

const connection = new signalR.HubConnectionBuilder()
  .withUrl(hubUrl, {
    headers: cookie && cookie !== "-" ? { Cookie: cookie } : {},
    transport: signalR.HttpTransportType.WebSockets,
  })
  .configureLogging(signalR.LogLevel.Warning)
  .build();

const textOf = (message) => message?.preview ?? message?.content?.text?.body ?? message?.text ?? "";
connection.on("messageCreated", (payload) => print(`m\t${now()}\t${textOf(payload?.message ?? payload)}`));
connection.on("conversationUpdated", (payload) => print(`u\t${now()}\t${payload?.conversation?.lastMessage?.preview ?? ""}`));
// The product also pushes these per message; listening keeps the client from warning about them.
for (const name of ["windowChanged", "messageStatusChanged", "assignmentChanged", "botChanged"]) connection.on(name, () => {});
connection.onclose((error) => print(`closed\t${now()}\t${error ? String(error) : ""}`));

readline.createInterface({ input: process.stdin }).on("line", async (line) => {
  const [command, ...ids] = line.trim().split(/\s+/);
  if (command === "clock") print(`clock\t${now()}`);
  if (command !== "watch") return;
  let ok = 0, failed = 0, firstError = "";
  for (let i = 0; i < ids.length; i += 50) {
    await Promise.all(ids.slice(i, i + 50).map((id) => connection.invoke("Watch", id)
      .then(() => { ok++; })
      .catch((error) => { failed++; firstError ||= String(error?.message ?? error); })));
  }
  print(`watched\t${ok}\t${failed}\t${firstError}`);
});

try {
  await connection.start();
  print(`connected\t${now()}`);
} catch (error) {
  print(`failed\t${now()}\t${String(error?.message ?? error)}`);
  flush();
  process.exit(1);
}
