// Pick an approved template and a language, fill its {{n}} variables, see the rendered text,
// send. Used by the closed-window composer, the panel and the new-conversation dialog.
import { useEffect, useMemo, useState } from "preact/hooks";
import { errorMessage } from "../api/client";
import { media } from "../api/resources";
import type { TemplateSend } from "../api/types";
import type { Session } from "../app/session";
import { useObservable } from "../shared/observable";
import { ErrorNotice } from "../shared/ui";
import { bodyExamples, componentText, fill, groupByName, headerFormat, templateParameters, variableCount } from "./template-text";

export function TemplateForm(props: { session: Session; submitLabel: string; onSubmit: (template: TemplateSend) => Promise<void>; idPrefix: string; disabled?: boolean }) {
  const all = useObservable(props.session.templates.items);
  const loadError = useObservable(props.session.templates.error);
  const approved = useMemo(() => all.filter((t) => t.status === "approved"), [all]);
  const groups = useMemo(() => groupByName(approved), [approved]);
  const [name, setName] = useState("");
  const [language, setLanguage] = useState("");
  const [values, setValues] = useState<string[]>([]);
  const [headerValue, setHeaderValue] = useState("");
  const [headerMediaId, setHeaderMediaId] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);

  useEffect(() => void props.session.templates.ensure(), [props.session]);

  const languages = groups.get(name) ?? [];
  const template = languages.find((t) => t.language === language) ?? languages[0];
  useEffect(() => {
    if (template && template.language !== language) setLanguage(template.language);
  }, [template, language]);

  const body = template ? (componentText(template, "BODY") ?? "") : "";
  const header = template ? componentText(template, "HEADER") : undefined;
  const footer = template ? componentText(template, "FOOTER") : undefined;
  const format = template ? headerFormat(template) : undefined;
  const bodyCount = template ? Math.max(template.bodyParameterCount, variableCount(body)) : 0;
  const headerCount = variableCount(header);
  const examples = template ? bodyExamples(template) : [];
  const missing = values.slice(0, bodyCount).filter((v) => v?.trim()).length < bodyCount || (headerCount > 0 && !headerValue.trim()) || (!!format && format !== "TEXT" && !headerMediaId);

  async function submit(event: Event) {
    event.preventDefault();
    if (!template) return;
    setBusy(true);
    setError(null);
    setSent(false);
    try {
      await props.onSubmit({
        name: template.name,
        language: template.language,
        parameters: templateParameters(template, values, headerCount > 0 ? headerValue : undefined, headerMediaId),
      });
      setValues([]);
      setHeaderValue("");
      setSent(true);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const id = (suffix: string) => `${props.idPrefix}-${suffix}`;
  return (
    <form class="template-form" onSubmit={submit} aria-label="Send a template">
      <div class="template-form-row">
        <label for={id("name")}>Template</label>
        <select
          id={id("name")}
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setLanguage("");
            setValues([]);
            setSent(false);
          }}
        >
          <option value="">{approved.length === 0 ? "No approved templates" : "Choose a template…"}</option>
          {[...groups.keys()].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <label for={id("language")}>Language</label>
        <select id={id("language")} value={template?.language ?? ""} disabled={!template} onChange={(e) => setLanguage(e.currentTarget.value)}>
          {languages.map((t) => (
            <option key={t.language} value={t.language}>
              {t.language}
            </option>
          ))}
        </select>
      </div>
      {template && (
        <>
          {headerCount > 0 && (
            <label class="template-variable">
              Header {"{{1}}"}
              <input value={headerValue} required onInput={(e) => setHeaderValue(e.currentTarget.value)} />
            </label>
          )}
          {format && format !== "TEXT" && (
            <label class="template-variable">
              Header {format.toLowerCase()}
              <input
                type="file"
                accept={format === "IMAGE" ? "image/jpeg,image/png" : format === "VIDEO" ? "video/mp4" : "*/*"}
                onChange={async (e) => {
                  const file = e.currentTarget.files?.[0];
                  if (!file) return;
                  try {
                    setHeaderMediaId((await media.upload(file, format.toLowerCase())).id);
                  } catch (err) {
                    setError(errorMessage(err));
                  }
                }}
              />
            </label>
          )}
          {Array.from({ length: bodyCount }, (_, i) => (
            <label class="template-variable" key={i}>
              {`{{${i + 1}}}`}
              <input
                value={values[i] ?? ""}
                placeholder={examples[i] ?? ""}
                required
                aria-label={`Variable {{${i + 1}}}`}
                onInput={(e) => {
                  const next = [...values];
                  next[i] = e.currentTarget.value;
                  setValues(next);
                  setSent(false);
                }}
              />
            </label>
          ))}
          <div class="template-preview" aria-label="Preview" role="region">
            <span class="template-preview-title">Preview</span>
            {header && <strong>{fill(header, [headerValue])}</strong>}
            {format && format !== "TEXT" && <em>[{format.toLowerCase()} header]</em>}
            <p data-testid="template-preview">{fill(body, values)}</p>
            {footer && <small>{footer}</small>}
          </div>
        </>
      )}
      <ErrorNotice error={error ?? loadError} onDismiss={() => setError(null)} />
      {sent && (
        <p class="success-text" role="status">
          Template sent.
        </p>
      )}
      <button type="submit" class="button-primary" disabled={!template || busy || missing || props.disabled}>
        {busy ? "Sending…" : props.submitLabel}
      </button>
    </form>
  );
}
