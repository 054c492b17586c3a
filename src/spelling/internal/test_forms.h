// For tests: the set of every form Debian's hunspell-tr accepts, loaded
// once per test binary (about 0.4 s).
//
//   EXPECT_TRUE(HunspellTrForms().Contains(U"gelmiyorum"));
#ifndef NEWSROOM_SPELLING_INTERNAL_TEST_FORMS_H_
#define NEWSROOM_SPELLING_INTERNAL_TEST_FORMS_H_

#include "spelling/internal/form_set.h"

namespace newsroom::spelling::internal {

// Fails the calling test when /usr/share/hunspell/tr_TR.{aff,dic} cannot
// be read. Thread-safe.
const FormSet& HunspellTrForms();

}  // namespace newsroom::spelling::internal

#endif  // NEWSROOM_SPELLING_INTERNAL_TEST_FORMS_H_
