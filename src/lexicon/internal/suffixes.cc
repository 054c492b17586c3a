// The suffix grammar is a set of morphs, each allowed after some states and
// leading to one. Morphs are listed folded, with every vowel-harmony and
// buffer-consonant variant (-da/-de/-ta/-te, -ın/-in/-un/-ün folded to
// in/un, -ya after a vowel); harmony itself is checked by the matcher
// against the root, where the unfolded vowels are known. Accepting is a
// reachability pass over positions of the suffix text, a few hundred
// comparisons for a typical suffix.
//
// Tested by suffixes_test.cc.
#include "lexicon/internal/suffixes.h"

namespace newsroom::lexicon::internal {
namespace {

// Turkish states.
enum : uint8_t { N0, N1, N2, N3, N4, N5, N6, V0, V1 };
constexpr uint16_t B(uint8_t s) { return static_cast<uint16_t>(1u << s); }
constexpr uint16_t kNounUpTo(uint8_t s) {  // N0..s
  return static_cast<uint16_t>((1u << (s + 1)) - 1);
}

using Morph = SuffixGrammar::Morph;

constexpr Morph kTurkish[] = {
    // Derivation: -lık, -lı, -sız, -cı, -cık, -ca (aptallık, aptalca).
    {"lik", B(N0), N0},
    {"luk", B(N0), N0},
    {"lig", B(N0), N0},
    {"lug", B(N0), N0},
    {"li", B(N0), N0},
    {"lu", B(N0), N0},
    {"siz", B(N0), N0},
    {"suz", B(N0), N0},
    {"ci", B(N0), N0},
    {"cu", B(N0), N0},
    {"cik", B(N0), N0},
    {"cuk", B(N0), N0},
    {"cig", B(N0), N0},
    {"cug", B(N0), N0},
    {"ca", B(N0), N0},
    {"ce", B(N0), N0},
    // Nouns made into verbs: -laş, -lan (aptallaşmak).
    {"las", B(N0), V0},
    {"les", B(N0), V0},
    {"lan", B(N0), V0},
    {"len", B(N0), V0},
    // Plural.
    {"lar", B(N0), N1},
    {"ler", B(N0), N1},
    // Possessive.
    {"im", B(N0) | B(N1), N2},
    {"um", B(N0) | B(N1), N2},
    {"in", B(N0) | B(N1), N2},
    {"un", B(N0) | B(N1), N2},
    {"i", B(N0) | B(N1), N2},
    {"u", B(N0) | B(N1), N2},
    {"si", B(N0), N2},
    {"su", B(N0), N2},
    {"imiz", B(N0) | B(N1), N2},
    {"umuz", B(N0) | B(N1), N2},
    {"iniz", B(N0) | B(N1), N2},
    {"unuz", B(N0) | B(N1), N2},
    {"m", B(N0), N2},
    {"n", B(N0), N2},
    {"miz", B(N0), N2},
    {"muz", B(N0), N2},
    {"niz", B(N0), N2},
    {"nuz", B(N0), N2},
    {"lari", B(N0), N2},
    {"leri", B(N0), N2},
    // Case.
    {"a", kNounUpTo(N2), N3},
    {"e", kNounUpTo(N2), N3},
    {"ya", kNounUpTo(N2), N3},
    {"ye", kNounUpTo(N2), N3},
    {"i", kNounUpTo(N2), N3},
    {"u", kNounUpTo(N2), N3},
    {"yi", kNounUpTo(N2), N3},
    {"yu", kNounUpTo(N2), N3},
    {"da", kNounUpTo(N2), N3},
    {"de", kNounUpTo(N2), N3},
    {"ta", kNounUpTo(N2), N3},
    {"te", kNounUpTo(N2), N3},
    {"dan", kNounUpTo(N2), N3},
    {"den", kNounUpTo(N2), N3},
    {"tan", kNounUpTo(N2), N3},
    {"ten", kNounUpTo(N2), N3},
    {"in", kNounUpTo(N2), N3},
    {"un", kNounUpTo(N2), N3},
    {"nin", kNounUpTo(N2), N3},
    {"nun", kNounUpTo(N2), N3},
    {"la", kNounUpTo(N2), N3},
    {"le", kNounUpTo(N2), N3},
    {"yla", kNounUpTo(N2), N3},
    {"yle", kNounUpTo(N2), N3},
    {"na", kNounUpTo(N2), N3},
    {"ne", kNounUpTo(N2), N3},
    {"ni", kNounUpTo(N2), N3},
    {"nu", kNounUpTo(N2), N3},
    {"nda", kNounUpTo(N2), N3},
    {"nde", kNounUpTo(N2), N3},
    {"ndan", kNounUpTo(N2), N3},
    {"nden", kNounUpTo(N2), N3},
    {"nla", kNounUpTo(N2), N3},
    {"nle", kNounUpTo(N2), N3},
    {"nca", kNounUpTo(N2), N3},
    {"nce", kNounUpTo(N2), N3},
    // -ki after a locative or genitive starts a new noun (evdekiler).
    {"ki", B(N3), N0},
    // Past, evidential, conditional copula; -ken.
    {"di", kNounUpTo(N3), N4},
    {"du", kNounUpTo(N3), N4},
    {"ti", kNounUpTo(N3), N4},
    {"tu", kNounUpTo(N3), N4},
    {"ydi", kNounUpTo(N3), N4},
    {"ydu", kNounUpTo(N3), N4},
    {"mis", kNounUpTo(N3), N4},
    {"mus", kNounUpTo(N3), N4},
    {"ymis", kNounUpTo(N3), N4},
    {"ymus", kNounUpTo(N3), N4},
    {"se", kNounUpTo(N3), N4},
    {"sa", kNounUpTo(N3), N4},
    {"yse", kNounUpTo(N3), N4},
    {"ysa", kNounUpTo(N3), N4},
    {"ken", kNounUpTo(N3), N4},
    {"yken", kNounUpTo(N3), N4},
    // Person and the copula -dır (aptalsın, salaksınız, şerefsizdir).
    // -m -n -k -nız only after -di/-se (salaktım, salaksak).
    {"m", B(N4), N5},
    {"n", B(N4), N5},
    {"k", B(N4), N5},
    {"iz", kNounUpTo(N4), N5},
    {"uz", kNounUpTo(N4), N5},
    {"niz", B(N4), N5},
    {"nuz", B(N4), N5},
    {"im", kNounUpTo(N4), N5},
    {"um", kNounUpTo(N4), N5},
    {"yim", kNounUpTo(N4), N5},
    {"yum", kNounUpTo(N4), N5},
    {"sin", kNounUpTo(N4), N5},
    {"sun", kNounUpTo(N4), N5},
    {"siniz", kNounUpTo(N4), N5},
    {"sunuz", kNounUpTo(N4), N5},
    {"yiz", kNounUpTo(N4), N5},
    {"yuz", kNounUpTo(N4), N5},
    {"dir", kNounUpTo(N4), N5},
    {"dur", kNounUpTo(N4), N5},
    {"tir", kNounUpTo(N4), N5},
    {"tur", kNounUpTo(N4), N5},
    {"lar", kNounUpTo(N4), N5},
    {"ler", kNounUpTo(N4), N5},
    {"dirler", kNounUpTo(N4), N5},
    {"durlar", kNounUpTo(N4), N5},
    // The question particle, written together in informal text.
    {"mi", kNounUpTo(N5), N6},
    {"mu", kNounUpTo(N5), N6},
    {"miyim", kNounUpTo(N5), N6},
    {"muyum", kNounUpTo(N5), N6},
    {"misin", kNounUpTo(N5), N6},
    {"musun", kNounUpTo(N5), N6},
    {"miyiz", kNounUpTo(N5), N6},
    {"muyuz", kNounUpTo(N5), N6},
    {"misiniz", kNounUpTo(N5), N6},
    {"musunuz", kNounUpTo(N5), N6},
    {"midir", kNounUpTo(N5), N6},
    {"mudur", kNounUpTo(N5), N6},
    {"miydi", kNounUpTo(N5), N6},
    {"muydu", kNounUpTo(N5), N6},
    // Verbs. Voice: causative, passive, reflexive, reciprocal, ability.
    {"t", B(V0), V0},
    {"tir", B(V0), V0},
    {"dir", B(V0), V0},
    {"tur", B(V0), V0},
    {"dur", B(V0), V0},
    {"il", B(V0), V0},
    {"ul", B(V0), V0},
    {"in", B(V0), V0},
    {"un", B(V0), V0},
    {"is", B(V0), V0},
    {"us", B(V0), V0},
    {"n", B(V0), V0},
    {"ebil", B(V0), V0},
    {"abil", B(V0), V0},
    {"yebil", B(V0), V0},
    {"yabil", B(V0), V0},
    // Negation.
    {"ma", B(V0), V1},
    {"me", B(V0), V1},
    {"ama", B(V0), V1},
    {"eme", B(V0), V1},
    {"yama", B(V0), V1},
    {"yeme", B(V0), V1},
    // Tense, aspect, mood, participles and verbal nouns; a noun follows.
    {"iyor", B(V0) | B(V1), N0},
    {"uyor", B(V0) | B(V1), N0},
    {"yor", B(V0) | B(V1), N0},
    {"ar", B(V0), N0},
    {"er", B(V0), N0},
    {"ir", B(V0), N0},
    {"ur", B(V0), N0},
    {"r", B(V0), N0},
    {"maz", B(V0), N0},
    {"mez", B(V0), N0},
    {"z", B(V1), N0},
    {"di", B(V0) | B(V1), N0},
    {"du", B(V0) | B(V1), N0},
    {"ti", B(V0) | B(V1), N0},
    {"tu", B(V0) | B(V1), N0},
    {"mis", B(V0) | B(V1), N0},
    {"mus", B(V0) | B(V1), N0},
    {"ecek", B(V0) | B(V1), N0},
    {"acak", B(V0) | B(V1), N0},
    {"eceg", B(V0) | B(V1), N0},
    {"acag", B(V0) | B(V1), N0},
    {"yecek", B(V0) | B(V1), N0},
    {"yacak", B(V0) | B(V1), N0},
    {"yeceg", B(V0) | B(V1), N0},
    {"yacag", B(V0) | B(V1), N0},
    {"meli", B(V0) | B(V1), N0},
    {"mali", B(V0) | B(V1), N0},
    {"se", B(V0) | B(V1), N0},
    {"sa", B(V0) | B(V1), N0},
    {"e", B(V0), N0},
    {"a", B(V0), N0},
    {"ya", B(V1), N0},
    {"ye", B(V1), N0},
    {"mak", B(V0) | B(V1), N0},
    {"mek", B(V0) | B(V1), N0},
    {"ma", B(V0) | B(V1), N0},
    {"me", B(V0) | B(V1), N0},
    {"is", B(V0), N0},
    {"us", B(V0), N0},
    {"yis", B(V1), N0},
    {"ik", B(V0), N0},
    {"uk", B(V0), N0},
    {"ig", B(V0), N0},
    {"ug", B(V0), N0},
    {"ici", B(V0), N0},
    {"uci", B(V0), N0},
    {"yici", B(V1), N0},
    {"en", B(V0), N0},
    {"an", B(V0), N0},
    {"yen", B(V1), N0},
    {"yan", B(V1), N0},
    {"dik", B(V0) | B(V1), N0},
    {"duk", B(V0) | B(V1), N0},
    {"tik", B(V0) | B(V1), N0},
    {"tuk", B(V0) | B(V1), N0},
    {"dig", B(V0) | B(V1), N0},
    {"dug", B(V0) | B(V1), N0},
    {"tig", B(V0) | B(V1), N0},
    {"tug", B(V0) | B(V1), N0},
    {"ip", B(V0), N0},
    {"up", B(V0), N0},
    {"yip", B(V1), N0},
    {"ince", B(V0), N0},
    {"unca", B(V0), N0},
    {"yince", B(V1), N0},
    {"erek", B(V0), N0},
    {"arak", B(V0), N0},
    {"yerek", B(V1), N0},
    {"meden", B(V0), N0},
    {"madan", B(V0), N0},
    {"esi", B(V0), N0},
    {"asi", B(V0), N0},
    {"esice", B(V0), N0},
    {"asica", B(V0), N0},
    // Imperative and optative persons.
    {"sin", B(V0) | B(V1), N5},
    {"sun", B(V0) | B(V1), N5},
    {"sinler", B(V0) | B(V1), N5},
    {"sunlar", B(V0) | B(V1), N5},
    {"in", B(V0), N5},
    {"un", B(V0), N5},
    {"iniz", B(V0), N5},
    {"unuz", B(V0), N5},
    {"yin", B(V1), N5},
    {"yun", B(V1), N5},
    {"eyim", B(V0), N5},
    {"ayim", B(V0), N5},
    {"iyim", B(V0), N5},
    {"yeyim", B(V1), N5},
    {"yayim", B(V1), N5},
    {"elim", B(V0), N5},
    {"alim", B(V0), N5},
};

// English states: after the root, after one inflection, after two.
constexpr Morph kEnglish[] = {
    {"s", 1, 1},   {"es", 1, 1},   {"ed", 1, 1},  {"d", 1, 1},
    {"ing", 1, 1}, {"in", 1, 1},   {"er", 1, 1},  {"ers", 1, 1},
    {"ier", 1, 1}, {"iest", 1, 1}, {"est", 1, 1}, {"y", 1, 1},
    {"ies", 1, 1}, {"ly", 1, 1},   {"s", 2, 2},   {"ly", 2, 2},
};

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// Morphs that begin with a buffer consonant, or are one (possessive -m,
// -n, -sı; the pronominal n of -na, -nda, -nın; the aorist -r; the
// causative -t), follow a vowel.
bool AfterVowel(std::string_view form) {
  static constexpr std::string_view kBuffered[] = {
      "r",    "t",    "m",   "n",   "si",  "su",  "miz", "muz",
      "niz",  "nuz",  "na",  "ne",  "ni",  "nu",  "nda", "nde",
      "ndan", "nden", "nin", "nun", "nla", "nle", "nca", "nce"};
  if (form[0] == 'y') return true;
  for (std::string_view b : kBuffered) {
    if (form == b) return true;
  }
  return false;
}

}  // namespace

SuffixGrammar::SuffixGrammar(const Morph* morphs, int count, bool turkish) {
  for (int i = 0; i < count; ++i) {
    std::string_view form(morphs[i].form);
    Join join = Join::kAny;
    if (turkish && IsVowel(form[0])) join = Join::kAfterConsonant;
    if (turkish && AfterVowel(form)) join = Join::kAfterVowel;
    by_letter_[form[0] - 'a'].push_back(
        {morphs[i], static_cast<uint8_t>(form.size()), join});
  }
}

const SuffixGrammar& SuffixGrammar::Turkish() {
  static const SuffixGrammar* g = new SuffixGrammar(
      kTurkish, static_cast<int>(sizeof(kTurkish) / sizeof(kTurkish[0])), true);
  return *g;
}

const SuffixGrammar& SuffixGrammar::English() {
  static const SuffixGrammar* g = new SuffixGrammar(
      kEnglish, static_cast<int>(sizeof(kEnglish) / sizeof(kEnglish[0])),
      false);
  return *g;
}

std::vector<int> SuffixGrammar::Accepts(std::string_view letters, Start start,
                                        char before) const {
  constexpr size_t kMaxLength = 24;
  if (letters.size() > kMaxLength) letters = letters.substr(0, kMaxLength);
  uint16_t reach[kMaxLength + 1] = {};
  // English morphs use state bit 0 as "after the root"; Turkish nouns N0
  // (bit 0); Turkish verbs may also be used as nouns (sik → sikim).
  reach[0] = start == kVerb ? static_cast<uint16_t>(B(V0) | B(N0)) : B(N0);
  std::vector<int> accepted;
  for (size_t p = 0; p < letters.size(); ++p) {
    if (p > 0 && reach[p] != 0) accepted.push_back(static_cast<int>(p));
    if (reach[p] == 0) continue;
    char c = letters[p];
    if (c < 'a' || c > 'z') break;
    const bool vowel_before = IsVowel(p == 0 ? before : letters[p - 1]);
    for (const Rule& r : by_letter_[c - 'a']) {
      if ((r.morph.from & reach[p]) == 0) continue;
      if (r.join == Join::kAfterVowel && !vowel_before) continue;
      if (r.join == Join::kAfterConsonant && vowel_before) continue;
      if (letters.compare(p, r.length, r.morph.form) == 0) {
        reach[p + r.length] |= static_cast<uint16_t>(1u << r.morph.to);
      }
    }
  }
  if (!letters.empty() && reach[letters.size()] != 0) {
    accepted.push_back(static_cast<int>(letters.size()));
  }
  return accepted;
}

}  // namespace newsroom::lexicon::internal
