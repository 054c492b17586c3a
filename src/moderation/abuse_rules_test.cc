#include "moderation/abuse_rules.h"

#include <gtest/gtest.h>

#include "moderation/engine.h"

namespace newsroom::moderation {
namespace {

const Engine& TheEngine() {
  static const Engine* engine = [] {
    auto built = Engine::Build({});
    EXPECT_TRUE(built.ok()) << built.status();
    return built->release();
  }();
  return *engine;
}

bool Violates(const std::string& text, RuleId id) {
  auto v = TheEngine().Moderate(text);
  EXPECT_TRUE(v.ok()) << v.status();
  const Finding* f = FindingFor(*v, id);
  return f != nullptr && f->violated;
}

TEST(AbuseRulesTest, InsultsAreCaughtThroughDisguises) {
  const char* cases[] = {
      "Sen tam bir şerefsizsin",
      "Bu yazar tam bir s.a.l.a.k",
      "serefsiz herif",
      "Kuran'a hakaret eden o adam şerefsiz",
      "Sen bir köpeksin",  // an ambiguous word said of the reader
      "What a stupid idiot you are",
      // Short insults a comment may be made of.
      "Bu işin başı o kevaşe",
      "Lavuğa bak",
      "it oğlu it",
      "zibidinin teki",
  };
  for (const char* c : cases) EXPECT_TRUE(Violates(c, RuleId::kInsult)) << c;
}

TEST(AbuseRulesTest, SwearingIsProfanity) {
  const char* cases[] = {
      "Bu ne biçim haber lan, yazanın ağzına sıçayım",
      // Vowels dropped or swapped to slip past a filter.
      "So fukn what?",
      "this is fking ridiculous",
      "fcking hell, again",
      "u r a btch",
  };
  for (const char* c : cases) {
    EXPECT_TRUE(Violates(c, RuleId::kProfanity)) << c;
  }
}

TEST(AbuseRulesTest, InnocentWordsAndCriticismPass) {
  const char* cases[] = {
      "Bu karar bence yanlış, bakanlık açıklama yapmalı",
      "Amasya'da ambulans malzeme taşıdı, amca sikke buldu",
      "Köpeğimi veterinere götürdüm",  // köpek in its innocent sense
      "Belediyenin yeni park projesi çok güzel olmuş.",
      // In capitals typed with Ş, the I is ı: sıkışık, not sikiş-.
      "KOLTUKLAR ÇOK SIKIŞIKTI",
  };
  for (const char* c : cases) {
    for (RuleId id :
         {RuleId::kInsult, RuleId::kProfanity, RuleId::kBeliefAttack}) {
      EXPECT_FALSE(Violates(c, id)) << RuleIdName(id) << ": " << c;
    }
  }
  EXPECT_FALSE(Violates("Bu karar bence yanlış, bakanlık açıklama yapmalı",
                        RuleId::kOffensive));
}

TEST(AbuseRulesTest, AttacksOnBeliefsAndRespectfulMentions) {
  const char* attacks[] = {
      "Müslümanlar da Hristiyanlar da aptal",
      "Ateistler ahlaksız insanlardır",
      "Kahrolsun Yahudiler!",
      "Alevilerin hepsi hain, hiçbirine güvenmeyin.",
      "Bu Hristiyan sürüsü her yeri bastı.",
      "Muslims are terrorists and should be kicked out of Europe.",
      "Jews are vermin.",
      "Bahailer de Ahmediler de sapkın, yok edilmeliler.",
  };
  for (const char* c : attacks) {
    EXPECT_TRUE(Violates(c, RuleId::kBeliefAttack)) << c;
  }
  const char* respectful[] = {
      "Cuma namazından sonra dua edildi",
      "Kilise restore edildi ve ziyarete açıldı",
      "Cemevinde muharrem lokması dağıtıldı",
      "Allah belanı versin senin",  // a curse, not an attack on a belief
      // The man is insulted, not his faith.
      "Kuran'a hakaret eden o adam şerefsiz",
      // News, however negative.
      "Kudüs'te binlerce Ultra-Ortodoks Yahudi bir hahamın cenazesine "
      "katıldı.",
      "Camiye saldıran şüpheli tutuklandı.",
      "Mardin'de Süryaniler bağ bozumu şenliği düzenledi.",
      "Polis, kiliseyi soyan iki kişiyi gözaltına aldı.",
      // Criticism.
      "Diyanet'in bu açıklaması bence çok yanlış.",
      "Bence Katolik kilisesinin yöneticileri bu konuda yanlış karar verdi.",
      "Muslims are not terrorists, and nobody should say so.",
      "The church leaders were wrong to hide the abuse.",
  };
  for (const char* c : respectful) {
    EXPECT_FALSE(Violates(c, RuleId::kBeliefAttack)) << c;
  }
}

TEST(AbuseRulesTest, SpansPointAtWhatWasTyped) {
  auto v = TheEngine().Moderate("Bu yazar tam bir s.a.l.a.k");
  ASSERT_TRUE(v.ok());
  const Finding* f = FindingFor(*v, RuleId::kInsult);
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->spans.size(), 1u);
  EXPECT_EQ(f->spans[0].start, 17);
  EXPECT_EQ(f->spans[0].end, 26);
  EXPECT_EQ(f->spans[0].text, "s.a.l.a.k");
}

TEST(AbuseRulesTest, PolicyAllowListIsHonoured) {
  EngineOptions options;
  options.policy.insult.allow = {"salak"};
  options.policy.offensive.enabled = false;
  auto engine = Engine::Build(options);
  ASSERT_TRUE(engine.ok());
  auto v = (*engine)->Moderate("Bu yazar tam bir salak");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(FindingFor(*v, RuleId::kInsult), nullptr);
}

TEST(AbuseRulesTest, BorderlineOffenceWaitsForAModerator) {
  // The offensive rule's review band (0.45–0.8 by default) holds a comment
  // the classifier is unsure of; above 0.8 it is refused.
  auto v = TheEngine().Moderate("serefsiz herif");
  ASSERT_TRUE(v.ok());
  const Finding* f = FindingFor(*v, RuleId::kOffensive);
  ASSERT_NE(f, nullptr);
  EXPECT_GE(f->score, 0.8);
  EXPECT_TRUE(f->violated);
  EXPECT_FALSE(f->spans.empty());
}

// True when the abuse rules keep the comment from being published: one is
// violated or scores in its review band.
bool Withheld(const std::string& text) {
  auto v = TheEngine().Moderate(text);
  EXPECT_TRUE(v.ok()) << v.status();
  for (RuleId id : {RuleId::kInsult, RuleId::kProfanity, RuleId::kOffensive,
                    RuleId::kBeliefAttack}) {
    const Finding* f = FindingFor(*v, id);
    if (f == nullptr) continue;
    const RulePolicy& p = TheEngine().policy().ForRule(id);
    if (f->violated || f->score >= p.review_threshold.value_or(p.threshold)) {
      return true;
    }
  }
  return false;
}

TEST(AbuseRulesTest, NewsProseAndCriticismArePublished) {
  const char* cases[] = {
      "Kaliforniya'da köpek balığı 13 yaşındaki çocuğu yaraladı.",
      "Saldıran köpek balığının türü ise bilinmiyor.",
      "Bir alçak basınç şeridi Pasifik Okyanusu boyunca oluşup kuzeye "
      "ilerliyor.",
      "Top son olarak sıçrayan Kepa Arrizabalaga'ya çarparak ağlara girdi.",
      "Belediye başkanı istifa etmeli, bu kadar beceriksizlik olmaz.",
      "Kudüs'te binlerce Ultra-Ortodoks Yahudi bir hahamın cenazesine "
      "katıldı.",
      "Suriyeli iki işçi fabrikadaki yangında yaralandı.",
      // A party and its members are named, not insulted.
      "CHP'li muhaliflerin itirazını haklı bulan YSK, Ümraniye kongresini "
      "iptal etti.",
      "Seri AKP oy üretimi! Sonra bunun adı seçim mi oluyor?",
      // What believers wear and keep is news, not an offence.
      "Erdoğan'ın eşi de türban takıyor.",
      "Başörtülü öğrenciler üniversiteye alınmadı.",
      "Ramazan ayında oruç tutanlar arttı.",
      "Katolik Kilisesi'nin Vatikan'daki medya organizasyonları arasında "
      "Vatikan Radyosu , Vatikan Televizyonu , Vatikan'ın Gündelik Gazetesi "
      "olan L'Osservatore Romano ve diğer medya aktiviteleri .",
      "Two Syrian workers were injured in the factory fire.",
      "The mayor should resign over the flooding.",
  };
  for (const char* c : cases) EXPECT_FALSE(Withheld(c)) << c;
}

TEST(AbuseRulesTest, EverydayEnglishRemarksArePublished) {
  // The English model learnt from tweets alone held each of these (0.48
  // to 0.55): "shit" inside "shiitake", "cock" in "cocktail", "hell" and
  // "hate" said of a game and a weekday. WordNet's usage examples taught
  // it what clean English looks like.
  const char* published[] = {
      "hell of a game last night",
      "we had shiitake mushrooms and a cocktail",
      "this policy is a failure",
      "i hate mondays",
  };
  for (const char* c : published) EXPECT_FALSE(Withheld(c)) << c;
  // Remarks aimed at readers still wait for a moderator or are refused.
  const char* withheld[] = {
      "you people are disgusting",
      "shut up",
      "what a stupid writer",
      "what a stupid article",
  };
  for (const char* c : withheld) EXPECT_TRUE(Withheld(c)) << c;
}

TEST(AbuseRulesTest, NeutralWordsAreTakenOutOfTheScore) {
  // "köpek" and "belediye"/"istifa" push the Turkish classifier up; without
  // them these comments earn nothing. An English remark whose offence is
  // in its own words still waits for a moderator.
  EXPECT_FALSE(Withheld("Saldıran köpek balığının türü ise bilinmiyor."));
  EXPECT_FALSE(Withheld("Belediye başkanı istifa etmeli."));
  // What is said of a party's members still counts.
  EXPECT_TRUE(Withheld("CHP'li vekiller yine saçmaladı, hepsi geri zekalı."));
  EXPECT_TRUE(Withheld("AKP'li yandaşlar gibi yalan söyleme şerefsiz."));
  // And what is said of those who keep a faith.
  EXPECT_TRUE(Withheld("Türbanlı şerefsizler hepsi defolsun."));
  EXPECT_TRUE(Withheld("Vatikan'ın pis papazları defolsun."));
  EXPECT_TRUE(Withheld("She is a traitor."));
  auto v = TheEngine().Moderate("She is a traitor.");
  ASSERT_TRUE(v.ok());
  const Finding* f = FindingFor(*v, RuleId::kOffensive);
  ASSERT_NE(f, nullptr);
  ASSERT_FALSE(f->spans.empty());
  EXPECT_EQ(f->spans[0].text, "traitor");
  // A neutral word's lexicon finding leaves with it: "domuz" is an animal
  // here, not a dehumanising word (each was held, 0.48-0.72).
  const char* pigs[] = {
      "Katil Domuz Çinli Çiftçiyi Öldürene Dek Hırpaladı",
      "Kuzeni, domuz ağılında ağzı kan içinde büyük bir erkek domuz "
      "bulunduğunu söyledi.",
      "Adamı öldüren hayvan, Yuan'ın veya kuzeninin domuzu değildi.",
      "Üç ayağının üzerinde sekerek yaklaşan köpek, başını delikanlının "
      "kucağına koydu ve uzandı.",
  };
  for (const char* c : pigs) EXPECT_FALSE(Withheld(c)) << c;
  // Whatever the score, a neutral word is never marked as the offence.
  auto thief = TheEngine().Moderate("Hırsız polis tarafından yakalandı.");
  ASSERT_TRUE(thief.ok());
  const Finding* g = FindingFor(*thief, RuleId::kOffensive);
  ASSERT_NE(g, nullptr);
  for (const Span& s : g->spans) EXPECT_NE(s.text, "polis");
}

TEST(AbuseRulesTest, CriticismAndRegretArePublished) {
  // Words of reproach and regret name no one ("yazık": a pity, a shame).
  const char* published[] = {
      "Yazıklar olsun bu yönetime, yazıklar olsun onları seçenlere.",
      "Bu ülkeye yazık.",
      "Yazık günah bu çocuklara.",
      "Bu ne rezillik!",
      "Utanmadan bunu savunuyorlar.",
      "Bu zihniyet değişmedikçe hiçbir şey düzelmez.",
      "What a disgrace.",
  };
  for (const char* c : published) EXPECT_FALSE(Withheld(c)) << c;
  // An insult beside them is still an insult.
  EXPECT_TRUE(Violates("Yazıklar olsun sana şerefsiz.", RuleId::kInsult));
}

TEST(AbuseRulesTest, ACurseOnAConditionIsARallysSlogan) {
  // A curse laid on a crime, a war or hatred curses no one, and the name
  // of an ideology is no offence.
  const char* published[] = {
      "Kahrolsun faşizm!",
      "Emperyalizm bu ülkeyi mahvetti.",
      "Faşizm kötüdür.",
      "Terör kahrolsun!",           "Irkçılık kahrolsun!",
      "Kahrolsun Kürt düşmanlığı!", "Lanet olsun savaşa!",
      "To hell with racism.",
  };
  for (const char* c : published) EXPECT_FALSE(Withheld(c)) << c;
  // Laid on people or a faith, it is an attack.
  EXPECT_TRUE(Violates("Kahrolsun Ermeniler!", RuleId::kOffensive));
  EXPECT_TRUE(Violates("Kahrolsun faşistler!", RuleId::kOffensive));
  EXPECT_TRUE(Violates("Hristiyanlık kahrolsun!", RuleId::kBeliefAttack));
  EXPECT_TRUE(Violates("Kahrolsun ateizm!", RuleId::kBeliefAttack));
  EXPECT_TRUE(Violates("To hell with Muslims.", RuleId::kBeliefAttack));
}

TEST(AbuseRulesTest, TerrorAndCorruptionNewsIsPublished) {
  // The tweets the classifier learnt from name "terör", "PKK", "FETÖ" and
  // "yolsuzluk" mostly in angry politics; in news talk they are the news.
  const char* published[] = {
      "Terör örgütünün hain saldırısında iki asker şehit oldu.",
      "PKK'nın saldırısında yaralanan polis hastaneye kaldırıldı.",
      "FETÖ davasında karar açıklandı.",
      "Yolsuzluk ve rüşvet yok kabul ediliyor.",
      "Sonuç olarak bir de iftirayla suçlandılar.",
  };
  for (const char* c : published) EXPECT_FALSE(Withheld(c)) << c;
  // An insult beside them is still an insult.
  EXPECT_TRUE(Violates("FETÖ davasını savunan şerefsizler!", RuleId::kInsult));
}

TEST(AbuseRulesTest, PoliticiansNamesAreNoOffence) {
  // The tweets name the president and the opposition leaders in fights;
  // "Tayyip Erdoğan bugün Kılıçdaroğlu ile görüştü." was refused (0.85).
  const char* published[] = {
      "Tayyip Erdoğan bugün Kılıçdaroğlu ile görüştü.",
      "Kılıçdaroğlu bugün bir açıklama yaptı.",
      "Tayyip vitesi yükseltti, İmamoğlu kibar kalıyor.",
  };
  for (const char* c : published) EXPECT_FALSE(Withheld(c)) << c;
  // What is said of them still counts.
  EXPECT_TRUE(Withheld("Tayyip hırsız!"));
  EXPECT_TRUE(Violates("Kılıçdaroğlu şerefsizin teki.", RuleId::kInsult));
}

TEST(AbuseRulesTest, ShortInsultsAreInsults) {
  // Words readers use as insults that the lexicon lacked; the OffensEval
  // annotators labelled 34 of the 38 tweets with "yalaka" offensive.
  const char* insults[] = {
      "Sen tam bir yalakasın.", "Hımbıl herif yine uyuyor.",
      "Bu bunak ne diyor?",     "keko bunlar",
      "ebleh herif",            "pezo",
  };
  for (const char* c : insults) {
    EXPECT_TRUE(Violates(c, RuleId::kInsult)) << c;
  }
  // "aptalca" is said of an idea or an act (the annotators labelled five
  // of seven tweets with it not offensive); a person called "aptal" is
  // still insulted.
  const char* published[] = {
      "Dernek öneriyi aptalca buldu.",
      "Sonra da aptalca hatalar.",
  };
  for (const char* c : published) EXPECT_FALSE(Withheld(c)) << c;
  EXPECT_TRUE(Violates("Sen bir aptalsın.", RuleId::kInsult));
}

TEST(AbuseRulesTest, ABlameSaidToTheReaderIsAnInsult) {
  // Blame words ("hırsız", "terörist", "katil") and dehumanising ones
  // ("domuz", "vermin") are attack language when said of a group; said to
  // the reader they are an insult.
  const char* insults[] = {
      "Sen bir hırsızsın.",         "Siz teröristsiniz.", "Sen bir katilsin.",
      "Sen tam bir domuzsun.",      "Seni domuz seni!",   "You are vermin.",
      "You're a liar and a thief.",
  };
  for (const char* c : insults) {
    EXPECT_TRUE(Violates(c, RuleId::kInsult)) << c;
  }
  // Said of someone in the news, of oneself, or denied, they insult no
  // one (the classifier still reads them).
  const char* no_insult[] = {
      "Hırsızlar evden altınları çaldı.",
      "Teröristler iki kişiyi kaçırdı.",
      "Ben bir hırsız değilim.",
      "Domuzlar çiftlikte yaşar.",
      "Sen bir domuz değilsin, bir insansın.",
  };
  for (const char* c : no_insult) {
    EXPECT_FALSE(Violates(c, RuleId::kInsult)) << c;
  }
}

TEST(AbuseRulesTest, EnglishPoliticalDebateIsPublished) {
  // OLID's tweets were gathered by political keywords; the English model
  // learnt "gun control" and party names as half offensive.
  const char* published[] = {
      "@USER Or gun control. Or both.",
      "@USER Democrats and Republicans both voted for the gun control bill.",
  };
  for (const char* c : published) EXPECT_FALSE(Withheld(c)) << c;
  EXPECT_TRUE(Withheld("Liberals are idiots."));
}

TEST(AbuseRulesTest, AnInsultWordInAnInnocentPhraseIsNoEvidence) {
  // "mal" (goods; "mal olmak": to cost) and "kaşar" (a cheese) are insults
  // said of a person; in these phrases (data/lexicon/neutral-tr.txt) they
  // are the economy and the market.
  const char* published[] = {
      "O neye mal oldu?",
      "Bu kaça mal olur?",
      "Bu köprü kaça mal olacak?",
      "Mal varlığı araştırılsın.",
      "Bakanın mal beyanı açıklansın.",
      "İthal mallar pahalandı.",
  };
  for (const char* c : published) EXPECT_FALSE(Withheld(c)) << c;
  // Said of a person, the same word still waits for a moderator or is
  // refused, also next to "olmak" where it reads "to be an idiot".
  const char* withheld[] = {
      "mal mısın sen",
      "Sen tam bir malsın.",
      "mal olduğunu herkes biliyor",
      "mal olan sensin",
  };
  for (const char* c : withheld) EXPECT_TRUE(Withheld(c)) << c;
}

TEST(AbuseRulesTest, AnInsultSaidOfOneselfOrDeniedInsultsNoOne) {
  // Readers write of themselves, deny what others say of them and
  // complain of being taken for fools; these are published.
  const char* published[] = {
      "Aptal değilim.",
      "Ben bir aptaldım, ona inandım.",
      "Tom aptal değildir.",
      "Biz aptal değiliz, her şeyi görüyoruz.",
      "Sadece aynı şeye üzülecek kadar salak değilim.",
      "He is not an idiot, he knew the risks.",
      "Aptal hissediyorum.",
      "Ben bir hırsız değilim.",
      // Criticism: taking the public for fools.
      "Halkı aptal yerine koymayın!",
      "İzleyiciyi salak yerine koymaya devam etsinler, salonlar boş kalır.",
  };
  for (const char* c : published) {
    EXPECT_FALSE(Violates(c, RuleId::kInsult)) << c;
    EXPECT_FALSE(Withheld(c)) << c;
  }
  // Said of someone, asked, or said to the reader, the word is an insult.
  const char* insults[] = {
      "Tom aptal.",
      "Aptal değil misin sen?",
      "Bu adam salak değil de ne?",
      "Sen aptalsın.",
      "Seni pislik!",  // an ambiguous word, said to the reader
      "Pislik!",       // the whole comment
      "@USER hayvan herif",
      "You are an idiot.",
  };
  for (const char* c : insults) EXPECT_TRUE(Violates(c, RuleId::kInsult)) << c;
  // The pronoun before a noun is no vocative: the dog bit you.
  EXPECT_FALSE(Violates("Seni köpek ısırdı mı?", RuleId::kInsult));
}

TEST(AbuseRulesTest, AStupidDecisionIsNoInsult) {
  // A decision, a law or a question called stupid: no person is insulted.
  // The remark is still rude; the offensive-language classifier decides
  // whether it waits for a moderator or is refused.
  const char* of_things[] = {
      "What a stupid decision by the central bank.",
      "This is a stupid law.",
      "That was a dumb policy from the start.",
      "What a stupid question.",
      "Aptal bir karar daha.",
      "Bu ne salak bir soru böyle?",
      "Aptal kararları yüzünden şirket battı.",
  };
  for (const char* c : of_things) {
    EXPECT_FALSE(Violates(c, RuleId::kInsult)) << c;
  }
  // The same words said of people are insults.
  const char* insults[] = {
      "Stupid people voted for him.",
      "These stupid decision makers ruined the city.",
      "The minister is stupid, and so is his decision.",
      "Aptal adam yine konuştu.",
      "Aptallar karar verdi, biz ödüyoruz.",
      "Salak sorumlular istifa etsin.",
  };
  for (const char* c : insults) EXPECT_TRUE(Violates(c, RuleId::kInsult)) << c;
}

TEST(AbuseRulesTest, EnglishWordsForThingsAreInsultsSaidOfAPerson) {
  // "trash", "screw" and "coward" name things and deeds too; said to or of
  // a person (data/lexicon/abuse-en.txt phrases) they are refused.
  const struct {
    const char* text;
    RuleId rule;
  } refused[] = {
      {"you are trash", RuleId::kInsult},
      {"You're trash.", RuleId::kInsult},
      {"He is a piece of garbage.", RuleId::kInsult},
      {"screw you", RuleId::kProfanity},
      {"what a coward", RuleId::kInsult},
      {"you coward", RuleId::kInsult},
      {"Shut up, you cowards.", RuleId::kInsult},
      {"You are a clown.", RuleId::kInsult},
      {"you're pathetic", RuleId::kInsult},
  };
  for (const auto& c : refused) EXPECT_TRUE(Violates(c.text, c.rule)) << c.text;
  const char* published[] = {
      "Take out the trash on Monday.",
      "The council collects the trash on Mondays.",
      "The screw came loose.",
      "It was a cowardly attack on civilians.",
      "Refugees care for animals on the farms where they work.",
  };
  for (const char* c : published) EXPECT_FALSE(Withheld(c)) << c;
  // The group is the one mistreated: no attack, refused by nothing.
  EXPECT_FALSE(Violates("Refugees are treated like animals in these camps.",
                        RuleId::kOffensive));
}

TEST(AbuseRulesTest, HateAgainstAnyGroupIsOffensive) {
  const char* cases[] = {
      "Suriyeliler bu ülkeden defolup gitsin.",
      "Bütün Kürtler sınır dışı edilmeli, burada işleri yok.",
      "Bu Afgan sürüsü her yeri bastı.",
      "Ermenilerin hepsi hain, hiçbirine güvenmeyin.",
      "Eşcinseller mikrop gibi her yere yayılıyor.",
      "Kahrolsun Rumlar!",
      "Yahudiler dünyanın başına bela, hepsinin kökü kurusun.",
      "Kürtlerin kökü kazınmalı.",
      "Papazların hepsi sübyancı.",
      "Muslims are terrorists and should be kicked out of Europe.",
      "Immigrants are vermin.",
      "Refugees are all criminals.",
      "Refugees are spreading everywhere like vermin.",
      "Refugees are animals.",
  };
  for (const char* c : cases) {
    EXPECT_TRUE(Violates(c, RuleId::kOffensive)) << c;
  }
  // The same words in the news of one person or of a cause.
  const char* news[] = {
      "Sübyancı imam tutuklandı.",
      "Pedofil rahip yargılanıyor.",
      "Ayrılıkçı terörün kökü kazınmalı.",
  };
  for (const char* c : news) EXPECT_FALSE(Withheld(c)) << c;
}

TEST(AbuseRulesTest, CounterSpeechIsPublished) {
  // What others call a group, denied or reported, is no evidence of the
  // writer's offence (each was held for a moderator, 0.56-0.80).
  const char* published[] = {
      "Ermenilere hain diyenler utansın.",
      "Kürtlere terörist diyenler bu ülkeyi bölmek istiyor.",
      "Suriyelilere hırsız diyen vekil özür dilemeli.",
      "Müslümanlara terörist demek nefret söylemidir.",
      "Müslümanların hepsi terörist mi? Hayır.",
      "\"Suriyeliler defolsun\" diye bağıran grup gözaltına alındı.",
      "Not all Muslims are terrorists.",
      "Calling Muslims terrorists is hate speech.",
      "The senator who called Mexicans rapists should resign.",
      "The media portrays Muslims as terrorists.",
  };
  for (const char* c : published) EXPECT_FALSE(Withheld(c)) << c;
  auto v = TheEngine().Moderate("Ermenilere hain diyenler utansın.");
  ASSERT_TRUE(v.ok());
  if (const Finding* f = FindingFor(*v, RuleId::kOffensive)) {
    EXPECT_TRUE(f->spans.empty());
    EXPECT_NE(f->note.find("denies or reports"), std::string::npos) << f->note;
  }
  // The writer's own words are meant.
  const char* refused[] = {
      "Ben de diyorum ki Suriyelilerin hepsi hırsız.",
      "Kürtlerin hepsi terörist, bunu herkes biliyor.",
      "I say Muslims are terrorists.",
  };
  for (const char* c : refused) {
    EXPECT_TRUE(Violates(c, RuleId::kOffensive)) << c;
  }
}

TEST(AbuseRulesTest, OffensiveSpansAreOnTheWordsThatCarryIt) {
  auto v = TheEngine().Moderate(
      "Belediye başkanı istifa etmeli, bu kadar "
      "beceriksizlik olmaz.");
  ASSERT_TRUE(v.ok());
  if (const Finding* f = FindingFor(*v, RuleId::kOffensive)) {
    for (const Span& s : f->spans) {
      EXPECT_NE(s.text, "Belediye");
      EXPECT_NE(s.text, "istifa");
    }
  }
  v = TheEngine().Moderate("Suriyeliler bu ülkeden defolup gitsin.");
  ASSERT_TRUE(v.ok());
  const Finding* f = FindingFor(*v, RuleId::kOffensive);
  ASSERT_NE(f, nullptr);
  ASSERT_GE(f->spans.size(), 2u);
  EXPECT_EQ(f->spans[0].text, "Suriyeliler");
  EXPECT_EQ(f->spans[0].reason, "attacked_group");
  bool exclusion = false;
  for (const Span& s : f->spans) {
    exclusion |= s.reason == "group_attack:exclusion" && s.text == "defolup";
  }
  EXPECT_TRUE(exclusion);
}

// An exclusion written around a group's name is refused, both as offensive
// and, of a faith, as an attack on belief; its spans are the words around
// the name, in order.
TEST(AbuseRulesTest, ExclusionAroundAGroupsNameIsRefusedAndShown) {
  auto v = TheEngine().Moderate("No Muslims allowed in this country.");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->decision, Decision::kReject);
  const Finding* belief = FindingFor(*v, RuleId::kBeliefAttack);
  ASSERT_NE(belief, nullptr);
  EXPECT_TRUE(belief->violated);
  const Finding* f = FindingFor(*v, RuleId::kOffensive);
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(f->spans.size(), 3u);
  EXPECT_EQ(f->spans[0].text, "No");
  EXPECT_EQ(f->spans[0].reason, "group_attack:exclusion");
  EXPECT_EQ(f->spans[1].text, "Muslims");
  EXPECT_EQ(f->spans[1].reason, "attacked_group");
  EXPECT_EQ(f->spans[2].text, "allowed");
  EXPECT_EQ(f->spans[2].start, 11);
  EXPECT_EQ(f->spans[2].end, 18);
  // The same words as news are published.
  v = TheEngine().Moderate("No Muslims were hurt in the attack.");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->decision, Decision::kApprove);
}

}  // namespace
}  // namespace newsroom::moderation
