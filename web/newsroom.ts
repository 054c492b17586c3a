// The browser script of every page of the site (served at
// /assets/newsroom.js). Each page works without it; this only adds to the
// hooks the server renders (src/site/article_page.cc, photo_page.cc,
// moderation_page.cc).
import css from "./src/newsroom.css?inline";
import { enhanceCommentForm, enhanceReportForms } from "./src/comment-form";
import { enhanceZoomLinks } from "./src/lightbox";
import { enhanceModeration } from "./src/moderation";
import { enhanceShare } from "./src/share";

function addStyles(): void {
  if (document.getElementById("nr-styles")) return;
  const style = document.createElement("style");
  style.id = "nr-styles";
  style.textContent = css;
  document.head.append(style);
}

function start(): void {
  addStyles();
  document.documentElement.classList.add("nr-js");
  const form = document.querySelector<HTMLFormElement>("form[data-comment-form]");
  if (form) enhanceCommentForm(form);
  enhanceReportForms();
  enhanceZoomLinks();
  enhanceShare();
  enhanceModeration();
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start, { once: true });
} else {
  start();
}
