// Expansion streams the .dic once. For each entry the stem is decoded and
// lower-cased once; FormHash is incremental, so the hash of stem+suffix is
// the stem's running hash (after the strip) continued over the suffix, and
// no form is ever built as a string. Each form is noted as a fingerprint
// with bits for how Hunspell takes it: written in lower case (stem and
// suffix have no capitals), in title case (only the stem's first letter is
// one), or accepted in capitals (the stem is, and the suffix is empty; or
// the form is one of a hidden twin's, see below). The table and the Bloom
// filter of forms are filled last, when the number of fingerprints is
// known.
//
// The prefixes of a form stem[0, m) + add are the stem's prefixes and the
// stem's continued over `add`; its suffixes are add's suffixes (the same
// for every stem, inserted once per rule) and, for each j <= m,
// stem[j, m) + add, whose hash is (P[m] − P[j]·B^(m−j))·B^|add| + H(add)
// from the stem's prefix hashes P. Prefixes are hashed twice on the way,
// with the set's base (the form's fingerprint) and with the fixed base
// (the prefix filter's key). The prefix and suffix filters cannot
// wait for an exact count (that would need every prefix and suffix kept,
// about 7 million), so they are sized from the entry count on the .dic's
// first line, with hunspell-tr's proportions; a dictionary with more forms
// an entry gets more false positives in them, never a wrong answer.
//
// Tested by form_set_test.cc.
#include "spelling/internal/form_set.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "spelling/internal/letters.h"
#include "text/utf8.h"

namespace newsroom::spelling::internal {
namespace {

// 2.7 MB for hunspell-tr's 1.35 million forms; about 0.4 % false
// positives.
constexpr int kFilterBitsPerKey = 16;
// Hunspell's default forbidden-word flag (FORBIDDENWORD_DEFAULT).
constexpr int kDefaultForbiddenFlag = 65510;
// Longer words are left to Hunspell, which refuses very long ones.
constexpr size_t kMaxAcceptsLength = 60;
// hunspell-tr has 371 thousand entries, with 2.7 million distinct prefixes
// of forms and 4.0 million suffixes: about 7.3 and 10.8 an entry. At 8 bits
// a key the filters hold 3 + 4 MB and answer false positives 2–3 % of the
// time, which only lets an edit through to the form filter.
constexpr size_t kPrefixesPerEntry = 8;
constexpr size_t kSuffixesPerEntry = 11;
constexpr int kAffixBitsPerKey = 8;
// When the .dic's first line is not a count.
constexpr size_t kDefaultEntries = 100000;

// One condition element: a set of letters, or its complement.
struct CondElement {
  std::u32string letters;
  bool negated = false;
  bool any = false;  // "."
};

struct SuffixRule {
  size_t strip = 0;           // code points removed from the stem's end
  std::u32string strip_text;  // must match the stem's end; lower case
  std::u32string add;         // lower case
  bool add_has_capitals = false;
  std::vector<CondElement> condition;  // matched against the stem's end
  // The same as written in the affix file, for stems with capitals, which
  // Hunspell matches as written.
  std::u32string strip_written;
  std::vector<CondElement> condition_written;
  bool has_capitals = false;  // in the strip string or the condition
};

// Affix file keywords that change nothing about which words Hunspell
// accepts beyond what Load() expands (the rest are for suggestions).
constexpr std::string_view kCoveredKeywords[] = {"SET", "LANG", "TRY", "FLAG",
                                                 "SFX", "KEY",  "REP", "MAP"};

std::vector<CondElement> ParseCondition(std::u32string_view cond) {
  std::vector<CondElement> out;
  for (size_t i = 0; i < cond.size(); ++i) {
    CondElement e;
    if (cond[i] == U'.') {
      e.any = true;
    } else if (cond[i] == U'[') {
      size_t j = i + 1;
      if (j < cond.size() && cond[j] == U'^') {
        e.negated = true;
        ++j;
      }
      while (j < cond.size() && cond[j] != U']') e.letters.push_back(cond[j++]);
      i = j;
    } else {
      e.letters.push_back(cond[i]);
    }
    out.push_back(std::move(e));
  }
  if (out.size() == 1 && out[0].any) out.clear();
  return out;
}

bool Matches(const std::vector<CondElement>& cond, std::u32string_view stem);

// Whether the rule applies to `stem`, given its strip text and condition.
bool Applies(size_t strip, std::u32string_view strip_text,
             const std::vector<CondElement>& cond, std::u32string_view stem) {
  if (strip > stem.size()) return false;
  if (strip > 0 && stem.substr(stem.size() - strip) != strip_text) {
    return false;
  }
  return cond.empty() || Matches(cond, stem);
}

bool Matches(const std::vector<CondElement>& cond, std::u32string_view stem) {
  if (cond.size() > stem.size()) return false;
  size_t base = stem.size() - cond.size();
  for (size_t k = 0; k < cond.size(); ++k) {
    const CondElement& e = cond[k];
    if (e.any) continue;
    bool in = e.letters.find(stem[base + k]) != std::u32string::npos;
    if (in == e.negated) return false;
  }
  return true;
}

// Flags are numbers below 2^16: their value for FLAG num (as Hunspell
// reads them), their byte for one-character flags.
constexpr int kFlagCount = 1 << 16;

// The number of a flag; -1 if it is none.
int FlagId(std::string_view flag, bool numeric) {
  if (!numeric) {
    return flag.size() == 1 ? static_cast<unsigned char>(flag[0]) : -1;
  }
  if (flag.empty() || flag.size() > 5) return -1;
  int id = 0;
  for (char c : flag) {
    if (c < '0' || c > '9') return -1;
    id = id * 10 + (c - '0');
  }
  return id < kFlagCount ? id : -1;
}

// Splits "a/1,2,3" (num flags) or "a/ABC" (character flags) into flag
// numbers, leaving out malformed ones.
void ParseFlags(std::string_view flags, bool numeric, std::vector<int>* out) {
  out->clear();
  if (numeric) {
    size_t start = 0;
    while (start < flags.size()) {
      size_t comma = flags.find(',', start);
      if (comma == std::string_view::npos) comma = flags.size();
      int id = FlagId(flags.substr(start, comma - start), true);
      if (id >= 0) out->push_back(id);
      start = comma + 1;
    }
  } else {
    for (char c : flags) out->push_back(static_cast<unsigned char>(c));
  }
}

std::vector<std::string> Fields(const std::string& line) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
    if (j > i) out.push_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

}  // namespace

absl::StatusOr<std::unique_ptr<const FormSet>> FormSet::Load(
    const std::string& aff_path, const std::string& dic_path,
    uint64_t hash_base) {
  for (const std::string& path : {aff_path, dic_path}) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
      return absl::NotFoundError(
          absl::StrCat("Hunspell dictionary file not found: ", path));
    }
  }
  std::ifstream aff(aff_path);
  bool numeric = false;
  bool covers = true;
  // Hunspell maps I to ı and İ to i, as LowerTr() does, under LANG tr_TR.
  bool turkish_case = false;
  absl::flat_hash_map<std::string, std::vector<SuffixRule>> rules;
  std::string line;
  int line_no = 0;
  while (std::getline(aff, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> f = Fields(line);
    if (f.empty() || f[0][0] == '#') continue;
    if (std::find(std::begin(kCoveredKeywords), std::end(kCoveredKeywords),
                  f[0]) == std::end(kCoveredKeywords) ||
        (f[0] == "SET" && (f.size() < 2 || f[1] != "UTF-8"))) {
      covers = false;
    }
    if (f[0] == "LANG") turkish_case = f.size() >= 2 && f[1] == "tr_TR";
    if (f[0] == "FLAG" && f.size() >= 2) {
      if (f[1] == "num") {
        numeric = true;
      } else {
        return absl::InvalidArgumentError(
            absl::StrCat(aff_path, ":", line_no, ": FLAG ", f[1],
                         " is not supported (only num and the default)"));
      }
    }
    // A rule line has 5+ fields; the header line "SFX A Y 3" has 4.
    if (f[0] != "SFX" || f.size() < 5) continue;
    SuffixRule rule;
    if (f[2] != "0") {
      rule.strip_written = text::ToUtf32(f[2]);
      rule.strip_text = LowerTr(rule.strip_written);
      rule.strip = rule.strip_text.size();
    }
    std::string add = f[3];
    size_t slash = add.find('/');  // continuation flags: ignored
    if (slash != std::string::npos) {
      add.resize(slash);
      covers = false;
    }
    if (add != "0") {
      rule.add = LowerTr(text::ToUtf32(add));
      rule.add_has_capitals = rule.add != text::ToUtf32(add);
      // Its forms are in the set, but how they are written is not noted.
      if (rule.add_has_capitals) covers = false;
    }
    rule.condition_written = ParseCondition(text::ToUtf32(f[4]));
    rule.condition = ParseCondition(LowerTr(text::ToUtf32(f[4])));
    rule.has_capitals = rule.strip_written != rule.strip_text ||
                        LowerTr(text::ToUtf32(f[4])) != text::ToUtf32(f[4]);
    rules[f[1]].push_back(std::move(rule));
  }

  // The rules by flag number, now that the flag type is known.
  std::vector<std::vector<SuffixRule>> rules_by_flag(kFlagCount);
  for (auto& [flag, flag_rules] : rules) {
    int id = FlagId(flag, numeric);
    if (id < 0) continue;
    for (SuffixRule& rule : flag_rules) {
      rules_by_flag[id].push_back(std::move(rule));
    }
  }
  rules.clear();

  std::ifstream dic(dic_path);
  std::unique_ptr<FormSet> set(new FormSet());
  set->hash_base_ = hash_base;
  // Fingerprints with their kLowerCase / kTitleCase bits, repeats and all.
  std::vector<uint64_t> forms;
  std::getline(dic, line);  // the entry count
  size_t entries = std::strtoull(line.c_str(), nullptr, 10);
  if (entries == 0) entries = kDefaultEntries;
  set->prefix_filter_ =
      BloomFilter(entries * kPrefixesPerEntry, kAffixBitsPerKey);
  set->suffix_filter_ =
      BloomFilter(entries * kSuffixesPerEntry, kAffixBitsPerKey);
  // Prefixes and suffixes wait here to be inserted a few hundred at a time
  // (BloomFilter::InsertMany), which makes loading twice as fast.
  struct PendingInserts {
    BloomFilter* filter;
    std::vector<uint64_t> keys;
    void Insert(uint64_t key) {
      keys.push_back(key);
      if (keys.size() == 512) Flush();
    }
    void Flush() {
      filter->InsertMany(keys.data(), keys.size());
      keys.clear();
    }
  };
  PendingInserts prefixes{&set->prefix_filter_, {}};
  PendingInserts suffixes{&set->suffix_filter_, {}};
  // B^k, grown as longer words come.
  std::vector<uint64_t> power = {1};
  auto power_of = [&power, hash_base](size_t k) {
    while (power.size() <= k) {
      power.push_back(FormHashMul(power.back(), hash_base));
    }
    return power[k];
  };
  for (const std::vector<SuffixRule>& flag_rules : rules_by_flag) {
    for (const SuffixRule& rule : flag_rules) {
      uint64_t h = 0;
      suffixes.Insert(h);
      for (size_t k = rule.add.size(); k > 0; --k) {
        h = FormHashAdd(FormHashMul(uint64_t{rule.add[k - 1]} + 1,
                                    power_of(rule.add.size() - k)),
                        h);
        suffixes.Insert(h);  // FormHash(add[k - 1, |add|))
      }
    }
  }
  std::vector<int> flags;
  std::vector<uint64_t> prefix_hash;
  std::vector<uint64_t> prefix_key;  // the same with kFixedHashBase
  // Inserts the suffixes stem[j, m) + add for j <= m, given add's hash.
  auto insert_suffixes = [&](size_t m, size_t add_size, uint64_t add_hash) {
    uint64_t shift = power_of(add_size);
    for (size_t j = 0; j <= m; ++j) {
      uint64_t part = FormHashSub(prefix_hash[m],
                                  FormHashMul(prefix_hash[j], power_of(m - j)));
      suffixes.Insert(FormHashAdd(FormHashMul(part, shift), add_hash));
    }
  };
  while (std::getline(dic, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t end = line.find_first_of("/\t ");
    std::string_view stem_utf8(line.data(),
                               end == std::string::npos ? line.size() : end);
    if (stem_utf8.empty()) continue;
    if (line.find('\\') != std::string::npos) covers = false;  // escapes
    std::u32string written = text::ToUtf32(stem_utf8);
    std::u32string stem = LowerTr(written);
    const bool capitals = stem != written;
    // written[0, m) is in lower case for m <= lower_end, and in title case
    // for 1 <= m <= title_end (0 when the first letter is no capital).
    size_t lower_end = 0;
    while (lower_end < stem.size() && written[lower_end] == stem[lower_end]) {
      ++lower_end;
    }
    size_t title_end = 0;
    if (lower_end == 0 && !stem.empty() && UpperTr(stem[0]) == written[0]) {
      title_end = 1;
      while (title_end < stem.size() && written[title_end] == stem[title_end]) {
        ++title_end;
      }
    }
    // ... and in capitals (letters without case allowed) for m <= upper_end.
    size_t upper_end = 0;
    while (upper_end < stem.size() &&
           written[upper_end] == UpperTr(stem[upper_end])) {
      ++upper_end;
    }
    // The case bits of written[0, m) + `add` (without capitals).
    auto written_bits = [&](size_t m, std::u32string_view add) {
      uint64_t bits = 0;
      if (m <= lower_end) bits |= kLowerCase;
      if (m >= 1 && m <= title_end) bits |= kTitleCase;
      if (m <= upper_end && UpperTr(add) == add) bits |= kUpperCase;
      return bits;
    };
    flags.clear();
    if (end != std::string::npos && line[end] == '/') {
      size_t flags_end = line.find_first_of("\t ", end + 1);
      if (flags_end == std::string::npos) flags_end = line.size();
      ParseFlags(std::string_view(line).substr(end + 1, flags_end - end - 1),
                 numeric, &flags);
    }
    // Hunspell gives a stem with inner capitals ("LibreOffice"), or in
    // capitals with flags ("ABD/3"), a hidden title-case twin
    // ("Libreoffice", "Abd") that only words typed in capitals reach:
    // "LIBREOFFICE" is accepted, and so are the twin's forms in capitals.
    size_t capital_count = 0, caseless = 0;
    for (size_t i = 0; i < stem.size(); ++i) {
      capital_count += written[i] != stem[i];
      caseless += written[i] == stem[i] && UpperTr(stem[i]) == stem[i];
    }
    const bool first_capital = !stem.empty() && written[0] != stem[0];
    const bool all_capitals = capital_count + caseless == stem.size();
    const bool twin = capital_count > 0 &&
                      !(capital_count == 1 && first_capital) &&
                      (!all_capitals || !flags.empty());
    std::u32string twin_written = stem;
    if (twin) twin_written[0] = UpperTr(stem[0]);

    prefix_hash.resize(stem.size() + 1);
    prefix_key.resize(stem.size() + 1);
    prefix_hash[0] = prefix_key[0] = 0;
    prefixes.Insert(0);
    for (size_t i = 0; i < stem.size(); ++i) {
      prefix_hash[i + 1] = FormHashExtend(prefix_hash[i], stem[i], hash_base);
      prefix_key[i + 1] =
          FormHashExtend(prefix_key[i], stem[i], kFixedHashBase);
      prefixes.Insert(prefix_key[i + 1]);
    }
    forms.push_back(prefix_hash[stem.size()] | written_bits(stem.size(), U"") |
                    (twin ? kUpperCase : 0));
    insert_suffixes(stem.size(), 0, 0);
    for (int flag : flags) {
      if (numeric && flag == kDefaultForbiddenFlag) covers = false;
      for (const SuffixRule& rule : rules_by_flag[flag]) {
        // Hunspell matches the stem as written; the lower-cased match is
        // kept too, as the set has always had it, but only Hunspell's
        // forms are marked as written in lower or title case.
        bool lowered =
            Applies(rule.strip, rule.strip_text, rule.condition, stem);
        bool hunspell = capitals || rule.has_capitals
                            ? Applies(rule.strip, rule.strip_written,
                                      rule.condition_written, written)
                            : lowered;
        bool twin_form = twin && Applies(rule.strip, rule.strip_written,
                                         rule.condition_written, twin_written);
        if (!lowered && !hunspell && !twin_form) continue;
        const size_t m = stem.size() - rule.strip;
        if (twin_form && m == 0) covers = false;  // not modelled
        uint64_t h = prefix_hash[m];
        uint64_t key = prefix_key[m];
        uint64_t add_hash = 0;
        for (char32_t c : rule.add) {
          h = FormHashExtend(h, c, hash_base);
          key = FormHashExtend(key, c, kFixedHashBase);
          add_hash = FormHashExtend(add_hash, c, hash_base);
          prefixes.Insert(key);
        }
        uint64_t bits = 0;
        if (hunspell && !rule.add_has_capitals) {
          bits = written_bits(m, rule.add);
        }
        if (twin_form) bits |= kUpperCase;
        forms.push_back(h | bits);
        insert_suffixes(m, rule.add.size(), add_hash);
      }
    }
  }
  prefixes.Flush();
  suffixes.Flush();
  set->covers_dictionary_ = covers && turkish_case;
  // At most 70 % full, counting repeats.
  int bits = 1;
  while ((size_t{1} << bits) * 7 < forms.size() * 10) ++bits;
  set->table_.assign(size_t{1} << bits, kEmpty);
  set->table_mask_ = (size_t{1} << bits) - 1;
  set->table_shift_ = 64 - bits;
  for (uint64_t f : forms) set->Insert(f);
  forms = {};
  set->filter_ = BloomFilter(set->size_, kFilterBitsPerKey);
  for (uint64_t e : set->table_) {
    if (e != kEmpty) set->filter_.Insert(e & kFingerprintBits);
  }
  return std::unique_ptr<const FormSet>(std::move(set));
}

void FormSet::Insert(uint64_t entry) {
  const uint64_t fingerprint = entry & kFingerprintBits;
  for (size_t i = Slot(fingerprint);; i = (i + 1) & table_mask_) {
    if (table_[i] == kEmpty) {
      table_[i] = entry;
      ++size_;
      return;
    }
    if ((table_[i] & kFingerprintBits) == fingerprint) {
      table_[i] |= entry;  // the case bits of both
      return;
    }
  }
}

std::optional<bool> FormSet::Accepts(std::u32string_view word) const {
  if (!covers_dictionary_ || word.empty() || word.size() > kMaxAcceptsLength) {
    return std::nullopt;
  }
  for (char32_t c : word) {
    if (!IsLetter(c) && c != U'\'') return std::nullopt;
  }
  std::u32string lower = LowerTr(word);
  uint64_t fingerprint = FormHash(lower, hash_base_);
  if (!filter_.MayContain(fingerprint)) return false;
  uint64_t e = Find(fingerprint);
  if (e == kEmpty) return false;
  if (word == lower) return (e & kLowerCase) != 0;
  // Title case: Hunspell tries the word as typed, then in lower case.
  if (IsLetter(word[0]) && word[0] == UpperTr(lower[0]) &&
      word.substr(1) == std::u32string_view(lower).substr(1)) {
    return (e & (kLowerCase | kTitleCase)) != 0;
  }
  // Capitals, two or more: as typed, then as a title-case word. (With an
  // apostrophe Hunspell also tries "ankara'Da" and "Ankara'Da"; and it
  // refuses "İSTANBUL", "İNTERNET": a leading İ is left to it.)
  if (word[0] == U'İ') return std::nullopt;
  int capitals = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    if (word[i] != UpperTr(lower[i])) return std::nullopt;
    if (word[i] == U'\'') return std::nullopt;
    capitals += word[i] != lower[i];
  }
  if (capitals >= 2) return (e & (kLowerCase | kTitleCase | kUpperCase)) != 0;
  return std::nullopt;
}

void FormSet::Splits(const EditHasher& word, std::vector<char>* starts,
                     std::vector<char>* ends) const {
  const size_t n = word.size();
  starts->assign(n + 1, 0);
  ends->assign(n + 1, 0);
  std::vector<BloomFilter::Probe> prefix(n + 1), suffix(n + 1);
  uint64_t key = 0;  // of word[0, i)
  for (size_t i = 0; i <= n; ++i) {
    if (i > 0) key = FormHashExtend(key, word.word()[i - 1], kFixedHashBase);
    prefix[i] = prefix_filter_.Locate(key);
    suffix[i] = suffix_filter_.Locate(word.Suffix(i));
  }
  // A prefix of a form's prefix is one too: once a prefix is refused, so
  // are the longer ones (and likewise for suffixes).
  bool ok = true;
  for (size_t i = 0; i <= n && ok; ++i) {
    ok = prefix_filter_.Test(prefix[i]);
    (*starts)[i] = ok;
  }
  ok = true;
  for (size_t j = n + 1; j > 0 && ok; --j) {
    ok = suffix_filter_.Test(suffix[j - 1]);
    (*ends)[j - 1] = ok;
  }
}

void FormSet::ContainsHashes(const uint64_t* fingerprints, size_t n,
                             bool* found) const {
  // Three passes a chunk, each issuing its loads before using any: filter
  // words, then the table slots of the few the filter lets through, then
  // the table lookups. (A loop that only prefetches would be deleted by
  // the compiler; these store what they compute.)
  constexpr size_t kChunk = 64;
  BloomFilter::Probe probes[kChunk];
  size_t passed[kChunk];
  for (size_t base = 0; base < n; base += kChunk) {
    const size_t size = std::min(kChunk, n - base);
    for (size_t k = 0; k < size; ++k) {
      probes[k] = filter_.Locate(fingerprints[base + k]);
    }
    size_t count = 0;
    for (size_t k = 0; k < size; ++k) {
      found[base + k] = false;
      if (filter_.Test(probes[k])) {
        passed[count++] = base + k;
        __builtin_prefetch(&table_[Slot(fingerprints[base + k])]);
      }
    }
    for (size_t p = 0; p < count; ++p) {
      found[passed[p]] = Find(fingerprints[passed[p]]) != kEmpty;
    }
  }
}

}  // namespace newsroom::spelling::internal
