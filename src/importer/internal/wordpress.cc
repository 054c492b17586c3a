// WordPress's export, WXR (WordPress eXtended RSS), as
// wp-admin/includes/export.php writes it (versions 1.0 to 1.2):
//
//   <rss xmlns:wp="http://wordpress.org/export/1.2/" …><channel>
//     <link>https://haber.example.com</link>
//     <wp:base_site_url>…</wp:base_site_url>
//     <wp:base_blog_url>…</wp:base_blog_url>
//     <item>
//       <title>…</title> <link>https://…/2019/05/vapur/</link>
//       <pubDate>Tue, 14 May 2019 09:30:00 +0000</pubDate>
//       <wp:post_id>12</wp:post_id> <wp:post_date_gmt>…</wp:post_date_gmt>
//       <wp:post_name>vapur</wp:post_name> …
//       <wp:comment>
//         <wp:comment_id>7</wp:comment_id>
//         <wp:comment_author><![CDATA[Ayşe]]></wp:comment_author>
//         <wp:comment_date>…</wp:comment_date>
//         <wp:comment_date_gmt>2019-05-14 10:02:11</wp:comment_date_gmt>
//         <wp:comment_content><![CDATA[…]]></wp:comment_content>
//         <wp:comment_approved>1</wp:comment_approved>
//         <wp:comment_type>comment</wp:comment_type>
//         <wp:comment_parent>0</wp:comment_parent> …
//       </wp:comment>
//     </item>
//   </channel></rss>
//
// An item is read field by field and its comments are handed on one at a
// time, so a post with a hundred thousand comments costs no more memory
// than one with ten; the item itself (its address and title) is handed on
// at its end, when its fields are complete.
//
// comment_approved is "1" (published), "0" (held), "spam", "trash" or
// "post-trashed"; WordPress's own exporter leaves spam out, other tools do
// not. comment_type "" or "comment" is a reader's comment; pingbacks,
// trackbacks and the notes plugins keep as comments are not.
//
// Tested by export_test.cc.
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "importer/internal/formats.h"

namespace newsroom::importer::internal {
namespace {

bool IsWordPress(const XmlReader& r) {
  return r.namespace_uri().substr(0, 28) == "http://wordpress.org/export/";
}

void Problem(SourceComment& c, std::string message) {
  if (c.problem.empty()) c.problem = std::move(message);
}

SourceComment CommentFrom(const Record& r, std::string_view thread_key) {
  SourceComment c;
  c.line = r.line;
  c.thread_key = std::string(thread_key);
  c.key = Trimmed(r.Get("comment_id"));
  if (c.key.empty()) Problem(c, "the comment has no <wp:comment_id>");
  const std::string parent = Trimmed(r.Get("comment_parent"));
  if (!parent.empty() && parent != "0") c.parent_key = parent;
  c.author = Trimmed(r.Get("comment_author"));
  c.body = std::string(r.Get("comment_content"));

  const std::string gmt = Trimmed(r.Get("comment_date_gmt"));
  const std::string local = Trimmed(r.Get("comment_date"));
  c.created_at = ParseSqlTime(gmt);
  if (!c.created_at.has_value()) {
    c.created_at = ParseSqlTime(local);
    c.local_time_as_utc = c.created_at.has_value();
  }
  if (!c.created_at.has_value()) {
    Problem(c,
            absl::StrCat("neither <wp:comment_date_gmt> \"", gmt,
                         "\" nor <wp:comment_date> \"", local, "\" is a date"));
  }

  const std::string approved = Trimmed(r.Get("comment_approved"));
  if (approved == "1") {
    c.status = SourceStatus::kPublished;
  } else if (approved == "0") {
    c.status = SourceStatus::kHeld;
  } else if (approved == "spam") {
    c.status = SourceStatus::kSpam;
  } else if (approved == "trash" || approved == "post-trashed") {
    c.status = SourceStatus::kTrash;
  } else {
    Problem(c, absl::StrCat("<wp:comment_approved> \"", approved,
                            "\" is none of 1, 0, spam, trash, post-trashed"));
  }
  const std::string type = Trimmed(r.Get("comment_type"));
  if (!type.empty() && type != "comment") {
    c.status = SourceStatus::kNotReaders;
    c.type = type;
  }
  if (r.truncated) {
    Problem(c, absl::StrCat("the comment is larger than ",
                            kMaxRecordBytes >> 20, " MiB"));
  }
  return c;
}

absl::Status ReadItem(XmlReader& reader, int ordinal, ExportVisitor& visitor,
                      bool* wordpress) {
  SourceThread item;
  item.line = reader.line();
  const std::string key = absl::StrCat("item:", ordinal);
  item.keys.push_back(key);
  std::string post_date_gmt, pub_date;
  if (reader.IsEmptyElement()) return visitor.OnThread(item);
  const int depth = reader.depth();
  for (;;) {
    absl::StatusOr<bool> more = reader.Next();
    if (!more.ok()) return more.status();
    if (!*more) return reader.ErrorHere("the document ends inside an <item>");
    if (reader.IsEnd() && reader.depth() == depth) break;
    if (!reader.IsStart() || reader.depth() != depth + 1) continue;
    const std::string name(reader.name());
    if (IsWordPress(reader)) *wordpress = true;
    if (IsWordPress(reader) && name == "comment") {
      absl::StatusOr<Record> r = reader.ReadRecord(kMaxRecordBytes);
      if (!r.ok()) return r.status();
      if (absl::Status s = visitor.OnComment(CommentFrom(*r, key)); !s.ok()) {
        return s;
      }
      continue;
    }
    std::string* field = nullptr;
    if (reader.namespace_uri().empty()) {
      if (name == "title") field = &item.title;
      if (name == "link") field = &item.url;
      if (name == "pubDate") field = &pub_date;
    } else if (IsWordPress(reader)) {
      if (name == "post_name") field = &item.slug;
      if (name == "post_date_gmt") field = &post_date_gmt;
    }
    if (field == nullptr) {
      if (absl::Status s = reader.Skip(); !s.ok()) return s;
      continue;
    }
    absl::StatusOr<std::string> text = reader.ReadText(kMaxFieldBytes);
    if (!text.ok()) return text.status();
    *field = Trimmed(*text);
  }
  item.created_at = ParseSqlTime(post_date_gmt);
  if (!item.created_at.has_value()) item.created_at = ParseRfc822Time(pub_date);
  return visitor.OnThread(item);
}

}  // namespace

absl::Status ReadWordPress(XmlReader& reader, ExportVisitor& visitor) {
  std::string blog_url, site_url, channel_link;
  bool wordpress = false;
  int items = 0;
  for (;;) {
    absl::StatusOr<bool> more = reader.Next();
    if (!more.ok()) return more.status();
    if (!*more) break;
    if (!reader.IsStart()) continue;
    if (IsWordPress(reader)) wordpress = true;
    if (reader.depth() == 1) {
      if (reader.name() != "channel") {
        if (absl::Status s = reader.Skip(); !s.ok()) return s;
      }
      continue;  // into the channel
    }
    if (reader.depth() != 2) continue;
    const std::string name(reader.name());
    if (name == "item" && reader.namespace_uri().empty()) {
      if (absl::Status s = ReadItem(reader, ++items, visitor, &wordpress);
          !s.ok()) {
        return s;
      }
      continue;
    }
    std::string* field = nullptr;
    if (IsWordPress(reader) && name == "base_blog_url") field = &blog_url;
    if (IsWordPress(reader) && name == "base_site_url") field = &site_url;
    if (reader.namespace_uri().empty() && name == "link") {
      field = &channel_link;
    }
    if (field == nullptr) {
      if (absl::Status s = reader.Skip(); !s.ok()) return s;
      continue;
    }
    absl::StatusOr<std::string> text = reader.ReadText(kMaxFieldBytes);
    if (!text.ok()) return text.status();
    *field = Trimmed(*text);
  }
  if (!wordpress) {
    return absl::InvalidArgumentError(absl::StrCat(
        reader.path(),
        ": no element of WordPress's export namespace "
        "(http://wordpress.org/export/…): this RSS is not a WordPress "
        "export (WXR)"));
  }
  const std::string& site = !blog_url.empty()   ? blog_url
                            : !site_url.empty() ? site_url
                                                : channel_link;
  if (!site.empty()) return visitor.OnSite(site);
  return absl::OkStatus();
}

}  // namespace newsroom::importer::internal
