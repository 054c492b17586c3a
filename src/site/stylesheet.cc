// The default style sheet, served at /assets/site.css. Plain CSS with no
// build step: readable type, text colours at WCAG AA contrast or better
// (body text #1a1a1a on #fff is 17:1; links #0b4f8a are 8:1), a focus
// outline on everything a keyboard reaches, and a layout that needs no
// media query to work on a phone.
#include <string_view>

#include "site/render.h"

namespace newsroom::site {

std::string_view DefaultStylesheet() {
  static constexpr std::string_view kCss = R"css(:root {
  --text: #1a1a1a;
  --muted: #4a4a4a;
  --link: #0b4f8a;
  --rule: #d0d0d0;
  --bg: #ffffff;
  --panel: #f4f4f2;
  --accent: #b3261e;
  --ok: #1b5e20;
  --warn: #7a4f00;
  --focus: #ffbf47;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans",
    sans-serif;
  line-height: 1.55;
  color: var(--text);
  background: var(--bg);
}
* { box-sizing: border-box; }
body { margin: 0; }
a { color: var(--link); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible {
  outline: 3px solid var(--focus);
  outline-offset: 2px;
  box-shadow: 0 0 0 5px var(--text);
}
.skip-link {
  position: absolute;
  left: 0.5rem;
  top: -3rem;
  padding: 0.5rem 1rem;
  background: var(--text);
  color: #fff;
  z-index: 10;
}
.skip-link:focus { top: 0.5rem; }
.site-header, .site-footer {
  display: flex;
  flex-wrap: wrap;
  gap: 1rem;
  align-items: baseline;
  justify-content: space-between;
  padding: 0.75rem max(1rem, calc((100% - 46rem) / 2));
  border-bottom: 1px solid var(--rule);
}
.site-footer { border-bottom: 0; border-top: 1px solid var(--rule); color: var(--muted); }
.site-name { font-weight: 700; font-size: 1.35rem; color: var(--text); text-decoration: none; }
.site-nav { display: flex; gap: 1rem; }
main { display: block; max-width: 46rem; margin: 0 auto; padding: 1rem; }
main:focus { outline: none; }
.page-moderation main, .page-desk main, .page-editor main { max-width: 72rem; }
h1 { font-size: clamp(1.6rem, 4vw, 2.3rem); line-height: 1.2; margin: 0.5rem 0; }
h2 { font-size: 1.35rem; }
.lead { font-size: 1.15rem; font-weight: 500; }
.dates, .byline, .comment-meta, .source, figcaption, .help { color: var(--muted); font-size: 0.93rem; }
.dates { display: flex; flex-wrap: wrap; column-gap: 1.25rem; }
time { white-space: nowrap; }
figure { margin: 1.25rem 0; }
figure img { display: block; width: 100%; height: auto; background: var(--panel); }
figcaption { margin-top: 0.4rem; }
.credit { font-style: italic; }
.photo-tools { display: flex; gap: 1rem; margin: -0.75rem 0 1.25rem; }
.article-body p { margin: 0 0 1rem; }
.article-list { list-style: none; padding: 0; }
.article-list li { border-bottom: 1px solid var(--rule); padding: 0.5rem 0; }
.teaser h2 a { color: var(--text); }
.discussion { margin-top: 2rem; border-top: 3px solid var(--text); }
.comment-order a.current { font-weight: 700; color: var(--text); }
.comment-list, .replies, .queue-items { list-style: none; padding: 0; }
.comment { border-top: 1px solid var(--rule); padding: 0.75rem 0; }
.replies { margin-left: 1.5rem; border-left: 3px solid var(--rule); padding-left: 1rem; }
.comment-author { font-weight: 700; color: var(--text); }
.comment-text { margin: 0.35rem 0; overflow-wrap: anywhere; }
.comment-actions { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; font-size: 0.93rem; }
/* Small targets are at least 24 by 24 CSS pixels (WCAG 2.2, 2.5.8). */
.comment-actions a, .comment-actions .link-button, .comment-order a,
.photo-tools a, .site-nav a, .thread-link {
  display: inline-flex; align-items: center; min-height: 24px; min-width: 24px;
}
.comment-actions form { display: inline; margin: 0; }
.link-button {
  background: none; border: 0; padding: 0; font: inherit;
  color: var(--link); text-decoration: underline; cursor: pointer;
}
.policy { background: var(--panel); padding: 0.75rem 1rem; margin: 1.5rem 0; font-size: 0.93rem; }
.policy .clause { text-decoration: underline dotted; }
.comment-form, .login-form { display: grid; gap: 0.75rem; margin: 1.5rem 0; }
.field { display: grid; gap: 0.25rem; }
label { font-weight: 600; }
input[type=text], input[type=password], input[type=url], textarea, select {
  font: inherit; padding: 0.5rem; border: 2px solid var(--muted);
  border-radius: 4px; width: 100%; color: var(--text); background: #fff;
}
textarea { resize: vertical; }
button {
  font: inherit; padding: 0.5rem 1.1rem; border: 2px solid var(--text);
  border-radius: 4px; background: var(--text); color: #fff; cursor: pointer;
  justify-self: start;
}
button.reject { background: var(--accent); border-color: var(--accent); }
button.approve { background: var(--ok); border-color: var(--ok); }
.notice { padding: 0.6rem 0.9rem; border-left: 4px solid var(--link); background: var(--panel); }
.notice-approved { border-color: var(--ok); }
.notice-pending, .notice-reported { border-color: var(--warn); }
.notice-rejected, .notice-error { border-color: var(--accent); }
.share-links { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; padding: 0; }
.tabs ul { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; padding: 0; }
.tabs a { display: block; padding: 0.4rem 0.8rem; border: 2px solid var(--rule); border-radius: 4px; text-decoration: none; }
.tabs a.current { border-color: var(--text); color: var(--text); font-weight: 700; }
select { max-width: 100%; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
}
.table-scroll { overflow-x: auto; max-width: 100%; }
details > summary { cursor: pointer; min-height: 24px; font-weight: 600; }
details.filters, details.counts, details.audit { margin: 0.75rem 0; }
.queue-filter { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: 0.5rem 1rem; align-items: end; }
.queue-filter .filter-actions { display: flex; gap: 1rem; align-items: center; margin: 0; }
input[type=search], input[type=date] {
  font: inherit; padding: 0.4rem; border: 2px solid var(--muted);
  border-radius: 4px; width: 100%; color: var(--text); background: #fff;
}
.bulk { display: flex; flex-wrap: wrap; gap: 0.5rem 0.75rem; align-items: center; margin: 0.5rem 0; }
.bulk select { width: auto; }
.queue-items { margin: 0; }
.queue-item {
  display: grid; grid-template-columns: auto 1fr auto; gap: 0 0.6rem;
  align-items: start; border-top: 1px solid var(--rule); padding: 0.4rem 0.25rem;
}
.queue-item > .select { width: 24px; height: 24px; margin: 0.2rem 0 0; }
.queue-item .line { min-width: 0; }
.queue-item .comment-meta { margin: 0; }
.queue-item .comment-text { margin: 0.1rem 0 0; }
.queue-item .why { grid-column: 2 / -1; font-size: 0.93rem; }
.queue-item .item-actions { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; }
.queue-item.nr-selected { background: #fff8e1; }
button.small { padding: 0.15rem 0.6rem; min-height: 28px; font-size: 0.93rem; }
button.secondary { background: #fff; color: var(--text); }
.badges { display: inline-flex; flex-wrap: wrap; gap: 0.3rem; }
.badge {
  display: inline-block; padding: 0 0.45rem; border: 1px solid var(--warn);
  border-radius: 999px; font-size: 0.85rem; color: var(--warn); background: #fff;
}
.badge.violated { background: var(--accent); border-color: var(--accent); color: #fff; }
.badge.reports { border-color: var(--link); color: var(--link); }
.reason { margin: 0.1rem 0 0; font-size: 0.93rem; color: var(--muted); }
@media (max-width: 40rem) {
  .queue-item { grid-template-columns: auto 1fr; }
  .queue-item .item-actions { grid-column: 2; }
}
.thread { list-style: none; padding: 0; }
.thread-comment { border-left: 3px solid var(--rule); padding: 0.3rem 0.75rem; margin: 0.4rem 0; }
.thread-comment[data-depth="1"] { margin-left: 1.25rem; }
.thread-comment[data-depth="2"] { margin-left: 2.5rem; }
.thread-comment[data-depth="3"] { margin-left: 3.75rem; }
.thread-comment[data-depth="4"], .thread-comment[data-depth="5"],
.thread-comment[data-depth="6"] { margin-left: 5rem; }
.thread-comment.focus { border-left-color: var(--accent); background: #fff8e1; }
a.button {
  display: inline-block; padding: 0.5rem 1.1rem; border-radius: 4px;
  background: var(--text); color: #fff; text-decoration: none; font-weight: 600;
}
.desk-list th[scope=row] { font-weight: 600; }
.desk-list .view { margin-left: 0.5rem; font-weight: 400; }
.article-state { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
.article-state dt { font-weight: 600; }
.article-state dd { margin: 0; }
.editor { display: grid; gap: 0.9rem; margin: 1rem 0; }
.editor fieldset { border: 1px solid var(--rule); border-radius: 4px; display: grid; gap: 0.75rem; }
.photo-current img { max-width: 20rem; }
.editor-actions { display: flex; flex-wrap: wrap; gap: 0.75rem; }
.preview-banner { margin-top: 0; }
.comments-closed { color: var(--muted); font-style: italic; }
mark { background: #ffe08a; color: var(--text); padding: 0 0.1em; border-bottom: 2px solid var(--warn); }
.findings { padding-left: 1.25rem; font-size: 0.93rem; }
.finding.violated strong { color: var(--accent); }
.session { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; justify-content: space-between; }
table { border-collapse: collapse; width: 100%; font-size: 0.93rem; }
th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--rule); }
@media (prefers-reduced-motion: no-preference) {
  html { scroll-behavior: smooth; }
}
)css";
  return kCss;
}

}  // namespace newsroom::site
