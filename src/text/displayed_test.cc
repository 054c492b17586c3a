#include "text/displayed.h"

#include <gtest/gtest.h>

#include <string>

namespace newsroom::text {
namespace {

TEST(AsDisplayedTest, DirectionalOverridesAreResolvedToWhatIsShown) {
  struct Case {
    const char* stored;
    const char* shown;
  };
  const Case cases[] = {
      // The policy bypass: an insult typed backwards inside an override.
      {"Sen tam bir \u202enıslatpa\u202c", "Sen tam bir aptalsın"},
      {"\u202elatpa\u202c ve \u202eşalak\u202c", "aptal ve kalaş"},
      // Isolates (U+2066–2069) and embeddings go; Latin letters inside
      // them keep their order, as a renderer keeps it.
      {"Sen \u2067sakal\u2069 birisin", "Sen sakal birisin"},
      {"a\u202ab\u202cc", "abc"},
      // An override without its PDF runs to the end of the paragraph.
      {"Merhaba \u202edlrow", "Merhaba world"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(AsDisplayed(c.stored), c.shown) << c.stored;
  }
}

TEST(AsDisplayedTest, InvisibleCharactersInsideWordsAreDropped) {
  EXPECT_EQ(AsDisplayed("ap\u00adtal"), "aptal");
  EXPECT_EQ(AsDisplayed("ger\u200bizekal\u2060ı"), "gerizekalı");
  EXPECT_EQ(AsDisplayed("\ufeffMerhaba"), "Merhaba");
}

TEST(AsDisplayedTest, OrdinaryTextComesBackUnchanged) {
  for (const char* text :
       {"Köprünün açılması ilçeye çok yakışmış, emeği geçenlere teşekkürler.",
        "Great reporting, thank you.",
        // Right-to-left text without controls is not turned around.
        "Haberde geçen söz: \u05e9\u05dc\u05d5\u05dd (şalom).",
        "\u0645\u0631\u062d\u0628\u0627 dünya",
        // Emoji sequences keep their joiners.
        "Tebrikler 👨\u200d👩\u200d👧 👍🏽", ""}) {
    EXPECT_EQ(AsDisplayed(text), text) << text;
  }
}

TEST(HasVisibleCharacterTest, InvisibleNamesAreNotNames) {
  for (const char* visible : {"Ayşe", "a", "42", "…", "🙂", "\u0301", "Ö."}) {
    EXPECT_TRUE(HasVisibleCharacter(visible)) << visible;
  }
  for (const char* invisible :
       {"", " ", "\u3000", "\u200b\u200b", "\u202e\u202c", "\u00ad",
        "\u2060 \ufeff", "\u2028", "\t\n"}) {
    EXPECT_FALSE(HasVisibleCharacter(invisible)) << invisible;
  }
}

}  // namespace
}  // namespace newsroom::text
