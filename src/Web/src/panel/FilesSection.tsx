// Files of the contact: the media messages of this conversation (as far as the history is loaded).
import { media as mediaApi } from "../api/resources";
import type { MediaRef } from "../api/types";
import type { ChatStore } from "../chat/chat-store";
import { fileSize, fullDateTime } from "../shared/format";
import { useObservable } from "../shared/observable";

export function FilesSection({ store }: { store: ChatStore }) {
  const messages = useObservable(store.messages);
  const hasMore = useObservable(store.hasMore);
  const files = messages.flatMap((m) => {
    const c = m.content;
    if (c.type === "image" || c.type === "video" || c.type === "audio" || c.type === "document" || c.type === "sticker") {
      const ref: MediaRef = c.media;
      const name = (c.type === "document" ? c.filename : undefined) ?? ref.filename ?? `${c.type} ${new Date(m.createdAt).toLocaleDateString()}`;
      return [{ id: m.id, kind: c.type, name, ref, at: m.createdAt }];
    }
    return [];
  });
  return (
    <div class="panel-section-body">
      <ul class="files-list" aria-label="Files">
        {files.length === 0 && <li class="muted">No files{hasMore ? " in the loaded history" : ""}.</li>}
        {files.reverse().map((file) => (
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
      {hasMore && (
        <button type="button" class="button-small button-quiet" onClick={() => void store.loadOlder()}>
          Load older history
        </button>
      )}
    </div>
  );
}
