// The model file is plain text so that a reviewer can read what was learned
// ("yasa" vs "yaşa" after "bu") and so that a diff of a retrained model is
// meaningful. It is parsed by hand, field by field, because it is read on
// every start of the CLI: a few hundred thousand short lines load in well
// under a second.
//
// Tested by model_test.cc.
#include "deasciify/internal/model.h"

#include <algorithm>
#include <charconv>

#include "absl/strings/str_cat.h"
#include "deasciify/internal/letters.h"
#include "text/hash.h"
#include "text/turkish.h"
#include "text/utf8.h"

namespace newsroom::deasciify::internal {
namespace {

constexpr std::string_view kMagic = "newsroom-deasciifier-model 2";

std::string ToUtf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) text::AppendCodePoint(c, &out);
  return out;
}

// Splits `line` at tabs.
std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      fields.push_back(line.substr(start));
      return fields;
    }
    fields.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

bool ParseUint(std::string_view s, uint32_t* out) {
  if (s.empty()) return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

bool IsKey(std::string_view key) {
  if (key.empty()) return false;
  for (char c : key) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'')) {
      return false;
    }
  }
  return true;
}

// Decodes `utf8` into `*form` when it is a lower-case spelling of `key`.
bool DecodeForm(std::string_view utf8, std::string_view key,
                std::u32string* form) {
  if (!text::ValidateUtf8(utf8).ok()) return false;
  form->clear();
  size_t i = 0;
  while (i < utf8.size()) {
    char32_t c = text::NextCodePoint(utf8, &i);
    if (form->size() >= key.size() || KeyByte(c) != key[form->size()]) {
      return false;
    }
    form->push_back(c);
  }
  return form->size() == key.size();
}

// Line reader that knows its line number, skipping comments and blanks.
class Lines {
 public:
  Lines(std::string_view text, const std::string& path)
      : text_(text), path_(path) {}

  // Returns false at the end of the text.
  bool Next(std::string_view* line) {
    while (pos_ < text_.size()) {
      size_t nl = text_.find('\n', pos_);
      if (nl == std::string_view::npos) nl = text_.size();
      std::string_view l = text_.substr(pos_, nl - pos_);
      pos_ = nl + 1;
      ++number_;
      if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
      if (l.empty() || l.front() == '#') continue;
      *line = l;
      return true;
    }
    return false;
  }

  absl::Status Error(const std::string& message) const {
    return absl::InvalidArgumentError(
        absl::StrCat(path_, ":", number_, ": ", message));
  }

  absl::Status EndError(const std::string& message) const {
    return absl::InvalidArgumentError(absl::StrCat(
        path_, ": unexpected end of file: ", message,
        " (the file is truncated; retrain or restore it from git)"));
  }

 private:
  std::string_view text_;
  const std::string& path_;
  size_t pos_ = 0;
  int number_ = 0;
};

// Parses "<name> <n>[ <a> <b>]" section headers (space separated).
bool ParseSectionHeader(std::string_view line, std::string_view name,
                        std::vector<uint32_t>* numbers) {
  if (line.substr(0, name.size()) != name) return false;
  line.remove_prefix(name.size());
  numbers->clear();
  while (!line.empty()) {
    if (line.front() != ' ') return false;
    line.remove_prefix(1);
    size_t end = line.find(' ');
    if (end == std::string_view::npos) end = line.size();
    uint32_t n;
    if (!ParseUint(line.substr(0, end), &n)) return false;
    numbers->push_back(n);
    line.remove_prefix(end);
  }
  return true;
}

}  // namespace

Model::Model(int max_left, int max_right)
    : max_left_(max_left), max_right_(max_right) {}

std::string Model::PatternKey(int left, std::string_view window) {
  std::string key;
  key.reserve(window.size() + 1);
  key.push_back(static_cast<char>(left));
  key.append(window);
  return key;
}

uint64_t Model::Fingerprint(int left, std::string_view window) {
  // FNV-1a, then a MurmurHash3 finalizer to spread the bits.
  uint64_t h =
      text::Fnv1a64Step(text::kFnv1a64Basis, static_cast<uint64_t>(left));
  h = text::Fnv1a64(window, h);
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

absl::Status Model::IndexPatterns() {
  pattern_index_.clear();
  pattern_index_.reserve(patterns_.size());
  for (const auto& [key, counts] : patterns_) {
    uint64_t f = Fingerprint(key[0], std::string_view(key).substr(1));
    if (!pattern_index_.emplace(f, counts).second) {
      return absl::InternalError(absl::StrCat(
          "two letter windows share a fingerprint (one is \"", key.substr(1),
          "\"); change the window sizes and retrain"));
    }
  }
  return absl::OkStatus();
}

void Model::AddWord(const std::string& key, const std::u32string& form,
                    uint32_t count) {
  WordEntry& e = words_[key];
  e.total += count;
  for (Form& f : e.forms) {
    if (f.form == form) {
      f.count += count;
      return;
    }
  }
  e.forms.push_back({form, count});
}

void Model::AddContext(const std::string& previous_key, const std::string& key,
                       const std::u32string& form, uint32_t count) {
  WordEntry& e = words_[key];
  for (size_t k = 0; k < e.forms.size(); ++k) {
    if (e.forms[k].form != form) continue;
    std::vector<uint32_t>& counts = e.contexts[previous_key];
    if (counts.size() < e.forms.size()) counts.resize(e.forms.size());
    counts[k] += count;
    return;
  }
}

void Model::AddPattern(int left, std::string_view window, bool turkish,
                       uint32_t count) {
  PatternCounts& p = patterns_[PatternKey(left, window)];
  (turkish ? p.turkish : p.ascii) += count;
}

absl::Status Model::Finish(int min_context_count, int min_pattern_count) {
  for (auto& word : words_) {
    WordEntry& e = word.second;
    std::vector<size_t> order(e.forms.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      if (e.forms[a].count != e.forms[b].count) {
        return e.forms[a].count > e.forms[b].count;
      }
      return e.forms[a].form < e.forms[b].form;
    });
    std::vector<Form> forms;
    for (size_t k : order) forms.push_back(e.forms[k]);
    e.forms = std::move(forms);
    if (e.forms.size() < 2) {
      e.contexts.clear();
      continue;
    }
    for (auto it = e.contexts.begin(); it != e.contexts.end();) {
      std::vector<uint32_t> counts(order.size());
      uint32_t total = 0;
      for (size_t k = 0; k < order.size(); ++k) {
        counts[k] = order[k] < it->second.size() ? it->second[order[k]] : 0;
        total += counts[k];
      }
      // A row whose best form is the overall best form changes nothing but
      // the confidence; keep it only when it rests on enough observations.
      size_t best =
          std::max_element(counts.begin(), counts.end()) - counts.begin();
      bool agrees = counts[best] == counts[0];
      if (total == 0 ||
          (agrees && total < static_cast<uint32_t>(min_context_count))) {
        e.contexts.erase(it++);
      } else {
        it->second = std::move(counts);
        ++it;
      }
    }
    e.has_vowel_rows = false;
    for (const auto& [previous, counts] : e.contexts) {
      if (previous.substr(0, kVowelPrefix.size()) == kVowelPrefix) {
        e.has_vowel_rows = true;
      }
    }
  }
  for (auto it = patterns_.begin(); it != patterns_.end();) {
    const PatternCounts& p = it->second;
    bool prior = it->first.size() == 2;  // left 0, the letter alone
    if (!prior &&
        p.ascii + p.turkish < static_cast<uint32_t>(min_pattern_count)) {
      patterns_.erase(it++);
    } else {
      ++it;
    }
  }
  return IndexPatterns();
}

size_t Model::context_count() const {
  size_t n = 0;
  for (const auto& [key, entry] : words_) n += entry.contexts.size();
  return n;
}

const Model::WordEntry* Model::FindWord(std::string_view key) const {
  auto it = words_.find(absl::string_view(key.data(), key.size()));
  return it == words_.end() ? nullptr : &it->second;
}

const Model::PatternCounts* Model::FindPattern(int left,
                                               std::string_view window) const {
  auto it = pattern_index_.find(Fingerprint(left, window));
  return it == pattern_index_.end() ? nullptr : &it->second;
}

std::string Model::Serialize(std::string_view header) const {
  std::string out(header);
  absl::StrAppend(&out, std::string(kMagic), "\n");

  std::vector<const std::pair<const std::string, WordEntry>*> words;
  for (const auto& kv : words_) words.push_back(&kv);
  std::sort(words.begin(), words.end(),
            [](const auto* a, const auto* b) { return a->first < b->first; });
  absl::StrAppend(&out, "words ", words.size(), "\n");
  size_t context_rows = 0;
  for (const auto* kv : words) {
    out.append(kv->first);
    for (const Form& f : kv->second.forms) {
      std::string form = ToUtf8(f.form);
      absl::StrAppend(&out, "\t", form == kv->first ? "=" : form, "\t",
                      f.count);
    }
    out.push_back('\n');
    context_rows += kv->second.contexts.size();
  }

  absl::StrAppend(&out, "contexts ", context_rows, "\n");
  for (const auto* kv : words) {
    std::vector<const std::pair<const std::string, std::vector<uint32_t>>*>
        rows;
    for (const auto& row : kv->second.contexts) rows.push_back(&row);
    std::sort(rows.begin(), rows.end(),
              [](const auto* a, const auto* b) { return a->first < b->first; });
    for (const auto* row : rows) {
      absl::StrAppend(&out, kv->first, "\t", row->first);
      for (uint32_t c : row->second) absl::StrAppend(&out, "\t", c);
      out.push_back('\n');
    }
  }

  std::vector<const std::pair<const std::string, PatternCounts>*> patterns;
  for (const auto& kv : patterns_) patterns.push_back(&kv);
  std::sort(patterns.begin(), patterns.end(),
            [](const auto* a, const auto* b) { return a->first < b->first; });
  absl::StrAppend(&out, "patterns ", patterns.size(), " ", max_left_, " ",
                  max_right_, "\n");
  for (const auto* kv : patterns) {
    absl::StrAppend(&out, static_cast<int>(kv->first[0]), "\t",
                    kv->first.substr(1), "\t", kv->second.ascii, "\t",
                    kv->second.turkish, "\n");
  }
  out.append("end\n");
  return out;
}

absl::StatusOr<Model> Model::Parse(std::string_view text,
                                   const std::string& path) {
  Lines lines(text, path);
  std::string_view line;
  if (!lines.Next(&line)) return lines.EndError("no model header");
  if (line != kMagic) {
    return lines.Error(
        absl::StrCat("expected \"", std::string(kMagic),
                     "\"; this is not a deasciifier model of this version"));
  }

  std::vector<uint32_t> numbers;
  if (!lines.Next(&line)) return lines.EndError("no words section");
  if (!ParseSectionHeader(line, "words", &numbers) || numbers.size() != 1) {
    return lines.Error("expected \"words <count>\"");
  }
  // Max left/right are only known at the patterns header; fill them in then.
  Model model(0, 0);
  model.words_.reserve(numbers[0]);
  for (uint32_t n = numbers[0], k = 0; k < n; ++k) {
    if (!lines.Next(&line)) return lines.EndError("words section is short");
    std::vector<std::string_view> f = SplitTabs(line);
    if (f.size() < 3 || f.size() % 2 != 1) {
      return lines.Error(
          "a words line is <key> followed by <form> <count> "
          "pairs, separated by tabs");
    }
    std::string key(f[0]);
    if (!IsKey(key)) {
      return lines.Error(absl::StrCat(
          "bad key \"", key, "\": keys are lower-case a-z, 0-9 and '"));
    }
    WordEntry& e = model.words_[key];
    if (!e.forms.empty()) {
      return lines.Error(absl::StrCat("duplicate key \"", key, "\""));
    }
    for (size_t i = 1; i < f.size(); i += 2) {
      Form form;
      if (f[i] == "=") {
        form.form.assign(key.begin(), key.end());
      } else if (!DecodeForm(f[i], key, &form.form)) {
        return lines.Error(absl::StrCat("form \"", std::string(f[i]),
                                        "\" is not a spelling of \"", key,
                                        "\""));
      }
      if (!ParseUint(f[i + 1], &form.count) || form.count == 0) {
        return lines.Error(
            absl::StrCat("bad count \"", std::string(f[i + 1]), "\""));
      }
      e.total += form.count;
      e.forms.push_back(std::move(form));
    }
  }

  if (!lines.Next(&line)) return lines.EndError("no contexts section");
  if (!ParseSectionHeader(line, "contexts", &numbers) || numbers.size() != 1) {
    return lines.Error("expected \"contexts <count>\"");
  }
  for (uint32_t n = numbers[0], k = 0; k < n; ++k) {
    if (!lines.Next(&line)) return lines.EndError("contexts section is short");
    std::vector<std::string_view> f = SplitTabs(line);
    if (f.size() < 3) {
      return lines.Error("a contexts line is <key> <previous key> <counts>");
    }
    auto it = model.words_.find(absl::string_view(f[0].data(), f[0].size()));
    if (it == model.words_.end()) {
      return lines.Error(
          absl::StrCat("context for unknown key \"", std::string(f[0]), "\""));
    }
    WordEntry& e = it->second;
    if (f.size() - 2 != e.forms.size()) {
      return lines.Error(absl::StrCat("expected ", e.forms.size(),
                                      " counts, one per form of \"",
                                      std::string(f[0]), "\""));
    }
    std::vector<uint32_t> counts(e.forms.size());
    for (size_t i = 0; i < counts.size(); ++i) {
      if (!ParseUint(f[i + 2], &counts[i])) {
        return lines.Error(
            absl::StrCat("bad count \"", std::string(f[i + 2]), "\""));
      }
    }
    if (f[1].substr(0, kVowelPrefix.size()) == kVowelPrefix) {
      e.has_vowel_rows = true;
    }
    e.contexts.emplace(std::string(f[1]), std::move(counts));
  }

  if (!lines.Next(&line)) return lines.EndError("no patterns section");
  if (!ParseSectionHeader(line, "patterns", &numbers) || numbers.size() != 3 ||
      numbers[1] > 32 || numbers[2] > 32) {
    return lines.Error(
        "expected \"patterns <count> <max left> <max right>\" (at most 32)");
  }
  model.max_left_ = static_cast<int>(numbers[1]);
  model.max_right_ = static_cast<int>(numbers[2]);
  model.patterns_.reserve(numbers[0]);
  for (uint32_t n = numbers[0], k = 0; k < n; ++k) {
    if (!lines.Next(&line)) return lines.EndError("patterns section is short");
    std::vector<std::string_view> f = SplitTabs(line);
    uint32_t left;
    PatternCounts counts;
    if (f.size() != 4 || !ParseUint(f[0], &left) ||
        !ParseUint(f[2], &counts.ascii) || !ParseUint(f[3], &counts.turkish)) {
      return lines.Error(
          "a patterns line is <left> <window> <ascii count> <turkish count>");
    }
    std::string_view window = f[1];
    if (left > numbers[1] || left >= window.size() ||
        window.size() > left + 1 + numbers[2] ||
        text::TurkishCounterpart(window[left]) == 0) {
      return lines.Error(absl::StrCat("bad window \"", std::string(window),
                                      "\" for left ", left));
    }
    if (!model.patterns_.emplace(PatternKey(left, window), counts).second) {
      return lines.Error(
          absl::StrCat("duplicate window \"", std::string(window), "\""));
    }
  }
  if (!lines.Next(&line)) return lines.EndError("no \"end\" line");
  if (line != "end") {
    return lines.Error("expected \"end\" after the patterns section");
  }
  if (lines.Next(&line)) return lines.Error("text after \"end\"");
  if (absl::Status s = model.IndexPatterns(); !s.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": ", std::string(s.message())));
  }
  return model;
}

}  // namespace newsroom::deasciify::internal
