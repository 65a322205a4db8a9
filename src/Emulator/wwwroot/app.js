// The customers' page: plays customers' phones against the emulator's control API.
// Vanilla JS on purpose (no build step). Everything shown is set through textContent, never innerHTML,
// because message text comes from the business under test.
"use strict";

const $ = (id) => document.getElementById(id);
const business = $("business");
const waIdInput = $("wa-id");
const nameInput = $("customer-name");
const readReceipts = $("read-receipts");
const messageType = $("message-type");
const messagesList = $("messages");
const statusLine = $("composer-status");
const REFRESH_MS = 1000;

let replyTo = null;          // wamid the next message quotes
let lastRendered = "";       // JSON of the last conversation drawn, to redraw only on change
let conversation = null;

function setStatus(text) { statusLine.textContent = text; }
function validWaId() { return /^\d{7,15}$/.test(waIdInput.value.trim()); }

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null) node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function getJson(url) {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`${response.status} ${url}`);
  return response.json();
}

// ---- numbers and chats -------------------------------------------------------------------------

async function loadNumbers() {
  try {
    const numbers = await getJson("/_emulator/numbers");
    const wanted = business.value || localStorage.getItem("emulator.business");
    const ids = numbers.map((n) => n.phoneNumberId).join(",");
    if (business.dataset.ids !== ids) {
      business.replaceChildren(...numbers.map((n) =>
        el("option", { value: n.phoneNumberId }, `${n.displayPhoneNumber} (${n.phoneNumberId})`)));
      business.dataset.ids = ids;
      if (wanted && numbers.some((n) => n.phoneNumberId === wanted)) business.value = wanted;
    }
    $("no-business").hidden = numbers.length > 0;
  } catch (error) {
    setStatus(`Could not load numbers: ${error.message}`);
  }
}

async function loadChats() {
  if (!business.value) return;
  try {
    const chats = await getJson(`/_emulator/numbers/${business.value}/customers`);
    $("chats").replaceChildren(...chats.map((c) => el("li", {},
      el("button", { type: "button", onclick: () => openChat(c.waId, c.name) },
        c.name ? `${c.name} (${c.waId})` : c.waId))));
  } catch { /* the next poll retries */ }
}

function openChat(waId, name) {
  waIdInput.value = waId;
  if (name) nameInput.value = name;
  remember();
  lastRendered = "";
  refresh();
}

function remember() {
  localStorage.setItem("emulator.business", business.value);
  localStorage.setItem("emulator.waId", waIdInput.value.trim());
  localStorage.setItem("emulator.name", nameInput.value.trim());
}

// ---- the conversation --------------------------------------------------------------------------

async function refresh() {
  if (!business.value || !validWaId()) {
    $("chat-title").textContent = "No chat open";
    $("chat-state").textContent = "Choose a business number and a customer number.";
    messagesList.replaceChildren();
    lastRendered = "";
    return;
  }
  try {
    conversation = await getJson(`/_emulator/numbers/${business.value}/customers/${waIdInput.value.trim()}/conversation`);
  } catch {
    return;
  }
  const json = JSON.stringify(conversation);
  if (json === lastRendered) return;
  lastRendered = json;
  render(conversation);
}

function render(chat) {
  $("chat-title").textContent = `${chat.name || chat.waId} ↔ ${business.selectedOptions[0]?.textContent ?? chat.phoneNumberId}`;
  const windowState = chat.windowOpen
    ? `Service window open until ${new Date(chat.windowExpiresAt).toLocaleString()}`
    : "Service window closed";
  $("chat-state").textContent = chat.typing ? `${windowState} · the business is typing…` : windowState;
  readReceipts.checked = chat.readReceipts;
  if (!nameInput.value.trim() && chat.name) nameInput.value = chat.name;
  const atBottom = messagesList.scrollTop + messagesList.clientHeight >= messagesList.scrollHeight - 20;
  messagesList.replaceChildren(...chat.messages.map((m) => renderMessage(m, chat)));
  if (atBottom) messagesList.scrollTop = messagesList.scrollHeight;
}

function renderMessage(m, chat) {
  const li = el("li", { class: `message ${m.direction}`, "data-id": m.id, "data-type": m.type });
  const content = m.direction === "outbound" ? outboundContent(m) : inboundContent(m);
  const quotedId = m.direction === "outbound" ? m.request?.context?.message_id : m.message?.context?.id;
  if (quotedId) {
    const quoted = chat.messages.find((x) => x.id === quotedId);
    li.append(el("div", { class: "quote" }, quoted ? summary(quoted) : "Quoted message"));
  }
  if (m.direction === "inbound" && m.message?.context?.forwarded) li.append(el("div", { class: "footer" }, "Forwarded"));
  li.append(...content);
  const time = new Date(m.at).toLocaleTimeString();
  const meta = el("span", { class: "meta" }, time, " ");
  if (m.direction === "outbound") meta.append(ticks(m.status));
  else meta.append(el("span", { class: `ticks ${m.readByBusiness ? "read" : ""}`, "aria-label": m.readByBusiness ? "Read by the business" : "Not read yet" }, m.readByBusiness ? "✓✓" : "✓"));
  li.append(meta);
  li.append(el("div", { class: "actions" },
    el("button", { type: "button", class: "link", "aria-label": `Reply to ${summary(m)}`, onclick: () => startReply(m) }, "Reply"),
    m.direction === "outbound" && m.type !== "reaction"
      ? ["👍", "❤️"].map((emoji) => el("button", { type: "button", class: "link", "aria-label": `React ${emoji} to ${summary(m)}`, onclick: () => react(m, emoji) }, `React ${emoji}`))
      : null));
  return li;
}

function ticks(status) {
  const text = { accepted: "🕓", sent: "✓", delivered: "✓✓", read: "✓✓", failed: "⚠ failed", played: "✓✓ ▶" }[status] ?? status;
  return el("span", { class: `ticks ${status}`, "aria-label": `Status: ${status}`, "data-status": status }, text);
}

function mediaUrl(media) { return media?.id ? `/_emulator/media/${encodeURIComponent(media.id)}` : media?.link; }

function mediaContent(type, media) {
  const url = mediaUrl(media);
  switch (type) {
    case "image": return [el("img", { src: url, alt: media.caption || "Image" }), media.caption];
    case "sticker": return [el("img", { src: url, alt: "Sticker", width: 128 })];
    case "video": return [el("video", { src: url, controls: "" }), media.caption];
    case "audio": return [el("audio", { src: url, controls: "", "aria-label": media.voice ? "Voice note" : "Audio" })];
    default: return [el("a", { href: url, target: "_blank", rel: "noopener" }, `📄 ${media.filename || "Document"}`), media.caption];
  }
}

function outboundContent(m) {
  const r = m.request ?? {};
  switch (m.type) {
    case "text": return [r.text?.body ?? ""];
    case "image": case "video": case "audio": case "document": case "sticker":
      return mediaContent(m.type, r[m.type] ?? {});
    case "location": return [`📍 ${[r.location?.name, r.location?.address].filter(Boolean).join(" — ")} (${r.location?.latitude}, ${r.location?.longitude})`];
    case "contacts": return (r.contacts ?? []).map((c) => el("div", {}, `👤 ${c.name?.formatted_name ?? ""} ${(c.phones ?? []).map((p) => p.phone).join(", ")}`));
    case "reaction": return [el("span", { class: "reaction" }, r.reaction?.emoji || "(reaction removed)"), " reaction"];
    case "interactive": return interactiveContent(m, r.interactive ?? {});
    case "template": return templateContent(m);
    default: return [JSON.stringify(r)];
  }
}

function interactiveContent(m, interactive) {
  const parts = [];
  if (interactive.header?.type === "text") parts.push(el("div", { class: "header" }, interactive.header.text));
  else if (interactive.header) parts.push(...mediaContent(interactive.header.type, interactive.header[interactive.header.type] ?? {}));
  parts.push(el("div", {}, interactive.body?.text ?? ""));
  if (interactive.footer?.text) parts.push(el("div", { class: "footer" }, interactive.footer.text));
  if (interactive.type === "button") {
    parts.push(el("div", { class: "actions" }, (interactive.action?.buttons ?? []).map((b) =>
      el("button", { type: "button", class: "choice", onclick: () => tap(m, { type: "interactive", interactive: { type: "button_reply", button_reply: { id: b.reply.id, title: b.reply.title } } }) }, b.reply.title))));
  } else if (interactive.type === "list") {
    const rows = el("div", { class: "actions", hidden: "" }, (interactive.action?.sections ?? []).flatMap((s) => (s.rows ?? []).map((row) =>
      el("button", { type: "button", class: "choice", onclick: () => tap(m, { type: "interactive", interactive: { type: "list_reply", list_reply: { id: row.id, title: row.title, description: row.description } } }) },
        s.title ? `${s.title}: ${row.title}` : row.title))));
    parts.push(el("div", { class: "actions" }, el("button", { type: "button", class: "choice", onclick: () => { rows.hidden = !rows.hidden; } }, `☰ ${interactive.action?.button ?? "Options"}`)), rows);
  }
  return parts;
}

function templateContent(m) {
  const t = m.template;
  if (!t) return [`Template ${m.request?.template?.name}`];
  const parts = [];
  if (t.header?.text) parts.push(el("div", { class: "header" }, t.header.text));
  else if (t.header) {
    const kind = t.header.format.toLowerCase();
    const media = t.header[kind] ?? t.header.video ?? {};
    parts.push(...mediaContent(kind === "gif" ? "video" : kind, media));
  }
  parts.push(el("div", {}, t.body));
  if (t.footer) parts.push(el("div", { class: "footer" }, t.footer));
  if (t.buttons?.length) {
    parts.push(el("div", { class: "actions" }, t.buttons.map((b) => b.type === "QUICK_REPLY"
      ? el("button", { type: "button", class: "choice", onclick: () => tap(m, { type: "button", button: { payload: b.payload, text: b.text } }) }, b.text)
      : b.url ? el("a", { href: b.url, target: "_blank", rel: "noopener" }, `🔗 ${b.text}`) : el("span", {}, b.text))));
  }
  return parts;
}

function inboundContent(m) {
  const msg = m.message ?? {};
  switch (m.type) {
    case "text": return [msg.text?.body ?? ""];
    case "image": case "video": case "audio": case "document": case "sticker": return mediaContent(m.type, msg[m.type] ?? {});
    case "location": return [`📍 ${[msg.location?.name, msg.location?.address].filter(Boolean).join(" — ")} (${msg.location?.latitude}, ${msg.location?.longitude})`];
    case "contacts": return (msg.contacts ?? []).map((c) => el("div", {}, `👤 ${c.name?.formatted_name ?? ""}`));
    case "interactive": return [`↩ ${msg.interactive?.button_reply?.title ?? msg.interactive?.list_reply?.title ?? ""}`];
    case "button": return [`↩ ${msg.button?.text ?? ""}`];
    case "reaction": return [el("span", { class: "reaction" }, msg.reaction?.emoji || "(reaction removed)"), " reaction"];
    case "system": return [`ℹ ${msg.system?.body ?? ""}`];
    default: return [`Unsupported message (${msg.unsupported?.type ?? m.type})`];
  }
}

function summary(m) {
  const r = m.direction === "outbound" ? m.request : m.message;
  const text = m.type === "text" ? r?.text?.body
    : m.type === "template" ? m.template?.body
    : m.type === "interactive" ? (r?.interactive?.body?.text ?? r?.interactive?.button_reply?.title ?? r?.interactive?.list_reply?.title)
    : m.type;
  return `“${String(text ?? m.type).slice(0, 40)}”`;
}

// ---- sending -----------------------------------------------------------------------------------

function startReply(m) {
  replyTo = m.id;
  $("reply-text").textContent = `Replying to ${summary(m)}`;
  $("reply-banner").hidden = false;
}

function cancelReply() {
  replyTo = null;
  $("reply-banner").hidden = true;
}

function react(m, emoji) {
  return sendCustomerMessage({ type: "reaction", reaction: { message_id: m.id, emoji } }, { quote: false });
}

// A tap on a reply button, list row or template quick reply quotes the message it belongs to.
function tap(m, body) {
  body.context = { id: m.id };
  return sendCustomerMessage(body, { quote: false });
}

async function sendCustomerMessage(body, { quote = true } = {}) {
  const waId = waIdInput.value.trim();
  if (!business.value || !validWaId()) {
    setStatus("Choose a business number and a customer number (7 to 15 digits).");
    return false;
  }
  remember();
  body.phoneNumberId = business.value;
  const name = nameInput.value.trim();
  if (name) body.name = name;
  const sentAt = $("sent-at").value;
  if (sentAt) body.timestamp = Math.floor(new Date(sentAt).getTime() / 1000);
  if (!body.context) {
    const context = {};
    if (quote && replyTo) context.id = replyTo;
    if ($("forwarded").checked) context.forwarded = true;
    if (Object.keys(context).length) body.context = context;
  }
  setStatus("Sending…");
  const response = await fetch(`/_emulator/customers/${waId}/messages?wait=true`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    setStatus(`Not sent: ${answer.detail ?? Object.values(answer.errors ?? {}).flat().join(" ") ?? response.status}`);
    return false;
  }
  setStatus(answer.delivery === "acknowledged"
    ? "Sent: the business acknowledged the webhook."
    : `Sent; webhook ${answer.delivery} (${answer.attempts} attempt(s) so far).`);
  if (quote) cancelReply();
  lastRendered = "";
  await refresh();
  await loadChats();
  return true;
}

function readFileAsBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(",", 2)[1] ?? "");
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

const mimeByExtension = {
  jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png", webp: "image/webp", mp4: "video/mp4", "3gp": "video/3gpp",
  ogg: "audio/ogg", opus: "audio/ogg", mp3: "audio/mpeg", m4a: "audio/mp4", aac: "audio/aac", amr: "audio/amr",
  pdf: "application/pdf", txt: "text/plain", doc: "application/msword", xls: "application/vnd.ms-excel",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

async function composedMessage() {
  const kind = messageType.value;
  switch (kind) {
    case "text": {
      const text = $("text-body").value;
      if (!text.trim()) throw new Error("Write a message first.");
      return { type: "text", text: { body: text } };
    }
    case "image": case "video": case "audio": case "voice": case "document": case "sticker": {
      const file = $("media-file").files[0];
      if (!file) throw new Error("Choose a file first.");
      const type = kind === "voice" ? "audio" : kind;
      const extension = file.name.split(".").pop().toLowerCase();
      const media = { base64: await readFileAsBase64(file), mimeType: file.type || mimeByExtension[extension] || "application/octet-stream" };
      const caption = $("media-caption").value.trim();
      if (caption && ["image", "video", "document"].includes(type)) media.caption = caption;
      if (type === "document") media.filename = file.name;
      if (kind === "voice") media.voice = true;
      return { type, [type]: media };
    }
    case "location":
      return { type: "location", location: { latitude: Number($("latitude").value), longitude: Number($("longitude").value), name: $("place-name").value, address: $("place-address").value } };
    case "contacts": {
      const full = $("contact-name").value.trim();
      const phone = $("contact-phone").value.trim();
      return { type: "contacts", contacts: [{ name: { formatted_name: full, first_name: full.split(" ")[0] }, phones: [{ phone, type: "MOBILE", wa_id: phone.replace(/\D/g, "") }] }] };
    }
    case "system": {
      const next = $("new-wa-id").value.trim();
      return { type: "system", system: { body: `User ${nameInput.value.trim() || waIdInput.value.trim()} changed from ${waIdInput.value.trim()} to ${next}`, wa_id: next, type: "user_changed_number" } };
    }
    default:
      return { type: "unsupported", unsupported: { type: $("unsupported-kind").value.trim() || "unknown" } };
  }
}

async function onSubmit(event) {
  event.preventDefault();
  let body;
  try {
    body = await composedMessage();
  } catch (error) {
    setStatus(error.message);
    return;
  }
  if (await sendCustomerMessage(body)) {
    $("text-body").value = "";
    $("media-caption").value = "";
    $("media-file").value = "";
  }
}

function showFields() {
  for (const fields of document.querySelectorAll(".fields")) {
    fields.hidden = !fields.dataset.for.split(" ").includes(messageType.value);
  }
}

async function onReadReceipts() {
  if (!validWaId()) return;
  await fetch(`/_emulator/customers/${waIdInput.value.trim()}/settings`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ readReceipts: readReceipts.checked }),
  });
  setStatus(readReceipts.checked ? "Read receipts on." : "Read receipts off: the business will not see blue ticks.");
}

// ---- start -------------------------------------------------------------------------------------

$("composer").addEventListener("submit", onSubmit);
$("cancel-reply").addEventListener("click", cancelReply);
messageType.addEventListener("change", showFields);
readReceipts.addEventListener("change", onReadReceipts);
business.addEventListener("change", () => { remember(); lastRendered = ""; refresh(); loadChats(); });
waIdInput.addEventListener("change", () => { remember(); lastRendered = ""; refresh(); });
nameInput.addEventListener("change", remember);

waIdInput.value = localStorage.getItem("emulator.waId") ?? "";
nameInput.value = localStorage.getItem("emulator.name") ?? "";
showFields();
loadNumbers().then(() => { refresh(); loadChats(); });
setInterval(refresh, REFRESH_MS);
setInterval(() => { loadNumbers(); loadChats(); }, 5 * REFRESH_MS);
