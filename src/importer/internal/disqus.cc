// Disqus's XML export, as its documentation shows it
// (help.disqus.com, "Comments Export"; schema disqus.com/api/schemas/1.0/
// disqus.xsd):
//
//   <disqus xmlns="http://disqus.com"
//           xmlns:dsq="http://disqus.com/disqus-internals">
//     <category dsq:id="1">…</category>
//     <thread dsq:id="7651269">
//       <id>disqus_identifier</id> <link>https://…</link> <title>…</title>
//       <createdAt>2012-12-12T12:12:12Z</createdAt> …
//     </thread>
//     <post dsq:id="1001">
//       <message><![CDATA[<p>HTML</p>]]></message>
//       <createdAt>…</createdAt> <isDeleted>false</isDeleted>
//       <isSpam>false</isSpam>
//       <author><name>…</name><username>…</username></author>
//       <thread dsq:id="7651269"/> <parent dsq:id="1000"/>
//     </post>
//   </disqus>
//
// Threads and posts are siblings; a post names its thread and its parent.
// The documentation's own example names them both ways — by dsq:id
// (<thread dsq:id="2"/>) and by the thread's or post's <id> text
// (<thread>1</thread>) — so both are read: "dsq:N" for the attribute,
// "id:TEXT" for the text, and a thread or post answers to both of its
// names. Categories, e-mail and IP addresses are not read: Newsroom keeps
// no commenter's address.
//
// Tested by export_test.cc.
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "importer/internal/formats.h"

namespace newsroom::importer::internal {
namespace {

// "dsq:ID" when the element at `path` has a dsq:id, else "id:TEXT" when it
// has text, else "".
std::string Name(const Record& r, std::string_view path) {
  const std::string id = Trimmed(r.Get(absl::StrCat(std::string(path), "@id")));
  if (!id.empty()) return absl::StrCat("dsq:", id);
  const std::string text = Trimmed(r.Get(path));
  if (!text.empty()) return absl::StrCat("id:", text);
  return "";
}

SourceThread ThreadFrom(const Record& r) {
  SourceThread t;
  t.line = r.line;
  const std::string dsq = Trimmed(r.Get("@id"));
  if (!dsq.empty()) t.keys.push_back(absl::StrCat("dsq:", dsq));
  const std::string id = Trimmed(r.Get("id"));
  if (!id.empty()) t.keys.push_back(absl::StrCat("id:", id));
  t.url = Trimmed(r.Get("link"));
  t.title = Trimmed(r.Get("title"));
  t.created_at = ParseIsoTime(r.Get("createdAt"));
  return t;
}

// The first problem found is the one reported.
void Problem(SourceComment& c, std::string message) {
  if (c.problem.empty()) c.problem = std::move(message);
}

SourceComment PostFrom(const Record& r) {
  SourceComment c;
  c.line = r.line;
  const std::string dsq = Trimmed(r.Get("@id"));
  const std::string id = Trimmed(r.Get("id"));
  if (!dsq.empty()) {
    c.key = absl::StrCat("dsq:", dsq);
    if (!id.empty()) c.alias = absl::StrCat("id:", id);
  } else if (!id.empty()) {
    c.key = absl::StrCat("id:", id);
  } else {
    Problem(c, "the post has neither a dsq:id nor an <id>");
  }
  c.thread_key = Name(r, "thread");
  if (c.thread_key.empty()) Problem(c, "the post names no <thread>");
  c.parent_key = Name(r, "parent");

  c.author = Trimmed(r.Get("author/name"));
  if (c.author.empty()) c.author = Trimmed(r.Get("author/username"));
  c.body = std::string(r.Get("message"));

  const std::string created = Trimmed(r.Get("createdAt"));
  c.created_at = ParseIsoTime(created);
  if (created.empty()) {
    Problem(c, "the post has no <createdAt>");
  } else if (!c.created_at.has_value()) {
    Problem(c, absl::StrCat("<createdAt> \"", created, "\" is not a date"));
  }

  auto flag = [&](std::string_view field, bool absent) {
    if (!r.Has(field)) return absent;
    std::optional<bool> b = ParseBool(r.Get(field));
    if (!b.has_value()) {
      Problem(c, absl::StrCat("<", std::string(field), "> \"",
                              Trimmed(r.Get(field)),
                              "\" is neither true nor false"));
      return absent;
    }
    return *b;
  };
  if (flag("isDeleted", false)) {
    c.status = SourceStatus::kDeleted;
  } else if (flag("isSpam", false)) {
    c.status = SourceStatus::kSpam;
  } else if (!flag("isApproved", true)) {
    c.status = SourceStatus::kHeld;
  }
  if (r.truncated) {
    Problem(c, absl::StrCat("the post is larger than ", kMaxRecordBytes >> 20,
                            " MiB"));
  }
  return c;
}

}  // namespace

absl::Status ReadDisqus(XmlReader& reader, ExportVisitor& visitor) {
  if (reader.IsEmptyElement()) return absl::OkStatus();
  for (;;) {
    absl::StatusOr<bool> more = reader.Next();
    if (!more.ok()) return more.status();
    if (!*more) return absl::OkStatus();
    if (reader.IsEnd() && reader.depth() == 0) break;
    if (!reader.IsStart() || reader.depth() != 1) continue;
    if (reader.name() == "thread" || reader.name() == "post") {
      const bool thread = reader.name() == "thread";
      absl::StatusOr<Record> r = reader.ReadRecord(kMaxRecordBytes);
      if (!r.ok()) return r.status();
      absl::Status s = thread ? visitor.OnThread(ThreadFrom(*r))
                              : visitor.OnComment(PostFrom(*r));
      if (!s.ok()) return s;
    } else if (absl::Status s = reader.Skip(); !s.ok()) {
      return s;
    }
  }
  // Whatever follows the root (comments, white space) is read to the end,
  // so that a broken tail is an error too.
  for (;;) {
    absl::StatusOr<bool> more = reader.Next();
    if (!more.ok()) return more.status();
    if (!*more) return absl::OkStatus();
  }
}

}  // namespace newsroom::importer::internal
