// Every page type of the site, signed in where it must be: what the audit
// (axe-core, Lighthouse) and the one-language walk visit.
import { BORDERLINE } from "./harness.mjs";

export const EDITOR = ["elif", "editör-parola-42"];
export const MODERATOR = ["deniz", "moderatör-parola-42"];

// Gives a fresh server its staff and something in every queue; resolves
// to [{ name, path, staff }] — `staff` pages need a signed-in editor.
export async function sitePages(server) {
  server.addUser(...EDITOR, "editor");
  server.addUser(...MODERATOR, "moderator");
  const slug = await server.slug();
  const posted = await server.json("POST", `/api/v1/articles/${slug}/comments`,
    { author: "Mehmet Kara", text: BORDERLINE });
  const pending = posted.body.comment.id;
  const desk = await server.as(...EDITOR, "GET", `/api/v1/articles/${slug}`);
  return [
    { name: "front", path: "/" },
    { name: "article", path: `/news/${slug}` },
    { name: "photo", path: `/news/${slug}/photo` },
    { name: "login", path: "/login" },
    { name: "not-found", path: "/news/yok-boyle-bir-haber" },
    { name: "queue", path: "/moderation", staff: true },
    { name: "thread", path: `/moderation/comments/${pending}/thread`, staff: true },
    { name: "desk", path: "/desk", staff: true },
    { name: "editor", path: `/desk/articles/${desk.body.id}`, staff: true },
    { name: "new-article", path: "/desk/new", staff: true },
  ];
}
