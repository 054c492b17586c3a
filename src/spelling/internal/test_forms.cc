// Loaded once and never freed: tests share it, and it lives as long as the
// test binary.
#include "spelling/internal/test_forms.h"

#include <gtest/gtest.h>

namespace newsroom::spelling::internal {

const FormSet& HunspellTrForms() {
  static const FormSet* set = [] {
    auto loaded = FormSet::Load("/usr/share/hunspell/tr_TR.aff",
                                "/usr/share/hunspell/tr_TR.dic");
    EXPECT_TRUE(loaded.ok()) << loaded.status();
    return loaded->release();
  }();
  return *set;
}

}  // namespace newsroom::spelling::internal
