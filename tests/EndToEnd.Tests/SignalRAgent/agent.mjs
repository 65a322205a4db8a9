// A headless agent for the end-to-end tests: connects to /hubs/inbox with the official
// SignalR client and a session cookie, prints every server event as one JSON line on
// stdout, and takes commands as JSON lines on stdin ({"cmd":"watch","id":"cv_…"}).
import * as signalR from "@microsoft/signalr";
import readline from "node:readline";

const [, , baseUrl, cookie] = process.argv;
const print = (line) => process.stdout.write(JSON.stringify({ at: Date.now(), ...line }) + "\n");

const events = [
  "conversationUpdated", "messageCreated", "messageStatusChanged", "windowChanged",
  "assignmentChanged", "botChanged", "campaignProgress", "templateStatusChanged",
];

const connection = new signalR.HubConnectionBuilder()
  .withUrl(new URL("/hubs/inbox", baseUrl).toString(), {
    headers: { Cookie: cookie },
    transport: signalR.HttpTransportType.WebSockets,
    skipNegotiation: false,
  })
  .withAutomaticReconnect([0, 200, 500, 1000, 2000])
  .configureLogging(signalR.LogLevel.Warning)
  .build();

for (const name of events) {
  connection.on(name, (payload) => print({ kind: "event", name, payload }));
}
connection.onreconnected(() => print({ kind: "reconnected" }));
connection.onclose((error) => print({ kind: "closed", error: error ? String(error) : null }));

const commands = readline.createInterface({ input: process.stdin });
commands.on("line", async (line) => {
  const command = JSON.parse(line);
  try {
    switch (command.cmd) {
      case "watch":
        print({ kind: "result", ref: command.ref, ok: true, value: await connection.invoke("Watch", command.id) });
        break;
      case "unwatch":
        await connection.invoke("Unwatch", command.id);
        print({ kind: "result", ref: command.ref, ok: true });
        break;
      case "stop":
        await connection.stop();
        process.exit(0);
    }
  } catch (error) {
    print({ kind: "result", ref: command.ref, ok: false, error: String(error?.message ?? error) });
  }
});

try {
  await connection.start();
  print({ kind: "connected", connectionId: connection.connectionId });
} catch (error) {
  print({ kind: "failed", error: String(error?.message ?? error) });
  process.exit(1);
}
