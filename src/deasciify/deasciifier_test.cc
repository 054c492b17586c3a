#include "deasciify/deasciifier.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "morphology/dictionary.h"

namespace newsroom::deasciify {
namespace {

// The committed model with Debian's hunspell-tr, as the product runs.
const Deasciifier& Product() {
  static const Deasciifier* d = [] {
    morphology::Dictionary::Options options =
        morphology::Dictionary::Options::Turkish();
    options.instances = 2;
    auto turkish = morphology::Dictionary::Load(options);
    EXPECT_TRUE(turkish.ok()) << turkish.status();
    auto loaded =
        Deasciifier::Load(Deasciifier::DefaultModelPath(), turkish->release());
    EXPECT_TRUE(loaded.ok()) << loaded.status();
    return loaded->release();
  }();
  return *d;
}

struct Case {
  const char* typed;
  const char* restored;
};

TEST(DeasciifierTest, RestoresTurkishLetters) {
  const Case cases[] = {
      {"cok guzel bir haber olmus", "çok güzel bir haber olmuş"},
      {"Istanbul'da yasiyorum", "İstanbul'da yaşıyorum"},
      {"TESEKKURLER", "TEŞEKKÜRLER"},
      {"ISIK", "IŞIK"},
      {"ISTANBUL'DA TRAFIK YINE FELC OLDU",
       "İSTANBUL'DA TRAFİK YİNE FELÇ OLDU"},
      {"Turkiye'nin en guzel sehri Izmir", "Türkiye'nin en güzel şehri İzmir"},
      {"bugun hava cok guzel, disari cikalim mi?",
       "bugün hava çok güzel, dışarı çıkalım mı?"},
      {"Ogretmenimiz odevleri kontrol etti",
       "Öğretmenimiz ödevleri kontrol etti"},
      {"kiz kardesim yarin geliyor", "kız kardeşim yarın geliyor"},
      {"cay icmek istiyorum", "çay içmek istiyorum"},
      {"Su an cok mesgulum", "Şu an çok meşgulüm"},
      {"Seçili hucreleri sil", "Seçili hücreleri sil"},  // partly typed
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Product().Restore(c.typed), c.restored) << c.typed;
  }
}

// Words written both ways ("acı" pain / "açı" angle, "sahi" / "şahı",
// "es" / "eş") take the spelling their neighbours call for; the last vowel
// of the word before decides the clitics but not these.
TEST(DeasciifierTest, ChoosesBetweenTwoWordsByTheirNeighbours) {
  const Case cases[] = {
      {"Cok aciyor mu?", "Çok acıyor mu?"},
      {"Ihbar sahi miydi acaba?", "İhbar sahi miydi acaba?"},
      {"Kizlar aranizda kas yigini var", "Kızlar aranızda kas yığını var"},
      {"Arastirmalara gore daha sadik es olur",
       "Araştırmalara göre daha sadık eş olur"},
      {"Bugun mesgul musunuz?", "Bugün meşgul müsünüz?"},
      {"Bu is nasil olacak?", "Bu iş nasıl olacak?"},
      {"Yarin gelir misin?", "Yarın gelir misin?"},
      // A next word seen only with other endings counts by its first
      // letters ("atıyor…", "dökül…", "ağrı…").
      {"Parkta iki tur atiyorum.", "Parkta iki tur atıyorum."},
      {"Bir kova su dokulecek.", "Bir kova su dökülecek."},
      {"Bu dis agriyor.", "Bu diş ağrıyor."},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Product().Restore(c.typed), c.restored) << c.typed;
  }
}

TEST(DeasciifierTest, LeavesWhatNeedsNoRestoringAlone) {
  const char* const cases[] = {
      "This is a good song",
      "bu haber iyi",
      "Selim bu haberi okudu",
      "Kemal Bey haklı",
      "https://www.ornek.com/cok-guzel-haber",
      "@kullanici_adi #gundem 2026 3,5",
      "😀👍 !!! ... ???",
      "Çok güzel, teşekkürler.",
      "",
      "\n\n",
  };
  for (const char* text : cases) {
    EXPECT_EQ(Product().Restore(text), text) << text;
  }
}

TEST(DeasciifierTest, CopiesEverythingButWordsByteForByte) {
  const Case cases[] = {
      {"cok!!! guzel...   @ali_cok #cok https://x.co/cok 😀 cok",
       "çok!!! güzel...   @ali_cok #cok https://x.co/cok 😀 çok"},
      {"satir bir\r\nsatir iki\n\nson satir",
       "satır bir\r\nsatır iki\n\nson satır"},
      {"Turkiye\u2019nin", "Türkiye\u2019nin"},
      {"\t  cok  \t", "\t  çok  \t"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Product().Restore(c.typed), c.restored) << c.typed;
  }
  // A line that is not UTF-8 is copied as it is; the others are restored.
  EXPECT_EQ(Product().Restore("cok\nbad \xff cok\ncok"),
            "çok\nbad \xff cok\nçok");
}

TEST(DeasciifierTest, RestoreWordSaysWhatIsMissing) {
  struct WordCase {
    const char* word;
    const char* previous;
    const char* restored;
    bool changed;
  };
  const WordCase cases[] = {
      {"cok", "", "çok", true},
      {"TESEKKURLER", "", "TEŞEKKÜRLER", true},
      {"Istanbul", "", "İstanbul", true},
      {"haber", "bu", "haber", false},  // no c g i o s u
      {"bir", "", "bir", false},
      {"güzel", "", "güzel", false},  // typed with its letters
      {"Selim", "", "Selim", false},
      {"mi", "yapar", "mı", true},  // vowel harmony with the word before
      {"mi", "gelir", "mi", false},
  };
  for (const WordCase& c : cases) {
    WordRestoration w = Product().RestoreWord(c.word, c.previous);
    EXPECT_EQ(w.restored, c.restored) << c.word;
    EXPECT_EQ(w.changed, c.changed) << c.word;
    EXPECT_GE(w.confidence, 0.0) << c.word;
    EXPECT_LE(w.confidence, 1.0) << c.word;
  }
  WordRestoration sure = Product().RestoreWord("ogrenci", "");
  EXPECT_EQ(sure.evidence, WordRestoration::Evidence::kWordTable);
  EXPECT_GT(sure.confidence, 0.95);
  EXPECT_EQ(Product().RestoreWord("haber", "").evidence,
            WordRestoration::Evidence::kNotRestorable);
}

TEST(DeasciifierTest, WorksWithoutADictionary) {
  auto d = Deasciifier::Load(Deasciifier::DefaultModelPath(), nullptr);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ((*d)->Restore("cok guzel bir haber olmus"),
            "çok güzel bir haber olmuş");
}

TEST(DeasciifierTest, CommittedModelLoads) {
  // How fast it loads is measured in BENCHMARKS.md, not here.
  auto d = Deasciifier::Load(Deasciifier::DefaultModelPath(), nullptr);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ((*d)->Restore("TESEKKURLER"), "TEŞEKKÜRLER");
}

TEST(DeasciifierTest, MissingModelIsNotFoundNamingThePath) {
  auto d = Deasciifier::Load("/nonexistent/deasciifier.model", nullptr);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(
      std::string(d.status().message()).find("/nonexistent/deasciifier.model"),
      std::string::npos);
}

TEST(DeasciifierTest, InvalidModelIsInvalidArgumentNamingFileAndLine) {
  std::string path = testing::TempDir() + "/deasciifier_test_bad.model";
  std::ofstream(path) << "# comment\nnewsroom-deasciifier-model 2\n"
                         "words 1\ncok\tcak\t3\n";
  auto d = Deasciifier::Load(path, nullptr);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(std::string(d.status().message()).find(path + ":4:"),
            std::string::npos)
      << d.status();
  std::filesystem::remove(path);
}

TEST(DeasciifierTest, ThreadsGetTheSameResults) {
  const std::vector<std::string> texts = {
      "cok guzel bir haber olmus",
      "Istanbul'da yasiyorum",
      "bu yazilimin sayfasinda cizelge secenekleri gorunmuyor",
      "ISTANBUL'DA TRAFIK YINE FELC OLDU",
      "Selim ile Kemal dun aksam bulustular, cok eglendiler",
      "gozlemcilerin yerlestirilmesi sonlandirilmadan",
  };
  std::vector<std::string> expected;
  for (const std::string& t : texts) expected.push_back(Product().Restore(t));
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int k = 0; k < 8; ++k) {
    threads.emplace_back([&, k] {
      for (int round = 0; round < 50; ++round) {
        size_t i = (k + round) % texts.size();
        if (Product().Restore(texts[i]) != expected[i]) ++mismatches;
        RestoreOptions cold;
        cold.memoize = false;
        if (Product().Restore(texts[i], cold) != expected[i]) ++mismatches;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace newsroom::deasciify
