// English phrases inside Turkish comments. Readers mix English into
// Turkish ("so sad", "game over", "win win"), and news quotes it ("box
// kick", "hip hop"). A word of such a phrase is neither Turkish typed
// without its letters ("sad" is no "şad") nor misspelt Turkish ("box" is
// no "boz"), so `no_turkish_chars` and `spelling` leave it alone.
//
//   if (InEnglishPhrase(doc, i, english, turkish)) continue;  // not counted
//
// A phrase is two or more words in a row, in one sentence, each an English
// word (hunspell-en-us) that is no Turkish word as typed (hunspell-tr),
// two-letter words only from a short list of English ones ("so", "my":
// not "bi", Turkish "bir" typed informally, as in "Bi gun"). A
// single English word among Turkish ones still counts ("ask" for "aşk",
// "bird" for "bir"): readers who type without Turkish letters write such
// words every day. Asked only about a word a rule is about to count, and
// the dictionaries only about words of English letters: at most six
// look-ups. Tested by english_phrase_test.cc.
#ifndef NEWSROOM_MODERATION_ENGLISH_PHRASE_H_
#define NEWSROOM_MODERATION_ENGLISH_PHRASE_H_

#include <cstddef>

#include "morphology/dictionary.h"
#include "text/document.h"

namespace newsroom::moderation {

// Whether word token `i` of `doc` belongs to an English phrase.
// REQUIRES: i < doc.tokens().size()
bool InEnglishPhrase(const text::Document& doc, size_t i,
                     const morphology::Dictionary& english,
                     const morphology::Dictionary& turkish);

}  // namespace newsroom::moderation

#endif  // NEWSROOM_MODERATION_ENGLISH_PHRASE_H_
