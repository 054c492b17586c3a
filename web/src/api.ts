// The JSON API of a Newsroom server (docs/api.md), for the site's own
// pages (base "") and for the embed on another site (the server's origin).

export interface Span {
  start: number; // code-point offsets into the text
  end: number;
  text: string;
  reason?: string;
  replacement?: string;
  suggestions?: string[];
}

export interface RuleFinding {
  rule: string;
  violated: boolean;
  score?: number;
  action?: string;
  spans?: Span[];
  message?: { tr?: string; en?: string };
  fix?: string;
}

export interface Verdict {
  decision: "approve" | "review" | "reject" | string;
  language?: string;
  rules: RuleFinding[];
}

export interface Comment {
  id: number;
  author: string;
  text: string;
  parent_id: number | null;
  created_at: string;
  status?: string;
}

export interface PostResult {
  httpStatus: number;
  status?: "approved" | "pending" | "rejected";
  comment?: Comment;
  verdict?: Verdict;
  error?: string;
  retryAfter?: number;
}

export class Api {
  constructor(private readonly base: string = "") {}

  private url(path: string): string {
    return this.base + path;
  }

  async moderate(text: string, signal?: AbortSignal): Promise<Verdict> {
    const r = await fetch(this.url("/api/v1/moderate"), {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ text }),
      signal,
    });
    if (!r.ok) throw new Error(`moderate: HTTP ${r.status}`);
    return (await r.json()) as Verdict;
  }

  async postComment(
    slug: string,
    body: { author: string; text: string; parent_id?: number },
  ): Promise<PostResult> {
    const r = await fetch(this.url(`/api/v1/articles/${encodeURIComponent(slug)}/comments`), {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
    });
    let data: any = null;
    try {
      data = await r.json();
    } catch {
      data = null;
    }
    const result: PostResult = { httpStatus: r.status };
    if (data && typeof data === "object") {
      result.status = data.status;
      result.comment = data.comment;
      result.verdict = data.verdict;
      if (data.error) result.error = String(data.error.message ?? "");
    }
    const retry = Number(r.headers.get("Retry-After"));
    if (Number.isFinite(retry) && retry > 0) result.retryAfter = retry;
    return result;
  }

  async comments(slug: string): Promise<Comment[]> {
    const r = await fetch(this.url(`/api/v1/articles/${encodeURIComponent(slug)}/comments`), {
      headers: { Accept: "application/json" },
    });
    if (!r.ok) throw new Error(`comments: HTTP ${r.status}`);
    const data = await r.json();
    return Array.isArray(data.comments) ? (data.comments as Comment[]) : [];
  }

  async report(id: string): Promise<boolean> {
    const r = await fetch(this.url(`/api/v1/comments/${encodeURIComponent(id)}/report`), {
      method: "POST",
      headers: { Accept: "application/json" },
    });
    return r.ok;
  }

  // A moderator's decision; the session cookie goes with it (same origin).
  async decide(
    id: string,
    decision: "approve" | "reject",
    csrfToken: string,
    expectedStatus?: string,
  ): Promise<{ ok: boolean; status: number; message: string }> {
    const r = await fetch(this.url(`/api/v1/comments/${encodeURIComponent(id)}/${decision}`), {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
        "X-CSRF-Token": csrfToken,
      },
      body: JSON.stringify(expectedStatus ? { expected_status: expectedStatus } : {}),
    });
    let message = "";
    if (!r.ok) {
      try {
        const data = await r.json();
        message = String(data?.error?.message ?? "");
      } catch {
        message = `HTTP ${r.status}`;
      }
    }
    return { ok: r.ok, status: r.status, message };
  }
}
