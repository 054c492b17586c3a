// Plain paragraphs out of an HTML page, for building text corpora from
// documentation (LibreOffice's help pages, in Newsroom's case).
//
//   std::vector<std::string> paragraphs = ExtractParagraphs(html);
//
// Text of <p>, <h1>–<h6>, <li> and <td> elements, tags stripped, character
// references decoded, white space collapsed. <script> and <style> are
// skipped. Not a general HTML parser: it is meant for well-formed,
// machine-generated pages. Pure and thread-safe.
#ifndef NEWSROOM_CORPUS_HTML_TEXT_H_
#define NEWSROOM_CORPUS_HTML_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

namespace newsroom::corpus {

std::vector<std::string> ExtractParagraphs(std::string_view html);

// Decodes &amp; &lt; &gt; &quot; &apos; &nbsp; and numeric references;
// unknown references are kept as written.
std::string DecodeEntities(std::string_view s);

}  // namespace newsroom::corpus

#endif  // NEWSROOM_CORPUS_HTML_TEXT_H_
