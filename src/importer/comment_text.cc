// CommentText: libxml2's HTML parser builds the tree (it knows HTML's
// entities and how browsers mend broken markup), and a walk over the tree
// writes the text.
//
// The walk keeps one decision pending: how many line breaks the next text
// needs before it (0, 1 for <br> and <li>, 2 for a paragraph). Breaks are
// only ever written in front of text, so markup that opens and closes
// blocks without text between them (<p></p>, a lone <img>) leaves no blank
// lines behind, and the text never starts or ends with one. Spaces are
// handled the same way in kHtml: a run of white space is one pending
// space, dropped at the start and end of a line.
//
// In kWordPress the text nodes keep their line breaks (WordPress stores
// what the commenter typed and adds <p> only when showing it); runs of
// more than one blank line are folded into one, as wpautop does.
//
// Tested by comment_text_test.cc.
#include "importer/comment_text.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <mutex>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "text/trim.h"
#include "text/utf8.h"

namespace newsroom::importer {
namespace {

std::string_view View(const xmlChar* s) {
  return s == nullptr ? std::string_view()
                      : std::string_view(reinterpret_cast<const char*>(s));
}

bool IsOneOf(std::string_view name,
             std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    if (name == n) return true;
  }
  return false;
}

class Writer {
 public:
  explicit Writer(Markup markup) : markup_(markup) {}

  void Break(int lines) { pending_breaks_ = std::max(pending_breaks_, lines); }

  // Appends the text of one text node.
  void Text(std::string_view s, bool preformatted) {
    for (size_t i = 0; i < s.size();) {
      char32_t c = text::NextCodePoint(s, &i);
      if (c == 0xa0) c = ' ';  // no-break space
      if (c == '\r') continue;
      if (c == '\n' && (preformatted || markup_ == Markup::kWordPress)) {
        ++typed_breaks_;
        pending_space_ = false;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\v') {
        pending_space_ = true;
        continue;
      }
      if (c < 0x20 || c == 0x7f) continue;  // other control characters
      Flush();
      text::AppendCodePoint(c, &out_);
    }
  }

  std::string Finish() {
    std::string out = std::move(out_);
    while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) {
      out.pop_back();
    }
    return out;
  }

 private:
  // Writes what is pending before the next character.
  void Flush() {
    const int breaks = std::min(2, std::max(pending_breaks_, typed_breaks_));
    if (!out_.empty()) {
      if (breaks > 0) {
        while (!out_.empty() && out_.back() == ' ') out_.pop_back();
        out_.append(static_cast<size_t>(breaks), '\n');
      } else if (pending_space_) {
        out_.push_back(' ');
      }
    }
    pending_breaks_ = 0;
    typed_breaks_ = 0;
    pending_space_ = false;
  }

  const Markup markup_;
  std::string out_;
  int pending_breaks_ = 0;
  int typed_breaks_ = 0;  // line breaks in the text itself (kWordPress, <pre>)
  bool pending_space_ = false;
};

void Walk(xmlNodePtr node, Writer& w, bool preformatted);

void WalkChildren(xmlNodePtr node, Writer& w, bool preformatted) {
  for (xmlNodePtr child = node->children; child != nullptr;
       child = child->next) {
    Walk(child, w, preformatted);
  }
}

bool HasText(xmlNodePtr node) {
  for (xmlNodePtr child = node->children; child != nullptr;
       child = child->next) {
    if (child->type == XML_TEXT_NODE &&
        !text::Trim(View(child->content)).empty()) {
      return true;
    }
    if (child->type == XML_ELEMENT_NODE && HasText(child)) return true;
  }
  return false;
}

void Walk(xmlNodePtr node, Writer& w, bool preformatted) {
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
    w.Text(View(node->content), preformatted);
    return;
  }
  if (node->type != XML_ELEMENT_NODE && node->type != XML_DOCUMENT_NODE &&
      node->type != XML_HTML_DOCUMENT_NODE) {
    return;  // comments, processing instructions
  }
  const std::string_view name = View(node->name);
  if (IsOneOf(name, {"script", "style", "head", "title", "noscript", "template",
                     "iframe", "object", "svg"})) {
    return;
  }
  if (name == "br") {
    w.Break(1);
    return;
  }
  if (name == "img") {
    xmlChar* alt = xmlGetProp(node, BAD_CAST "alt");
    if (alt != nullptr) {
      w.Text(View(alt), false);
      xmlFree(alt);
    }
    return;
  }
  if (name == "a" && !HasText(node)) {
    xmlChar* href = xmlGetProp(node, BAD_CAST "href");
    if (href != nullptr) {
      w.Text(View(href), false);
      xmlFree(href);
    }
    return;
  }
  const bool line = IsOneOf(name, {"li", "tr", "dt", "dd"});
  const bool paragraph = IsOneOf(
      name, {"p",      "div",    "blockquote", "pre",     "ul",      "ol",
             "dl",     "table",  "h1",         "h2",      "h3",      "h4",
             "h5",     "h6",     "hr",         "section", "article", "header",
             "footer", "figure", "figcaption", "address"});
  if (line) w.Break(1);
  if (paragraph) w.Break(2);
  WalkChildren(node, w, preformatted || name == "pre");
  if (line) w.Break(1);
  if (paragraph) w.Break(2);
}

}  // namespace

std::string CommentText(std::string_view body, Markup markup) {
  if (text::Trim(body).empty()) return "";
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  // The body is a fragment: a <body> around it keeps leading text out of
  // libxml2's implied <p> and gives every input the same shape.
  std::string html = "<html><head><meta charset=\"utf-8\"></head><body>";
  html.append(body);
  html.append("</body></html>");
  htmlDocPtr doc = htmlReadMemory(
      html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
          HTML_PARSE_NONET | HTML_PARSE_NODEFDTD);
  if (doc == nullptr) return "";
  Writer w(markup);
  Walk(reinterpret_cast<xmlNodePtr>(doc), w, false);
  xmlFreeDoc(doc);
  return w.Finish();
}

}  // namespace newsroom::importer
