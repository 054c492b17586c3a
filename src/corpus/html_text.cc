// A single pass over the page: track whether we are inside a block element
// whose text we want, append text there, drop tags, and close a paragraph
// when its block ends. Nested blocks (a <p> inside an <li>) simply end the
// outer paragraph early, which is what we want for sentences.
//
// Tested by html_text_test.cc.
#include "corpus/html_text.h"

#include <cstdlib>

#include "text/utf8.h"

namespace newsroom::corpus {
namespace {

bool IsBlock(std::string_view name) {
  return name == "p" || name == "li" || name == "td" || name == "th" ||
         name == "h1" || name == "h2" || name == "h3" || name == "h4" ||
         name == "h5" || name == "h6" || name == "div" || name == "br";
}

std::string CollapseSpace(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace

std::string DecodeEntities(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '&') {
      out.push_back(s[i++]);
      continue;
    }
    size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out.push_back(s[i++]);
      continue;
    }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    char32_t c = 0;
    if (name == "amp") c = '&';
    else if (name == "lt") c = '<';
    else if (name == "gt") c = '>';
    else if (name == "quot") c = '"';
    else if (name == "apos") c = '\'';
    else if (name == "nbsp") c = ' ';
    else if (name.size() > 1 && name[0] == '#') {
      std::string digits(name.substr(1));
      bool hex = !digits.empty() && (digits[0] == 'x' || digits[0] == 'X');
      c = static_cast<char32_t>(
          std::strtoul(digits.c_str() + (hex ? 1 : 0), nullptr, hex ? 16 : 10));
      if (c == 0xA0) c = ' ';
    }
    if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
      out.append(s.substr(i, semi - i + 1));
    } else {
      text::AppendCodePoint(c, &out);
    }
    i = semi + 1;
  }
  return out;
}

std::vector<std::string> ExtractParagraphs(std::string_view html) {
  std::vector<std::string> paragraphs;
  std::string current;
  int depth = 0;  // open wanted blocks
  auto flush = [&] {
    std::string p = CollapseSpace(DecodeEntities(current));
    if (!p.empty()) paragraphs.push_back(std::move(p));
    current.clear();
  };
  size_t i = 0;
  while (i < html.size()) {
    if (html[i] != '<') {
      size_t next = html.find('<', i);
      if (next == std::string_view::npos) next = html.size();
      if (depth > 0) current.append(html.substr(i, next - i));
      i = next;
      continue;
    }
    size_t close = html.find('>', i);
    if (close == std::string_view::npos) break;
    std::string_view tag = html.substr(i + 1, close - i - 1);
    bool closing = !tag.empty() && tag[0] == '/';
    if (closing) tag.remove_prefix(1);
    size_t name_end = tag.find_first_of(" \t\n/");
    std::string name(tag.substr(0, name_end));
    for (char& c : name) c = static_cast<char>(std::tolower(c));
    if (!closing && (name == "script" || name == "style")) {
      size_t end = html.find("</" + name, close);
      i = end == std::string_view::npos ? html.size() : end;
      continue;
    }
    if (IsBlock(name)) {
      flush();
      if (name != "br" && name != "div") depth += closing ? -1 : 1;
      if (depth < 0) depth = 0;
    } else if (depth > 0) {
      current.push_back(' ');
    }
    i = close + 1;
  }
  flush();
  return paragraphs;
}

}  // namespace newsroom::corpus
