// ReadExport opens the file and hands it to the reader of its format
// (internal/disqus.cc, internal/wordpress.cc); this file also holds what
// both share: finding the root element, booleans and the three date forms
// the formats use.
//
// Dates are the one place where the two formats are loose. Disqus's own
// documentation shows createdAt without a zone ("2012-12-12T12:12:12")
// while its exports write "Z"; both are UTC. WordPress writes MySQL
// DATETIMEs, with "0000-00-00 00:00:00" for "none", and RFC 822 in
// <pubDate>. Anything else is not guessed at: the comment carries a
// problem naming the value.
//
// Tested by export_test.cc.
#include "importer/export.h"

#include <memory>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "importer/internal/formats.h"
#include "importer/internal/xml_reader.h"
#include "text/trim.h"

namespace newsroom::importer {

std::string_view FormatName(Format format) {
  return format == Format::kDisqus ? "disqus" : "wordpress";
}

std::string_view SourceStatusName(SourceStatus status) {
  switch (status) {
    case SourceStatus::kPublished:
      return "published";
    case SourceStatus::kHeld:
      return "held";
    case SourceStatus::kDeleted:
      return "deleted";
    case SourceStatus::kSpam:
      return "spam";
    case SourceStatus::kTrash:
      return "trash";
    case SourceStatus::kNotReaders:
      return "not a reader's comment";
  }
  return "published";
}

absl::Status ReadExport(const std::string& path, Format format,
                        ExportVisitor& visitor) {
  absl::StatusOr<std::unique_ptr<internal::XmlReader>> reader =
      internal::XmlReader::Open(path);
  if (!reader.ok()) return reader.status();
  if (absl::Status s = internal::FindRoot(**reader); !s.ok()) return s;
  // Each format has its root; the other's is a mix-up worth naming.
  const std::string_view root = (*reader)->name();
  const bool disqus = format == Format::kDisqus;
  const std::string_view expected = disqus ? "disqus" : "rss";
  if (root != expected) {
    return (*reader)->ErrorHere(absl::StrCat(
        "the root element is <", std::string(root), ">, not <",
        std::string(expected), ">: this is not a ",
        disqus ? "Disqus export" : "WordPress export (WXR)",
        root == (disqus ? "rss" : "disqus")
            ? absl::StrCat(" (it looks like ", disqus ? "WordPress" : "Disqus",
                           "'s; try `newsroom import ",
                           disqus ? "wordpress" : "disqus", "`)")
            : ""));
  }
  return format == Format::kDisqus ? internal::ReadDisqus(**reader, visitor)
                                   : internal::ReadWordPress(**reader, visitor);
}

namespace internal {

absl::Status FindRoot(XmlReader& reader) {
  for (;;) {
    absl::StatusOr<bool> more = reader.Next();
    if (!more.ok()) return more.status();
    if (!*more) return reader.ErrorHere("the file has no XML element");
    if (reader.IsStart()) return absl::OkStatus();
  }
}

std::string Trimmed(std::string_view s) { return std::string(text::Trim(s)); }

std::optional<bool> ParseBool(std::string_view s) {
  const std::string v = absl::AsciiStrToLower(Trimmed(s));
  if (v == "true" || v == "1") return true;
  if (v == "false" || v == "0") return false;
  return std::nullopt;
}

std::optional<absl::Time> ParseIsoTime(std::string_view s) {
  const std::string v = Trimmed(s);
  absl::Time t;
  std::string err;
  if (absl::ParseTime(absl::RFC3339_full, v, &t, &err)) return t;
  if (absl::ParseTime("%Y-%m-%d%ET%H:%M:%E*S", v, absl::UTCTimeZone(), &t,
                      &err)) {
    return t;
  }
  return std::nullopt;
}

std::optional<absl::Time> ParseSqlTime(std::string_view s) {
  const std::string v = Trimmed(s);
  if (absl::StartsWith(v, "0000-00-00")) return std::nullopt;
  absl::Time t;
  std::string err;
  if (absl::ParseTime("%Y-%m-%d %H:%M:%S", v, absl::UTCTimeZone(), &t, &err)) {
    return t;
  }
  return std::nullopt;
}

std::optional<absl::Time> ParseRfc822Time(std::string_view s) {
  const std::string v = Trimmed(s);
  absl::Time t;
  std::string err;
  for (const char* format : {"%a, %d %b %Y %H:%M:%S %z", "%d %b %Y %H:%M:%S %z",
                             "%a, %d %b %Y %H:%M:%S GMT"}) {
    if (absl::ParseTime(format, v, absl::UTCTimeZone(), &t, &err)) return t;
  }
  return std::nullopt;
}

}  // namespace internal
}  // namespace newsroom::importer
