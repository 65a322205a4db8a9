// A thin fetch wrapper: same-origin cookie auth, JSON in and out, RFC 9457 problems as ApiError.

export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
  [extension: string]: unknown;
}

/** A refusal from the Api, carrying its problem details so the screen can say what went wrong. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemDetails,
  ) {
    super(ApiError.describe(status, problem));
    this.name = "ApiError";
  }

  /** The stable problem type, e.g. "window_closed". */
  get type(): string {
    return (this.problem.type ?? "").split("/").pop() ?? "";
  }

  static describe(status: number, problem: ProblemDetails): string {
    const fieldErrors = problem.errors ? Object.values(problem.errors).flat() : [];
    const detail = problem.detail ?? (fieldErrors.length > 0 ? fieldErrors.join(" ") : undefined);
    const title = problem.title ?? `Request failed (${status})`;
    return detail ? `${title}: ${detail}` : title;
  }
}

/** Called when any request answers 401, so the app can return to the sign-in page. */
let onUnauthorized: () => void = () => {};
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export async function request<T>(method: string, path: string, body?: unknown, init?: RequestInit): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json, application/problem+json" };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(body);
  }

  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: "same-origin", ...init });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, { title: "The server cannot be reached", detail: "Check your connection; the console retries on its own." });
  }

  if (response.status === 401 && !path.endsWith("/auth/login")) onUnauthorized();
  if (!response.ok) {
    let problem: ProblemDetails = { title: response.statusText || `Request failed (${response.status})` };
    const text = await response.text();
    if (text) {
      try {
        problem = JSON.parse(text) as ProblemDetails;
      } catch {
        problem = { title: `Request failed (${response.status})`, detail: text.slice(0, 300) };
      }
    }
    throw new ApiError(response.status, problem);
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const http = {
  get: <T>(path: string, init?: RequestInit) => request<T>("GET", path, undefined, init),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, body),
  delete: <T = void>(path: string) => request<T>("DELETE", path),
};

/** Builds a query string from the defined, non-empty values. */
export function query(values: Record<string, string | number | undefined | null>): string {
  const parameters = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== "") parameters.set(key, String(value));
  }
  const text = parameters.toString();
  return text ? `?${text}` : "";
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
