// Files of the contact: every image, video, audio, sticker and document they sent or received, in
// any of their conversations (GET /contacts/{id}/files), newest first, older pages on demand.
import { useEffect, useState } from "preact/hooks";
import { errorMessage } from "../api/client";
import { contacts, media as mediaApi } from "../api/resources";
import type { Conversation, MediaRef, Message } from "../api/types";
import { fileSize, fullDateTime } from "../shared/format";
import { ErrorNotice } from "../shared/ui";

interface ContactFile {
  id: string;
  kind: string;
  name: string;
  ref: MediaRef;
  at: string;
}

function fileOf(message: Message): ContactFile | null {
  const c = message.content;
  if (c.type === "image" || c.type === "video" || c.type === "audio" || c.type === "document" || c.type === "sticker") {
    const ref: MediaRef = c.media;
    const name = (c.type === "document" ? c.filename : undefined) ?? ref.filename ?? `${c.type} ${new Date(message.createdAt).toLocaleDateString()}`;
    return { id: message.id, kind: c.type, name, ref, at: message.createdAt };
  }
  return null;
}

export function FilesSection({ conversation }: { conversation: Conversation }) {
  const [files, setFiles] = useState<ContactFile[]>([]);
  const [next, setNext] = useState<string | undefined>(undefined);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const contactId = conversation.contact.id;

  // A new message (or a finished media download) changes the conversation's sequence.
  useEffect(() => {
    let current = true;
    contacts
      .files(contactId)
      .then((page) => {
        if (!current) return;
        setFiles(page.items.map(fileOf).filter((file): file is ContactFile => file !== null));
        setNext(page.nextCursor);
      })
      .catch((e: unknown) => current && setError(errorMessage(e)));
    return () => {
      current = false;
    };
  }, [contactId, conversation.sequence]);

  async function loadOlder() {
    if (!next) return;
    setLoadingOlder(true);
    try {
      const page = await contacts.files(contactId, next);
      const older = page.items.map(fileOf).filter((file): file is ContactFile => file !== null);
      setFiles((held) => [...held, ...older.filter((file) => !held.some((h) => h.id === file.id))]);
      setNext(page.nextCursor);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoadingOlder(false);
    }
  }

  return (
    <div class="panel-section-body">
      <ErrorNotice error={error} onDismiss={() => setError(null)} />
      <ul class="files-list" aria-label="Files">
        {files.length === 0 && <li class="muted">No files yet.</li>}
        {files.map((file) => (
          <li key={file.id}>
            {file.ref.mediaId ? (
              <a href={mediaApi.url(file.ref.mediaId)} download={file.name} class="file-link">
                {file.kind === "image" || file.kind === "sticker" ? <img src={mediaApi.url(file.ref.mediaId)} alt="" loading="lazy" /> : <span class="file-kind">{file.kind}</span>}
                <span>
                  <span class="file-name">{file.name}</span>
                  <small class="muted">
                    {fileSize(file.ref.size)} · {fullDateTime(file.at)}
                  </small>
                </span>
              </a>
            ) : (
              <span class="muted">{file.name} (still downloading)</span>
            )}
          </li>
        ))}
      </ul>
      {next && (
        <button type="button" class="button-small button-quiet" disabled={loadingOlder} onClick={() => void loadOlder()}>
          Older files
        </button>
      )}
    </div>
  );
}
