// Reading Meta's template components: the body and header texts, their {{n}} variables, and
// the text a customer will see once the variables are filled.
import type { Template, TemplateSend } from "../api/types";

export function componentText(template: Template, type: string): string | undefined {
  return template.components.find((c) => c.type.toUpperCase() === type)?.text;
}

export function headerFormat(template: Template): string | undefined {
  return template.components.find((c) => c.type.toUpperCase() === "HEADER")?.format?.toUpperCase();
}

export function variableCount(text: string | undefined): number {
  if (!text) return 0;
  let highest = 0;
  for (const match of text.matchAll(/\{\{\s*(\d+)\s*\}\}/g)) highest = Math.max(highest, Number(match[1]));
  return highest;
}

export function fill(text: string, values: readonly string[]): string {
  return text.replace(/\{\{\s*(\d+)\s*\}\}/g, (whole, n: string) => values[Number(n) - 1]?.trim() || whole);
}

/** Example values Meta asked for at creation, as placeholders. */
export function bodyExamples(template: Template): string[] {
  const body = template.components.find((c) => c.type.toUpperCase() === "BODY");
  const example = body?.example as { body_text?: string[][] } | undefined;
  return example?.body_text?.[0] ?? [];
}

export function templateParameters(
  template: Template,
  bodyValues: readonly string[],
  headerValue: string | undefined,
  headerMediaId: string | undefined,
): TemplateSend["parameters"] {
  const body = bodyValues.slice(0, Math.max(template.bodyParameterCount, variableCount(componentText(template, "BODY")))).map((v) => v.trim());
  const format = headerFormat(template);
  if (format && format !== "TEXT" && headerMediaId) {
    return { header: { type: format.toLowerCase(), mediaId: headerMediaId } as never, body };
  }
  if (variableCount(componentText(template, "HEADER")) > 0 && headerValue !== undefined) {
    return { header: { type: "text", text: headerValue.trim() }, body };
  }
  return body;
}

export function groupByName(templates: readonly Template[]): Map<string, Template[]> {
  const groups = new Map<string, Template[]>();
  for (const template of templates) groups.set(template.name, [...(groups.get(template.name) ?? []), template]);
  return groups;
}
