// Clauses and distances are counted in tokens: the matcher's findings are
// in code points, and each is placed on the tokens it covers. The windows
// (anywhere in the clause, three words, four, two) follow how each kind of
// attack is written: an exclusion or a curse is the whole clause's point
// and often far from the group's name ("Suriyelileri bu memleketten kovmak
// lazım"), while "sürüsü" or "hain" attacks only the word it is said of.
// Collective blame needs the whole group because news names one person's
// group next to what that person did ("Suriyeli hırsız yakalandı").
//
// The lists of quantifiers and clause breaks here, and of negations in
// internal/clause.cc, are short on purpose: they are the words that change
// what the clause says about the group, in both languages the engine
// moderates.
//
// Tested by group_attack_test.cc.
#include "lexicon/group_attack.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/internal/clause.h"
#include "text/casing.h"
#include "text/utf8.h"

namespace newsroom::lexicon {
namespace {

using internal::EndsPhrase;
using internal::FirstToken;
using internal::Keys;
using internal::LastToken;
using internal::OneOf;
using internal::StartsWithOneOf;

bool IsClauseBreak(std::string_view key) {
  static constexpr std::string_view kBreaks[] = {
      "ama", "fakat", "ancak", "lakin", "oysa", "but", "however", "whereas"};
  return OneOf(key, kBreaks);
}

// Whether the words right before token `first` say the whole group again
// ("…, çünkü hepsi hain", "they came here and they are all criminals"),
// so that the attack word after them is said of a group named further
// back in its clause.
bool IsAllOfThemBefore(const std::vector<std::string>& keys, size_t first) {
  if (first >= 1 &&
      (keys[first - 1] == "hepsi" ||
       (first >= 2 && keys[first - 2] == "hepsi" && keys[first - 1] == "de"))) {
    return true;
  }
  if (first >= 3 && keys[first - 3] == "they" && keys[first - 2] == "are" &&
      keys[first - 1] == "all") {
    return true;
  }
  return first >= 4 && keys[first - 4] == "all" && keys[first - 3] == "of" &&
         keys[first - 2] == "them" && keys[first - 1] == "are";
}

bool IsQuantifier(std::string_view key) {
  static constexpr std::string_view kPrefixes[] = {"heps", "tum", "butun"};
  static constexpr std::string_view kWords[] = {"hep", "all", "every", "always",
                                                "entire"};
  return StartsWithOneOf(key, kPrefixes) || OneOf(key, kWords);
}

// An English participle by its ending, longer than the ending:
// "spreading", "treated".
bool IsParticiple(std::string_view key) {
  auto ends_with = [&](std::string_view e) {
    return key.size() > e.size() && key.substr(key.size() - e.size()) == e;
  };
  return ends_with("ing") || ends_with("ed");
}

// A simile: "mikrop gibi", "(spreading everywhere) like vermin". A group
// compared with vermin is dehumanised wherever the comparison stands in
// the clause. "gibi" is always a comparison; "like" only after a verb or
// "everywhere", not as the verb itself ("gay people like dogs").
bool IsSimile(const std::vector<std::string>& keys, size_t first, size_t last) {
  if (last + 1 < keys.size() && keys[last + 1] == "gibi") return true;
  if (first < 2 || keys[first - 1] != "like") return false;
  const std::string& before = keys[first - 2];
  static constexpr std::string_view kWords[] = {
      "are", "is", "everywhere", "breed", "behave", "act", "live", "multiply"};
  return IsParticiple(before) || OneOf(before, kWords);
}

// English "X are <word> <dehumanising noun>": the group is called the
// noun with one describing word between ("Buddhists are lazy
// parasites", "they are filthy rats"), not when the word is a verb's
// participle ("refugees are rescuing dogs", "were treated animals").
bool IsDescribedAs(const std::vector<std::string>& keys, size_t target_last,
                   size_t attack_first) {
  if (attack_first != target_last + 3) return false;
  const std::string& copula = keys[target_last + 1];
  if (copula != "are" && copula != "is" && copula != "were" &&
      copula != "was") {
    return false;
  }
  const std::string& word = keys[target_last + 2];
  return !IsParticiple(word) && word != "not" && word != "like" && word != "no";
}

// Abuse that is what a whole group is said to be, a few words after it:
// English "X are <a word or two> <abuse>" ("Christians are brainwashed
// idiots"), the copula right after the group; Turkish a plural group with
// no case ending and the abuse closing the clause ("Müslümanlar geri
// kafalı yobaz"), not "Ermeniler için yazılanlar aşağılık" (what was
// written about them) nor "… yobaz dedi" (a word quoted). A holy figure
// is one being: "Muhammad was a pedophile", "Peygamberiniz sübyancı"
// (the figure with no case, or with a possessive of "our", "your",
// "their").
bool IsPredicateOf(const Match& target, const std::vector<std::string>& keys,
                   size_t target_last, size_t attack_first, bool clause_end) {
  if (target.language == langid::Language::kEnglish) {
    if (target_last + 1 >= keys.size()) return false;
    const std::string& copula = keys[target_last + 1];
    const bool plural_copula = copula == "are" || copula == "were";
    const bool singular_copula = copula == "is" || copula == "was";
    if (!plural_copula && !(target.figure && singular_copula)) return false;
    // Not "are calling him an idiot", "are not all idiots": what they do
    // or are not ("are called idiots" is framing, IsFramingVerb). A
    // participle right before the abuse describes it ("brainwashed
    // idiots").
    static constexpr std::string_view kNot[] = {"not", "no", "never"};
    for (size_t i = target_last + 2; i < attack_first; ++i) {
      const std::string& key = keys[i];
      if (OneOf(key, kNot) || (IsParticiple(key) && (i + 1 != attack_first ||
                                                     key.ends_with("ing")))) {
        return false;
      }
    }
    return true;
  }
  const std::string rest = internal::FoldedSuffix(target);
  static constexpr std::string_view kFigureEndings[] = {
      "", "imiz", "umuz", "iniz", "unuz", "leri", "lari", "si", "su"};
  if (!clause_end || (rest != "ler" && rest != "lar" &&
                      !(target.figure && OneOf(rest, kFigureEndings)))) {
    return false;
  }
  // Not when a postposition or another plural stands between: the abuse
  // is then said of something else ("için yazılanlar").
  static constexpr std::string_view kPostpositions[] = {
      "icin",  "hakkinda", "karsi", "yonelik", "gibi",
      "kadar", "dair",     "ile",   "diye"};
  for (size_t i = target_last + 1; i < attack_first; ++i) {
    const std::string& key = keys[i];
    if (OneOf(key, kPostpositions) || key.ends_with("ler") ||
        key.ends_with("lar")) {
      return false;
    }
  }
  return true;
}

// A postposition of place or cause after an abuse word: the word names
// where the group is or why, not what it is ("pislik içinde yaşamaya
// zorlandı", "in filth").
bool IsPlaceAfter(const std::vector<std::string>& keys, size_t last) {
  static constexpr std::string_view kWords[] = {"icinde", "icine", "icinden",
                                                "yuzunden", "nedeniyle"};
  return last + 1 < keys.size() && OneOf(keys[last + 1], kWords);
}

// A Turkish word of someone else's saying: "diye", "dedi", "diyenler",
// "denilmesi". Whole words where a longer form may be the writer's own
// ("diyorum", "dedim"); prefixes where none is ("diyenlere",
// "denmesine").
bool IsSayingTr(std::string_view key) {
  static constexpr std::string_view kWords[] = {
      "diye", "diyerek", "diyor",   "diyorlar",
      "dedi", "dediler", "deniyor", "denildi"};
  static constexpr std::string_view kPrefixes[] = {"diyen", "denmes",
                                                   "denilmes"};
  return OneOf(key, kWords) || StartsWithOneOf(key, kPrefixes);
}

// Words that frame what stands before them as what someone calls or
// shows the group, not what the writer says of it: "terörist olarak
// gösteriyor", "terörist diye damgalamak", "hain ilan etti", "terörist
// demek"; and a terror faith "gibi gösteriyor" (shown as one).
bool IsFramedAfter(const std::vector<text::Token>& tokens,
                   const std::vector<std::string>& keys, size_t last) {
  // Only a word of the same phrase: "hepsi terörist, olarak da …" is not.
  if (EndsPhrase(tokens, last)) return false;
  const std::string& next = keys[last + 1];
  static constexpr std::string_view kWords[] = {"olarak", "ilan", "demeyin"};
  static constexpr std::string_view kPrefixes[] = {"demek", "damga", "yafta"};
  if (IsSayingTr(next) || OneOf(next, kWords) ||
      StartsWithOneOf(next, kPrefixes)) {
    return true;
  }
  if (next != "gibi" || last + 2 >= keys.size()) return false;
  const std::string& verb = keys[last + 2];
  return verb.starts_with("goster") || verb.starts_with("lanse") ||
         verb.starts_with("yansit") || verb.starts_with("tanit");
}

// An English verb of portraying, name-calling or reported saying before
// the attack word in its clause: "The media portrays Muslims as
// terrorists", "Calling Jews vermin is hate speech", "Stop calling
// Muslims terrorists", "The film says Jews are greedy, a vile old
// stereotype". Not the writer's own "I call them …" or "I say …", which
// stay what the writer says.
bool IsFramingVerb(std::string_view key) {
  static constexpr std::string_view kPrefixes[] = {
      "portray", "depict", "stereotyp", "smear", "label", "brand", "describ"};
  static constexpr std::string_view kWords[] = {
      "calling", "called",   "named",    "dubbed",  "paint",    "paints",
      "painted", "painting", "says",     "said",    "saying",   "claims",
      "claimed", "claiming", "suggests", "implies", "believes", "believed",
      "think",   "thinks",   "thought"};
  return StartsWithOneOf(key, kPrefixes) || OneOf(key, kWords);
}

// "don't", typed with either apostrophe or none.
bool IsDont(std::string_view key) {
  return key == "don't" || key == "dont" || key == "don\u2019t";
}

// Whether token `i` is a framing verb, or "say" as no one's own saying:
// "It is wrong to say Jews are greedy", "Nobody should say …", "Don't
// say …"; "I say Muslims are evil" is the writer's.
bool IsFramingAt(const std::vector<std::string>& keys, size_t i) {
  if (IsFramingVerb(keys[i])) return true;
  static constexpr std::string_view kBefore[] = {"to",    "should", "would",
                                                 "could", "can",    "must",
                                                 "never", "not",    "cannot"};
  return keys[i] == "say" && i > 0 &&
         (OneOf(keys[i - 1], kBefore) || IsDont(keys[i - 1]));
}

// An English exclusion reported as what someone else intends or did:
// "The government plans to deport Syrians", "Trump vowed to deport
// millions of Mexicans"; not the writer's own "We must deport them",
// "I want to deport them all".
bool IsReportedIntent(const std::vector<std::string>& keys, size_t first) {
  static constexpr std::string_view kVerbs[] = {
      "plans",     "planned",   "vowed",   "vows",       "promised",
      "promises",  "pledged",   "pledges", "threatened", "threatens",
      "announced", "announces", "ordered", "orders",     "decided",
      "proposed",  "proposes",  "wants",   "wanted",     "tried",
      "tries",     "began",     "begins",  "moved",      "moves",
      "seeks",     "sought",    "aims",    "aimed",      "intends",
      "intended",  "refused",   "refuses", "voted",      "votes"};
  return first >= 2 && keys[first - 1] == "to" &&
         OneOf(keys[first - 2], kVerbs);
}

// An English exclusion told as what happens, will or may happen, or
// happened, not called for: "Thousands of Syrians will be deported",
// "Migrants could be kicked out under the plan", "The Jews were
// exterminated in the Holocaust". A passive or a participle ("be
// deported", "exterminated", "exterminating") calls for it only after a
// word of obligation a few words before it in its clause ("They should
// all be deported", "Jews deserve to be exterminated", "We must start
// exterminating them"), and not when no one is to suffer it ("Nobody
// should be deported for their faith"). The base form ("Deport them",
// "exterminate them all") is a call as it stands.
bool IsToldNotCalledFor(const std::vector<std::string>& keys,
                        const std::vector<int>& clause, size_t first) {
  const std::string& word = keys[first];
  if (word != "be" && !IsParticiple(word)) return false;
  static constexpr std::string_view kObligation[] = {
      "should", "must",  "shall",   "gotta",   "ought",
      "need",   "needs", "deserve", "deserves"};
  static constexpr std::string_view kNoOne[] = {"nobody", "noone", "none"};
  for (size_t k = 1; k <= 4 && k <= first; ++k) {
    const size_t i = first - k;
    if (clause[i] != clause[first]) break;
    const bool obligation = OneOf(keys[i], kObligation) ||
                            ((keys[i] == "have" || keys[i] == "has") &&
                             i + 1 < first && keys[i + 1] == "to");
    if (!obligation) continue;
    const bool no_one =
        i > 0 && (OneOf(keys[i - 1], kNoOne) ||
                  (keys[i - 1] == "one" && i > 1 && keys[i - 2] == "no"));
    return no_one;
  }
  return true;
}

// Whether the group named from token `first` opens its sentence, after
// at most a word that picks it out ("All Muslims out!", "You Syrians go
// home", "Bütün Suriyeliler dışarı!").
bool OpensSentence(const std::vector<text::Token>& tokens,
                   const std::vector<std::string>& keys, size_t first) {
  if (tokens[first].sentence_initial) return true;
  static constexpr std::string_view kWords[] = {"all",   "the", "you",
                                                "butun", "tum", "bu"};
  return first > 0 && tokens[first - 1].sentence_initial &&
         OneOf(keys[first - 1], kWords);
}

// Whether the English verb at token `v` is the writer's call: an
// imperative opening its sentence ("Send them back"), or with "we",
// "let's", "just", "please" before it ("We should ban them all", "Let's
// kick them out"); not "Britain wants to send migrants back" (reported).
bool IsCall(const std::vector<text::Token>& tokens,
            const std::vector<std::string>& keys, size_t v) {
  if (tokens[v].sentence_initial) return true;
  static constexpr std::string_view kBefore[] = {
      "we", "let's", "lets", "let\u2019s", "just", "please"};
  static constexpr std::string_view kModals[] = {"should", "must", "will",
                                                 "shall"};
  if (v < 1) return false;
  if (OneOf(keys[v - 1], kBefore)) return true;
  return v >= 2 && OneOf(keys[v - 1], kModals) &&
         (keys[v - 2] == "we" || keys[v - 2] == "i");
}

// Whether the words from token `from` to the end of their phrase make
// what stands before them the subject of "was" or "is": "Ban all Muslims
// from entering was his 2015 proposal" names a policy, it does not call
// for one; a clause of its own ("… because Islam is …", "… who are …")
// says nothing of it.
bool IsSubjectOfCopula(const std::vector<text::Token>& tokens,
                       const std::vector<std::string>& keys, size_t from) {
  static constexpr std::string_view kCopulas[] = {"was", "is", "were"};
  static constexpr std::string_view kOpensClause[] = {
      "because", "since", "as", "if", "when", "who", "that", "which", "until"};
  for (size_t i = from; i < tokens.size() && !tokens[i].sentence_initial; ++i) {
    if (OneOf(keys[i], kOpensClause) || IsClauseBreak(keys[i])) return false;
    if (OneOf(keys[i], kCopulas)) return true;
    if (EndsPhrase(tokens, i)) return false;
  }
  return false;
}

// An exclusion written around the group's name, with no phrase of the
// lexicon in it: "No Muslims allowed", "Muslims out!", "Send every
// Muslim back", "Kick all Jews out", "Ban all Muslims", "Muslims go
// home", "We don't want Muslims here", "Suriyeliler dışarı!",
// "Suriyeliler evine!". A call, not news: a verb before the group is the
// writer's call (IsCall); a slogan after a plural group has the group
// open its sentence and ends the phrase ("Muslims out in force at the
// rally", "Syrians went back home" are news; "No Muslims were hurt"
// allows nothing). Returns the frame's tokens, the group's among them.
std::optional<std::pair<size_t, size_t>> ExclusionAround(
    const Match& target, const std::vector<text::Token>& tokens,
    const std::vector<std::string>& keys, bool plural, size_t first,
    size_t last) {
  const size_t n = tokens.size();
  auto key = [&](size_t i) -> std::string_view {
    return i < n ? std::string_view(keys[i]) : std::string_view();
  };
  if (target.language == langid::Language::kTurkish) {
    // "Suriyeliler dışarı!", "Afganlar ülkelerine!": the whole sentence;
    // not "Ermeniler evine, Türkler evine, herkes evine!" (stay at home).
    static constexpr std::string_view kOut[] = {
        "disari", "evine", "evlerine", "ulkesine", "ulkelerine", "ulkenize"};
    const bool ends_sentence =
        last + 2 >= n || tokens[last + 2].sentence_initial;
    if (plural && OneOf(key(last + 1), kOut) && ends_sentence &&
        OpensSentence(tokens, keys, first)) {
      return std::make_pair(first, last + 1);
    }
    // The writer not wanting the group at all, the group the verb's
    // object, past a few words of where or how much and "görmek":
    // "Ülkemde Suriyeli istemiyorum", "Afganları artık istemiyoruz",
    // "Suriyelileri bu ülkede görmek istemiyoruz"; not "Suriyelilerin
    // gitmesini istemiyoruz" (what they do), "Müslüman olarak şiddet
    // istemiyoruz", nor "Halk Suriyeli istemiyor" (a survey's finding,
    // told).
    static constexpr std::string_view kAdverbs[] = {
        "artik", "burada", "burda", "hic",   "asla",  "kesinlikle", "daha",
        "fazla", "de",     "da",    "falan", "filan", "bu",         "su"};
    auto where_or_how_much = [&](std::string_view k) {
      return OneOf(k, kAdverbs) ||
             (k.size() > 3 && (k.ends_with("da") || k.ends_with("de") ||
                               k.ends_with("ta") || k.ends_with("te")));
    };
    static constexpr std::string_view kDontWant[] = {
        "istemiyoruz", "istemiyorum", "istemiyoz", "istemiyom"};
    size_t verb = last + 1;
    while (verb < n && verb <= last + 3 && where_or_how_much(key(verb))) ++verb;
    if (key(verb) == "gormek") ++verb;
    bool one_phrase = true;
    for (size_t i = last; i < verb; ++i) one_phrase &= !EndsPhrase(tokens, i);
    if (one_phrase && OneOf(key(verb), kDontWant)) {
      return std::make_pair(first, verb);
    }
    return std::nullopt;
  }
  // "No Muslims allowed", "No more Jews welcome here"; not what they may
  // not do ("No Kurds allowed to run for office").
  static constexpr std::string_view kAllowed[] = {"allowed", "wanted",
                                                  "welcome"};
  if (OneOf(key(last + 1), kAllowed) && key(last + 2) != "to") {
    size_t no = first;
    if (no >= 1 && keys[no - 1] == "more") --no;
    if (no >= 1 && keys[no - 1] == "no") {
      return std::make_pair(no - 1, last + 1);
    }
  }
  // "Muslims should not be allowed in Europe".
  {
    static constexpr std::string_view kModals[] = {"should", "must"};
    static constexpr std::string_view kNot[] = {"not", "never"};
    static constexpr std::string_view kModalsNot[] = {
        "shouldn't", "mustn't", "shouldn\u2019t", "mustn\u2019t"};
    static constexpr std::string_view kInto[] = {"in", "into", "here"};
    size_t i = last + 1;
    bool denied = false;
    if (OneOf(key(i), kModals) && OneOf(key(i + 1), kNot)) {
      denied = true;
      i += 2;
    } else if (OneOf(key(i), kModalsNot)) {
      denied = true;
      i += 1;
    }
    if (denied && key(i) == "be" && key(i + 1) == "allowed" &&
        OneOf(key(i + 2), kInto)) {
      return std::make_pair(first, i + 1);
    }
  }
  if (plural && OpensSentence(tokens, keys, first)) {
    // "Muslims out!", "Syrians go home", "Refugees should go back to their
    // countries".
    if (key(last + 1) == "out" && EndsPhrase(tokens, last + 1)) {
      return std::make_pair(first, last + 1);
    }
    size_t go = last + 1;
    if (key(go) == "should" || key(go) == "must") ++go;
    // Ending the phrase, or "back to" where they came from: not
    // "Christians go back to church".
    static constexpr std::string_view kWhence[] = {"your", "their", "where"};
    if (key(go) == "go" && (key(go + 1) == "home" || key(go + 1) == "back") &&
        (EndsPhrase(tokens, go + 1) ||
         (key(go + 2) == "to" && OneOf(key(go + 3), kWhence)))) {
      return std::make_pair(first, go + 1);
    }
  }
  // A verb before the group, past a word or two that pick it out: "Send
  // every Muslim back", "Kick all Jews out", "Ban all Muslims", "We don't
  // want Muslims here".
  static constexpr std::string_view kPickOut[] = {
      "all", "every", "each", "the", "these", "those", "last", "of"};
  size_t v = first;
  while (v > 0 && first - v < 3 && OneOf(keys[v - 1], kPickOut)) --v;
  if (v == 0) return std::nullopt;
  --v;
  const std::string_view verb = keys[v];
  static constexpr std::string_view kAway[] = {"back", "out", "home"};
  if ((verb == "send" || verb == "ship" || verb == "kick" || verb == "throw") &&
      OneOf(key(last + 1), kAway) && IsCall(tokens, keys, v) &&
      !IsSubjectOfCopula(tokens, keys, last + 2)) {
    return std::make_pair(v, last + 1);
  }
  if ((verb == "ban" || verb == "expel") && IsCall(tokens, keys, v) &&
      !IsSubjectOfCopula(tokens, keys, last + 1)) {
    return std::make_pair(v, last);
  }
  // "We don't want Muslims here"; not what the writer does not want them
  // to feel or do ("We don't want Syrians in our neighbourhoods to feel
  // unsafe").
  static constexpr std::string_view kHere[] = {"here", "in", "anymore"};
  if (verb == "want" && v >= 2 && IsDont(keys[v - 1]) &&
      (keys[v - 2] == "we" || keys[v - 2] == "i") &&
      OneOf(key(last + 1), kHere)) {
    for (size_t i = last + 1; i < n && !EndsPhrase(tokens, i); ++i) {
      if (key(i + 1) == "to") return std::nullopt;
    }
    return std::make_pair(v - 2, last + 1);
  }
  return std::nullopt;
}

// Whether `gap` (what stands between two words) holds a quotation mark.
bool HasQuoteMark(std::string_view gap) {
  static constexpr std::string_view kQuotes[] = {
      "\"", "\u201d", "\u201c", "\u00bb", "\u00ab", "'", "\u2019", "\u2018"};
  for (std::string_view q : kQuotes) {
    if (gap.find(q) != std::string_view::npos) return true;
  }
  return false;
}

// What stands between a comment's tokens: after token `j`, up to the next
// token or the end of the text. The byte offsets are found in one pass
// over the text, on the first question, so that reading a gap costs its
// length and not the comment's (a comment of a few hundred words asks
// about its gaps once per attack word).
class Gaps {
 public:
  Gaps(std::string_view original, const std::vector<text::Token>& tokens)
      : original_(original), tokens_(tokens) {}

  std::string_view After(size_t j) const {
    if (end_.empty()) Index();
    return original_.substr(end_[j], next_[j] - end_[j]);
  }

 private:
  void Index() const {
    end_.resize(tokens_.size());
    next_.resize(tokens_.size());
    size_t byte = 0;
    int cp = 0;
    auto advance_to = [&](int target) {
      while (cp < target && byte < original_.size()) {
        text::NextCodePoint(original_, &byte);
        ++cp;
      }
      return byte;
    };
    for (size_t j = 0; j < tokens_.size(); ++j) {
      if (j > 0) next_[j - 1] = advance_to(tokens_[j].begin);
      end_[j] = advance_to(tokens_[j].end);
    }
    if (!tokens_.empty()) next_.back() = original_.size();
  }

  std::string_view original_;
  const std::vector<text::Token>& tokens_;
  mutable std::vector<size_t> end_, next_;
};

// A Turkish exclusion or curse quoted and reported: "\"Suriyeliler
// defolsun\" diye bağıran grup gözaltına alındı", "«Kahrolsun X» dediler".
// The quote closes within a few words after the attack word and a word
// of saying follows it.
bool IsQuotedThenReported(const Gaps& gaps,
                          const std::vector<text::Token>& tokens,
                          const std::vector<std::string>& keys, size_t last) {
  static constexpr std::string_view kWritten[] = {"slogani", "sloganlari",
                                                  "yazili"};
  for (size_t j = last; j + 1 < tokens.size() && j <= last + 3; ++j) {
    if (HasQuoteMark(gaps.After(j))) {
      return IsSayingTr(keys[j + 1]) || OneOf(keys[j + 1], kWritten);
    }
  }
  return false;
}

// Whether the words from token `first` open a quotation inside the
// comment: "The sign read \"No Jews allowed\"" (what the writer quotes,
// not says).
bool OpensQuote(const Gaps& gaps, size_t first) {
  return first > 0 && HasQuoteMark(gaps.After(first - 1));
}

// Whether the sentence of token `i` ends with a question mark.
bool EndsInQuestion(const Gaps& gaps, const std::vector<text::Token>& tokens,
                    size_t i) {
  size_t end = i;
  while (end + 1 < tokens.size() && !tokens[end + 1].sentence_initial) ++end;
  return gaps.After(end).find('?') != std::string_view::npos;
}

// Whether the English sentence of token `i` asks rather than says: it
// opens with an auxiliary and ends with a question mark ("Are all Syrians
// thieves? Of course not.", "Should Syrians be deported?"); not "Aren't
// they all thieves?", which says it, nor a "why" question, which takes it
// as given.
bool IsAskedInEnglish(const Gaps& gaps, const std::vector<text::Token>& tokens,
                      const std::vector<std::string>& keys, size_t i) {
  static constexpr std::string_view kAuxiliaries[] = {
      "are", "is", "were", "was", "do", "does", "did", "should"};
  size_t start = i;
  while (start > 0 && !tokens[start].sentence_initial) --start;
  return OneOf(keys[start], kAuxiliaries) && EndsInQuestion(gaps, tokens, i);
}

// Whether the English verb at token `i` is the writer's own saying: "I"
// or "we" right before it ("I said", "we think").
bool IsWritersOwn(const std::vector<std::string>& keys, size_t i) {
  return i > 0 && (keys[i - 1] == "i" || keys[i - 1] == "we");
}

// English words said after them, reported: "\"Jews are vermin,\" the
// neo-Nazi said in court", "Muslims should be deported, the candidate
// said". A phrase break after the attack word, then within five words a
// verb of saying whose subject is not the writer ("…, I said").
bool IsSaidAfter(const std::vector<text::Token>& tokens,
                 const std::vector<std::string>& keys, size_t last) {
  static constexpr std::string_view kSaid[] = {
      "said",     "says",     "say",     "claimed",  "claims",
      "wrote",    "writes",   "told",    "tweeted",  "added",
      "argued",   "insisted", "shouted", "chanted",  "yelled",
      "declared", "posted",   "stated",  "warned",   "warns",
      "noted",    "argues",   "ruled",   "reported", "ordered"};
  size_t j = last;
  while (j < last + 4 && j + 1 < tokens.size() && !EndsPhrase(tokens, j)) ++j;
  if (!EndsPhrase(tokens, j)) return false;
  for (size_t k = j + 1; k < tokens.size() && k <= j + 5; ++k) {
    if (OneOf(keys[k], kSaid)) {
      return !IsWritersOwn(keys, k);
    }
    if (EndsPhrase(tokens, k)) break;
  }
  return false;
}

// Words that make the group the one mistreated, not the one compared:
// "refugees are treated like animals", "hayvan gibi muamele görüyorlar".
bool IsTreatment(std::string_view key) {
  static constexpr std::string_view kPrefixes[] = {
      "treat", "kept", "caged", "herded", "handled", "muamele", "davran"};
  return StartsWithOneOf(key, kPrefixes);
}

// A name with a common other sense that is written so that it can only
// name people: in English followed by "people" ("gay people", "disabled
// folks"); in Turkish capitalised inside a sentence ("Bütün Romanlar …"),
// since Turkish writes peoples with a capital and a novel (roman) without
// (a faith's words, "Allah", have no such second spelling).
// An all-caps or sentence-initial word says nothing either way.
bool NamesPeople(const Match& m, const std::vector<text::Token>& tokens,
                 const std::vector<std::string>& keys, size_t first,
                 size_t last) {
  if (m.language == langid::Language::kTurkish) {
    // A name of God or of faith is written with a capital wherever it
    // stands ("… Allah binlerce kez belanızı versin"): the capital tells
    // nothing of a faith's words.
    if (m.category == Category::kBeliefTarget) return false;
    const text::Token& t = tokens[first];
    return !t.sentence_initial && text::ToTitleWordTr(t.text) == t.text &&
           text::ToLowerTr(t.text) != t.text;
  }
  if (last + 1 >= keys.size()) return false;
  const std::string& next = keys[last + 1];
  return next == "people" || next == "folks";
}

// A plural target: "Suriyeliler", "Muslims", "black people".
bool IsPlural(const Match& m, const std::vector<std::string>& keys,
              size_t last) {
  const std::string typed = text::FoldKey(m.typed);
  const std::string term = text::FoldKey(m.term);
  if (m.language == langid::Language::kEnglish) {
    if (last + 1 < keys.size()) {
      const std::string& next = keys[last + 1];
      if (next == "people" || next == "folks") return true;
    }
    return (!typed.empty() && typed.back() == 's') ||
           typed.find("people") != std::string::npos || term == "women";
  }
  const std::string rest = internal::FoldedSuffix(m);
  return rest.find("ler") != std::string::npos ||
         rest.find("lar") != std::string::npos;
}

// The writer's own faith or people, by a first-person possessive on the
// target: "inancımızı yitirdiğimizde", "dinimiz", "peygamberimize". A
// comment does not attack its writer's own belief; what stands near such
// a target is aimed elsewhere ("biz çok bir şey istemiyoruz … inancımızı
// yitirdiğimizde").
bool IsOwn(const Match& m) {
  if (m.language != langid::Language::kTurkish) return false;
  const std::string rest = internal::FoldedSuffix(m);
  return rest.find("imiz") != std::string::npos ||
         rest.find("umuz") != std::string::npos ||
         rest.starts_with("im") || rest.starts_with("um");
}

// A Turkish subject participle, "-(y)an", "-(y)en": the people who do
// something ("saldıranlar", "öldürenlerin", "düşman olanlara"), plural
// or before a word for people ("hakaret eden herkes"). Nouns that end
// the same way ("insanlar", "zamanlar", "uzmanlar") are not.
bool IsSubjectParticiple(const std::vector<std::string>& keys, size_t i) {
  static constexpr std::string_view kCases[] = {
      "in", "a", "e", "i", "da", "de", "dan", "den", "la", "le", ""};
  static constexpr std::string_view kNouns[] = {
      "alan",   "bakan",    "baskan", "bayan",  "dusman", "eleman",
      "hayvan", "imkan",    "insan",  "kurban", "liman",  "meydan",
      "neden",  "ogretmen", "oran",   "organ",  "orman",  "plan",
      "slogan", "uzman",    "vatan",  "yalan",  "zaman"};
  static constexpr std::string_view kPeople[] = {"herkes", "kisi", "kimse",
                                                 "biri",   "adam", "insan"};
  std::string_view key = keys[i];
  bool plural = false;
  for (std::string_view c : kCases) {
    if (key.size() > c.size() + 3 && key.ends_with(c)) {
      std::string_view stem = key.substr(0, key.size() - c.size());
      if (stem.ends_with("lar") || stem.ends_with("ler")) {
        key = stem.substr(0, stem.size() - 3);
        plural = true;
        break;
      }
    }
  }
  if (!plural &&
      (i + 1 >= keys.size() || !StartsWithOneOf(keys[i + 1], kPeople))) {
    return false;
  }
  return key.size() >= 4 && (key.ends_with("an") || key.ends_with("en")) &&
         !OneOf(key, kNouns);
}

// Whether the group is the one hated, not the one who hates or is said to
// be something: "Yahudi düşmanlığı", "Kürt karşıtları", "Müslümanlara
// yönelik nefret", "Alevilere saldıranlar", "hatred of Muslims", "racism
// against Syrians", "anti-Muslim", "those who attack Alevis". What such a
// clause condemns or curses is the hatred and those who show it, not the
// group ("Ermeni düşmanlığı kahrolsun", "Hatred of Muslims has no place
// here"). `is_target` marks the tokens a group or faith is named on.
bool IsHostilityAimedAt(const Match& m, const std::vector<std::string>& keys,
                        const std::vector<int>& clause,
                        const std::vector<char>& is_target, size_t first,
                        size_t last) {
  auto in_clause = [&](size_t i) {
    return i < keys.size() && clause[i] == clause[first];
  };
  if (m.language == langid::Language::kTurkish) {
    static constexpr std::string_view kHeads[] = {
        "dusman", "karsit", "nefret", "aleyhtar", "katliam", "soykirim"};
    static constexpr std::string_view kHostility[] = {
        "nefret", "saldiri", "siddet",    "irkcilik", "ayrimcilik",
        "linc",   "hakaret", "dusmanlik", "kin"};
    const std::string rest = internal::FoldedSuffix(m);
    // "Yahudi düşmanlığı", "İslam'ın düşmanları".
    if ((rest.empty() || rest.ends_with("in") || rest.ends_with("un")) &&
        in_clause(last + 1) && StartsWithOneOf(keys[last + 1], kHeads)) {
      return true;
    }
    const bool dative = rest.ends_with("a") || rest.ends_with("e");
    // "Müslümanlara yönelik nefret", "Suriyelilere karşı ırkçılık".
    if (dative && in_clause(last + 2) &&
        (keys[last + 1] == "yonelik" || keys[last + 1] == "karsi") &&
        StartsWithOneOf(keys[last + 2], kHostility)) {
      return true;
    }
    // The group as what the people a participle names do something to:
    // "Alevilere saldıranlar", "Kürtleri öldürenlerin" (dative,
    // accusative or ablative; not "Kürtlerin", whose is what follows).
    const bool oblique = dative || rest.ends_with("i") || rest.ends_with("u") ||
                         rest.ends_with("dan") || rest.ends_with("den") ||
                         rest.ends_with("tan") || rest.ends_with("ten");
    if (!oblique) return false;
    for (size_t i = last + 1; i <= last + 3 && in_clause(i); ++i) {
      if (!is_target[i] && IsSubjectParticiple(keys, i)) return true;
    }
    return false;
  }
  static constexpr std::string_view kHostility[] = {
      "hatred",         "hate",         "racism",         "violence",
      "attack",         "attacks",      "discrimination", "prejudice",
      "bigotry",        "persecution",  "hostility",      "harassment",
      "abuse",          "crimes",       "genocide",       "massacre",
      "killing",        "killings",     "murder",         "oppression",
      "intolerance",    "demonization", "demonisation",   "dehumanization",
      "dehumanisation", "slurs"};
  static constexpr std::string_view kPrepositions[] = {"of", "against", "on",
                                                       "toward", "towards"};
  // Words after "who"/"that" that are no verb of the relative clause: a
  // determiner ("that all Muslims …") or the copula ("who are Muslims").
  static constexpr std::string_view kNoVerb[] = {
      "all",   "the",   "a",   "an", "most", "many", "some", "these",
      "those", "every", "are", "is", "were", "was",  "be"};
  // "anti-Muslim": the hyphen is no token.
  if (first > 0 && in_clause(first - 1) && keys[first - 1] == "anti") {
    return true;
  }
  size_t i = first;
  if (i > 0 && in_clause(i - 1) && keys[i - 1] == "the") --i;
  // "hatred of Muslims", "racism against the Syrians".
  if (i >= 2 && in_clause(i - 2) && OneOf(keys[i - 1], kPrepositions) &&
      OneOf(keys[i - 2], kHostility)) {
    return true;
  }
  // "those who attack Alevis", "people that hate Jews": a relative clause
  // with its verb before the group; not "that all Muslims …" nor "who are
  // Muslims".
  for (size_t k = 2; k <= 3 && k <= first; ++k) {
    const size_t rel = first - k;
    if (!in_clause(rel)) break;
    if ((keys[rel] == "who" || keys[rel] == "that") &&
        !OneOf(keys[rel + 1], kNoVerb)) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<GroupAttack> FindGroupAttacks(
    const text::Document& doc, std::span<const Match> matches,
    std::span<const Aim> aims, std::vector<uint8_t>* said_not_meant) {
  std::vector<GroupAttack> out;
  if (said_not_meant != nullptr) said_not_meant->clear();
  bool any_target = false, any_attack = false;
  for (const Match& m : matches) {
    any_target |= IsTarget(m.category);
    any_attack |= !IsTarget(m.category) && m.category != Category::kSexual;
  }
  if (!any_target) return out;
  const std::vector<text::Token>& tokens = doc.tokens();
  const std::vector<std::string> keys = Keys(tokens);
  auto in_range = [&](size_t i) { return i < tokens.size(); };
  // Each match's first and last token; the tokens a group is named on.
  std::vector<std::pair<size_t, size_t>> at(matches.size());
  std::vector<char> is_target(tokens.size(), 0);
  for (size_t k = 0; k < matches.size(); ++k) {
    at[k] = {FirstToken(tokens, matches[k].begin),
             LastToken(tokens, matches[k].end)};
    if (at[k].second < at[k].first) at[k].second = at[k].first;
    if (IsTarget(matches[k].category)) {
      for (size_t i = at[k].first; i <= at[k].second && in_range(i); ++i) {
        is_target[i] = 1;
      }
    }
  }
  // An exclusion written around each group's name (ExclusionAround), read
  // once. With no attack word, only such a frame can attack a group: it
  // is looked for first, before the clauses are read.
  std::vector<std::optional<std::pair<size_t, size_t>>> frames(matches.size());
  bool frames_read = false;
  auto read_frames = [&] {
    bool any = false;
    for (size_t k = 0; k < matches.size(); ++k) {
      if (!IsTarget(matches[k].category) || !in_range(at[k].first)) continue;
      frames[k] = ExclusionAround(matches[k], tokens, keys,
                                  IsPlural(matches[k], keys, at[k].second),
                                  at[k].first, at[k].second);
      any |= frames[k].has_value();
    }
    frames_read = true;
    return any;
  };
  if (!any_attack && !read_frames()) return out;
  std::vector<uint8_t> not_meant(matches.size(), 0), meant(matches.size(), 0);
  // Clause number of each token, and what each clause says of a group as
  // a whole ("hepsi", "all") or of how it is treated ("treated like");
  // whether a framing verb not the writer's own ("I said", "we think")
  // stands in a token's clause before it.
  std::vector<int> clause(tokens.size(), 0);
  std::vector<char> quantified_clause(1, 0), treatment_clause(1, 0);
  std::vector<char> reported_before(tokens.size(), 0);
  int current = 0;
  bool reported_seen = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i > 0 && (tokens[i].sentence_initial || IsClauseBreak(keys[i]))) {
      ++current;
      quantified_clause.push_back(0);
      treatment_clause.push_back(0);
      reported_seen = false;
    }
    clause[i] = current;
    quantified_clause[current] |= IsQuantifier(keys[i]);
    treatment_clause[current] |= IsTreatment(keys[i]);
    reported_before[i] = reported_seen;
    if (IsFramingAt(keys, i)) {
      reported_seen |= !IsWritersOwn(keys, i);
    }
  }
  // Whether words of an attack, tokens `first` to `last`, are someone
  // else's, reported, or asked: quoted and reported ("\"Suriyeliler
  // defolsun\" diye bağıran grup"); a framing verb not the writer's before
  // them in their clause, or a verb of saying after them ("Muslims should
  // be deported, the candidate said"); asked, when `may_ask` ("Should
  // Syrians be deported?", "… edilmeli mi?").
  const Gaps gaps(doc.original(), tokens);
  auto reported_or_asked = [&](langid::Language language, size_t first,
                               size_t last, bool may_ask) {
    if (language == langid::Language::kTurkish) {
      return IsQuotedThenReported(gaps, tokens, keys, last) ||
             (may_ask && internal::IsAsked(keys, last));
    }
    return reported_before[first] || IsSaidAfter(tokens, keys, last) ||
           (may_ask && IsAskedInEnglish(gaps, tokens, keys, first));
  };
  // What reported_or_asked says of each attack word, asked once: it
  // does not depend on the group (1 reported, 0 not, -1 not asked yet).
  std::vector<int8_t> attack_reported(matches.size(), -1);

  for (size_t t = 0; t < matches.size(); ++t) {
    const Match& target = matches[t];
    // A user name ("@Vontey_isa_boss") names no group.
    if (!IsTarget(target.category) || !in_range(at[t].first) ||
        tokens[at[t].first].kind == text::TokenKind::kMention ||
        IsOwn(target)) {
      continue;
    }
    // The group hated is attacked by no word of its clause, but what the
    // haters say of it is still said, not meant: "Ermenilere hain
    // diyenler".
    const bool hated = IsHostilityAimedAt(target, keys, clause, is_target,
                                          at[t].first, at[t].second);
    const int target_clause = clause[at[t].first];
    const bool quantified = quantified_clause[target_clause];
    const bool treatment = treatment_clause[target_clause];
    const bool ambiguous =
        target.ambiguous &&
        !NamesPeople(target, tokens, keys, at[t].first, at[t].second);
    const bool plural = IsPlural(target, keys, at[t].second);
    // "Not all Muslims are terrorists": what is said of the whole group
    // is denied.
    const size_t tf = at[t].first;
    const bool not_all = tf >= 2 && keys[tf - 2] == "not" &&
                         (keys[tf - 1] == "all" || keys[tf - 1] == "every");
    std::optional<GroupAttack> best;
    for (size_t a = 0; a < matches.size(); ++a) {
      const Match& attack = matches[a];
      if (a == t || IsTarget(attack.category) ||
          attack.category == Category::kSexual || !in_range(at[a].first) ||
          clause[at[a].first] != target_clause) {
        continue;
      }
      // Words between the two, 0 when adjacent or overlapping.
      size_t distance = 0;
      if (at[a].first > at[t].second) {
        distance = at[a].first - at[t].second - 1;
      } else if (at[t].first > at[a].second) {
        distance = at[t].first - at[a].second - 1;
      }
      const size_t first = at[a].first, last = at[a].second;
      if (a < aims.size() && aims[a] == Aim::kThing) continue;
      if (IsAbuse(attack.category) && IsPlaceAfter(keys, last)) continue;
      // What the group is said to be, a few words after it, in one
      // phrase ("the prophet was right \"thy hoes …\"" says nothing of
      // him); the attack word ends the clause or a phrase of it.
      auto predicate = [&] {
        if (at[a].first <= at[t].second) return false;
        for (size_t i = at[t].second; i < first; ++i) {
          if (EndsPhrase(tokens, i)) return false;
        }
        const bool clause_end =
            EndsPhrase(tokens, last) || clause[last + 1] != target_clause;
        return IsPredicateOf(target, keys, at[t].second, first, clause_end);
      };
      // What "hepsi", "they are all" say of a plural group further back
      // ("Ermenilere hain diyor, çünkü hepsi hain").
      auto said_again = [&] {
        return plural && first > at[t].second && IsAllOfThemBefore(keys, first);
      };
      bool counts = false;
      if (ambiguous) {
        // Abuse right next to it; or, of a plural, blame or abuse as what
        // it is said to be ("Romanlar hırsızdır": no novel is a thief).
        counts = (IsAbuse(attack.category) && distance == 0) ||
                 ((IsAbuse(attack.category) ||
                   attack.category == Category::kBlame) &&
                  plural && distance <= 3 && predicate());
      } else {
        switch (attack.category) {
          case Category::kExclusion:
          case Category::kCurse:
            counts = true;
            break;
          case Category::kDehumanisation: {
            // Said of the group, after its name: "X sürüsü", "X are
            // vermin"; "Katil Domuz Çinli Çiftçiyi …" is a headline. A
            // simile may stand anywhere after a plural group ("X are
            // spreading everywhere like vermin"), and is no attack when
            // the clause says how the group is treated.
            const bool after = at[a].first > at[t].second;
            const bool simile = IsSimile(keys, first, last);
            counts = after && !(simile && treatment) &&
                     (distance <= 1 ||
                      (target.language == langid::Language::kEnglish &&
                       IsDescribedAs(keys, at[t].second, first)) ||
                      (simile && (plural || quantified)));
            break;
          }
          case Category::kBlame:
            // Of the whole group, or what a holy figure is said to be
            // ("Peygamberiniz sübyancı"; not "Peygamber hırsızı affetti").
            // Or said again further on.
            counts = (distance <= 3 && (plural || quantified ||
                                        (target.figure && predicate()))) ||
                     said_again();
            break;
          default:  // abuse
            // Next to the group, or what the whole group (or a figure) is
            // said to be, there or after "hepsi", "they are all".
            counts = distance <= 1 ||
                     (distance <= 3 &&
                      (plural || quantified || target.figure) && predicate()) ||
                     said_again();
            break;
        }
      }
      if (!counts) continue;
      // Denied or asked; what someone calls or shows the group, reported
      // or criticised; an exclusion someone else intends, reported ("The
      // far-right leader said all Muslims should be deported"; not "I said
      // it: …"). Still said, if it would attack the group, but not meant.
      // An exclusion or curse of the gravest kind is no question to debate
      // ("Should Syrians be deported?" is; "Yahudiler yok edilmeli mi?" is
      // not).
      const bool intent = attack.category == Category::kExclusion ||
                          attack.category == Category::kCurse;
      const bool may_ask = !intent || attack.severity < 3;
      if (attack_reported[a] < 0) {
        attack_reported[a] =
            reported_or_asked(attack.language, first, last, may_ask) ? 1 : 0;
      }
      const bool said_by_others =
          attack_reported[a] == 1 ||
          (attack.language == langid::Language::kTurkish
               ? !intent && IsFramedAfter(tokens, keys, last)
               : (intent ? IsReportedIntent(keys, first) ||
                               (attack.category == Category::kExclusion &&
                                IsToldNotCalledFor(keys, clause, first))
                         : not_all));
      if (internal::IsDenied(keys, first, last) || said_by_others) {
        not_meant[a] = 1;
        continue;
      }
      if (hated) continue;
      meant[a] = 1;
      GroupAttack g;
      g.target = t;
      g.attack = a;
      g.kind = attack.category;
      g.severity = attack.severity;
      g.belief = target.category == Category::kBeliefTarget;
      if (!best.has_value() || g.severity > best->severity) best = g;
    }
    // An exclusion written around the group's name, when no word of the
    // lexicon attacks it as gravely; reported or asked, it is no attack
    // either ("\"Muslims out!\" the crowd chanted", "Ban all Christians
    // from holding office? That is what the law did in 1700."; not "Why
    // don't we send them all back?").
    static constexpr int kFrameSeverity = 2;
    if (!hated && !ambiguous &&
        (!best.has_value() || best->severity < kFrameSeverity)) {
      if (!frames_read) read_frames();
      const auto& frame = frames[t];
      if (frame.has_value()) {
        const auto [ff, fl] = *frame;
        // A slogan or an imperative asked, or quoted: "No Muslims allowed?
        // That was the sign.", "The sign read \"No Jews allowed\"";
        // others' words ("Suriyeli istemiyoruz diyenler").
        const bool reported =
            reported_or_asked(target.language, ff, fl, /*may_ask=*/true) ||
            (target.language == langid::Language::kEnglish
                 ? (tokens[ff].sentence_initial &&
                    EndsInQuestion(gaps, tokens, ff)) ||
                       OpensQuote(gaps, ff)
                 : !EndsPhrase(tokens, fl) && IsSayingTr(keys[fl + 1]));
        if (!reported) {
          GroupAttack g;
          g.target = t;
          g.attack = t;
          g.kind = Category::kExclusion;
          g.severity = kFrameSeverity;
          g.belief = target.category == Category::kBeliefTarget;
          auto words = [&](size_t from, size_t to) {
            const int begin = tokens[from].begin, end = tokens[to].end;
            g.frame.push_back({begin, end,
                               std::string(text::SubstrByCodePoints(
                                   doc.original(), begin, end))});
          };
          if (ff < at[t].first) words(ff, at[t].first - 1);
          if (fl > at[t].second) words(at[t].second + 1, fl);
          best = std::move(g);
        }
      }
    }
    if (best.has_value()) out.push_back(*best);
  }
  if (said_not_meant != nullptr) {
    for (size_t k = 0; k < matches.size(); ++k) {
      if (!not_meant[k] || meant[k]) continue;
      said_not_meant->resize(matches.size(), 0);
      (*said_not_meant)[k] = 1;
    }
  }
  return out;
}

}  // namespace newsroom::lexicon
