#include "corpus/mo_file.h"

#include <gtest/gtest.h>

#include <cstring>

namespace newsroom::corpus {
namespace {

// Writes a little-endian .mo image holding `pairs` (msgid, msgstr).
std::string MakeMo(const std::vector<std::pair<std::string, std::string>>& pairs) {
  uint32_t n = pairs.size();
  uint32_t ids = 28, strs = ids + 8 * n, data = strs + 8 * n;
  std::string out(data, '\0');
  auto put = [&](uint32_t at, uint32_t v) { std::memcpy(&out[at], &v, 4); };
  put(0, 0x950412de);
  put(8, n);
  put(12, ids);
  put(16, strs);
  for (uint32_t k = 0; k < n; ++k) {
    put(ids + 8 * k, pairs[k].first.size());
    put(ids + 8 * k + 4, out.size());
    out += pairs[k].first + '\0';
  }
  for (uint32_t k = 0; k < n; ++k) {
    put(strs + 8 * k, pairs[k].second.size());
    put(strs + 8 * k + 4, out.size());
    out += pairs[k].second + '\0';
  }
  return out;
}

TEST(MoFileTest, ReadsTranslationsSkippingTheHeader) {
  std::string mo = MakeMo({{"", "Content-Type: text/plain"},
                           {"Save", "Kaydet"},
                           {std::string("menu\x04Open"), "Aç"},
                           {"file", std::string("dosya\0dosyalar", 14)}});
  auto messages = ParseMo(mo, "test.mo");
  ASSERT_TRUE(messages.ok()) << messages.status();
  ASSERT_EQ(messages->size(), 3u);
  EXPECT_EQ((*messages)[0].translation, "Kaydet");
  EXPECT_EQ((*messages)[1].original, "Open");
  EXPECT_EQ((*messages)[1].translation, "Aç");
  EXPECT_EQ((*messages)[2].translation, "dosya\ndosyalar");
}

TEST(MoFileTest, RejectsWhatIsNotACatalogue) {
  auto m = ParseMo("this is not a catalogue at all", "x.mo");
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("x.mo: not a valid .mo file"),
            std::string::npos);
  std::string mo = MakeMo({{"Save", "Kaydet"}});
  mo.resize(mo.size() - 4);  // the last string now runs off the end
  EXPECT_FALSE(ParseMo(mo, "cut.mo").ok());
  EXPECT_EQ(ReadMoFile("/nonexistent.mo").status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace newsroom::corpus
