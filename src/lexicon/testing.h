// For tests of the lexicon and of what reads its matches: the matcher over
// the committed lexicon files, loaded once per test binary.
#ifndef NEWSROOM_LEXICON_TESTING_H_
#define NEWSROOM_LEXICON_TESTING_H_

#include <gtest/gtest.h>

#include "lexicon/matcher.h"

namespace newsroom::lexicon {

inline const Matcher& TheMatcher() {
  static const Matcher* m = [] {
    auto loaded = Matcher::Load(LexiconPaths::Default());
    EXPECT_TRUE(loaded.ok()) << loaded.status();
    return loaded->release();
  }();
  return *m;
}

}  // namespace newsroom::lexicon

#endif  // NEWSROOM_LEXICON_TESTING_H_
