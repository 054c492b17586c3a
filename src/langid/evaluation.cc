// Evaluation parses every text once into a Document (parsing is not what is
// measured), then runs each identifier over all documents, timing the
// Identify() calls alone and tallying answers by set, by length bucket and
// by system. Length is the number of words the identifier read, so "1-3"
// means what the identifier had to go on, placeholders excluded.
//
// Tested by evaluation_test.cc.
#include "langid/evaluation.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "absl/status/status.h"
#include "text/document.h"
#include "text/hash.h"

namespace newsroom::langid {
namespace {

uint64_t Hash(std::string_view key) {
  // FNV-1a from a basis of its own ("newsroom" xor FNV's), so that its
  // split is not the corpus's.
  return text::Fnv1a64(key, text::kFnv1a64Basis ^ 0x6e657773726f6f6dull);
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' ||
                        s.front() == '\r' || s.front() == '\n')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' ||
                        s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError("cannot read " + path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Percent(int correct, int total) {
  if (total == 0) return "-";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * correct / total);
  return buf;
}

std::string Pad(std::string s, size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

std::string PadLeft(std::string s, size_t width) {
  if (s.size() < width) s.insert(0, width - s.size(), ' ');
  return s;
}

}  // namespace

int SliceOf(std::string_view key) { return static_cast<int>(Hash(key) % 10); }

absl::StatusOr<std::vector<std::string>> ReadOffensEvalTweets(
    const std::string& path, int slice) {
  absl::StatusOr<std::string> text = ReadFile(path);
  if (!text.ok()) {
    return absl::NotFoundError(
        "cannot read the OffensEval tweets " + path +
        " (columns id, tweet, label; give another path with --tweets)");
  }
  std::vector<std::string> tweets;
  std::istringstream in(*text);
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line_no == 1 || Trim(line).empty()) continue;  // header
    size_t tab1 = line.find('\t');
    if (tab1 == std::string::npos) {
      return absl::InvalidArgumentError(path + ":" + std::to_string(line_no) +
                                        ": expected id<TAB>tweet<TAB>label");
    }
    size_t tab2 = line.find('\t', tab1 + 1);
    std::string_view id = Trim(std::string_view(line).substr(0, tab1));
    if (SliceOf(id) != slice) continue;
    std::string_view tweet = std::string_view(line).substr(
        tab1 + 1,
        tab2 == std::string::npos ? std::string::npos : tab2 - tab1 - 1);
    tweets.emplace_back(Trim(tweet));
  }
  return tweets;
}

absl::StatusOr<std::vector<std::string>> ReadLines(const std::string& path) {
  absl::StatusOr<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  std::vector<std::string> lines;
  std::istringstream in(*text);
  std::string line;
  while (std::getline(in, line)) {
    std::string_view t = Trim(line);
    if (!t.empty()) lines.emplace_back(t);
  }
  return lines;
}

std::vector<std::string> DebianDescriptions(std::string_view control) {
  std::vector<std::string> out;
  std::string paragraph;
  bool in_description = false;
  auto flush = [&] {
    if (!paragraph.empty()) out.push_back(paragraph);
    paragraph.clear();
  };
  size_t pos = 0;
  while (pos <= control.size()) {
    size_t end = control.find('\n', pos);
    if (end == std::string_view::npos) end = control.size();
    std::string_view line = control.substr(pos, end - pos);
    pos = end + 1;
    if (line.rfind("Description:", 0) == 0) {
      flush();
      in_description = true;
      std::string_view synopsis = Trim(line.substr(12));
      if (!synopsis.empty()) out.emplace_back(synopsis);
      continue;
    }
    if (in_description && !line.empty() && line.front() == ' ') {
      std::string_view body = Trim(line);
      if (body == ".") {
        flush();
      } else {
        if (!paragraph.empty()) paragraph.push_back(' ');
        paragraph.append(body);
      }
      continue;
    }
    flush();
    in_description = false;
    if (end == control.size()) break;
  }
  flush();
  return out;
}

std::vector<std::string> Paragraphs(std::string_view text) {
  std::vector<std::string> out;
  std::string paragraph;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = Trim(text.substr(pos, end - pos));
    pos = end + 1;
    if (line.empty()) {
      if (!paragraph.empty()) out.push_back(paragraph);
      paragraph.clear();
    } else {
      if (!paragraph.empty()) paragraph.push_back(' ');
      paragraph.append(line);
    }
    if (end == text.size()) break;
  }
  if (!paragraph.empty()) out.push_back(paragraph);
  return out;
}

std::vector<std::string> SampleSlice(const std::vector<std::string>& texts,
                                     int slice, int max_count) {
  std::map<uint64_t, const std::string*> picked;  // by hash: fixed order
  for (const std::string& t : texts) {
    uint64_t h = Hash(t);
    if (static_cast<int>(h % 10) == slice) picked.emplace(h, &t);
  }
  std::vector<std::string> out;
  for (const auto& [h, t] : picked) {
    if (static_cast<int>(out.size()) >= max_count) break;
    out.push_back(*t);
  }
  return out;
}

int LengthBucketOf(int words) {
  if (words <= 0) return 0;
  if (words <= 3) return 1;
  if (words <= 8) return 2;
  if (words <= 20) return 3;
  return 4;
}

const char* LengthBucketName(int bucket) {
  static const char* const kNames[kLengthBuckets] = {"0", "1-3", "4-8", "9-20",
                                                     ">20"};
  return bucket >= 0 && bucket < kLengthBuckets ? kNames[bucket] : "?";
}

EvalReport Evaluate(
    const std::vector<LabeledSet>& sets,
    const std::vector<std::pair<std::string, const Identifier*>>& systems,
    std::optional<Language> hint, int max_errors) {
  using Clock = std::chrono::steady_clock;
  EvalReport report;
  report.hint = hint;
  for (const auto& s : systems) report.systems.push_back(s.first);
  std::vector<Clock::duration> spent(systems.size(), Clock::duration::zero());
  long calls = 0;
  for (const LabeledSet& set : sets) {
    EvalReport::SetResult result;
    result.name = set.name;
    result.language = set.language;
    for (auto& b : result.by_bucket) b.resize(systems.size());
    std::vector<text::Document> docs;
    docs.reserve(set.texts.size());
    std::vector<const std::string*> sources;
    for (const std::string& t : set.texts) {
      absl::StatusOr<text::Document> doc = text::Document::Parse(t);
      if (!doc.ok()) {
        ++result.unparsable;
        continue;
      }
      docs.push_back(*std::move(doc));
      sources.push_back(&t);
    }
    std::vector<std::vector<Detection>> answers(systems.size());
    for (size_t s = 0; s < systems.size(); ++s) {
      answers[s].reserve(docs.size());
      Clock::time_point start = Clock::now();
      for (const text::Document& doc : docs) {
        answers[s].push_back(systems[s].second->Identify(doc, hint));
      }
      spent[s] += Clock::now() - start;
    }
    calls += static_cast<long>(docs.size());
    for (size_t i = 0; i < docs.size(); ++i) {
      int bucket = LengthBucketOf(answers.empty() ? 0 : answers[0][i].words);
      for (size_t s = 0; s < systems.size(); ++s) {
        Tally& t = result.by_bucket[bucket][s];
        Language got = answers[s][i].language;
        ++t.total;
        ++t.predicted[static_cast<int>(got)];
        if (got == set.language) {
          ++t.correct;
        } else if (s + 1 == systems.size() &&
                   static_cast<int>(result.errors.size()) < max_errors) {
          result.errors.emplace_back(*sources[i], got);
        }
      }
    }
    report.sets.push_back(std::move(result));
  }
  for (const Clock::duration& d : spent) {
    double us = std::chrono::duration<double, std::micro>(d).count();
    report.micros_per_text.push_back(calls == 0 ? 0 : us / calls);
  }
  return report;
}

std::string FormatReport(const EvalReport& report) {
  std::ostringstream out;
  const size_t n_systems = report.systems.size();
  auto header = [&](const char* first, size_t first_width) {
    out << Pad(first, first_width) << Pad("lang", 7) << Pad("words", 7)
        << PadLeft("n", 6);
    for (const std::string& s : report.systems) out << PadLeft(s, 12);
    out << "\n";
  };
  auto row = [&](const std::string& first, size_t first_width, Language lang,
                 const std::string& bucket, const std::vector<Tally>& tallies) {
    int total = tallies.empty() ? 0 : tallies[0].total;
    if (total == 0) return;
    out << Pad(first, first_width) << Pad(std::string(LanguageCode(lang)), 7)
        << Pad(bucket, 7) << PadLeft(std::to_string(total), 6);
    for (const Tally& t : tallies) {
      out << PadLeft(Percent(t.correct, t.total), 12);
    }
    out << "\n";
  };
  auto add = [&](std::vector<Tally>* into, const std::vector<Tally>& from) {
    into->resize(n_systems);
    for (size_t s = 0; s < n_systems; ++s) {
      (*into)[s].total += from[s].total;
      (*into)[s].correct += from[s].correct;
      for (int k = 0; k < 3; ++k)
        (*into)[s].predicted[k] += from[s].predicted[k];
    }
  };

  out << "Hint given to every text: "
      << (report.hint ? std::string(LanguageCode(*report.hint)) : "none")
      << "\n\nAccuracy by set and length (words read):\n";
  size_t set_width = 8;
  for (const auto& s : report.sets)
    set_width = std::max(set_width, s.name.size() + 2);
  header("set", set_width);
  for (const auto& s : report.sets) {
    std::vector<Tally> all;
    for (int b = 0; b < kLengthBuckets; ++b) {
      row(s.name, set_width, s.language, LengthBucketName(b), s.by_bucket[b]);
      add(&all, s.by_bucket[b]);
    }
    row(s.name, set_width, s.language, "all", all);
  }

  out << "\nAccuracy by true language and length (sets pooled):\n";
  header("", 0);
  std::vector<Tally> grand;
  // Macro average over languages: each language's accuracy counts equally.
  std::vector<double> macro(n_systems, 0);
  int languages_seen = 0;
  std::array<std::vector<Tally>, 3> by_language;
  for (Language lang :
       {Language::kTurkish, Language::kEnglish, Language::kOther}) {
    std::vector<Tally> all;
    for (int b = 0; b < kLengthBuckets; ++b) {
      std::vector<Tally> pooled;
      for (const auto& s : report.sets) {
        if (s.language == lang) add(&pooled, s.by_bucket[b]);
      }
      if (pooled.empty()) continue;
      row("", 0, lang, LengthBucketName(b), pooled);
      add(&all, pooled);
    }
    if (all.empty() || all[0].total == 0) continue;
    row("", 0, lang, "all", all);
    add(&grand, all);
    ++languages_seen;
    for (size_t s = 0; s < n_systems; ++s) {
      macro[s] += static_cast<double>(all[s].correct) / all[s].total;
    }
    by_language[static_cast<int>(lang)] = all;
  }
  if (!grand.empty()) {
    out << Pad("all", 7) << Pad("all", 7)
        << PadLeft(std::to_string(grand[0].total), 6);
    for (const Tally& t : grand)
      out << PadLeft(Percent(t.correct, t.total), 12);
    out << "\n" << Pad("macro", 14) << PadLeft("", 6);
    for (double m : macro) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * m / languages_seen);
      out << PadLeft(buf, 12);
    }
    out << "   (mean of the per-language accuracies)\n";
  }

  out << "\nConfusion (rows: true language; columns: answer):\n";
  for (size_t s = 0; s < n_systems; ++s) {
    out << "  " << report.systems[s] << "\n"
        << "    " << Pad("", 7) << PadLeft("tr", 8) << PadLeft("en", 8)
        << PadLeft("other", 8) << "\n";
    for (int l = 0; l < 3; ++l) {
      if (by_language[l].empty()) continue;
      out << "    "
          << Pad(std::string(LanguageCode(static_cast<Language>(l))), 7);
      for (int k = 0; k < 3; ++k) {
        out << PadLeft(std::to_string(by_language[l][s].predicted[k]), 8);
      }
      out << "\n";
    }
  }

  out << "\nSpeed (Identify() only, one thread, Document::Parse excluded):\n";
  for (size_t s = 0; s < n_systems; ++s) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f us/text", report.micros_per_text[s]);
    out << "  " << Pad(report.systems[s], 12) << buf << "\n";
  }

  for (const auto& s : report.sets) {
    if (s.unparsable > 0) {
      out << "\n"
          << s.name << ": " << s.unparsable
          << " texts skipped (Document::Parse rejected them)\n";
    }
  }
  for (const auto& s : report.sets) {
    if (s.errors.empty()) continue;
    out << "\nErrors of " << report.systems.back() << " on " << s.name
        << " (answer, text):\n";
    for (const auto& [text, got] : s.errors) {
      std::string shown = text;
      if (shown.size() > 160) {
        size_t cut = 160;
        while (cut > 0 &&
               (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) {
          --cut;  // not inside a UTF-8 sequence
        }
        shown = shown.substr(0, cut) + "...";
      }
      out << "  " << Pad(std::string(LanguageCode(got)), 6) << shown << "\n";
    }
  }
  return out.str();
}

}  // namespace newsroom::langid
