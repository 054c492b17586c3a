// XmlReader: libxml2's xmlTextReader, the pull interface of a real,
// long-fielded parser, rather than a parser of our own. It reads the file
// in small chunks and frees each node once the cursor has passed it, which
// is what lets a gigabyte export be read in constant memory.
//
// Errors. libxml2 reports through a structured error callback; the first
// error (not warning) is kept with its line and becomes the Status of the
// Next() that failed. Encoding errors (bytes that are not UTF-8 in a UTF-8
// document) are errors of the parser, so invalid UTF-8 is found here, with
// its line, before any text reaches the rest of Newsroom.
//
// Line numbers. libxml2 keeps an element's line in 16 bits: past line
// 65535 an element only knows it is "65535 or later". With
// XML_PARSE_BIG_LINES text nodes keep their full line, and in an export
// (pretty-printed by Disqus and WordPress) the white space before a tag
// ends on the tag's line; so an element past 65535 takes the line of the
// text node just before it, and the parser's own position (at most one
// 512-byte chunk ahead) when there is none.
//
// Tested by xml_reader_test.cc.
#include "importer/internal/xml_reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <mutex>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "text/trim.h"

namespace newsroom::importer::internal {
namespace {

constexpr int kMaxPaths = 256;
constexpr int kUnknownLine = 65535;  // libxml2's "this line or later"

std::string_view View(const xmlChar* s) {
  return s == nullptr ? std::string_view()
                      : std::string_view(reinterpret_cast<const char*>(s));
}

bool IsTextType(int type) {
  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
         type == XML_READER_TYPE_WHITESPACE ||
         type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

}  // namespace

std::string_view Record::Get(std::string_view path) const {
  for (const auto& [p, value] : fields) {
    if (p == path) return value;
  }
  return {};
}

bool Record::Has(std::string_view path) const {
  for (const auto& [p, value] : fields) {
    if (p == path) return true;
  }
  return false;
}

struct XmlReader::Impl {
  xmlTextReaderPtr reader = nullptr;
  int type = XML_READER_TYPE_NONE;
  // The first error libxml2 reported, with its line.
  std::string error;
  int error_line = 0;
  // The full line of the last text node, and whether it was the node just
  // before the one under the cursor.
  int last_text_line = 0;
  bool previous_was_text = false;

  ~Impl() {
    if (reader != nullptr) xmlFreeTextReader(reader);
  }

  static void OnError(void* arg, xmlErrorPtr e) {
    Impl* self = static_cast<Impl*>(arg);
    if (e == nullptr || e->level < XML_ERR_ERROR || !self->error.empty()) {
      return;
    }
    std::string message = e->message != nullptr ? e->message : "XML error";
    self->error = std::string(text::Trim(message));
    self->error_line = e->line;
  }
};

absl::StatusOr<std::unique_ptr<XmlReader>> XmlReader::Open(
    const std::string& path) {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  FILE* probe = std::fopen(path.c_str(), "rb");
  if (probe == nullptr) {
    return absl::NotFoundError(
        absl::StrCat(path, ": cannot open the export: ", std::strerror(errno)));
  }
  std::fclose(probe);
  auto impl = std::make_unique<Impl>();
  // No network, no DTD, no entity substitution beyond the predefined ones;
  // CDATA as plain text; big line numbers kept on text nodes.
  impl->reader = xmlReaderForFile(path.c_str(), nullptr,
                                  XML_PARSE_NONET | XML_PARSE_NOCDATA |
                                      XML_PARSE_COMPACT | XML_PARSE_BIG_LINES);
  if (impl->reader == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": cannot read the export"));
  }
  xmlTextReaderSetStructuredErrorHandler(impl->reader, &Impl::OnError,
                                         impl.get());
  return std::unique_ptr<XmlReader>(new XmlReader(path, std::move(impl)));
}

XmlReader::XmlReader(std::string path, std::unique_ptr<Impl> impl)
    : path_(std::move(path)), impl_(std::move(impl)) {}

XmlReader::~XmlReader() = default;

absl::StatusOr<bool> XmlReader::Next() {
  if (impl_->type != XML_READER_TYPE_NONE) {
    impl_->previous_was_text = IsTextType(impl_->type);
    if (impl_->previous_was_text) {
      long n = xmlGetLineNo(xmlTextReaderCurrentNode(impl_->reader));
      if (n > 0) impl_->last_text_line = static_cast<int>(n);
    }
  }
  const int rc = xmlTextReaderRead(impl_->reader);
  if (!impl_->error.empty() || rc < 0) {
    const int line = impl_->error_line > 0
                         ? impl_->error_line
                         : xmlTextReaderGetParserLineNumber(impl_->reader);
    return absl::InvalidArgumentError(absl::StrCat(
        path_, ":", line, ": ",
        impl_->error.empty() ? "the XML could not be read" : impl_->error));
  }
  if (rc == 0) {
    impl_->type = XML_READER_TYPE_NONE;
    return false;
  }
  impl_->type = xmlTextReaderNodeType(impl_->reader);
  return true;
}

bool XmlReader::IsStart() const {
  return impl_->type == XML_READER_TYPE_ELEMENT;
}

bool XmlReader::IsEnd() const {
  return impl_->type == XML_READER_TYPE_END_ELEMENT;
}

bool XmlReader::IsEmptyElement() const {
  return IsStart() && xmlTextReaderIsEmptyElement(impl_->reader) == 1;
}

int XmlReader::depth() const { return xmlTextReaderDepth(impl_->reader); }

std::string_view XmlReader::name() const {
  return View(xmlTextReaderConstLocalName(impl_->reader));
}

std::string_view XmlReader::namespace_uri() const {
  return View(xmlTextReaderConstNamespaceUri(impl_->reader));
}

int XmlReader::line() const {
  xmlNodePtr node = xmlTextReaderCurrentNode(impl_->reader);
  const int parser_line = xmlTextReaderGetParserLineNumber(impl_->reader);
  if (node == nullptr) return parser_line;
  if (node->type == XML_ELEMENT_NODE) {
    if (node->line > 0 && node->line < kUnknownLine) return node->line;
    if (impl_->previous_was_text && impl_->last_text_line >= kUnknownLine) {
      return impl_->last_text_line;
    }
    return parser_line;
  }
  const long n = xmlGetLineNo(node);
  return n > 0 ? static_cast<int>(n) : parser_line;
}

absl::StatusOr<Record> XmlReader::ReadRecord(size_t max_bytes) {
  Record record;
  record.line = line();
  // The element's own id attribute.
  auto read_id = [&](std::string_view path) {
    if (xmlTextReaderHasAttributes(impl_->reader) != 1) return;
    for (int more = xmlTextReaderMoveToFirstAttribute(impl_->reader); more == 1;
         more = xmlTextReaderMoveToNextAttribute(impl_->reader)) {
      if (name() == "id") {
        record.fields.emplace_back(
            absl::StrCat(std::string(path), "@id"),
            std::string(View(xmlTextReaderConstValue(impl_->reader))));
      }
    }
    xmlTextReaderMoveToElement(impl_->reader);
  };
  read_id("");
  if (IsEmptyElement()) return record;

  const int base = depth();
  std::vector<std::string> stack;  // local names below the element
  size_t bytes = 0;
  auto field = [&](const std::string& path) -> std::string* {
    for (auto& [p, value] : record.fields) {
      if (p == path) return &value;
    }
    if (record.fields.size() >= kMaxPaths) return nullptr;
    record.fields.emplace_back(path, "");
    return &record.fields.back().second;
  };
  for (;;) {
    absl::StatusOr<bool> more = Next();
    if (!more.ok()) return more.status();
    if (!*more) return ErrorHere("the document ends inside an element");
    if (IsEnd()) {
      if (depth() == base) return record;
      if (!stack.empty()) stack.pop_back();
      continue;
    }
    if (IsStart()) {
      stack.emplace_back(name());
      const std::string path = absl::StrJoin(stack, "/");
      read_id(path);
      if (IsEmptyElement()) {
        stack.pop_back();
      }
      continue;
    }
    if (IsTextType(impl_->type) && !stack.empty()) {
      std::string_view text = View(xmlTextReaderConstValue(impl_->reader));
      if (bytes + text.size() > max_bytes) {
        record.truncated = true;
        continue;
      }
      std::string* value = field(absl::StrJoin(stack, "/"));
      if (value == nullptr) {
        record.truncated = true;
        continue;
      }
      value->append(text);
      bytes += text.size();
    }
  }
}

absl::StatusOr<std::string> XmlReader::ReadText(size_t max_bytes) {
  std::string out;
  if (IsEmptyElement()) return out;
  const int base = depth();
  for (;;) {
    absl::StatusOr<bool> more = Next();
    if (!more.ok()) return more.status();
    if (!*more) return ErrorHere("the document ends inside an element");
    if (IsEnd() && depth() == base) return out;
    if (IsTextType(impl_->type)) {
      std::string_view text = View(xmlTextReaderConstValue(impl_->reader));
      if (out.size() + text.size() > max_bytes) {
        return ErrorHere(absl::StrCat("the element's text is longer than ",
                                      max_bytes, " bytes"));
      }
      out.append(text);
    }
  }
}

absl::Status XmlReader::Skip() {
  if (IsEmptyElement()) return absl::OkStatus();
  const int base = depth();
  for (;;) {
    absl::StatusOr<bool> more = Next();
    if (!more.ok()) return more.status();
    if (!*more) return ErrorHere("the document ends inside an element");
    if (IsEnd() && depth() == base) return absl::OkStatus();
  }
}

absl::Status XmlReader::ErrorHere(std::string_view message) const {
  return absl::InvalidArgumentError(
      absl::StrCat(path_, ":", line(), ": ", std::string(message)));
}

}  // namespace newsroom::importer::internal
