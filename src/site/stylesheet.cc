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
h1 { font-size: clamp(1.6rem, 4vw, 2.3rem); line-height: 1.2; margin: 0.5rem 0; }
h2 { font-size: 1.35rem; }
.lead { font-size: 1.15rem; font-weight: 500; }
.dates, .byline, .comment-meta, .source, figcaption, .help { color: var(--muted); font-size: 0.93rem; }
.dates span { margin-right: 1rem; }
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
.comment-actions { display: flex; gap: 1rem; align-items: center; font-size: 0.93rem; }
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
.rule-filter { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
.rule-filter select { width: auto; }
.queue-item { border: 1px solid var(--rule); border-radius: 4px; padding: 0.75rem 1rem; margin: 1rem 0; }
.queue-item h3 { margin: 0; font-size: 1.05rem; }
blockquote.comment-text { margin: 0.5rem 0; padding: 0.5rem 0.75rem; background: var(--panel); }
mark { background: #ffe08a; color: var(--text); padding: 0 0.1em; border-bottom: 2px solid var(--warn); }
.findings { padding-left: 1.25rem; font-size: 0.93rem; }
.finding.violated strong { color: var(--accent); }
.decide { display: flex; gap: 0.75rem; }
.decide form { margin: 0; }
.session { display: flex; gap: 1rem; align-items: center; justify-content: space-between; }
table { border-collapse: collapse; width: 100%; font-size: 0.93rem; }
th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--rule); }
@media (prefers-reduced-motion: no-preference) {
  html { scroll-behavior: smooth; }
}
)css";
  return kCss;
}

}  // namespace newsroom::site
