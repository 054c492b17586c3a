#include "lexicon/aim.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lexicon/testing.h"

namespace newsroom::lexicon {
namespace {

constexpr langid::Language kTr = langid::Language::kTurkish;
constexpr langid::Language kEn = langid::Language::kEnglish;

struct Case {
  const char* text;
  langid::Language language;
  const char* word;  // the insult word, as typed
  Aim aim;
};

// The aim of the match typed as `c.word`; fails the test when there is none.
Aim AimOfWord(const Case& c) {
  auto doc = text::Document::Parse(c.text);
  EXPECT_TRUE(doc.ok()) << doc.status();
  std::vector<Match> matches = TheMatcher().Find(*doc, {c.language});
  std::vector<Aim> aims = AimsOf(*doc, matches);
  EXPECT_EQ(aims.size(), matches.size());
  for (size_t k = 0; k < matches.size(); ++k) {
    if (matches[k].typed == c.word) return aims[k];
  }
  ADD_FAILURE() << "no match \"" << c.word << "\" in: " << c.text;
  return Aim::kOther;
}

TEST(AimTest, WhomAnInsultIsSaidOf) {
  const Case cases[] = {
      // Said of the reader.
      {"Sen tam bir aptalsın.", kTr, "aptalsın", Aim::kReader},
      {"Köpeksiniz hepiniz.", kTr, "Köpeksiniz", Aim::kReader},
      {"Seni pislik!", kTr, "pislik", Aim::kReader},
      {"Get lost, you pervert!", kEn, "pervert", Aim::kReader},
      {"You are vermin.", kEn, "vermin", Aim::kReader},
      {"you're a liar and everyone knows it", kEn, "liar", Aim::kReader},
      {"Honestly, you were such an idiot yesterday.", kEn, "idiot",
       Aim::kReader},
      {"They said you are a criminal.", kEn, "criminal", Aim::kReader},
      {"The police say the men are criminals.", kEn, "criminals", Aim::kOther},
      {"Köpek!", kTr, "Köpek", Aim::kReader},
      {"@USER hayvan herif 😡", kTr, "hayvan", Aim::kReader},
      {"Köpek havladı.", kTr, "Köpek", Aim::kOther},
      {"Aptaldım.", kTr, "Aptaldım", Aim::kSelf},
      // Said of oneself.
      {"Ben bir aptaldım.", kTr, "aptaldım", Aim::kSelf},
      {"Yine inandım, salağım ben.", kTr, "salağım", Aim::kSelf},
      {"İkimiz de salağız.", kTr, "salağız", Aim::kSelf},
      {"Aptal hissediyorum.", kTr, "Aptal", Aim::kSelf},
      {"Bir aptal gibi hissettim.", kTr, "aptal", Aim::kSelf},
      {"Ben bir hırsız değilim.", kTr, "hırsız", Aim::kDenied},
      {"I'm such an idiot, I forgot my keys.", kEn, "idiot", Aim::kSelf},
      {"I was a bit of an idiot back then.", kEn, "idiot", Aim::kSelf},
      {"I feel stupid for believing it.", kEn, "stupid", Aim::kSelf},
      // Denied.
      {"Aptal değilim.", kTr, "Aptal", Aim::kDenied},
      {"Tom aptal değildir.", kTr, "aptal", Aim::kDenied},
      {"Biz aptal değiliz, her şeyi görüyoruz.", kTr, "aptal", Aim::kDenied},
      {"Okuyucu da aptal değil, kara listeyi biliyor.", kTr, "aptal",
       Aim::kDenied},
      {"He is not an idiot, he knew the risks.", kEn, "idiot", Aim::kDenied},
      {"The minister isn't stupid.", kEn, "stupid", Aim::kDenied},
      // What someone is taken for.
      {"Halkı aptal yerine koymayın!", kTr, "aptal", Aim::kTakenFor},
      {"İzleyiciyi salak yerine koymaya devam etsinler.", kTr, "salak",
       Aim::kTakenFor},
      {"Doğruyu bildiğim halde aptal yerine konulmak çok kötü.", kTr, "aptal",
       Aim::kTakenFor},
      {"Bize gerizekalı muamelesi yapıyorlar.", kTr, "gerizekalı",
       Aim::kTakenFor},
      {"They take us for idiots.", kEn, "idiots", Aim::kTakenFor},
      {"The council treats voters like idiots.", kEn, "idiots", Aim::kTakenFor},
      {"Aptal yerine bir uzman atasınlar.", kTr, "Aptal", Aim::kOther},
      {"He looks like an idiot.", kEn, "idiot", Aim::kOther},
      // Questions and "what else" deny nothing; plain statements say of
      // someone else.
      {"Aptal değil misin sen?", kTr, "Aptal", Aim::kOther},
      {"Bu adam salak değil de ne?", kTr, "salak", Aim::kOther},
      {"Aptal değil mi bu adam?", kTr, "Aptal", Aim::kOther},
      {"Bakan aptal.", kTr, "aptal", Aim::kOther},
      {"Bu yazar tam bir salak", kTr, "salak", Aim::kOther},
      {"Aptallarımız yine iş başında.", kTr, "Aptallarımız", Aim::kOther},
      {"You can't fix stupid.", kEn, "stupid", Aim::kOther},
      {"Don't be an idiot.", kEn, "idiot", Aim::kOther},
      {"They are such idiots.", kEn, "idiots", Aim::kOther},
      // A thing said or done, criticised: no one insulted.
      {"What a stupid decision by the central bank.", kEn, "stupid",
       Aim::kThing},
      {"This is a stupid law.", kEn, "stupid", Aim::kThing},
      {"That was a dumb policy from the start.", kEn, "dumb", Aim::kThing},
      {"Stupid question, stupid answer.", kEn, "stupid", Aim::kThing},
      {"A stupid policy often fails the poor.", kEn, "stupid", Aim::kThing},
      {"A dumb law offers nothing.", kEn, "dumb", Aim::kThing},
      {"Aptal bir karar daha.", kTr, "Aptal", Aim::kThing},
      {"Bu ne salak bir soru böyle?", kTr, "salak", Aim::kThing},
      {"Aptal kararları yüzünden batık bir şirket.", kTr, "Aptal", Aim::kThing},
      // An act condemned.
      {"Bu aşağılık saldırıyı kınıyoruz.", kTr, "aşağılık", Aim::kThing},
      {"Hain saldırıda iki asker şehit oldu.", kTr, "Hain", Aim::kThing},
      {"Katil zanlısı tutuklandı.", kTr, "Katil", Aim::kThing},
      {"Muslims condemned the terrorist attack.", kEn, "terrorist",
       Aim::kThing},
      {"He faces criminal charges.", kEn, "criminal", Aim::kThing},
      // A curse laid on a condition, a rally's slogan.
      {"Kahrolsun faşizm!", kTr, "Kahrolsun", Aim::kThing},
      {"Terör kahrolsun!", kTr, "kahrolsun", Aim::kThing},
      {"Kahrolsun Kürt düşmanlığı!", kTr, "Kahrolsun", Aim::kThing},
      {"Lanet olsun savaşa!", kTr, "Lanet olsun", Aim::kThing},
      {"To hell with racism.", kEn, "To hell with", Aim::kThing},
      // A curse on people or a faith.
      {"Kahrolsun Ermeniler!", kTr, "Kahrolsun", Aim::kOther},
      {"Hristiyanlık kahrolsun!", kTr, "kahrolsun", Aim::kOther},
      {"Kahrolsun ateizm!", kTr, "Kahrolsun", Aim::kOther},
      {"Kahrolsun faşistler!", kTr, "Kahrolsun", Aim::kOther},
      {"To hell with Muslims.", kEn, "To hell with", Aim::kOther},
      // "your moronic comments": the reader's own, said to the reader.
      {"Gerizekalı yorumlarınızı kendinize saklayın.", kTr, "Gerizekalı",
       Aim::kOther},
      // People, not things.
      {"Stupid people voted for him.", kEn, "Stupid", Aim::kOther},
      {"Most overused hoe excuses", kEn, "hoe", Aim::kOther},
      {"These stupid decision makers ruined the city.", kEn, "stupid",
       Aim::kOther},
      {"Aptal adam yine konuştu.", kTr, "Aptal", Aim::kOther},
      {"Aptallar karar verdi, biz ödüyoruz.", kTr, "Aptallar", Aim::kOther},
      {"Salak sorumlular istifa etsin.", kTr, "Salak", Aim::kOther},
      {"Aptal haberci yine yanlış yazmış.", kTr, "Aptal", Aim::kOther},
      {"Salak sözde uzmanlar yine konuştu.", kTr, "Salak", Aim::kOther},
      {"What a stupid group of people.", kEn, "stupid", Aim::kOther},
      {"Terrorists attack another village.", kEn, "Terrorists", Aim::kOther},
      {"Şerefsiz saldırganlar yakalansın.", kTr, "Şerefsiz", Aim::kOther},
      {"Şu şerefsiz örgüt lideri için tek laf duymadık.", kTr, "şerefsiz",
       Aim::kOther},
      {"Alçak saldırının failleri yakalansın.", kTr, "Alçak", Aim::kOther},
      {"The terrorist group leaders were jailed.", kEn, "terrorist",
       Aim::kOther},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(AimName(AimOfWord(c)), std::string(AimName(c.aim))) << c.text;
  }
}

TEST(AimTest, ANounAfterThePronounIsNoVocative) {
  // "Seni köpek ısırdı": the dog bit you.
  const Case c = {"Seni köpek ısırdı mı?", kTr, "köpek", Aim::kOther};
  EXPECT_EQ(AimOfWord(c), Aim::kOther);
}

}  // namespace
}  // namespace newsroom::lexicon
