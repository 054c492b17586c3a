// Training is counting. Each corpus line is parsed with text::Document, the
// same tokenizer the deasciifier and the moderation rules use, so that what
// is counted as a word here is what is looked up there. Every word that
// folds to an ASCII key with at least one of c g i o s u is counted three
// ways:
//
//   - its spelling under its key (the word table);
//   - its spelling under (key of the previous word, key), the previous word
//     being the word token before it in the same sentence or "^" at a
//     sentence start, exactly as Deasciifier::Restore() will ask;
//   - once per distinct spelling (a type, not a token, so that frequent
//     words do not drown the rare ones that the letter model exists for),
//     every window of up to max_left letters before and max_right letters
//     after each ambiguous letter, with whether the letter was Turkish.
//
// Then rows that cannot change a decision are pruned (see
// Model::Finish) and the tables are written sorted, so that the output
// depends on nothing but the corpus and the options.
//
// Tested by train_test.cc.
#include "deasciify/train.h"

#include <filesystem>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "deasciify/internal/letters.h"
#include "deasciify/internal/model.h"
#include "text/casing.h"
#include "text/document.h"
#include "text/turkish.h"
#include "text/utf8.h"

namespace newsroom::deasciify {
namespace {

using internal::Model;

// The lower-case spelling of a word token with apostrophes as ', and its
// key. Returns false for words that cannot be restored from ASCII (other
// letters, digits) or that have no ambiguous letter.
bool FormAndKey(std::string_view word, std::u32string* form, std::string* key) {
  std::string lower = text::ToLowerTr(word);
  form->clear();
  key->clear();
  bool ambiguous = false;
  size_t i = 0;
  while (i < lower.size()) {
    char32_t c = text::NextCodePoint(lower, &i);
    if (c == U'\u2019') c = '\'';
    char k = internal::KeyByte(c);
    if (k == 0) return false;
    if (text::TurkishCounterpart(k) != 0) ambiguous = true;
    form->push_back(c);
    key->push_back(k);
  }
  bool letter = false;
  for (char k : *key) letter |= k >= 'a' && k <= 'z';
  return ambiguous && letter && key->front() != '\'' && key->back() != '\'';
}

absl::Status CheckOptions(const TrainOptions& o) {
  if (o.max_left < 0 || o.max_left > 16 || o.max_right < 0 ||
      o.max_right > 16) {
    return absl::InvalidArgumentError(
        absl::StrCat("window sizes must be within 0..16, got left ", o.max_left,
                     " and right ", o.max_right));
  }
  if (o.min_window_count < 1 || o.min_context_count < 1) {
    return absl::InvalidArgumentError("minimum counts must be at least 1");
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::string> BuildModel(std::istream& corpus,
                                       const std::string& corpus_name,
                                       const TrainOptions& options,
                                       TrainStats* stats) {
  if (absl::Status s = CheckOptions(options); !s.ok()) return s;
  TrainStats local;
  if (stats == nullptr) stats = &local;
  *stats = TrainStats();

  Model model(options.max_left, options.max_right);
  std::string line;
  std::u32string form;
  std::string key;
  int64_t line_number = 0;
  while (std::getline(corpus, line)) {
    ++line_number;
    if (absl::Status s = text::ValidateUtf8(line); !s.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(
          corpus_name, ":", line_number, ": ", std::string(s.message())));
    }
    text::ParseOptions parse_options;
    parse_options.max_length = std::max(1, text::CodePointCount(line));
    absl::StatusOr<text::Document> doc =
        text::Document::Parse(line, parse_options);
    if (!doc.ok()) continue;  // blank line
    ++stats->lines;
    std::string previous(Model::kSentenceStart);
    char32_t previous_vowel = 0;
    for (const text::Token& token : doc->tokens()) {
      if (!internal::IsWordLike(token)) continue;
      if (token.sentence_initial) {
        previous = std::string(Model::kSentenceStart);
        previous_vowel = 0;
      }
      ++stats->words;
      auto count = [&](std::string_view word) {
        if (!FormAndKey(word, &form, &key)) return;
        model.AddWord(key, form, 1);
        model.AddContext(previous, key, form, 1);
        if (previous_vowel != 0) {
          std::string row(Model::kVowelPrefix);
          text::AppendCodePoint(previous_vowel, &row);
          model.AddContext(row, key, form, 1);
        }
        text::CaseCounts cases = text::CountCase(word);
        if (cases.lower == 0 && cases.upper > 0) {
          model.AddContext(std::string(Model::kCapitalsRow), key, form, 1);
        }
      };
      // "T.DAĞ", "sayfası1": each piece counts as a word of its own, the
      // way Deasciifier::RestoreWord cuts them.
      if (!internal::ForEachPiece(token.text, [&](std::string_view piece) {
            count(piece);
            previous = internal::ContextKey(piece);
            previous_vowel = text::LastVowelOfUtf8(piece);
          })) {
        count(token.text);
      }
      previous = internal::ContextKey(token.text);
      previous_vowel = text::LastVowelOfUtf8(token.text);
    }
  }
  if (corpus.bad()) {
    return absl::InternalError(absl::StrCat("error reading ", corpus_name));
  }

  // The letter model, from each distinct spelling once. Forms are visited
  // in a fixed order so that counts do not depend on hash order (they do
  // not anyway, being sums, but the sorted walk keeps that obvious).
  std::vector<std::pair<std::string, std::u32string>> types;
  model.ForEachForm([&](const std::string& k, const std::u32string& f) {
    types.emplace_back(k, f);
  });
  std::sort(types.begin(), types.end());
  std::string bracketed;
  for (const auto& [k, f] : types) {
    bracketed = absl::StrCat("^", k, "$");
    const int n = static_cast<int>(bracketed.size());
    for (int pos = 1; pos + 1 < n; ++pos) {
      char32_t turkish = text::TurkishCounterpart(bracketed[pos]);
      if (turkish == 0) continue;
      bool is_turkish = f[pos - 1] == turkish;
      for (int l = 0; l <= options.max_left && pos - l >= 0; ++l) {
        for (int r = 0; r <= options.max_right && pos + r < n; ++r) {
          model.AddPattern(
              l, std::string_view(bracketed).substr(pos - l, l + r + 1),
              is_turkish, 1);
        }
      }
    }
  }

  if (absl::Status s =
          model.Finish(options.min_context_count, options.min_window_count);
      !s.ok()) {
    return s;
  }
  stats->keys = static_cast<int64_t>(model.word_count());
  stats->contexts = static_cast<int64_t>(model.context_count());
  stats->windows = static_cast<int64_t>(model.pattern_count());

  std::string header = absl::StrCat(
      "# GENERATED BY ", options.command, "; DO NOT EDIT\n",
      "# Deasciifier model (src/deasciify/internal/model.h describes the "
      "format):\n# ",
      stats->words, " words in ", stats->lines, " lines of ",
      std::filesystem::path(corpus_name).filename().string(), "; windows ",
      options.max_left, "/", options.max_right, ", min window count ",
      options.min_window_count, ", min context count ",
      options.min_context_count, ".\n");
  std::string text = model.Serialize(header);
  stats->model_bytes = static_cast<int64_t>(text.size());
  return text;
}

absl::Status Train(const TrainOptions& options, TrainStats* stats) {
  std::ifstream in(options.corpus_path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        absl::StrCat("cannot read corpus ", options.corpus_path,
                     " (build it with: newsroom corpus build --out corpus)"));
  }
  absl::StatusOr<std::string> text =
      BuildModel(in, options.corpus_path, options, stats);
  if (!text.ok()) return text.status();

  std::string tmp = options.output_path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << *text;
    out.close();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(tmp, ignored);
      return absl::InternalError(absl::StrCat("cannot write model ", tmp));
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, options.output_path, ec);
  if (ec) {
    return absl::InternalError(absl::StrCat(
        "cannot move ", tmp, " to ", options.output_path, ": ", ec.message()));
  }
  return absl::OkStatus();
}

}  // namespace newsroom::deasciify
