// A streaming XML reader over one file: libxml2's xmlTextReader behind a
// small interface, so that no other file of the importer sees libxml2.
//
//   absl::StatusOr<std::unique_ptr<XmlReader>> r = XmlReader::Open(path);
//   for (;;) {
//     absl::StatusOr<bool> more = (*r)->Next();
//     if (!more.ok()) return more.status();   // "export.xml:12: …"
//     if (!*more) break;
//     if ((*r)->IsStart("post")) {
//       absl::StatusOr<Record> post = (*r)->ReadRecord();
//       …
//     }
//   }
//
// Streaming: only the node under the cursor (and, in ReadRecord, the
// fields of one record) is held in memory, so a file of any size is read
// in a few megabytes. Gzip-compressed files are read as they are (libxml2
// decompresses), so a Disqus export can be imported without unpacking it.
//
// Safety: no network access, no external entities or DTDs loaded, libxml2's
// limits on a single text node (10 MB) and on entity expansion left on.
// A document that is not well-formed, or whose bytes are not valid in its
// declared encoding (UTF-8 when none is declared), stops the reading with
// InvalidArgument naming the file and line.
//
// Not thread-safe: one reader per thread.
#ifndef NEWSROOM_IMPORTER_INTERNAL_XML_READER_H_
#define NEWSROOM_IMPORTER_INTERNAL_XML_READER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace newsroom::importer::internal {

// An element's subtree, flattened: each element's text under its path of
// local names relative to the element ("message", "author/name"), and each
// attribute called "id" (in any namespace) under "PATH@id" ("@id" for the
// element's own, "thread@id"). Namespaces are dropped: the format readers
// check them where they matter, on the elements that mark the format.
struct Record {
  int line = 0;  // where the element starts
  std::vector<std::pair<std::string, std::string>> fields;
  // True when the subtree was larger than ReadRecord's limit: some text is
  // missing from `fields`.
  bool truncated = false;

  // The text under `path`, or "" when absent.
  std::string_view Get(std::string_view path) const;
  bool Has(std::string_view path) const;
};

class XmlReader {
 public:
  // Opens `path` for reading (plain or gzip-compressed). NotFound when it
  // does not exist, InvalidArgument when it cannot be read.
  static absl::StatusOr<std::unique_ptr<XmlReader>> Open(
      const std::string& path);
  ~XmlReader();
  XmlReader(const XmlReader&) = delete;
  XmlReader& operator=(const XmlReader&) = delete;

  // Moves to the next node. False at the end of the document.
  absl::StatusOr<bool> Next();

  // The node under the cursor.
  bool IsStart() const;  // a start tag (or an empty element, <x/>)
  bool IsEnd() const;    // an end tag; an empty element has none
  bool IsStart(std::string_view local_name) const {
    return IsStart() && name() == local_name;
  }
  bool IsEmptyElement() const;
  int depth() const;              // the root element is at depth 0
  std::string_view name() const;  // local name
  std::string_view namespace_uri() const;
  int line() const;  // of the node under the cursor

  // Reads the subtree of the start element under the cursor into a Record,
  // leaving the cursor on its end (or on the element itself when empty).
  // At most `max_bytes` of text and 256 distinct paths are kept; beyond
  // that Record::truncated is set and reading goes on to the end.
  absl::StatusOr<Record> ReadRecord(size_t max_bytes);

  // The text inside the start element under the cursor (its descendants'
  // text, concatenated); leaves the cursor as ReadRecord does.
  // InvalidArgument when it is longer than `max_bytes`.
  absl::StatusOr<std::string> ReadText(size_t max_bytes);

  // Moves past the subtree of the start element under the cursor.
  absl::Status Skip();

  // InvalidArgument "PATH:LINE: message", at the node under the cursor.
  absl::Status ErrorHere(std::string_view message) const;
  const std::string& path() const { return path_; }

 private:
  struct Impl;
  XmlReader(std::string path, std::unique_ptr<Impl> impl);

  std::string path_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsroom::importer::internal

#endif  // NEWSROOM_IMPORTER_INTERNAL_XML_READER_H_
