// The forms read here are the few that settle whom a word is said of: the
// copula written on the word itself in Turkish ("aptal-sın", "aptal-ım"),
// the subject and verb before it in English ("I'm a bit of an idiot"), and
// a denial next to it (internal::IsDenied). Anything else is kOther, which
// is how the rules treated every match before.
//
// Tested by aim_test.cc.
#include "lexicon/aim.h"

#include <algorithm>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

#include "lexicon/internal/clause.h"

namespace newsroom::lexicon {
namespace {

using internal::EndsPhrase;
using internal::OneOf;
using internal::StartsWithOneOf;

// "-sın", "-sunuz": you are.
bool IsSecondPersonCopula(std::string_view suffix) {
  return suffix.ends_with("sin") || suffix.ends_with("sun") ||
         suffix.ends_with("siniz") || suffix.ends_with("sunuz");
}

// "-ım", "-ız", "-dım", "-dık", "-mışım", "-yım": I am, we are, I was, we
// were; never after a plural ("aptallarım": my idiots).
bool IsFirstPersonCopula(std::string_view suffix) {
  if (suffix.find("lar") != std::string_view::npos ||
      suffix.find("ler") != std::string_view::npos ||
      suffix.ends_with("siniz") || suffix.ends_with("sunuz")) {
    return false;
  }
  return suffix.ends_with("im") || suffix.ends_with("um") ||
         suffix.ends_with("iz") || suffix.ends_with("uz") ||
         suffix.ends_with("dik") || suffix.ends_with("duk") ||
         suffix.ends_with("tik") || suffix.ends_with("tuk");
}

// "aptal hissediyorum", "bir aptal gibi hissettim": a feeling the writer
// has of themself (a first-person verb of feeling after the word).
bool TurkishFeeling(const std::vector<std::string>& keys, size_t last) {
  size_t i = last + 1;
  if (i < keys.size() && keys[i] == "gibi") ++i;
  if (i >= keys.size() || !keys[i].starts_with("hisse")) return false;
  return IsFirstPersonCopula(std::string_view(keys[i]).substr(5));
}

// "I'm (such) an idiot", "I was a bit of a moron", "I feel stupid", "we
// were idiots": the words before the match, over articles and degree
// words, are a first-person subject and verb (kSelf); "you are vermin",
// "you're a liar", "you were such a pig": a second-person one (kReader).
Aim EnglishSubject(const std::vector<std::string>& keys, size_t first) {
  static constexpr std::string_view kFillers[] = {
      "a",        "an",    "such", "so",     "the",  "total", "complete",
      "absolute", "utter", "real", "big",    "bit",  "of",    "just",
      "being",    "like",  "very", "really", "kind", "sort"};
  size_t i = first;
  while (i > 0 && OneOf(keys[i - 1], kFillers)) --i;
  if (i == 0) return Aim::kOther;
  static constexpr std::string_view kContracted[] = {"i'm", "i’m", "im",
                                                     "we're", "we’re"};
  static constexpr std::string_view kContractedYou[] = {"you're", "you’re",
                                                        "youre", "ur"};
  if (OneOf(keys[i - 1], kContracted)) return Aim::kSelf;
  if (OneOf(keys[i - 1], kContractedYou)) return Aim::kReader;
  if (i < 2) return Aim::kOther;
  static constexpr std::string_view kVerbs[] = {
      "am",   "was",  "were",   "are",   "feel",
      "felt", "look", "looked", "sound", "sounded"};
  if (!OneOf(keys[i - 1], kVerbs)) return Aim::kOther;
  if (keys[i - 2] == "i" || keys[i - 2] == "we") return Aim::kSelf;
  if (keys[i - 2] == "you" || keys[i - 2] == "u") return Aim::kReader;
  return Aim::kOther;
}

// A comment that is the word alone, or the word and a form of address
// ("Köpek!", "@USER hayvan herif", "pislik lan"), says it to someone.
bool WholeComment(const std::vector<text::Token>& tokens,
                  const std::vector<std::string>& keys, size_t first,
                  size_t last) {
  static constexpr std::string_view kAddress[] = {"lan",  "ulan", "herif",
                                                  "seni", "be",   "you"};
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i >= first && i <= last) continue;
    if (tokens[i].kind == text::TokenKind::kWord && !OneOf(keys[i], kAddress)) {
      return false;
    }
  }
  return true;
}

// "Seni pislik!", "Sizi köpekler!", "you pervert!": the word closes its clause
// right after the pronoun.
bool Vocative(const std::vector<text::Token>& tokens,
              const std::vector<std::string>& keys, size_t first, size_t last) {
  if (first == 0) return false;
  static constexpr std::string_view kPronouns[] = {"seni", "sizi", "you"};
  if (!OneOf(keys[first - 1], kPronouns)) return false;
  return last + 1 >= tokens.size() ||
         tokens[last + 1].kind != text::TokenKind::kWord ||
         tokens[last + 1].sentence_initial;
}

// "aptal yerine koymak" (koyuyor, konulmak, kondu), "gerizekalı muamelesi";
// "take (us) for (an) idiot", "treat (voters) like idiots": the word names
// what someone is taken for.
bool TakenFor(const std::vector<std::string>& keys, size_t first,
              size_t last) {
  if (last + 1 < keys.size()) {
    const std::string& next = keys[last + 1];
    if (next.starts_with("muamele")) return true;
    if (next == "yerine" && last + 2 < keys.size() &&
        (keys[last + 2].starts_with("koy") ||
         keys[last + 2].starts_with("kon"))) {
      return true;
    }
  }
  size_t i = first;
  while (i > 0 && (keys[i - 1] == "a" || keys[i - 1] == "an")) --i;
  if (i == 0 || (keys[i - 1] != "for" && keys[i - 1] != "like")) return false;
  const std::string_view verb = keys[i - 1] == "for" ? "tak" : "treat";
  for (size_t j = i - 1; j > 0 && j + 3 >= i; --j) {
    if (keys[j - 1].starts_with(verb) ||
        (verb == "tak" && keys[j - 1].starts_with("took"))) {
      return true;
    }
  }
  return false;
}

// Things said or done that a reader may call stupid, and acts a reader
// condemns ("the terrorist attack", "bu aşağılık saldırı"): decisions,
// laws, ideas, questions, what was written, attacks, crimes and the groups
// that commit them. Folded keys; English words in their plural too.
constexpr std::string_view kThingsEn[] = {
    "act",           "acts",         "activities",    "activity",
    "answer",        "answers",      "argument",      "arguments",
    "article",       "articles",     "attack",        "attacks",
    "ban",           "bill",         "bills",         "bombing",
    "bombings",      "call",         "case",          "cases",
    "cell",          "cells",        "charge",        "charges",
    "choice",        "choices",      "comment",       "comments",
    "decision",      "decisions",    "excuse",        "excuses",
    "group",         "groups",       "headline",      "idea",
    "ideas",         "incident",     "incidents",     "investigation",
    "justice",       "law",          "laws",          "logic",
    "mistake",       "mistakes",     "move",          "moves",
    "network",       "networks",     "offence",       "offences",
    "offense",       "offenses",     "opinion",       "organisation",
    "organisations", "organization", "organizations", "plan",
    "plans",         "plot",         "plots",         "policies",
    "policy",        "post",         "proposal",      "question",
    "questions",     "reasoning",    "record",        "records",
    "reform",        "regulation",   "remark",        "remarks",
    "reply",         "rule",         "rules",         "speech",
    "statement",     "statements",   "system",        "take",
    "tax",           "theory",       "threat",        "threats",
    "tweet",         "tweets",       "violence",
};
// Turkish stems, and the endings they may take here: plural, possessive,
// case, the copula ("aptal bir karardı", "salak soruları", "aşağılık
// saldırıyı", "katil zanlısının").
constexpr std::string_view kThingsTr[] = {
    "aciklama", "bahane",   "baslik",   "bombalama",  "cete",    "cevap",
    "cinayet",  "darbe",    "davranis", "duzenleme",  "eylem",   "fikir",
    "fikri",    "hamle",    "hareket",  "hata",       "haber",   "iddia",
    "iftira",   "kanun",    "karar",    "katliam",    "konusma", "kural",
    "laf",      "mantik",   "olay",     "oneri",      "orgut",   "patlama",
    "plan",     "politika", "proje",    "propaganda", "saldiri", "soru",
    "sistem",   "soz",      "supheli",  "tasari",     "tavir",   "tehdit",
    "teklif",   "tercih",   "uygulama", "yanit",      "yasa",    "yazi",
    "yorum",    "zanli",    "zulum",
};
constexpr std::string_view kThingEndingsTr[] = {
    "",       "lar",   "ler",   "i",    "u",    "si",    "su",    "lari",
    "leri",   "di",    "du",    "ti",   "tu",   "ydi",   "ydu",   "dir",
    "dur",    "tir",   "tur",   "ydir", "ydur", "yi",    "yu",    "ya",
    "ye",     "a",     "e",     "da",   "de",   "ta",    "te",    "dan",
    "den",    "tan",   "ten",   "yla",  "yle",  "la",    "le",    "nin",
    "nun",    "in",    "un",    "lara", "lere", "larda", "lerde", "lardan",
    "lerden", "larin", "lerin", "sini", "sunu", "sina",  "sine",  "sinda",
    "sinde",  "sinin", "sunun", "ni",   "nu",
};
// Words a stem and an ending spell that are no thing: "sözde" (so-called).
constexpr std::string_view kNotThingsTr[] = {"sozde"};
// People a thing names in a compound: "şerefsiz örgüt lideri", "alçak
// saldırının failleri" call the leader and the attackers so. Stems.
constexpr std::string_view kPeopleOfTr[] = {
    "basi",   "baslari", "elebasi", "fail",  "lider", "mensub",
    "mensup", "militan", "sorumlu", "sozcu", "uye",   "yonetici"};
constexpr std::string_view kPeopleOfEn[] = {"boss",  "chief",  "leader",
                                            "maker", "member", "perpetrator"};

bool TurkishThing(std::string_view key) {
  if (OneOf(key, kNotThingsTr)) return false;
  for (std::string_view stem : kThingsTr) {
    if (key.starts_with(stem) &&
        OneOf(key.substr(stem.size()), kThingEndingsTr)) {
      return true;
    }
  }
  return false;
}

// English insults that are adjectives; a noun before a noun is still said
// of people ("hoe excuses", "y'all hoes tweet").
constexpr std::string_view kInsultAdjectivesEn[] = {
    "brainless", "dumb", "idiotic", "moronic", "pathetic", "stupid"};

// An insult or blame word as the adjective of a thing: "stupid decision",
// "a dumb law", "the terrorist attack", "aptal (bir) karar", "hain
// saldırıda"; the Turkish word without an ending of its own ("aptallar
// karar verdi": the idiots decided), an English blame word as typed
// ("criminal charges", not "terrorists attack").
bool OfAThing(const Match& m, const std::vector<std::string>& keys,
              size_t last) {
  if (m.category != Category::kInsult && m.category != Category::kBlame) {
    return false;
  }
  size_t next = last + 1;
  if (m.language == langid::Language::kTurkish) {
    if (!internal::FoldedSuffix(m).empty()) return false;
    if (next < keys.size() && keys[next] == "bir") ++next;
    return next < keys.size() && TurkishThing(keys[next]) &&
           (next + 1 >= keys.size() ||
            !StartsWithOneOf(keys[next + 1], kPeopleOfTr));
  }
  const bool adjective = m.category == Category::kBlame
                             ? internal::FoldedSuffix(m).empty()
                             : OneOf(m.term, kInsultAdjectivesEn);
  if (!adjective || next >= keys.size() || !OneOf(keys[next], kThingsEn)) {
    return false;
  }
  // "stupid decision makers", "a stupid group of people", "terrorist
  // group leaders" are people; "of" only as itself ("a stupid policy
  // often fails" is a policy).
  if (next + 1 >= keys.size()) return true;
  const std::string& after = keys[next + 1];
  return after != "of" && !StartsWithOneOf(after, kPeopleOfEn);
}

// Conditions, acts and ideas a curse may be laid on, the slogans of any
// rally: "Kahrolsun faşizm!", "Terör kahrolsun!", "Lanet olsun savaşa",
// "To hell with racism". Turkish stems (with kThingEndingsTr) and
// abstract nouns in "-izm" and "-lık" ("ırkçılık", "Kürt düşmanlığı");
// English words and nouns in "-ism". Folded keys.
constexpr std::string_view kConditionsTr[] = {
    "cehalet", "darbe", "isgal",  "istibdat", "istismar", "katliam",
    "nefret",  "savas", "siddet", "somuru",   "soykirim", "teror",
    "vesayet", "zulum", "zulmu",  "tecavuz"};
constexpr std::string_view kConditionsEn[] = {
    "apartheid",      "bigotry",    "censorship", "corruption", "dictatorship",
    "discrimination", "genocide",   "hate",       "hatred",     "injustice",
    "occupation",     "oppression", "poverty",    "slavery",    "terror",
    "tyranny",        "violence",   "war",        "wars"};

bool IsCondition(langid::Language language, std::string_view key) {
  auto ends_with_one_of = [&](std::initializer_list<std::string_view> ends) {
    for (std::string_view e : ends) {
      if (key.size() > e.size() + 2 && key.ends_with(e)) return true;
    }
    return false;
  };
  if (language == langid::Language::kEnglish) {
    return OneOf(key, kConditionsEn) || ends_with_one_of({"ism", "isms"});
  }
  for (std::string_view stem : kConditionsTr) {
    if (key.starts_with(stem) &&
        OneOf(key.substr(stem.size()), kThingEndingsTr)) {
      return true;
    }
  }
  return ends_with_one_of({"izm", "izmi", "izme", "izmin", "lik", "luk", "ligi",
                           "lugu", "lige", "luge", "liga", "luga", "ligin",
                           "lugun"});
}

// A curse laid on a condition, not on people: the head of what it curses
// (in Turkish and English both, the last word of the phrase after it, or
// the word right before a Turkish curse that ends its phrase) is a
// condition (IsCondition) and names no group or faith: "Kahrolsun Kürt
// düşmanlığı", not "Kahrolsun Ermeniler", "Hristiyanlık kahrolsun".
bool CurseOnACondition(const Match& m, const std::vector<text::Token>& tokens,
                       const std::vector<std::string>& keys,
                       std::span<const Match> matches, size_t first,
                       size_t last) {
  if (m.category != Category::kCurse) return false;
  size_t head = tokens.size();
  if (!EndsPhrase(tokens, last)) {
    // "Kahrolsun faşizm", "to hell with racism": at most three words on.
    size_t i = last + 1;
    while (i < tokens.size() && i < last + 3 && !EndsPhrase(tokens, i)) ++i;
    if (i < tokens.size() && EndsPhrase(tokens, i)) head = i;
  } else if (m.language == langid::Language::kTurkish && first > 0 &&
             !tokens[first].sentence_initial &&
             !EndsPhrase(tokens, first - 1)) {
    head = first - 1;  // "Irkçılık kahrolsun"
  }
  if (head >= tokens.size() || tokens[head].kind != text::TokenKind::kWord ||
      !IsCondition(m.language, keys[head])) {
    return false;
  }
  for (const Match& other : matches) {
    if (IsTarget(other.category) && other.begin < tokens[head].end &&
        tokens[head].begin < other.end) {
      return false;
    }
  }
  return true;
}

}  // namespace

const char* AimName(Aim aim) {
  switch (aim) {
    case Aim::kReader:
      return "reader";
    case Aim::kSelf:
      return "self";
    case Aim::kDenied:
      return "denied";
    case Aim::kTakenFor:
      return "taken_for";
    case Aim::kThing:
      return "thing";
    case Aim::kOther:
      break;
  }
  return "other";
}

std::vector<Aim> AimsOf(const text::Document& doc,
                        std::span<const Match> matches) {
  std::vector<Aim> aims(matches.size(), Aim::kOther);
  if (matches.empty()) return aims;
  const std::vector<text::Token>& tokens = doc.tokens();
  const std::vector<std::string> keys = internal::Keys(tokens);
  for (size_t k = 0; k < matches.size(); ++k) {
    const Match& m = matches[k];
    const size_t first = internal::FirstToken(tokens, m.begin);
    if (first >= tokens.size()) continue;
    const size_t last = std::max(first, internal::LastToken(tokens, m.end));
    if (internal::IsDenied(keys, first, last)) {
      aims[k] = Aim::kDenied;
      continue;
    }
    if (TakenFor(keys, first, last)) {
      aims[k] = Aim::kTakenFor;
      continue;
    }
    if (OfAThing(m, keys, last) ||
        CurseOnACondition(m, tokens, keys, matches, first, last)) {
      aims[k] = Aim::kThing;
      continue;
    }
    if (Vocative(tokens, keys, first, last)) {
      aims[k] = Aim::kReader;
      continue;
    }
    if (m.language == langid::Language::kTurkish) {
      const std::string suffix = internal::FoldedSuffix(m);
      if (IsSecondPersonCopula(suffix)) {
        aims[k] = Aim::kReader;
      } else if (IsFirstPersonCopula(suffix) || TurkishFeeling(keys, last)) {
        aims[k] = Aim::kSelf;
      }
    } else {
      aims[k] = EnglishSubject(keys, first);
    }
    // A comment that is the word alone says it to someone, unless its
    // copula said otherwise above ("Aptaldım.": I was stupid).
    if (aims[k] == Aim::kOther && WholeComment(tokens, keys, first, last)) {
      aims[k] = Aim::kReader;
    }
  }
  return aims;
}

}  // namespace newsroom::lexicon
