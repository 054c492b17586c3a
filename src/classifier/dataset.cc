// Reading OffensEval TSV and splitting it by a hash of the id.
//
// Hashing the id rather than shuffling with a seed keeps the split stable
// when the file grows, is re-ordered or is filtered, and keeps training
// seeds (which only change the order of SGD steps) from moving tweets
// between train and test. The SplitMix64 finalizer after FNV-1a spreads the
// short numeric ids ("20948") evenly over the ten parts.
//
// The other formats are read whole from memory: the largest file is a few
// MB (WordNet's data.noun, 15 MB). Davidson's CSV has quoted fields with
// commas, quotes and line breaks inside tweets, so it goes through libcsv (RFC
// 4180) rather than a split on commas.
//
// Tested by dataset_test.cc.
#include "classifier/dataset.h"

#include <csv.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <set>
#include <sstream>

#include "text/hash.h"
#include "text/trim.h"
#include "text/utf8.h"

namespace newsroom::classifier {
namespace {

uint64_t Mix(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

uint64_t IdHash(std::string_view id) { return Mix(text::Fnv1a64(id)); }

absl::Status LineError(const std::string& name, int line,
                       const std::string& message) {
  return absl::InvalidArgumentError(name + ":" + std::to_string(line) + ": " +
                                    message);
}

}  // namespace

const char* SplitName(Split split) {
  switch (split) {
    case Split::kTrain:
      return "train";
    case Split::kDev:
      return "dev";
    case Split::kTest:
      return "test";
  }
  return "?";
}

std::optional<Split> ParseSplit(std::string_view name) {
  for (Split s : {Split::kTrain, Split::kDev, Split::kTest}) {
    if (name == SplitName(s)) return s;
  }
  return std::nullopt;
}

Split SplitOf(std::string_view id) {
  switch (IdHash(id) % 10) {
    case 8:
      return Split::kDev;
    case 9:
      return Split::kTest;
    default:
      return Split::kTrain;
  }
}

int FoldOf(std::string_view id, int folds) {
  return static_cast<int>((IdHash(id) / 10) % static_cast<uint64_t>(folds));
}

absl::StatusOr<std::vector<Example>> ParseOffensEvalTsv(
    std::istream& in, const std::string& name) {
  std::vector<Example> out;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    size_t tab1 = line.find('\t');
    size_t tab2 = tab1 == std::string::npos ? tab1 : line.find('\t', tab1 + 1);
    if (tab2 == std::string::npos ||
        line.find('\t', tab2 + 1) != std::string::npos) {
      return LineError(name, number,
                       "expected three tab-separated fields: id, text, label "
                       "(OFF or NOT)");
    }
    std::string_view view(line);
    std::string_view id = view.substr(0, tab1);
    std::string_view text = view.substr(tab1 + 1, tab2 - tab1 - 1);
    std::string_view label = view.substr(tab2 + 1);
    if (number == 1 && id == "id") continue;  // header
    if (id.empty()) return LineError(name, number, "empty id");
    if (label != "OFF" && label != "NOT") {
      return LineError(
          name, number,
          "label must be OFF or NOT, got \"" + std::string(label) + "\"");
    }
    if (absl::Status s = text::ValidateUtf8(text); !s.ok()) {
      return LineError(name, number,
                       "text is not valid UTF-8: " + std::string(s.message()));
    }
    Example& e = out.emplace_back();
    e.id = std::string(id);
    e.text = std::string(text);
    e.offensive = label == "OFF";
    e.line = number;
    e.split = SplitOf(e.id);
  }
  if (in.bad()) return absl::DataLossError(name + ": read error");
  return out;
}

absl::StatusOr<std::vector<Example>> ReadOffensEvalTsv(
    const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError("cannot open " + path);
  return ParseOffensEvalTsv(in, path);
}

namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}

// Calls `row(fields, number)` for each non-empty line after the header.
template <typename Row>
absl::Status ForEachLine(std::string_view contents, bool skip_header,
                         const Row& row) {
  int number = 0;
  size_t pos = 0;
  while (pos < contents.size()) {
    size_t end = contents.find('\n', pos);
    if (end == std::string_view::npos) end = contents.size();
    std::string_view line = contents.substr(pos, end - pos);
    pos = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || (skip_header && number == 1)) continue;
    if (absl::Status s = row(line, number); !s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::Status CheckText(const std::string& name, int number,
                       std::string_view text) {
  if (absl::Status s = text::ValidateUtf8(text); !s.ok()) {
    return LineError(name, number,
                     "text is not valid UTF-8: " + std::string(s.message()));
  }
  return absl::OkStatus();
}

absl::Status ParseOlid(std::string_view contents, const std::string& name,
                       std::vector<Example>* out) {
  return ForEachLine(contents, true, [&](std::string_view line, int number) {
    std::vector<std::string_view> f = SplitTabs(line);
    if (f.size() != 5) {
      return LineError(name, number,
                       "expected five tab-separated fields: id, tweet, "
                       "subtask_a, subtask_b, subtask_c");
    }
    if (f[0].empty()) return LineError(name, number, "empty id");
    if (f[2] != "OFF" && f[2] != "NOT") {
      return LineError(
          name, number,
          "subtask_a must be OFF or NOT, got \"" + std::string(f[2]) + "\"");
    }
    if (absl::Status s = CheckText(name, number, f[1]); !s.ok()) return s;
    Example& e = out->emplace_back();
    e.id = std::string(f[0]);
    e.text = std::string(f[1]);
    e.offensive = f[2] == "OFF";
    e.line = number;
    e.split = SplitOf(e.id);
    return absl::OkStatus();
  });
}

absl::Status ParseGroupSet(std::string_view contents, const std::string& name,
                           std::vector<Example>* out) {
  return ForEachLine(contents, true, [&](std::string_view line, int number) {
    std::vector<std::string_view> f = SplitTabs(line);
    if (f.size() != 7) {
      return LineError(name, number,
                       "expected seven tab-separated fields: id, group, "
                       "belief, label, kind, part, text");
    }
    if (f[0].empty() || f[1].empty() || f[4].empty()) {
      return LineError(name, number, "empty id, group or kind");
    }
    if (f[2] != "0" && f[2] != "1") {
      return LineError(name, number, "belief must be 0 or 1");
    }
    if (f[3] != "OFF" && f[3] != "NOT") {
      return LineError(name, number, "label must be OFF or NOT");
    }
    if (f[5] != "dev" && f[5] != "test") {
      return LineError(
          name, number,
          "part must be dev or test, got \"" + std::string(f[5]) + "\"");
    }
    if (absl::Status s = CheckText(name, number, f[6]); !s.ok()) return s;
    Example& e = out->emplace_back();
    e.id = std::string(f[0]);
    e.group = std::string(f[1]);
    e.belief = f[2] == "1";
    e.offensive = f[3] == "OFF";
    e.kind = std::string(f[4]);
    e.split = f[5] == "dev" ? Split::kDev : Split::kTest;
    e.text = std::string(f[6]);
    e.line = number;
    return absl::OkStatus();
  });
}

// Around a clean sentence (ForEachLine has taken the line end off).
constexpr std::string_view kSentenceSpace = " \t";

// A clean sentence, NOT, whose id is the sentence itself: one repeated in
// two files falls in the same split.
void AddCleanSentence(std::string_view sentence, int line,
                      std::vector<Example>* out) {
  Example& e = out->emplace_back();
  e.id = std::string(sentence);
  e.text = e.id;
  e.line = line;
  e.split = SplitOf(e.id);
}

absl::Status ParsePlainText(std::string_view contents, const std::string& name,
                            std::vector<Example>* out) {
  return ForEachLine(contents, false, [&](std::string_view line, int number) {
    // Leading and trailing white space is not part of the sentence.
    line = text::Trim(line, kSentenceSpace);
    if (line.empty()) return absl::OkStatus();
    if (absl::Status s = CheckText(name, number, line); !s.ok()) return s;
    AddCleanSentence(line, number, out);
    return absl::OkStatus();
  });
}

// The first words of every WordNet 3.0 data file's licence header.
constexpr std::string_view kWordNetHeader =
    "  1 This software and database is being provided to you, the LICENSEE";

// Whether a WordNet gloss labels its sense as abuse: "(ethnic slur) offensive
// term for …", "obscene terms for …", "a disparaging term for …".
bool GlossLabelsAbuse(std::string_view gloss) {
  static constexpr std::string_view kLabels[] = {
      "slur",    "offensive", "vulgar",  "obscene", "disparag",
      "derogat", "insult",    "abusive", "contempt"};
  std::string lower(gloss);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  for (std::string_view label : kLabels) {
    for (size_t at = lower.find(label); at != std::string::npos;
         at = lower.find(label, at + 1)) {
      // At the start of a word: "insulting" is a label, "consultant" not.
      if (at == 0 || lower[at - 1] < 'a' || lower[at - 1] > 'z') {
        return true;
      }
    }
  }
  return false;
}

// A WordNet data line is `offset lex_filenum ss_type w_cnt word lex_id …
// p_cnt pointers… | gloss`, the gloss a definition followed by usage
// examples in double quotes; lines of the licence header start with two
// spaces.
absl::Status ParseWordNet(std::string_view contents, const std::string& name,
                          std::vector<Example>* out) {
  std::set<std::string, std::less<>> seen;
  return ForEachLine(contents, false, [&](std::string_view line, int number) {
    if (line.starts_with("  ")) return absl::OkStatus();
    const size_t bar = line.find(" | ");
    if (bar == std::string_view::npos) {
      return LineError(name, number, "a WordNet synset has no gloss (\" | \")");
    }
    if (absl::Status s = CheckText(name, number, line); !s.ok()) return s;
    const std::string_view gloss = line.substr(bar + 3);
    if (GlossLabelsAbuse(gloss)) return absl::OkStatus();
    for (size_t open = gloss.find('"'); open != std::string_view::npos;) {
      const size_t close = gloss.find('"', open + 1);
      if (close == std::string_view::npos) break;
      std::string_view example =
          text::Trim(gloss.substr(open + 1, close - open - 1), kSentenceSpace);
      open = gloss.find('"', close + 1);
      if (std::count(example.begin(), example.end(), ' ') < 2) continue;
      if (!seen.insert(std::string(example)).second) continue;
      AddCleanSentence(example, number, out);
    }
    return absl::OkStatus();
  });
}

// libcsv's callbacks collect the fields of a row; a row is checked when it
// ends.
struct CsvState {
  const std::string* name;
  std::vector<Example>* out;
  std::vector<std::string> fields;
  int row = 0;
  absl::Status status;
};

void CsvField(void* data, size_t size, void* state) {
  auto* s = static_cast<CsvState*>(state);
  s->fields.emplace_back(static_cast<const char*>(data), size);
}

void CsvRow(int, void* state) {
  auto* s = static_cast<CsvState*>(state);
  ++s->row;
  std::vector<std::string> fields = std::move(s->fields);
  s->fields.clear();
  if (!s->status.ok() || s->row == 1) return;  // header
  if (fields.size() != 7) {
    s->status = absl::InvalidArgumentError(
        *s->name + ": row " + std::to_string(s->row) +
        ": expected seven fields: id, count, hate_speech, "
        "offensive_language, neither, class, tweet");
    return;
  }
  const std::string& cls = fields[5];
  if (cls != "0" && cls != "1" && cls != "2") {
    s->status = absl::InvalidArgumentError(*s->name + ": row " +
                                           std::to_string(s->row) +
                                           ": class must be 0, 1 or 2");
    return;
  }
  if (absl::Status v = text::ValidateUtf8(fields[6]); !v.ok()) {
    s->status = absl::InvalidArgumentError(
        *s->name + ": row " + std::to_string(s->row) +
        ": text is not valid UTF-8: " + std::string(v.message()));
    return;
  }
  Example& e = s->out->emplace_back();
  e.id = fields[0];
  e.text = std::move(fields[6]);
  e.offensive = cls != "2";
  e.line = s->row;
  e.split = SplitOf(e.id);
}

absl::Status ParseDavidson(std::string_view contents, const std::string& name,
                           std::vector<Example>* out) {
  csv_parser parser;
  if (csv_init(&parser, CSV_APPEND_NULL) != 0) {
    return absl::InternalError("libcsv: cannot initialise a parser");
  }
  CsvState state{&name, out, {}, 0, absl::OkStatus()};
  size_t parsed = csv_parse(&parser, contents.data(), contents.size(), CsvField,
                            CsvRow, &state);
  if (parsed == contents.size()) {
    csv_fini(&parser, CsvField, CsvRow, &state);
  }
  const int error = csv_error(&parser);
  csv_free(&parser);
  if (parsed != contents.size()) {
    return absl::InvalidArgumentError(name + ": not valid CSV (" +
                                      csv_strerror(error) + ")");
  }
  return state.status;
}

}  // namespace

const char* DataFormatName(DataFormat format) {
  switch (format) {
    case DataFormat::kOffensEval:
      return "offenseval";
    case DataFormat::kOlid:
      return "olid";
    case DataFormat::kDavidson:
      return "davidson";
    case DataFormat::kGroupSet:
      return "groups";
    case DataFormat::kWordNet:
      return "wordnet";
    case DataFormat::kPlainText:
      return "text";
  }
  return "?";
}

absl::StatusOr<std::vector<Example>> ParseExamples(std::string_view contents,
                                                   const std::string& name,
                                                   DataFormat* format) {
  std::string_view first = contents.substr(0, contents.find('\n'));
  if (!first.empty() && first.back() == '\r') first.remove_suffix(1);
  DataFormat detected = DataFormat::kPlainText;
  if (first == "id\ttweet\tsubtask_a\tsubtask_b\tsubtask_c") {
    detected = DataFormat::kOlid;
  } else if (first.substr(0, 17) == ",count,hate_speec") {
    detected = DataFormat::kDavidson;
  } else if (first == "id\tgroup\tbelief\tlabel\tkind\tpart\ttext") {
    detected = DataFormat::kGroupSet;
  } else if (first.starts_with(kWordNetHeader)) {
    detected = DataFormat::kWordNet;
  } else {
    std::vector<std::string_view> f = SplitTabs(first);
    if (f.size() == 3 && (f[0] == "id" || f[2] == "OFF" || f[2] == "NOT")) {
      detected = DataFormat::kOffensEval;
    }
  }
  if (format != nullptr) *format = detected;
  std::vector<Example> out;
  absl::Status status;
  switch (detected) {
    case DataFormat::kOffensEval: {
      std::istringstream in{std::string(contents)};
      return ParseOffensEvalTsv(in, name);
    }
    case DataFormat::kOlid:
      status = ParseOlid(contents, name, &out);
      break;
    case DataFormat::kDavidson:
      status = ParseDavidson(contents, name, &out);
      break;
    case DataFormat::kGroupSet:
      status = ParseGroupSet(contents, name, &out);
      break;
    case DataFormat::kWordNet:
      status = ParseWordNet(contents, name, &out);
      break;
    case DataFormat::kPlainText:
      status = ParsePlainText(contents, name, &out);
      break;
  }
  if (!status.ok()) return status;
  return out;
}

absl::StatusOr<std::vector<Example>> ReadExamples(const std::string& path,
                                                  DataFormat* format) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError("cannot open " + path);
  std::stringstream contents;
  contents << in.rdbuf();
  return ParseExamples(contents.str(), path, format);
}

}  // namespace newsroom::classifier
