// Training is counting plus two filters. The counting keeps, per word, how
// often each capitalisation appears away from sentence starts, because only
// there does a capital mean a name. The filters decide what Hunspell's
// verdict cannot: a word Hunspell rejects but clean text uses again and
// again is a real word (a loanword, a compound, a derived form Hunspell's
// tables lack), unless it sits one typo from a far more frequent word, in
// which case the authors of the corpus slipped.
//
// Tested by train_test.cc.
#include "spelling/train.h"

#include <algorithm>
#include <fstream>
#include <map>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "spelling/internal/delete_index.h"
#include "spelling/internal/edit_distance.h"
#include "spelling/internal/letters.h"
#include "spelling/word_list.h"
#include "text/document.h"
#include "text/utf8.h"

namespace newsroom::spelling {
namespace {

using internal::CaseShape;

struct Counts {
  int64_t total = 0;
  std::map<std::string, int64_t> inner_forms;  // not sentence-initial
  std::map<std::string, int64_t> all_forms;
};

bool Countable(std::u32string_view w) {
  int letters = 0;
  for (char32_t c : w) {
    if (c >= U'0' && c <= U'9') return false;
    if (c == U'.' || c == U'_' || c == U'@' || c == U'/') return false;
    letters += internal::IsLetter(c);
  }
  return letters >= 2;
}

std::string MostFrequent(const std::map<std::string, int64_t>& forms) {
  std::string best;
  int64_t best_count = -1;
  for (const auto& [form, n] : forms) {  // ordered: ties go to the first
    if (n > best_count) {
      best = form;
      best_count = n;
    }
  }
  return best;
}

// The usual written form of a word.
std::string UsualForm(const std::string& lower, const Counts& c,
                      const morphology::Dictionary& turkish) {
  int64_t inner = 0, inner_lower = 0;
  for (const auto& [form, n] : c.inner_forms) {
    inner += n;
    if (internal::ShapeOf(text::ToUtf32(form)) == CaseShape::kLower) {
      inner_lower += n;
    }
  }
  if (inner > 0 && inner_lower * 10 >= inner) return lower;
  // Only lower-case lists saw it: their case says nothing.
  if (c.all_forms.empty()) return lower;
  std::string form = MostFrequent(inner > 0 ? c.inner_forms : c.all_forms);
  CaseShape shape = internal::ShapeOf(text::ToUtf32(form));
  // A common word capitalised as a heading or a menu name ("Dosya").
  if ((shape == CaseShape::kTitle || shape == CaseShape::kUpper) &&
      turkish.Spell(lower)) {
    return lower;
  }
  if (shape == CaseShape::kUpper && inner == 0) {
    // Only ever seen in capitals at sentence starts: a heading word.
    std::u32string title =
        internal::ApplyShape(text::ToUtf32(lower), CaseShape::kTitle);
    if (turkish.Spell(text::ToUtf8(title))) return text::ToUtf8(title);
  }
  return form;
}

bool Accepted(const std::string& form, const morphology::Dictionary& turkish) {
  if (turkish.Spell(form)) return true;
  std::u32string w = text::ToUtf32(form);
  if (internal::ShapeOf(w) == CaseShape::kUpper) {
    std::u32string lower = internal::LowerTr(w);
    return turkish.Spell(text::ToUtf8(lower)) ||
           turkish.Spell(
               text::ToUtf8(internal::ApplyShape(lower, CaseShape::kTitle)));
  }
  return false;
}

}  // namespace

absl::StatusOr<TrainStats> TrainWordList(const TrainOptions& options) {
  if (options.turkish == nullptr ||
      (options.corpus_path.empty() && options.sentences.empty() &&
       options.listed.empty()) ||
      options.out_path.empty()) {
    return absl::InvalidArgumentError(
        "training needs a corpus (a path, sentences or listed words), an "
        "output path and hunspell-tr");
  }
  std::vector<std::string> file_lines;
  if (!options.corpus_path.empty()) {
    std::ifstream in(options.corpus_path, std::ios::binary);
    if (!in) {
      return absl::NotFoundError(
          absl::StrCat("corpus not found: ", options.corpus_path));
    }
    for (std::string line; std::getline(in, line);) {
      file_lines.push_back(std::move(line));
    }
  }
  const std::vector<std::string>& lines =
      options.corpus_path.empty() ? options.sentences : file_lines;
  TrainStats stats;
  absl::flat_hash_map<std::string, Counts> counts;
  for (const std::string& line : lines) {
    absl::StatusOr<text::Document> doc = text::Document::Parse(line);
    if (!doc.ok()) continue;  // blank or over-long lines
    ++stats.sentences;
    for (const text::Token& t : doc->tokens()) {
      if (t.kind != text::TokenKind::kWord) continue;
      std::u32string w = text::ToUtf32(t.text);
      if (!Countable(w)) continue;
      ++stats.tokens;
      Counts& c = counts[text::ToUtf8(internal::LowerTr(w))];
      ++c.total;
      ++c.all_forms[t.text];
      if (!t.sentence_initial) ++c.inner_forms[t.text];
    }
  }
  // Listed words: as if seen that often, away from sentence starts (the
  // lists count every occurrence, and their capitals are mostly names).
  absl::flat_hash_map<std::string, int64_t> listed_count;
  for (const ListedWord& l : options.listed) {
    std::u32string w = text::ToUtf32(l.word);
    if (l.count <= 0 || !Countable(w)) continue;
    ++stats.listed;
    const std::string key = text::ToUtf8(internal::LowerTr(w));
    Counts& c = counts[key];
    c.total += l.count;
    if (l.cased) {
      c.all_forms[l.word] += l.count;
      c.inner_forms[l.word] += l.count;
    }
    // Only a list that keeps case (and apostrophes) vouches for a word
    // Hunspell rejects: lower-case lists have "ankaranın" for
    // "Ankara'nın".
    if (l.cased) listed_count[key] += l.count;
  }
  if (counts.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("no words in corpus ", options.corpus_path));
  }
  stats.distinct = static_cast<int64_t>(counts.size());

  // Deterministic order.
  std::vector<std::string> keys;
  keys.reserve(counts.size());
  for (const auto& [k, c] : counts) keys.push_back(k);
  std::sort(keys.begin(), keys.end());

  struct Word {
    std::string lower;
    std::string form;
    int64_t count;
    bool known;
  };
  std::vector<Word> words;
  for (const std::string& k : keys) {
    const Counts& c = counts[k];
    std::string form = UsualForm(k, c, *options.turkish);
    words.push_back({k, form, c.total, Accepted(form, *options.turkish)});
  }

  // Typo filter over the words Hunspell rejects.
  std::vector<std::u32string> lowers;
  for (const Word& w : words) lowers.push_back(text::ToUtf32(w.lower));
  internal::DeleteIndex index(lowers);
  WordList list;
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    if (w.known) {
      ++stats.kept_dictionary;
      list.Add(w.form, w.count);
      continue;
    }
    auto listed = listed_count.find(w.lower);
    const int64_t from_lists =
        listed == listed_count.end() ? 0 : listed->second;
    if (w.count - from_lists < options.min_count &&
        from_lists < options.min_listed_count) {
      ++stats.dropped_rare;
      continue;
    }
    // Web text, which the lists count, misspells more than edited text.
    const double ratio = w.count - from_lists < options.min_count
                             ? options.listed_typo_ratio
                             : options.typo_ratio;
    std::vector<uint32_t> ids;
    index.Candidates(lowers[i], 1, &ids);
    const bool name = internal::IsNameForm(w.form);
    bool typo = false;
    for (uint32_t id : ids) {
      if (id == i) continue;
      if (words[id].count < ratio * w.count) continue;
      // A name is not a typo of a common word ("Sony", "son"): a
      // mistyped "son" is written in lower case.
      if (name && !internal::IsNameForm(words[id].form)) continue;
      if (internal::TypingDistance(lowers[i], lowers[id], 1.0f) <= 1.0f) {
        typo = true;
        break;
      }
    }
    if (typo) {
      ++stats.dropped_typos;
      continue;
    }
    ++stats.kept_frequent;
    list.Add(w.form, w.count);
  }
  list.SortByCount();
  std::string header = absl::StrCat(
      "GENERATED BY ", options.command, "; DO NOT EDIT\n",
      "Words of clean Turkish text with their counts, in their usual form.\n",
      "Corpus: ", stats.sentences, " sentences, ", stats.tokens,
      " word tokens, ", stats.listed, " listed words (counted as seen), ",
      stats.distinct, " distinct words. Kept: ", stats.kept_dictionary,
      " accepted by hunspell-tr, ", stats.kept_frequent, " seen at least ",
      options.min_count, " times or listed ", options.min_listed_count,
      " times (dropped ", stats.dropped_rare, " rarer, ", stats.dropped_typos,
      " likely typos).");
  if (absl::Status s = list.Save(options.out_path, header); !s.ok()) return s;
  return stats;
}

}  // namespace newsroom::spelling
