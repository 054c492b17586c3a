// Tested through the tests that use it (export_test.cc, importer_test.cc).
#include "importer/internal/example_exports.h"

#include "absl/strings/str_cat.h"

namespace newsroom::importer::internal::examples {

const char kDisqusHead[] = R"(<?xml version="1.0" encoding="utf-8"?>
<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://disqus.com/api/schemas/1.0/disqus.xsd http://disqus.com/api/schemas/1.0/disqus-internals.xsd">
)";

std::string DisqusThread(const std::string& id, const std::string& link,
                         const std::string& title) {
  return absl::StrCat(R"(  <thread dsq:id=")", id, R"(">
    <id>)",
                      id, R"(-ident</id>
    <forum>haberexample</forum>
    <category dsq:id="1"/>
    <link>)",
                      link, R"(</link>
    <title>)",
                      title, R"(</title>
    <message/>
    <createdAt>2019-05-14T09:30:00Z</createdAt>
    <author><name>Haber Masası</name><isAnonymous>false</isAnonymous></author>
    <ipAddress>192.0.2.1</ipAddress>
    <isClosed>false</isClosed>
    <isDeleted>false</isDeleted>
  </thread>
)");
}

std::string DisqusPostXml(const DisqusPost& p) {
  return absl::StrCat(
      R"(  <post dsq:id=")", p.id, R"(">
    <id/>
    <message><![CDATA[)",
      p.message, R"(]]></message>
    <createdAt>)",
      p.created, R"(</createdAt>
    <isDeleted>)",
      p.deleted ? "true" : "false", R"(</isDeleted>
    <isSpam>)",
      p.spam ? "true" : "false", R"(</isSpam>
    <author>
      <email>okur@example.com</email>
      <name>)",
      p.author, R"(</name>
      <isAnonymous>false</isAnonymous>
)",
      p.username.empty()
          ? ""
          : absl::StrCat("      <username>", p.username, "</username>\n"),
      R"(    </author>
    <ipAddress>192.0.2.9</ipAddress>
    <thread dsq:id=")",
      p.thread, R"("/>
)",
      p.parent.empty()
          ? ""
          : absl::StrCat(R"(    <parent dsq:id=")", p.parent, R"("/>
)"),
      "  </post>\n");
}

std::string DisqusExport(const std::string& threads,
                         const std::vector<DisqusPost>& posts) {
  std::string xml = std::string(kDisqusHead) + R"(  <category dsq:id="1">
    <forum>haberexample</forum>
    <title>General</title>
    <isDefault>true</isDefault>
  </category>
)";
  xml += threads;
  for (const DisqusPost& p : posts) xml += DisqusPostXml(p);
  xml += "</disqus>\n";
  return xml;
}

std::string WxrCommentXml(const WxrComment& c) {
  return absl::StrCat(R"(
		<wp:comment>
			<wp:comment_id>)",
                      c.id, R"(</wp:comment_id>
			<wp:comment_author><![CDATA[)",
                      c.author, R"(]]></wp:comment_author>
			<wp:comment_author_email><![CDATA[okur@example.com]]></wp:comment_author_email>
			<wp:comment_author_url></wp:comment_author_url>
			<wp:comment_author_IP><![CDATA[192.0.2.7]]></wp:comment_author_IP>
			<wp:comment_date><![CDATA[2019-05-14 13:02:11]]></wp:comment_date>
			<wp:comment_date_gmt><![CDATA[)",
                      c.date_gmt, R"(]]></wp:comment_date_gmt>
			<wp:comment_content><![CDATA[)",
                      c.content, R"(]]></wp:comment_content>
			<wp:comment_approved><![CDATA[)",
                      c.approved, R"(]]></wp:comment_approved>
			<wp:comment_type><![CDATA[)",
                      c.type, R"(]]></wp:comment_type>
			<wp:comment_parent>)",
                      c.parent, R"(</wp:comment_parent>
			<wp:comment_user_id>0</wp:comment_user_id>
			<wp:commentmeta>
				<wp:meta_key><![CDATA[akismet_result]]></wp:meta_key>
				<wp:meta_value><![CDATA[false]]></wp:meta_value>
			</wp:commentmeta>
		</wp:comment>)");
}

std::string WxrItem(const std::string& title, const std::string& link,
                    const std::string& post_name,
                    const std::vector<WxrComment>& comments) {
  std::string xml = absl::StrCat(R"(
	<item>
		<title>)",
                                 title, R"(</title>
		<link>)",
                                 link, R"(</link>
		<pubDate>Tue, 14 May 2019 09:30:00 +0000</pubDate>
		<dc:creator><![CDATA[editor]]></dc:creator>
		<guid isPermaLink="false">)",
                                 link, R"(</guid>
		<description></description>
		<content:encoded><![CDATA[<p>Haber metni.</p>]]></content:encoded>
		<excerpt:encoded><![CDATA[]]></excerpt:encoded>
		<wp:post_id>12</wp:post_id>
		<wp:post_date><![CDATA[2019-05-14 12:30:00]]></wp:post_date>
		<wp:post_date_gmt><![CDATA[2019-05-14 09:30:00]]></wp:post_date_gmt>
		<wp:comment_status><![CDATA[open]]></wp:comment_status>
		<wp:post_name><![CDATA[)",
                                 post_name, R"(]]></wp:post_name>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>)");
  for (const WxrComment& c : comments) xml += WxrCommentXml(c);
  return xml + "\n\t</item>";
}

std::string WxrHead(const std::string& site, const std::string& blog) {
  return absl::StrCat(R"(<?xml version="1.0" encoding="UTF-8" ?>
<!-- This is a WordPress eXtended RSS file generated by WordPress as an export of your site. -->
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
	<title>Haber Örnek</title>
	<link>)",
                      site, R"(</link>
	<description>Haberler</description>
	<language>tr-TR</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>)",
                      site, R"(</wp:base_site_url>
	<wp:base_blog_url>)",
                      blog, R"(</wp:base_blog_url>
)");
}

std::string Wxr(const std::string& site, const std::string& items) {
  return absl::StrCat(WxrHead(site, site), items, "\n</channel>\n</rss>\n");
}

}  // namespace newsroom::importer::internal::examples
