// A vector of entries plus a hash index from the Turkish lower case of each
// form. Loading a list of tens of thousands of words takes a few
// milliseconds, which keeps the command-line tools quick to start.
//
// Tested by word_list_test.cc.
#include "spelling/word_list.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "spelling/internal/letters.h"
#include "text/utf8.h"

namespace newsroom::spelling {

absl::StatusOr<WordList> WordList::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(absl::StrCat("word list not found: ", path));
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return Parse(buffer.str(), path);
}

absl::StatusOr<WordList> WordList::Parse(std::string_view contents,
                                         std::string_view name) {
  WordList list;
  int line_no = 0;
  size_t pos = 0;
  while (pos < contents.size()) {
    size_t nl = contents.find('\n', pos);
    if (nl == std::string_view::npos) nl = contents.size();
    std::string_view line = contents.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    auto bad = [&](const std::string& why) {
      return absl::InvalidArgumentError(
          absl::StrCat(std::string(name), ":", line_no, ": ", why));
    };
    if (!text::ValidateUtf8(line).ok()) return bad("not valid UTF-8");
    std::string_view form = line;
    int64_t count = 0;
    size_t tab = line.find('\t');
    if (tab != std::string_view::npos) {
      form = line.substr(0, tab);
      std::string_view num = line.substr(tab + 1);
      auto [end, ec] =
          std::from_chars(num.data(), num.data() + num.size(), count);
      if (ec != std::errc() || end != num.data() + num.size() || count < 0) {
        return bad(absl::StrCat("count is not a non-negative integer: \"",
                                std::string(num), "\""));
      }
    }
    if (form.empty() || form.find(' ') != std::string_view::npos) {
      return bad("expected one word, optionally followed by a tab and count");
    }
    list.Add(form, count);
  }
  return list;
}

absl::Status WordList::Save(const std::string& path,
                            std::string_view header) const {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return absl::InternalError(absl::StrCat("cannot write ", path));
  size_t pos = 0;
  while (pos < header.size()) {
    size_t nl = header.find('\n', pos);
    if (nl == std::string_view::npos) nl = header.size();
    out << "# " << header.substr(pos, nl - pos) << "\n";
    pos = nl + 1;
  }
  for (const Entry& e : entries_) out << e.form << '\t' << e.count << '\n';
  out.close();
  if (!out) return absl::InternalError(absl::StrCat("cannot write ", path));
  return absl::OkStatus();
}

void WordList::Add(std::string_view form, int64_t count) {
  std::string key = internal::LowerTrUtf8(form);
  auto [it, inserted] =
      index_.try_emplace(key, static_cast<uint32_t>(entries_.size()));
  if (inserted) {
    entries_.push_back({std::string(form), count});
  } else {
    entries_[it->second].count += count;
  }
}

const WordList::Entry* WordList::Find(std::string_view lower) const {
  auto it = index_.find(absl::string_view(lower.data(), lower.size()));
  return it == index_.end() ? nullptr : &entries_[it->second];
}

void WordList::SortByCount() {
  std::stable_sort(entries_.begin(), entries_.end(),
                   [](const Entry& a, const Entry& b) {
                     if (a.count != b.count) return a.count > b.count;
                     return a.form < b.form;
                   });
  index_.clear();
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    index_[internal::LowerTrUtf8(entries_[i].form)] = i;
  }
}

}  // namespace newsroom::spelling
