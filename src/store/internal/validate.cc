// Tested through store_contract_test.cc (slugs, user and key names, text,
// imports).
#include "store/internal/validate.h"

#include <cmath>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "text/casing.h"
#include "text/utf8.h"

namespace newsroom::store::internal {

std::string Quote(std::string_view s) {
  return absl::StrCat("\"", std::string(s), "\"");
}

absl::Status ValidateUtf8Field(std::string_view field, std::string_view value) {
  absl::Status s = text::ValidateUtf8(value);
  if (!s.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(std::string(field), ": ", std::string(s.message())));
  }
  if (const size_t nul = value.find('\0'); nul != std::string_view::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat(std::string(field),
                     ": contains a NUL character (U+0000) at byte ", nul));
  }
  return absl::OkStatus();
}

absl::Status ValidateSlug(std::string_view slug) {
  if (slug.empty() || slug.size() > kMaxSlugBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("article slug ", Quote(slug), " must be 1 to ",
                     kMaxSlugBytes, " characters long"));
  }
  for (char c : slug) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
      return absl::InvalidArgumentError(absl::StrCat(
          "article slug ", Quote(slug),
          " may contain only lower-case ASCII letters, digits and '-' (for "
          "example \"kopru-acildi\")"));
    }
  }
  return absl::OkStatus();
}

namespace {

bool IsSpace(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0d) || c == 0x85 || c == 0xa0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 ||
         c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

bool IsControlOrInvisible(char32_t c) {
  return c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0xad ||
         (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
         (c >= 0x2060 && c <= 0x2064) || c == 0xfeff;
}

}  // namespace

absl::Status ValidateName(std::string_view what, std::string_view name) {
  if (name.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(std::string(what), " is empty"));
  }
  if (name.size() > kMaxNameBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat(std::string(what), " ", Quote(name), " is longer than ",
                     kMaxNameBytes, " bytes"));
  }
  if (absl::Status s = ValidateUtf8Field(what, name); !s.ok()) return s;
  for (size_t i = 0; i < name.size();) {
    char32_t c = text::NextCodePoint(name, &i);
    if (IsSpace(c)) {
      return absl::InvalidArgumentError(absl::StrCat(
          std::string(what), " ", Quote(name), " contains white space"));
    }
    if (IsControlOrInvisible(c)) {
      return absl::InvalidArgumentError(absl::StrCat(
          std::string(what), " contains a control or invisible character"));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckLimit(int limit) {
  if (limit < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("limit must not be negative, got ", limit));
  }
  return absl::OkStatus();
}

absl::Status ValidateArticle(const Article& a) {
  if (absl::Status s = ValidateSlug(a.slug); !s.ok()) return s;
  if (a.headline.empty()) {
    return absl::InvalidArgumentError("article headline is empty");
  }
  const std::pair<const char*, const std::string*> fields[] = {
      {"article headline", &a.headline}, {"article lead", &a.lead},
      {"article body", &a.body},         {"photo caption", &a.photo_caption},
      {"photo credit", &a.photo_credit}, {"article source", &a.source},
      {"article author", &a.author}};
  for (const auto& [field, value] : fields) {
    if (absl::Status s = ValidateUtf8Field(field, *value); !s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::Status ValidateNewComment(const NewComment& n) {
  const std::pair<const char*, const std::string*> fields[] = {
      {"comment author", &n.author},
      {"comment text", &n.text},
      {"comment verdict", &n.verdict_json},
      {"comment client", &n.client}};
  for (const auto& [field, value] : fields) {
    if (absl::Status s = ValidateUtf8Field(field, *value); !s.ok()) return s;
  }
  if (n.receipt_hash.size() > 128) {
    return absl::InvalidArgumentError("comment receipt hash over 128 bytes");
  }
  return ValidateUtf8Field("comment receipt hash", n.receipt_hash);
}

absl::StatusOr<const PhotoVariant*> ValidatePhotoVariants(
    const std::vector<PhotoVariant>& variants) {
  if (variants.empty()) {
    return absl::InvalidArgumentError("a photo needs at least one size");
  }
  const PhotoVariant* largest = &variants[0];
  for (size_t i = 0; i < variants.size(); ++i) {
    const PhotoVariant& v = variants[i];
    if (v.name.empty() || v.width <= 0 || v.height <= 0 || v.bytes.empty() ||
        v.content_type.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "photo size ", Quote(v.name),
          " needs a name, a width and height above 0, a content type and "
          "bytes"));
    }
    if (absl::Status s = ValidateUtf8Field("photo size name", v.name);
        !s.ok()) {
      return s;
    }
    if (absl::Status s =
            ValidateUtf8Field("photo content type", v.content_type);
        !s.ok()) {
      return s;
    }
    for (size_t j = 0; j < i; ++j) {
      if (variants[j].name == v.name) {
        return absl::InvalidArgumentError(
            absl::StrCat("photo size ", Quote(v.name), " is given twice"));
      }
    }
    if (int64_t{v.width} * v.height >
        int64_t{largest->width} * largest->height) {
      largest = &v;
    }
  }
  return largest;
}

absl::Status ValidateFeedback(const Feedback& f) {
  if (f.text.empty()) {
    return absl::InvalidArgumentError("feedback needs the comment's text");
  }
  if (f.attribute.empty()) {
    return absl::InvalidArgumentError("feedback needs an attribute");
  }
  if (!std::isfinite(f.score) || f.score < 0 || f.score > 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("feedback score must be between 0 and 1, got ", f.score));
  }
  const std::pair<const char*, const std::string*> fields[] = {
      {"feedback text", &f.text},
      {"feedback attribute", &f.attribute},
      {"feedback language", &f.language},
      {"feedback client token", &f.client_token},
      {"feedback API key name", &f.api_key_name}};
  for (const auto& [field, value] : fields) {
    if (absl::Status s = ValidateUtf8Field(field, *value); !s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::Status ValidateDecidedBy(std::string_view decided_by) {
  if (decided_by.empty()) {
    return absl::InvalidArgumentError("a change needs who made it");
  }
  return ValidateUtf8Field("decided by", decided_by);
}

absl::Status ValidateReport(std::string_view reporter, int threshold) {
  if (reporter.empty()) {
    return absl::InvalidArgumentError("a report needs a reporter");
  }
  if (absl::Status s = ValidateUtf8Field("reporter", reporter); !s.ok()) {
    return s;
  }
  if (threshold < 1) {
    return absl::InvalidArgumentError(absl::StrCat(
        "the report threshold must be at least 1, got ", threshold));
  }
  return absl::OkStatus();
}

absl::Status ValidateArticleUrl(std::string_view url) {
  if (url.empty() || url.size() > kMaxArticleUrlBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("an article address must be 1 to ", kMaxArticleUrlBytes,
                     " bytes long"));
  }
  return ValidateUtf8Field("article address", url);
}

namespace {

absl::Status ValidateImported(const ImportedComment& c) {
  if (c.import_key.empty() || c.import_key.size() > kMaxImportKeyBytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        "an import key must be 1 to ", kMaxImportKeyBytes, " bytes long"));
  }
  if (c.parent_key.size() > kMaxImportKeyBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("the parent's import key is longer than ",
                     kMaxImportKeyBytes, " bytes"));
  }
  if (c.parent_key == c.import_key) {
    return absl::InvalidArgumentError("the comment replies to itself");
  }
  const std::pair<const char*, const std::string*> fields[] = {
      {"import key", &c.import_key},
      {"parent import key", &c.parent_key},
      {"comment author", &c.author},
      {"comment text", &c.text},
      {"comment verdict", &c.verdict_json},
      {"comment client", &c.client}};
  for (const auto& [field, value] : fields) {
    if (absl::Status s = ValidateUtf8Field(field, *value); !s.ok()) return s;
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ValidateImport(const std::vector<ImportedComment>& comments,
                            std::string_view decided_by) {
  if (decided_by.empty()) {
    return absl::InvalidArgumentError("an import needs who decided it");
  }
  if (absl::Status s = ValidateUtf8Field("decided by", decided_by); !s.ok()) {
    return s;
  }
  for (const ImportedComment& n : comments) {
    if (absl::Status s = ValidateImported(n); !s.ok()) {
      return absl::InvalidArgumentError(absl::StrCat("imported comment ",
                                                     Quote(n.import_key), ": ",
                                                     std::string(s.message())));
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateNewUser(std::string_view username,
                             std::string_view password_hash) {
  if (absl::Status s = ValidateName("user name", username); !s.ok()) return s;
  if (password_hash.empty()) {
    return absl::InvalidArgumentError("a user needs a password hash");
  }
  return ValidateUtf8Field("password hash", password_hash);
}

absl::Status ValidateNewApiKey(std::string_view name, std::string_view key_hash,
                               std::string_view prefix) {
  if (absl::Status s = ValidateName("API key name", name); !s.ok()) return s;
  if (key_hash.empty()) {
    return absl::InvalidArgumentError("an API key needs a key hash");
  }
  if (absl::Status s = ValidateUtf8Field("API key hash", key_hash); !s.ok()) {
    return s;
  }
  return ValidateUtf8Field("API key prefix", prefix);
}

absl::Status ValidateReason(std::string_view reason) {
  if (reason.size() > kMaxNameBytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        "a decision's reason is at most ", kMaxNameBytes, " bytes"));
  }
  return ValidateUtf8Field("reason", reason);
}

std::string SearchKey(std::string_view text) { return text::FoldKey(text); }

absl::StatusOr<std::vector<std::string>> ValidateQueueQuery(
    const QueueQuery& query) {
  if (absl::Status s = CheckLimit(query.limit); !s.ok()) return s;
  if (absl::Status s = ValidateUtf8Field("search", query.search); !s.ok()) {
    return s;
  }
  std::vector<std::string> patterns;
  for (absl::string_view w :
       absl::StrSplit(SearchKey(query.search), ' ', absl::SkipWhitespace())) {
    if (patterns.size() == kMaxSearchWords) {
      return absl::InvalidArgumentError(
          absl::StrCat("a search takes at most ", kMaxSearchWords, " words"));
    }
    std::string pattern = "%";
    for (char ch : w) {
      if (ch == '%' || ch == '_' || ch == '\\') pattern += '\\';
      pattern += ch;
    }
    patterns.push_back(pattern + "%");
  }
  return patterns;
}

std::vector<absl::StatusOr<Comment>> CheckDecisions(
    const std::vector<DecisionRequest>& requests, std::string_view decided_by) {
  if (absl::Status bad = ValidateDecidedBy(decided_by); !bad.ok()) {
    return std::vector<absl::StatusOr<Comment>>(requests.size(), bad);
  }
  std::vector<absl::StatusOr<Comment>> results;
  results.reserve(requests.size());
  for (size_t i = 0; i < requests.size(); ++i) {
    if (i >= kMaxDecisions) {
      results.push_back(absl::InvalidArgumentError(
          absl::StrCat("at most ", kMaxDecisions, " decisions at once")));
    } else if (absl::Status bad = ValidateReason(requests[i].reason);
               !bad.ok()) {
      results.push_back(bad);
    } else {
      results.push_back(Comment());
    }
  }
  return results;
}

absl::Status StaleDecision(int64_t id, CommentStatus now,
                           CommentStatus expected) {
  return absl::FailedPreconditionError(
      absl::StrCat("comment ", id, " is ", std::string(CommentStatusName(now)),
                   " now, not ", std::string(CommentStatusName(expected)),
                   ": someone else decided first"));
}

}  // namespace newsroom::store::internal
