// Parsing a comment runs four small stages over one UTF-16 buffer:
//
//  1. Validation: UTF-8 well-formedness, length in code points, and "is
//     there anything but white space".
//  2. NFC. A comment typed on a phone may carry "s" + U+0327 instead of "ş".
//     The text is normalized one normalization segment at a time (ICU's
//     hasBoundaryBefore marks where a segment starts), which yields the same
//     result as normalizing the whole text and lets each unit of the NFC text
//     remember the span of original code points it came from.
//  3. Special tokens. URLs, e-mail addresses, @mentions and #hashtags are
//     found by a small scanner before word breaking, because word breaking
//     would cut them into pieces that look like misspelled words.
//  4. Words. ICU's word BreakIterator (UAX #29, Turkish locale) splits the
//     rest; its rule status tells words from numbers, and the
//     Extended_Pictographic property tells emoji from punctuation.
//
// Tested by document_test.cc.
#include "text/document.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>

#include "absl/strings/str_cat.h"
#include "text/utf8.h"

namespace newsroom::text {
namespace {

struct Span16 {
  int32_t begin;
  int32_t end;
  TokenKind kind;
};

bool IsWordChar(UChar32 c) {
  return u_isalnum(c) || c == '_' || u_hasBinaryProperty(c, UCHAR_DIACRITIC);
}

bool IsTrailingPunct(UChar32 c) {
  switch (c) {
    case '.': case ',': case ';': case ':': case '!': case '?': case ')':
    case ']': case '}': case '"': case '\'': case 0x2019: case 0x201D:
    case 0x2026:
      return true;
    default:
      return false;
  }
}

bool StartsWithIgnoreCase(const icu::UnicodeString& s, int32_t at,
                          const char* prefix) {
  int32_t n = static_cast<int32_t>(strlen(prefix));
  if (at + n > s.length()) return false;
  for (int32_t k = 0; k < n; ++k) {
    UChar c = s.charAt(at + k);
    if (c >= 'A' && c <= 'Z') c = static_cast<UChar>(c - 'A' + 'a');
    if (c != static_cast<UChar>(prefix[k])) return false;
  }
  return true;
}

// UnicodeString::char32At(i) and moveIndex32(i, ±1) on the string's buffer,
// inline: the scanner below looks at every code point a few times, and the
// calls into ICU cost more than the looking. REQUIRES: 0 <= i < n (Next,
// At), 0 < i (Previous).
inline UChar32 At(const UChar* p, int32_t n, int32_t i) {
  UChar32 c;
  U16_GET(p, 0, i, n, c);
  return c;
}
inline int32_t Next(const UChar* p, int32_t n, int32_t i) {
  U16_FWD_1(p, i, n);
  return i;
}
inline int32_t Previous(const UChar* p, int32_t i) {
  U16_BACK_1(p, 0, i);
  return i;
}

// u_isUWhiteSpace, with the ASCII White_Space code points (U+0009–U+000D,
// U+0020; Unicode's PropList.txt) inline.
inline bool IsWhiteSpace(UChar32 c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return u_isUWhiteSpace(c);
}

// Returns the end of the white-space delimited chunk that starts at `i`,
// with trailing punctuation trimmed.
int32_t ChunkEnd(const UChar* p, int32_t n, int32_t i) {
  int32_t end = i;
  while (end < n && !IsWhiteSpace(At(p, n, end))) end = Next(p, n, end);
  while (end > i && IsTrailingPunct(At(p, n, Previous(p, end)))) {
    end = Previous(p, end);
  }
  return end;
}

// Finds URLs, e-mail addresses, @mentions and #hashtags.
std::vector<Span16> FindSpecialSpans(const icu::UnicodeString& s) {
  std::vector<Span16> spans;
  const UChar* p = s.getBuffer();
  const int32_t n = s.length();
  int32_t i = 0;
  while (i < n) {
    UChar32 c = At(p, n, i);
    bool at_chunk_start = i == 0 || IsWhiteSpace(At(p, n, i - 1)) ||
                          p[i - 1] == '(' || p[i - 1] == '"';
    if (!at_chunk_start) {
      i = Next(p, n, i);
      continue;
    }
    if (IsWhiteSpace(c)) {
      i = Next(p, n, i);
      continue;
    }
    int32_t end = ChunkEnd(p, n, i);
    const UChar32 first = c | 0x20;  // ASCII letters in lower case
    if ((first == 'h' && (StartsWithIgnoreCase(s, i, "http://") ||
                          StartsWithIgnoreCase(s, i, "https://"))) ||
        (first == 'w' && StartsWithIgnoreCase(s, i, "www."))) {
      if (end > i) spans.push_back({i, end, TokenKind::kUrl});
      i = std::max(end, Next(p, n, i));
      continue;
    }
    if ((c == '@' || c == '#') && i + 1 < n && IsWordChar(At(p, n, i + 1))) {
      int32_t j = Next(p, n, i);
      while (j < n && IsWordChar(At(p, n, j))) j = Next(p, n, j);
      spans.push_back({i, j, c == '@' ? TokenKind::kMention
                                      : TokenKind::kHashtag});
      i = j;
      continue;
    }
    // E-mail: local@domain.tld inside one chunk.
    int32_t at = s.indexOf(static_cast<UChar>('@'), i, end - i);
    if (at > i) {
      int32_t dot = s.indexOf(static_cast<UChar>('.'), at, end - at);
      if (dot > at + 1 && dot + 1 < end) {
        spans.push_back({i, end, TokenKind::kUrl});
        i = end;
        continue;
      }
    }
    i = Next(p, n, i);
  }
  return spans;
}

bool IsEmoji(UChar32 c) {
  return u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) ||
         u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR);
}

bool EndsSentence(UChar32 c) {
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == '\n' ||
         c == 0x2029;
}

icu::BreakIterator& WordBreaker() {
  thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> b(
        icu::BreakIterator::createWordInstance(icu::Locale("tr"), status));
    if (U_FAILURE(status) || b == nullptr) {
      // ICU's data ships with libicu; without it nothing can work.
      abort();
    }
    return b;
  }();
  return *breaker;
}

}  // namespace

const char* TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kWord: return "word";
    case TokenKind::kNumber: return "number";
    case TokenKind::kUrl: return "url";
    case TokenKind::kMention: return "mention";
    case TokenKind::kHashtag: return "hashtag";
    case TokenKind::kEmoji: return "emoji";
  }
  return "unknown";
}

absl::StatusOr<Document> Document::Parse(std::string_view utf8,
                                         const ParseOptions& options) {
  if (absl::Status s = ValidateUtf8(utf8); !s.ok()) return s;
  Document doc;
  doc.length_ = CodePointCount(utf8);
  if (doc.length_ > options.max_length) {
    return absl::InvalidArgumentError(
        absl::StrCat("text is too long: ", doc.length_,
                     " characters, the limit is ", options.max_length));
  }
  icu::UnicodeString original = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  bool blank = true;
  const UChar* op = original.getBuffer();
  const int32_t on = original.length();
  for (int32_t i = 0; i < on; i = Next(op, on, i)) {
    UChar32 c = At(op, on, i);
    if (!IsWhiteSpace(c) && !u_hasBinaryProperty(
                                   c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) &&
        u_charType(c) != U_CONTROL_CHAR) {
      blank = false;
      break;
    }
  }
  if (blank) {
    return absl::InvalidArgumentError(
        doc.length_ == 0 ? "text is empty" : "text is only white space");
  }
  doc.original_ = std::string(utf8);

  // Stage 2: NFC, segment by segment, remembering original code points.
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return absl::InternalError("ICU NFC data missing");
  icu::UnicodeString norm;
  std::vector<int32_t> seg_begin;  // per NFC UTF-16 unit: original cp range
  std::vector<int32_t> seg_end;
  if (nfc->isNormalized(original, status) && U_SUCCESS(status)) {
    norm = original;
    seg_begin.resize(norm.length());
    seg_end.resize(norm.length());
    int32_t cp = 0;
    const UChar* np = norm.getBuffer();
    const int32_t nn = norm.length();
    for (int32_t i = 0; i < nn;) {
      int32_t next = Next(np, nn, i);
      for (int32_t k = i; k < next; ++k) {
        seg_begin[k] = cp;
        seg_end[k] = cp + 1;
      }
      ++cp;
      i = next;
    }
  } else {
    status = U_ZERO_ERROR;
    int32_t cp = 0;
    int32_t i = 0;
    while (i < original.length()) {
      int32_t seg_cp_begin = cp;
      int32_t j = original.moveIndex32(i, 1);
      ++cp;
      while (j < original.length() &&
             !nfc->hasBoundaryBefore(original.char32At(j))) {
        j = original.moveIndex32(j, 1);
        ++cp;
      }
      icu::UnicodeString piece;
      nfc->normalize(original.tempSubString(i, j - i), piece, status);
      if (U_FAILURE(status)) return absl::InternalError("NFC failed");
      for (int32_t k = 0; k < piece.length(); ++k) {
        seg_begin.push_back(seg_cp_begin);
        seg_end.push_back(cp);
      }
      norm.append(piece);
      i = j;
    }
  }
  norm.toUTF8String(doc.normalized_);
  // utf8_at[k]: the byte offset in doc.normalized_ of norm's UTF-16 unit k
  // (and of its end at k = length), so that a token's text is a slice.
  const UChar* np = norm.getBuffer();
  const int32_t nn = norm.length();
  std::vector<int32_t> utf8_at(nn + 1);
  int32_t byte = 0;
  for (int32_t k = 0; k < nn; ++k) {
    utf8_at[k] = byte;
    const UChar u = np[k];
    if (u < 0x80) {
      byte += 1;
    } else if (u < 0x800) {
      byte += 2;
    } else if (U16_IS_LEAD(u) && k + 1 < nn && U16_IS_TRAIL(np[k + 1])) {
      utf8_at[++k] = byte;  // the trail unit starts nothing of its own
      byte += 4;
    } else {
      byte += 3;
    }
  }
  utf8_at[nn] = byte;
  auto slice = [&](int32_t b, int32_t e) {
    return std::string_view(doc.normalized_)
        .substr(utf8_at[b], utf8_at[e] - utf8_at[b]);
  };

  // Stages 3 and 4: special spans, then words.
  std::vector<Span16> special = FindSpecialSpans(norm);
  size_t next_special = 0;
  icu::BreakIterator& breaker = WordBreaker();
  breaker.setText(norm);
  bool next_initial = true;
  int32_t gap_begin = 0;
  auto emit = [&](int32_t b, int32_t e, TokenKind kind) {
    // A suffix after a number and an apostrophe belongs to the number:
    // "2026'da", "3’ü".
    if (kind == TokenKind::kWord && !doc.tokens_.empty() &&
        doc.tokens_.back().kind == TokenKind::kNumber && b == gap_begin + 1 &&
        (norm.charAt(gap_begin) == '\'' || norm.charAt(gap_begin) == 0x2019)) {
      Token& number = doc.tokens_.back();
      number.text += slice(gap_begin, e);
      number.end = seg_end[e - 1];
      gap_begin = e;
      return;
    }
    for (int32_t k = gap_begin; k < b; k = norm.moveIndex32(k, 1)) {
      if (EndsSentence(norm.char32At(k))) next_initial = true;
    }
    Token t;
    t.kind = kind;
    t.text = slice(b, e);
    t.begin = seg_begin[b];
    t.end = seg_end[e - 1];
    if (kind == TokenKind::kWord && !doc.tokens_.empty() &&
        b == gap_begin + 1) {
      const UChar q = norm.charAt(gap_begin);
      t.after_quote = q == '"' || q == 0x201D || q == 0x00BB;
    }
    if (kind == TokenKind::kWord || kind == TokenKind::kNumber) {
      t.sentence_initial = next_initial && kind == TokenKind::kWord;
      next_initial = false;
    }
    if (kind == TokenKind::kWord) ++doc.word_count_;
    doc.tokens_.push_back(std::move(t));
    gap_begin = e;
  };
  int32_t start = breaker.first();
  for (int32_t end = breaker.next(); end != icu::BreakIterator::DONE;
       start = end, end = breaker.next()) {
    while (next_special < special.size() &&
           special[next_special].end <= start) {
      ++next_special;
    }
    if (next_special < special.size() &&
        special[next_special].begin < end) {
      const Span16& sp = special[next_special];
      if (start <= sp.begin) emit(sp.begin, sp.end, sp.kind);
      // Skip every segment that overlaps the special span.
      if (end <= sp.end) continue;
      ++next_special;
      continue;
    }
    int32_t rule = breaker.getRuleStatus();
    if (rule >= UBRK_WORD_NUMBER && rule < UBRK_WORD_NUMBER_LIMIT) {
      emit(start, end, TokenKind::kNumber);
    } else if (rule >= UBRK_WORD_LETTER && rule < UBRK_WORD_IDEO_LIMIT) {
      emit(start, end, TokenKind::kWord);
    } else if (IsEmoji(norm.char32At(start))) {
      emit(start, end, TokenKind::kEmoji);
    }
  }
  return doc;
}

}  // namespace newsroom::text
