// The plain text of a comment written elsewhere in HTML, as Newsroom keeps
// comments: paragraphs separated by a blank line, line breaks as "\n", no
// markup.
//
//   std::string t = CommentText("<p>Çok <b>güzel</b> haber.</p><p>Bravo</p>",
//                               Markup::kHtml);
//   // "Çok güzel haber.\n\nBravo"
//
// Markup::kHtml is HTML proper (Disqus): white space collapses as in a
// browser, and <p>, <br>, <div>, <blockquote>, <li>, <pre> make the breaks.
// Markup::kWordPress is WordPress's comment text: the line breaks the
// commenter typed are the breaks (WordPress adds <p> and <br> only when it
// shows the comment), and the few tags it allows are read as in kHtml.
//
// Character references are decoded (&amp; &#351; &ccedil; …), non-breaking
// spaces become spaces, and control characters other than the line break
// are dropped. A link keeps its text, or its address when it has no text;
// an image keeps its alt text. <script>, <style> and their kin are dropped
// whole. The HTML is parsed by libxml2's HTML parser, which, like a
// browser, makes something of any input: the result is always valid UTF-8
// when the input is, and may be empty (a comment that was only an image).
//
// Pure and thread-safe.
#ifndef NEWSROOM_IMPORTER_COMMENT_TEXT_H_
#define NEWSROOM_IMPORTER_COMMENT_TEXT_H_

#include <string>
#include <string_view>

namespace newsroom::importer {

enum class Markup { kHtml, kWordPress };

// REQUIRES: `body` is valid UTF-8.
std::string CommentText(std::string_view body, Markup markup);

}  // namespace newsroom::importer

#endif  // NEWSROOM_IMPORTER_COMMENT_TEXT_H_
