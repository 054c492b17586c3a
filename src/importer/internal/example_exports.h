// Exports written the way Disqus and WordPress write them, for the
// importer's tests: the element order, namespaces, CDATA and the fields
// the importer does not read (e-mail, IP address, meta) all as in
// Disqus's documented export and WordPress's export.php.
//
//   std::string xml = DisqusExport(
//       DisqusThread("1", "https://haber.example.com/vapur/", "Vapur"),
//       {{"101", "1", "", "Ayşe", "<p>Güzel haber.</p>"}});
//
// Test support only: linked into the tests, never into Newsroom.
#ifndef NEWSROOM_IMPORTER_INTERNAL_EXAMPLE_EXPORTS_H_
#define NEWSROOM_IMPORTER_INTERNAL_EXAMPLE_EXPORTS_H_

#include <string>
#include <vector>

namespace newsroom::importer::internal::examples {

// --- Disqus ----------------------------------------------------------------

// The XML declaration and <disqus> with its namespaces: two lines.
extern const char kDisqusHead[];

// A <thread> whose <id> is ID-ident, created 2019-05-14T09:30:00Z.
std::string DisqusThread(const std::string& id, const std::string& link,
                         const std::string& title);

struct DisqusPost {
  std::string id;
  std::string thread;
  std::string parent;  // "" for none
  std::string author;
  std::string message;  // HTML
  std::string created = "2019-05-14T10:00:00Z";
  bool deleted = false;
  bool spam = false;
  std::string username = "okur";  // "" for none
};

std::string DisqusPostXml(const DisqusPost& post);

// kDisqusHead, a category, `threads` (DisqusThread()s) and the posts.
std::string DisqusExport(const std::string& threads,
                         const std::vector<DisqusPost>& posts);

// --- WordPress (WXR 1.2) ----------------------------------------------------

struct WxrComment {
  std::string id;
  std::string parent = "0";
  std::string approved = "1";
  std::string author;
  std::string content;
  std::string date_gmt = "2019-05-14 10:02:11";
  std::string type = "comment";
};

std::string WxrCommentXml(const WxrComment& comment);

// An <item> (a post published 2019-05-14 09:30 UTC) with its comments.
std::string WxrItem(const std::string& title, const std::string& link,
                    const std::string& post_name,
                    const std::vector<WxrComment>& comments);

// The XML declaration, <rss> with WordPress's namespaces, and the
// <channel>'s fields, <link> and base_site_url `site`, base_blog_url
// `blog`; the channel is left open.
std::string WxrHead(const std::string& site, const std::string& blog);

// WxrHead(site, site), the items, and the closing tags.
std::string Wxr(const std::string& site, const std::string& items);

}  // namespace newsroom::importer::internal::examples

#endif  // NEWSROOM_IMPORTER_INTERNAL_EXAMPLE_EXPORTS_H_
