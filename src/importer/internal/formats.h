// The two export formats, each a function from an XmlReader positioned on
// the document's root element (checked by ReadExport) to visitor calls (export.h says what they
// produce), and the small parsers they share.
//
//   absl::Status s = ReadDisqus(reader, visitor);
//
// Pure functions apart from the reader and the visitor they are given.
#ifndef NEWSROOM_IMPORTER_INTERNAL_FORMATS_H_
#define NEWSROOM_IMPORTER_INTERNAL_FORMATS_H_

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "importer/export.h"
#include "importer/internal/xml_reader.h"

namespace newsroom::importer::internal {

// Most text one thread, post or comment element may hold; a larger one is
// read to its end and reported as a problem of that comment.
inline constexpr size_t kMaxRecordBytes = 4 << 20;
// Most text of a single field outside records (a channel's address).
inline constexpr size_t kMaxFieldBytes = 64 << 10;

absl::Status ReadDisqus(XmlReader& reader, ExportVisitor& visitor);
absl::Status ReadWordPress(XmlReader& reader, ExportVisitor& visitor);

// Moves `reader` to the document's root element. InvalidArgument when the
// document has none.
absl::Status FindRoot(XmlReader& reader);

// `s` without the ASCII white space around it, as a string: the text of an
// element or attribute.
std::string Trimmed(std::string_view s);

// "true"/"false" and "1"/"0", any case, white space around ignored.
std::optional<bool> ParseBool(std::string_view s);
// ISO 8601 / RFC 3339 as Disqus writes it: "2012-12-12T12:12:12Z", with
// or without fractional seconds and zone; no zone means UTC.
std::optional<absl::Time> ParseIsoTime(std::string_view s);
// MySQL's "2019-05-14 09:30:00", as UTC. nullopt for WordPress's
// "0000-00-00 00:00:00" (no date).
std::optional<absl::Time> ParseSqlTime(std::string_view s);
// RSS's RFC 822 "Tue, 14 May 2019 09:30:00 +0000".
std::optional<absl::Time> ParseRfc822Time(std::string_view s);

}  // namespace newsroom::importer::internal

#endif  // NEWSROOM_IMPORTER_INTERNAL_FORMATS_H_
