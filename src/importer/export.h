// Reading the comment exports of other systems: Disqus's XML export and
// WordPress's WXR. One pass over the file, streaming, hands each
// discussion (a Disqus thread, a WordPress post) and each comment to a
// visitor, in file order, as plain values.
//
//   class Counter : public ExportVisitor {
//     absl::Status OnThread(const SourceThread& t) override { … }
//     absl::Status OnComment(const SourceComment& c) override { … }
//   };
//   Counter counter;
//   absl::Status s = ReadExport("disqus.xml.gz", Format::kDisqus, counter);
//
// The shapes read (see the .cc files for the fields):
//   Disqus: <disqus> with <thread dsq:id> and <post dsq:id> as siblings; a
//     post names its thread and its parent by dsq:id (or by <id> text);
//     <isDeleted>, <isSpam> (and <isApproved> when present).
//   WordPress (WXR 1.0–1.2): <rss><channel> with <item> per post or page,
//     each holding its <wp:comment>s (comment_id, comment_parent,
//     comment_approved 1/0/spam/trash, comment_date_gmt, comment_author,
//     comment_content, comment_type).
//
// What is wrong with the file as XML (not well-formed, bytes not in its
// encoding, which includes invalid UTF-8, a root element of another
// format) stops the reading with InvalidArgument "PATH:LINE: what". What
// is wrong with one comment (a date that is not a date, a status the
// format does not have) is not an error here: it travels with the comment
// in SourceComment::problem for the importer to report. A visitor's
// non-OK Status stops the reading and is returned.
//
// Thread-safety: ReadExport may run on several threads at once, each with
// its own visitor.
#ifndef NEWSROOM_IMPORTER_EXPORT_H_
#define NEWSROOM_IMPORTER_EXPORT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"

namespace newsroom::importer {

enum class Format { kDisqus, kWordPress };
// "disqus", "wordpress".
std::string_view FormatName(Format format);

// A discussion at the source: what its comments were written under.
struct SourceThread {
  // The names comments use for it: Disqus "dsq:7651269" (its dsq:id) and
  // "id:IDENT" (its <id>, the page's disqus_identifier, when not empty);
  // WordPress "item:N" (the Nth <item> of the file, from 1).
  std::vector<std::string> keys;
  std::string url;    // the page's address, as the export gives it
  std::string title;  // plain text
  std::string slug;   // WordPress's post_name; empty for Disqus
  std::optional<absl::Time> created_at;
  int line = 0;
};

// What the source had done with a comment.
enum class SourceStatus {
  kPublished,   // shown to readers
  kHeld,        // waiting for a moderator (WordPress 0, Disqus unapproved)
  kDeleted,     // Disqus isDeleted
  kSpam,        // Disqus isSpam, WordPress spam
  kTrash,       // WordPress trash and post-trashed
  kNotReaders,  // WordPress pingbacks, trackbacks and other non-comments
};
// "published", "held", "deleted", "spam", "trash", "not a reader's comment".
std::string_view SourceStatusName(SourceStatus status);

struct SourceComment {
  // How the export names it: Disqus "dsq:ID" or "id:ID", WordPress the
  // comment_id. Empty when the export gives none (then `problem` says so).
  std::string key;
  // Disqus: "id:ID" when the post has both a dsq:id and an <id>, either of
  // which a reply may use.
  std::string alias;
  std::string thread_key;  // the thread's name as the comment gives it
  std::string parent_key;  // the replied-to comment's key, or empty
  std::string author;      // the name shown at the source; may be empty
  std::string body;        // as stored at the source: HTML
  std::optional<absl::Time> created_at;
  // WordPress: comment_date_gmt was missing, and comment_date (the site's
  // local time, zone unknown) was read as UTC.
  bool local_time_as_utc = false;
  SourceStatus status = SourceStatus::kPublished;
  std::string type;     // WordPress comment_type when not a comment
  std::string problem;  // what is wrong with this comment; empty when fine
  int line = 0;
};

class ExportVisitor {
 public:
  virtual ~ExportVisitor() = default;
  // WordPress: the site's address (wp:base_blog_url, else
  // wp:base_site_url, else the channel's <link>), when the file has one.
  virtual absl::Status OnSite(std::string_view url) { return absl::OkStatus(); }
  virtual absl::Status OnThread(const SourceThread& thread) = 0;
  virtual absl::Status OnComment(const SourceComment& comment) = 0;
};

// Reads the export at `path` (plain or gzip-compressed), calling `visitor`
// for each thread and comment in file order. WordPress calls OnThread for
// an item after its comments (the item's fields are complete only at its
// end).
absl::Status ReadExport(const std::string& path, Format format,
                        ExportVisitor& visitor);

}  // namespace newsroom::importer

#endif  // NEWSROOM_IMPORTER_EXPORT_H_
