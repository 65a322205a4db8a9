// What a message says, by content type (src/Grains.Interfaces/Messages/MessageContent.cs).
import type { ComponentChildren } from "preact";
import { media as mediaApi } from "../api/resources";
import type { MediaRef, MessageContent } from "../api/types";
import { fileSize } from "../shared/format";
import { DocumentIcon, Pin } from "../shared/icons";

/** Text with links made clickable and *bold* / _italic_ as WhatsApp writes them. */
export function RichText({ text }: { text: string }) {
  const parts: ComponentChildren[] = [];
  const pattern = /(https?:\/\/[^\s<]+)|\*([^*\n]+)\*|_([^_\n]+)_|~([^~\n]+)~/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0;
    if (index > last) parts.push(text.slice(last, index));
    if (match[1]) {
      parts.push(
        <a href={match[1]} target="_blank" rel="noopener noreferrer">
          {match[1]}
        </a>,
      );
    } else if (match[2]) parts.push(<strong>{match[2]}</strong>);
    else if (match[3]) parts.push(<em>{match[3]}</em>);
    else if (match[4]) parts.push(<s>{match[4]}</s>);
    last = index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <span class="rich-text">{parts}</span>;
}

function MediaMissing({ label }: { label: string }) {
  return <div class="media-missing">{label} — the file is still being fetched from WhatsApp.</div>;
}

function mediaUrl(media: MediaRef): string | undefined {
  return media.mediaId ? mediaApi.url(media.mediaId) : undefined;
}

export function MessageBody({ content, onOpenImage }: { content: MessageContent; onOpenImage?: (url: string, caption?: string) => void }) {
  switch (content.type) {
    case "text":
      return <RichText text={content.body} />;
    case "image": {
      const url = mediaUrl(content.media);
      return (
        <figure class="media media-image">
          {url ? (
            <button type="button" class="image-button" aria-label="Open image" onClick={() => onOpenImage?.(url, content.caption)}>
              <img src={url} alt={content.caption ?? "Image"} loading="lazy" decoding="async" />
            </button>
          ) : (
            <MediaMissing label="📷 Photo" />
          )}
          {content.caption && (
            <figcaption>
              <RichText text={content.caption} />
            </figcaption>
          )}
        </figure>
      );
    }
    case "video": {
      const url = mediaUrl(content.media);
      return (
        <figure class="media media-video">
          {url ? <video src={url} controls preload="metadata" aria-label={content.caption ?? "Video"} /> : <MediaMissing label="🎥 Video" />}
          {content.caption && (
            <figcaption>
              <RichText text={content.caption} />
            </figcaption>
          )}
        </figure>
      );
    }
    case "audio": {
      const url = mediaUrl(content.media);
      return (
        <div class="media media-audio">
          <span class="media-label">{content.voice ? "🎤 Voice message" : "🎵 Audio"}</span>
          {url ? <audio src={url} controls preload="none" aria-label={content.voice ? "Voice message" : "Audio"} /> : <MediaMissing label="Audio" />}
        </div>
      );
    }
    case "document": {
      const url = mediaUrl(content.media);
      const name = content.filename ?? content.media.filename ?? "Document";
      return (
        <div class="media media-document">
          <a class="document-card" href={url} download={name} aria-label={`Download ${name}`} aria-disabled={url ? undefined : "true"}>
            <DocumentIcon />
            <span class="document-text">
              <span class="document-name">{name}</span>
              <span class="document-meta">
                {[content.media.mimeType?.split("/").pop()?.toUpperCase(), fileSize(content.media.size)].filter(Boolean).join(" · ")}
              </span>
            </span>
          </a>
          {content.caption && <RichText text={content.caption} />}
        </div>
      );
    }
    case "sticker": {
      const url = mediaUrl(content.media);
      return url ? <img class="sticker" src={url} alt="Sticker" loading="lazy" width={128} height={128} /> : <MediaMissing label="Sticker" />;
    }
    case "location": {
      const coordinates = `${content.latitude.toFixed(5)}, ${content.longitude.toFixed(5)}`;
      const href = content.url ?? `https://www.openstreetmap.org/?mlat=${content.latitude}&mlon=${content.longitude}#map=16/${content.latitude}/${content.longitude}`;
      return (
        <a class="location-card" href={href} target="_blank" rel="noopener noreferrer">
          <Pin />
          <span>
            <strong>{content.name ?? "Location"}</strong>
            {content.address && <span class="location-address">{content.address}</span>}
            <span class="location-coordinates">{coordinates}</span>
          </span>
        </a>
      );
    }
    case "contacts":
      return (
        <div class="contacts-cards">
          {content.contacts.map((card, index) => (
            <div class="contact-card" key={index}>
              <span class="contact-card-avatar" aria-hidden="true">
                👤
              </span>
              <span>
                <strong>{card.name.formattedName}</strong>
                {card.org?.company && <span class="contact-card-line">{card.org.company}</span>}
                {(card.phones ?? []).map((phone, i) => (
                  <span class="contact-card-line" key={i}>
                    {phone.phone ?? phone.waId}
                    {phone.type ? ` (${phone.type.toLowerCase()})` : ""}
                  </span>
                ))}
                {(card.emails ?? []).map((email, i) => (
                  <span class="contact-card-line" key={`e${i}`}>
                    {email.email}
                  </span>
                ))}
              </span>
            </div>
          ))}
        </div>
      );
    case "interactive_buttons":
      return (
        <div class="interactive">
          {content.header && <strong class="interactive-header">{content.header}</strong>}
          <RichText text={content.body} />
          {content.footer && <span class="interactive-footer">{content.footer}</span>}
          <span class="interactive-buttons">
            {content.buttons.map((button) => (
              <span class="interactive-button" key={button.id}>
                {button.title}
              </span>
            ))}
          </span>
        </div>
      );
    case "interactive_list":
      return (
        <div class="interactive">
          {content.header && <strong class="interactive-header">{content.header}</strong>}
          <RichText text={content.body} />
          {content.footer && <span class="interactive-footer">{content.footer}</span>}
          <span class="interactive-buttons">
            <span class="interactive-button">☰ {content.buttonText}</span>
          </span>
          <span class="interactive-footer">{content.sections.flatMap((s) => s.rows.map((r) => r.title)).join(" · ")}</span>
        </div>
      );
    case "interactive_reply":
      return (
        <span class="button-reply">
          <span class="button-reply-tag">{content.replyType === "list_reply" ? "Chose from the list" : "Tapped a button"}</span>
          {content.title}
          {content.description && <span class="interactive-footer">{content.description}</span>}
        </span>
      );
    case "button":
      return (
        <span class="button-reply">
          <span class="button-reply-tag">Tapped a template button</span>
          {content.text}
        </span>
      );
    case "reaction":
      return <span>{content.emoji ? `Reacted ${content.emoji}` : "Removed a reaction"}</span>;
    case "template":
      return (
        <div class="template-body">
          <span class="template-tag">
            Template · {content.name} ({content.language})
          </span>
          <RichText text={content.renderedBody ?? `Template ${content.name}`} />
        </div>
      );
    case "system":
      return <span>{content.body}</span>;
    case "unsupported":
      return <em class="unsupported">Unsupported message{content.originalType ? ` (${content.originalType.replace(/_/g, " ")})` : ""} — open WhatsApp on a phone to see it.</em>;
    default:
      return <em class="unsupported">Unknown message type</em>;
  }
}
