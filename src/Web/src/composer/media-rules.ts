// What WhatsApp lets a business send, checked in the browser before uploading (product §3):
// image JPEG/PNG ≤ 5 MB, video MP4/3GPP ≤ 16 MB, audio AAC/AMR/MP3/M4A/OGG ≤ 16 MB,
// sticker WebP ≤ 100 KB, any other file as a document ≤ 100 MB. The Api checks again, by the bytes.
import type { MediaContentType } from "../api/types";
import { fileSize } from "../shared/format";

const MB = 1024 * 1024;

interface MediaRule {
  kind: MediaContentType;
  mimeTypes: string[];
  maxBytes: number;
  description: string;
}

export const mediaRules: MediaRule[] = [
  { kind: "image", mimeTypes: ["image/jpeg", "image/png"], maxBytes: 5 * MB, description: "Images (JPEG, PNG) up to 5 MB" },
  { kind: "video", mimeTypes: ["video/mp4", "video/3gpp"], maxBytes: 16 * MB, description: "Videos (MP4, 3GPP) up to 16 MB" },
  {
    kind: "audio",
    mimeTypes: ["audio/aac", "audio/amr", "audio/mpeg", "audio/mp3", "audio/mp4", "audio/x-m4a", "audio/m4a", "audio/ogg", "audio/opus"],
    maxBytes: 16 * MB,
    description: "Audio (AAC, AMR, MP3, M4A, OGG) up to 16 MB",
  },
  { kind: "sticker", mimeTypes: ["image/webp"], maxBytes: 100 * 1024, description: "Stickers (WebP) up to 100 KB" },
  { kind: "document", mimeTypes: [], maxBytes: 100 * MB, description: "Documents (PDF, DOCX, XLSX, any file) up to 100 MB" },
];

const byExtension: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  gif: "image/gif",
  mp4: "video/mp4",
  "3gp": "video/3gpp",
  "3gpp": "video/3gpp",
  aac: "audio/aac",
  amr: "audio/amr",
  mp3: "audio/mpeg",
  m4a: "audio/mp4",
  ogg: "audio/ogg",
  opus: "audio/ogg",
  pdf: "application/pdf",
};

export function contentTypeOf(file: File): string {
  const extension = file.name.split(".").pop()?.toLowerCase() ?? "";
  const declared = file.type.toLowerCase();
  if (declared === "audio/x-m4a" || declared === "audio/m4a") return "audio/mp4";
  if (declared === "audio/mp3") return "audio/mpeg";
  return declared || byExtension[extension] || "application/octet-stream";
}

export type MediaCheck = { ok: true; kind: MediaContentType; contentType: string } | { ok: false; reason: string };

/** Which kind of message a file becomes, or why it cannot be sent. */
export function checkMedia(file: File): MediaCheck {
  const contentType = contentTypeOf(file);
  if (file.size === 0) return { ok: false, reason: `${file.name} is empty.` };
  if (contentType === "image/gif") return { ok: false, reason: "GIF images cannot be sent on WhatsApp: convert it to an MP4 video, or attach it inside a ZIP as a document." };
  const rule =
    mediaRules.find((r) => r.mimeTypes.includes(contentType)) ??
    (contentType.startsWith("image/") || contentType.startsWith("video/") || contentType.startsWith("audio/")
      ? undefined
      : mediaRules.find((r) => r.kind === "document"));
  if (!rule) {
    return { ok: false, reason: `${file.name} is ${contentType}, which WhatsApp cannot carry. Allowed: ${mediaRules.map((r) => r.description).join("; ")}.` };
  }
  if (file.size > rule.maxBytes) {
    return { ok: false, reason: `${file.name} is ${fileSize(file.size)}, too large: ${rule.description} can be sent.` };
  }
  return { ok: true, kind: rule.kind, contentType };
}

export const acceptAttribute = ["image/jpeg", "image/png", "image/webp", "video/mp4", "video/3gpp", "audio/*", "*/*"].join(",");
