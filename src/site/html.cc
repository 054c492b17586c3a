// Escaping, dates and the page frame shared by every page.
//
// Escaping is the one defence between what a reader typed and the page:
// every string from outside goes through EscapeHtml, which also repairs
// what is not text (ill-formed UTF-8, control characters) so that the
// same output is valid in HTML attributes, HTML text and XML (RSS).
//
// Dates are kept in UTC and shown in Europe/Istanbul, loaded from the
// system's tz database; where that is missing, Turkey's fixed UTC+3 (the
// country has kept it all year round since 2016) stands in.
//
// Tested by render_test.cc.
#include "site/internal/html.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "rules/rules.h"
#include "site/render.h"

namespace newsroom::site {
namespace {

const absl::TimeZone& Istanbul() {
  static const absl::TimeZone* zone = [] {
    absl::TimeZone tz;
    if (absl::LoadTimeZone("Europe/Istanbul", &tz)) {
      return new absl::TimeZone(tz);
    }
    return new absl::TimeZone(absl::FixedTimeZone(3 * 60 * 60));
  }();
  return *zone;
}

// True for the code points HTML and XML 1.0 do not allow as characters.
bool Forbidden(char32_t c) {
  if (c < 0x20) return c != '\t' && c != '\n' && c != '\r';
  return c == 0xFFFE || c == 0xFFFF;
}

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      ++i;
      switch (b) {
        case '&':
          out += "&amp;";
          break;
        case '<':
          out += "&lt;";
          break;
        case '>':
          out += "&gt;";
          break;
        case '"':
          out += "&quot;";
          break;
        case '\'':
          out += "&#39;";
          break;
        default:
          if (Forbidden(b)) {
            out += kReplacement;
          } else {
            out += static_cast<char>(b);
          }
      }
      continue;
    }
    const size_t begin = i;
    const char32_t c = internal::NextCodePointLenient(text, &i);
    if (c == internal::kInvalidCodePoint || Forbidden(c)) {
      out += kReplacement;
    } else {
      out.append(text.substr(begin, i - begin));
    }
  }
  return out;
}

std::string FormatLocalTime(absl::Time t, Lang lang) {
  // Turkish papers write "27.11.2026 03:02"; English editions
  // "27 Nov 2026, 03:02" (absl names months in English whatever the
  // locale).
  if (lang == Lang::kTr)
    return absl::FormatTime("%d.%m.%Y %H:%M", t, Istanbul());
  return std::string(absl::StripLeadingAsciiWhitespace(
      absl::FormatTime("%e %b %Y, %H:%M", t, Istanbul())));
}

absl::TimeZone SiteTimeZone() { return Istanbul(); }

absl::Duration SiteUtcOffset() {
  return absl::Seconds(Istanbul().At(absl::Now()).offset);
}

std::string FormatRfc3339(absl::Time t) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", t, absl::UTCTimeZone());
}

namespace internal {

char32_t NextCodePointLenient(std::string_view s, size_t* i) {
  const unsigned char b0 = static_cast<unsigned char>(s[*i]);
  if (b0 < 0x80) {
    ++*i;
    return b0;
  }
  int need = 0;
  char32_t c = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
    c = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    c = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    c = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // beyond U+10FFFF
  } else {
    ++*i;
    return kInvalidCodePoint;
  }
  size_t j = *i + 1;
  for (int k = 0; k < need; ++k) {
    if (j >= s.size()) {
      *i = j;
      return kInvalidCodePoint;
    }
    const unsigned char b = static_cast<unsigned char>(s[j]);
    if (b < lo || b > hi) {
      *i = j;
      return kInvalidCodePoint;
    }
    c = (c << 6) | (b & 0x3F);
    ++j;
    lo = 0x80;
    hi = 0xBF;
  }
  *i = j;
  return c;
}

std::string EscapeWithBreaks(std::string_view text) {
  std::string out;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\r') continue;
    out += EscapeHtml(text.substr(start, i - start));
    out += "<br>";
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  out += EscapeHtml(text.substr(start));
  return out;
}

std::string UrlEncode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size() * 3);
  for (char ch : s) {
    const unsigned char b = static_cast<unsigned char>(ch);
    if (absl::ascii_isalnum(b) || b == '-' || b == '_' || b == '.' ||
        b == '~') {
      out += ch;
    } else {
      out += '%';
      out += kHex[b >> 4];
      out += kHex[b & 0xF];
    }
  }
  return out;
}

std::string AbsoluteUrl(const SiteInfo& info, std::string_view path) {
  if (path.starts_with("http://") || path.starts_with("https://")) {
    return std::string(path);
  }
  std::string out = info.base_url;
  if (!path.starts_with("/")) out += '/';
  out += path;
  return out;
}

std::string JsonForScript(const nlohmann::json& j) {
  const std::string dumped =
      j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(dumped.size());
  for (char ch : dumped) {
    switch (ch) {
      case '<':
        out += "\\u003c";
        break;
      case '>':
        out += "\\u003e";
        break;
      case '&':
        out += "\\u0026";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

std::string FormatRfc822(absl::Time t) {
  static constexpr const char* kDays[] = {"Mon", "Tue", "Wed", "Thu",
                                          "Fri", "Sat", "Sun"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr",
                                            "May", "Jun", "Jul", "Aug",
                                            "Sep", "Oct", "Nov", "Dec"};
  const absl::CivilSecond cs = absl::ToCivilSecond(t, absl::UTCTimeZone());
  const int weekday = static_cast<int>(absl::GetWeekday(absl::CivilDay(cs)));
  return absl::StrFormat("%s, %02d %s %04d %02d:%02d:%02d +0000",
                         kDays[weekday], cs.day(), kMonths[cs.month() - 1],
                         static_cast<int64_t>(cs.year()), cs.hour(),
                         cs.minute(), cs.second());
}

std::string TimeElement(const SiteInfo& info, absl::Time t,
                        std::string_view css_class) {
  std::string out = "<time";
  if (!css_class.empty()) {
    absl::StrAppend(&out, " class=\"", EscapeHtml(css_class), "\"");
  }
  std::string shown = FormatLocalTime(t, info.lang);
  // The date and the hour stay on one line.
  absl::StrReplaceAll({{" ", "\u00a0"}}, &shown);
  absl::StrAppend(&out, " datetime=\"", FormatRfc3339(t), "\">", shown,
                  "</time>");
  return out;
}

std::string Say(const SiteInfo& info, std::string_view tr,
                std::string_view en) {
  return EscapeHtml(info.lang == Lang::kEn ? en : tr);
}

std::string SayText(const SiteInfo& info, std::string_view tr,
                    std::string_view en) {
  return Say(info, tr, en);
}

std::string MarkPolicyClauses(std::string_view policy, bool english) {
  // ASCII lower-casing keeps byte offsets (Turkish letters are untouched),
  // so a clause found in the folded copy is at the same bytes in `policy`.
  const std::string folded = absl::AsciiStrToLower(std::string(policy));
  struct Hit {
    size_t begin;
    size_t end;
    std::string_view rule;
  };
  std::vector<Hit> hits;
  for (const rules::RuleSpec& r : rules::kRuleSpecs) {
    const std::string clause =
        absl::AsciiStrToLower(std::string(rules::In(r.clause, english)));
    const size_t at = folded.find(clause);
    if (at != std::string::npos)
      hits.push_back({at, at + clause.size(), r.name});
  }
  std::sort(hits.begin(), hits.end(),
            [](const Hit& a, const Hit& b) { return a.begin < b.begin; });
  std::string out;
  size_t pos = 0;
  for (const Hit& h : hits) {
    if (h.begin < pos) continue;  // overlaps the clause before
    out += EscapeHtml(policy.substr(pos, h.begin - pos));
    absl::StrAppend(
        &out, "<span class=\"clause\" data-rule=\"", EscapeHtml(h.rule), "\">",
        EscapeHtml(policy.substr(h.begin, h.end - h.begin)), "</span>");
    pos = h.end;
  }
  out += EscapeHtml(policy.substr(pos));
  return out;
}

std::string PageStart(const SiteInfo& info, const PageOptions& options) {
  const bool en = info.lang == Lang::kEn;
  std::string out =
      absl::StrCat("<!doctype html>\n<html lang=\"", en ? "en" : "tr",
                   "\">\n<head>\n", "<meta charset=\"utf-8\">\n",
                   "<meta name=\"viewport\" content=\"width=device-width, "
                   "initial-scale=1\">\n",
                   "<title>", EscapeHtml(options.title), "</title>\n",
                   "<link rel=\"icon\" href=\"/favicon.svg\" "
                   "type=\"image/svg+xml\">\n<link rel=\"apple-touch-icon\" "
                   "href=\"",
                   kLogoPath, "\">\n");
  for (const std::string& href : info.stylesheets) {
    absl::StrAppend(&out, "<link rel=\"stylesheet\" href=\"", EscapeHtml(href),
                    "\">\n");
  }
  absl::StrAppend(&out,
                  "<link rel=\"alternate\" type=\"application/rss+xml\" "
                  "title=\"",
                  EscapeHtml(info.name), "\" href=\"/rss.xml\">\n");
  out += options.head;
  for (const std::string& src : info.scripts) {
    absl::StrAppend(&out, "<script type=\"module\" src=\"", EscapeHtml(src),
                    "\"></script>\n");
  }
  absl::StrAppend(
      &out, "</head>\n<body",
      options.body_class.empty()
          ? std::string()
          : absl::StrCat(" class=\"", EscapeHtml(options.body_class), "\""),
      ">\n<a class=\"skip-link\" href=\"#main\">",
      Say(info, "İçeriğe geç", "Skip to content"), "</a>\n",
      "<header class=\"site-header\">\n<a class=\"site-name\" href=\"/\">",
      EscapeHtml(info.name), "</a>\n<nav class=\"site-nav\" aria-label=\"",
      SayText(info, "Site menüsü", "Site menu"), "\">\n<a href=\"/\">",
      Say(info, "Haberler", "News"),
      "</a>\n<a href=\"/rss.xml\">RSS</a>\n</nav>\n</header>\n",
      "<main id=\"main\" tabindex=\"-1\">\n");
  return out;
}

std::string_view FaviconSvg() {
  // A white "N" on the site's link blue, the same mark as the logo.
  static constexpr std::string_view kSvg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\">"
      "<rect width=\"32\" height=\"32\" rx=\"6\" fill=\"#0b4f8a\"/>"
      "<path d=\"M8 25V7h4l8 11.5V7h4v18h-4l-8-11.5V25z\" fill=\"#fff\"/>"
      "</svg>\n";
  return kSvg;
}

std::string DeskName(const SiteInfo& info) {
  return absl::StrCat(info.name,
                      info.lang == Lang::kEn ? " News Desk" : " Haber Merkezi");
}

std::string PageEnd(const SiteInfo& info) {
  return absl::StrCat(
      "</main>\n<footer class=\"site-footer\">\n<p>", EscapeHtml(info.name),
      " · ",
      Say(info, "Yorumlar yorum politikamıza göre denetlenir.",
          "Comments are moderated by our comment policy."),
      " · <a href=\"/rss.xml\">RSS</a></p>\n</footer>\n</body>\n</html>\n");
}

}  // namespace internal
}  // namespace newsroom::site
