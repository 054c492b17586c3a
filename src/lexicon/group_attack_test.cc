#include "lexicon/group_attack.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>

#include "lexicon/testing.h"

namespace newsroom::lexicon {
namespace {

struct Case {
  const char* text;
  langid::Language language;
  bool attack;
  bool belief = false;
};

std::vector<GroupAttack> Attacks(const Case& c) {
  auto doc = text::Document::Parse(c.text);
  EXPECT_TRUE(doc.ok()) << doc.status();
  std::vector<Match> matches = TheMatcher().Find(*doc, {c.language});
  std::vector<Aim> aims = AimsOf(*doc, matches);
  return FindGroupAttacks(*doc, matches, aims);
}

constexpr langid::Language kTr = langid::Language::kTurkish;
constexpr langid::Language kEn = langid::Language::kEnglish;

TEST(GroupAttackTest, AttacksOnGroupsAreFoundWhateverTheGroup) {
  const Case cases[] = {
      {"Suriyeliler bu ülkeden defolup gitsin.", kTr, true},
      {"Bütün Ermeniler sınır dışı edilmeli, burada işleri yok.", kTr, true},
      {"Bu Afgan sürüsü her yeri bastı.", kTr, true},
      {"Kürtlerin hepsi hain, hiçbirine güvenmeyin.", kTr, true},
      // The whole group said again a few words on.
      {"Herkes Ermenilere hain diyor, çünkü hepsi hain.", kTr, true},
      {"Suriyeliler geldi, hepsi hırsız.", kTr, true},
      {"Muslims came here and they are all terrorists.", kEn, true, true},
      {"Send the refugees back, all of them are criminals.", kEn, true},
      // A question that says it, or takes it as given.
      {"Aren't all Muslims terrorists?", kEn, true, true},
      {"Why are all Muslims terrorists?", kEn, true, true},
      {"Muslims are terrorists. Are you surprised?", kEn, true, true},
      // The writer's own saying.
      {"Ermenilere hain diyorum.", kTr, true},
      {"Ermenilere hain dedim, yine derim.", kTr, true},
      {"Kahrolsun Yahudiler!", kTr, true, true},
      {"Şerefsiz Rumlar yine iş başında.", kTr, true},
      {"Müslümanlar teröristtir, hepsi aynı.", kTr, true, true},
      {"Eşcinseller mikrop gibi her yere yayılıyor.", kTr, true},
      {"Allah Hristiyanların belasını versin.", kTr, true, true},
      {"Muslims are terrorists and should be kicked out of Europe.", kEn, true,
       true},
      {"Send them back, these refugees have no place here.", kEn, true},
      {"Jews are vermin spreading everywhere.", kEn, true, true},
      {"To hell with all Mexicans.", kEn, true},
      {"Immigrants are all criminals and liars.", kEn, true},
      {"Refugees are spreading everywhere like vermin.", kEn, true},
      // An exclusion written around the group's name.
      {"Muslims out!", kEn, true, true},
      {"No Jews allowed in this country.", kEn, true, true},
      {"Send every Muslim back where they came from.", kEn, true, true},
      {"Kick all the Syrians out.", kEn, true},
      {"We should ban all Muslims.", kEn, true, true},
      {"Refugees go home!", kEn, true},
      {"We don't want Muslims here.", kEn, true, true},
      {"Why don't we send all the Syrians back?", kEn, true},
      {"Muslims should not be allowed in Europe.", kEn, true, true},
      {"Suriyeliler dışarı!", kTr, true},
      {"Suriyeliler geri gönderilsin.", kTr, true},
      {"Bütün Afganları geri gönderin.", kTr, true},
      {"Yahudiler bu topraklardan gitmeli.", kTr, true, true},
      {"Araplar ülkenize dönün.", kTr, true},
      {"Bütün Afganlar ülkelerine!", kTr, true},
      {"Ülkemde Suriyeli istemiyorum.", kTr, true},
      {"Biz bu ülkede Afganları istemiyoruz.", kTr, true},
      {"Ban all Muslims because Islam is violent.", kEn, true, true},
      {"We don't want Syrians in our country.", kEn, true},
      // An exclusion called for, in the passive.
      {"They are criminals, Syrians should all be deported.", kEn, true},
      {"Jews deserve to be exterminated.", kEn, true, true},
      // Asked, but no question to debate.
      {"Yahudiler yok edilmeli mi? Bence evet.", kTr, true, true},
      {"Refugees are animals.", kEn, true},
      {"Kurds breed like rats and multiply like rats.", kEn, true},
      {"Suriyeliler her yere mikrop gibi yayıldı.", kTr, true},
      // A question after "değil" denies nothing.
      {"Kürtlerin hepsi hain değil mi zaten?", kTr, true},
      {"Gay people should be kicked out of this country.", kEn, true},
      {"Gay people are terrorists, every one of them.", kEn, true},
      {"Bütün Romanlar sınır dışı edilmeli.", kTr, true},
      {"Bence tüm Romanlar bu ülkeden defolup gitmeli.", kTr, true},
      {"Bahailer de Ahmediler de sapkın, yok edilmeliler.", kTr, true, true},
      {"Hristiyanlar kokuşmuş insanlar.", kTr, true, true},
      {"Papaz kılıklı haçlı domuzlar.", kTr, true, true},
      {"Bu gavurlara asla güvenmeyeceksin.", kTr, true, true},
      {"Pis Yahudiler yine iş başında.", kTr, true, true},
      {"Rumlar denize dökülsün.", kTr, true},
      {"Ermeni dölleri yine rahat durmuyor.", kTr, true},
      {"Alevilerin namusu yok.", kTr, true, true},
      {"Kızılbaşlar mum söndü yapar.", kTr, true, true},
      {"Bu Suriyelilerin hepsi sürgün edilmeli.", kTr, true},
      {"Yahudinin iyisi ölü Yahudidir.", kTr, true, true},
      {"Suriyeliler ülkemizden gitsin artık.", kTr, true},
      {"Muslims are a cancer on this country.", kEn, true, true},
      {"Atheists are degenerates with no morals.", kEn, true, true},
      {"The Jews should be gassed.", kEn, true, true},
      {"Buddhists are lazy parasites.", kEn, true, true},
      {"Immigrants are filthy rats.", kEn, true},
      {"Hindus are filthy cow worshippers.", kEn, true, true},
      {"Jews are the children of Satan.", kEn, true, true},
      {"Islam is a religion of hate.", kEn, true, true},
      {"Jews control the banks and the media.", kEn, true, true},
      {"Kill all the infidels.", kEn, true, true},
      {"Islam is cancer.", kEn, true, true},
      {"Muslims are a virus.", kEn, true, true},
      {"Judaism is a disease of the mind.", kEn, true, true},
      // What a whole group is said to be, a few words after it.
      {"Müslümanlar geri kafalı yobaz.", kTr, true, true},
      {"Christians are brainwashed idiots.", kEn, true, true},
      {"Catholics are such hypocritical scum, all of them.", kEn, true, true},
      {"Araplar pis ve kokuşmuş, hepsi aynı.", kTr, true},
      {"Yahudiler dünyanın başına bela.", kTr, true, true},
      {"Allah belanı versin Yahudi.", kTr, true, true},
      {"Rumları denize dökeceğiz.", kTr, true},
      {"Ermenilerin kökünü kazımak lazım.", kTr, true},
      {"Gas the Jews.", kEn, true, true},
      {"Muslims should go back to their countries.", kEn, true, true},
      // The writer's own name-calling stays the writer's.
      {"I call all Muslims terrorists.", kEn, true, true},
      {"I say Muslims are evil.", kEn, true, true},
      {"Jews are greedy, all of them.", kEn, true, true},
      {"Hindus are disgusting.", kEn, true, true},
      {"Gays are an abomination.", kEn, true},
      {"Islam is evil.", kEn, true, true},
      {"Yahudiler açgözlüdür, hepsi öyle.", kTr, true, true},
      {"Müslümanların hepsi terörist, olarak da kalacaklar.", kTr, true, true},
      {"Kuran bir masal kitabı.", kTr, true, true},
      {"Ateistler şeytanın askerleri.", kTr, true, true},
      {"Suriyeliler bu ülkenin kanseri.", kTr, true},
      {"Göçmenleri ülkelerine geri gönderin.", kTr, true},
      {"Islam has no place in Europe.", kEn, true, true},
      {"We must kick out all Muslims.", kEn, true, true},
      {"The Bible is a fairy tale.", kEn, true, true},
      {"İslam bir terör dinidir.", kTr, true, true},
      {"Hindus are dirty.", kEn, true, true},
      {"Muslims are backward and primitive.", kEn, true, true},
      {"Islam is a death cult.", kEn, true, true},
      {"Mormons are a cult.", kEn, true, true},
      // A holy figure is one being: what it is said to be counts.
      {"Muhammad was a pedophile.", kEn, true, true},
      {"Peygamberiniz sübyancı.", kTr, true, true},
      {"Muhammed bir sübyancıydı.", kTr, true, true},
      {"Jesus was a liar.", kEn, true, true},
      {"We must deport all Syrians.", kEn, true},
      {"I want to deport them all, every Mexican.", kEn, true},
      {"I said it before: all Muslims should be deported.", kEn, true, true},
      {"Suriyeliler defolsun diye bağırdım.", kTr, true},
      {"I think Muslims are terrorists.", kEn, true, true},
      {"Muslims are terrorists, I said.", kEn, true, true},
      {"Muslims are terrorists, everyone knows it.", kEn, true, true},
      {"I said Jews are greedy and I meant it.", kEn, true, true},
      {"Romanlar hırsızdır, hepsi öyle.", kTr, true},
      {"Kick every Arab out of this country.", kEn, true},
      {"Refugees are invaders and should be shot.", kEn, true},
      {"Jews are behind every war.", kEn, true, true},
      {"Yahudiler her şeyin arkasında.", kTr, true, true},
      {"Suriyeliler asalak, bizim vergilerimizle yaşıyorlar.", kTr, true},
      {"Arapların hepsini bu ülkeden kovmalıyız.", kTr, true},
      // The group is what the writer attacks, not what someone else hates.
      {"Suriyelilere karşıyım, hepsi gitsin.", kTr, true},
      {"Yahudiler İslam düşmanı, hepsi hain.", kTr, true, true},
      {"I know that all Muslims are terrorists.", kEn, true, true},
      {"People who are Muslims should be deported.", kEn, true, true},
      {"Muslims have no place here.", kEn, true, true},
  };
  for (const Case& c : cases) {
    std::vector<GroupAttack> attacks = Attacks(c);
    ASSERT_FALSE(attacks.empty()) << c.text;
    EXPECT_EQ(attacks[0].belief, c.belief) << c.text;
  }
}

TEST(GroupAttackTest, MentionsCriticismAndNewsAreNotAttacks) {
  const Case cases[] = {
      {"Kudüs'te binlerce Ultra-Ortodoks Yahudi bir hahamın cenazesine "
       "katıldı.",
       kTr, false},
      {"Polis, hırsızlık şüphesiyle Suriyeli bir kişiyi gözaltına aldı.", kTr,
       false},
      {"Suriyeli hırsız yakalandı.", kTr, false},
      {"Bence Ermeni derneklerinin yöneticileri yanlış bir karar verdi.", kTr,
       false},
      {"Kürtler terörist değildir, bunu herkes bilmeli.", kTr, false},
      // The writer's own faith: the exclusion is about something else.
      {"Biz çok bir şey istemiyoruz, inancımızı yitirdiğimizde bize iyi "
       "gelen bu yedi adamı görmek istiyoruz.",
       kTr, false},
      {"Dinimize hakaret eden o şerefsizler cezasını bulsun.", kTr, false},
      // "lazım" (necessary) is no Laz.
      {"Bu yöneticileri kovmak lazım.", kTr, false},
      {"Bir sürü Suriyeli aile mahalleye yerleşti.", kTr, false},
      {"Koyun sürüsü yolu kapattı, Kürt çoban yardım istedi.", kTr, false},
      {"Allah belanı versin.", kTr, false},
      // God's name takes a capital anywhere in the sentence: a curse
      // that names God is no attack on a faith.
      {"Kulağınızda çınlasın, Allah binlerce kez belanızı versin.", kTr, false},
      {"Bu işi yapanların Allah belasını versin.", kTr, false},
      {"Mahkeme, Alevilere yönelik nefret söylemi nedeniyle ceza verdi.", kTr,
       false},
      {"Two Syrian workers were injured in the factory fire.", kEn, false},
      {"Muslims are not terrorists, and nobody should say so.", kEn, false},
      {"Police arrested a Mexican man suspected of burglary.", kEn, false},
      {"The court jailed a man for hate speech against Jews.", kEn, false},
      {"Refugees are treated like animals in these camps.", kEn, false},
      {"Refugees care for animals on the farms where they work.", kEn, false},
      {"Göçmenlere kamplarda domuz gibi davranıldı.", kTr, false},
      {"Göçmenlere domuz gibi muamele ettiler.", kTr, false},
      {"Gay people like dogs more than cats, a survey says.", kEn, false},
      {"My gay neighbour walks the dogs every morning.", kEn, false},
      {"Female dogs are calmer than males.", kEn, false},
      // roman is also a novel: lower case, or a capital that only starts
      // the sentence, names no people.
      {"Bütün romanlar yasaklanmalı diyenler kitap okumuyor.", kTr, false},
      {"Romanlar yasaklanmalı diyen bir bakan olamaz.", kTr, false},
      {"Edirne'de Roman vatandaşlar Kakava şenliğini kutladı.", kTr, false},
      {"Haçlı Seferleri 11. yüzyılda başladı.", kTr, false},
      {"Mardin'de Süryaniler bağ bozumu şenliği düzenledi.", kTr, false},
      {"Sincar'daki Ezidiler IŞİD'in saldırısından kaçtı.", kTr, false},
      {"Bahailer Ankara'da bir anma töreni düzenledi.", kTr, false},
      // Dirty tents, not a dirty people: "pis" counts only next to it.
      {"Suriyelilerin kaldığı çadırlar çok pis ve soğuk.", kTr, false},
      {"Sapkın bir tarikatın lideri tutuklandı.", kTr, false},
      {"Tarla sürülmeli, Kürt çiftçiler hazır.", kTr, false},
      {"Suriyeli aileler Türkiye'den gitmek istemiyor.", kTr, false},
      {"Muslims with a cancer diagnosis get free screening.", kEn, false},
      {"Muslims are not evil, and neither are Christians.", kEn, false},
      {"Yahudiler açgözlü değildir.", kTr, false},
      // Abuse a few words after a group that is not said of it.
      {"Ermeniler için yazılanlar aşağılık.", kTr, false},
      {"Müslümanlar karşı çıkanlara yobaz dedi.", kTr, false},
      {"Muslims are calling him an idiot.", kEn, false},
      {"Christians are called idiots by the columnist.", kEn, false},
      {"Atheists are not all idiots, you know.", kEn, false},
      {"Jewish refugees went back to their country after the war.", kEn, false},
      {"Terör örgütünün kökünü kazıyacağız dedi bakan.", kTr, false},
      // Insult and blame words said of an act, not of the group.
      {"Muslims condemned the terrorist attack.", kEn, false},
      {"Jews condemned the terrorist attack in Vienna.", kEn, false},
      {"Muslims face criminal charges after the protest.", kEn, false},
      {"Müslümanlar terörist saldırıyı kınadı.", kTr, false},
      {"Kürtler dün yürüdü, hepsi gözaltına alındı.", kTr, false},
      {"Ermeniler konuştu, hepsi de haklıydı.", kTr, false},
      {"Hristiyanlar bu aşağılık saldırıyı kınadı.", kTr, false},
      {"Ermeniler o alçak saldırıyı kınadı.", kTr, false},
      {"Suriyeliler hain saldırıda hayatını kaybetti.", kTr, false},
      {"Aleviler katil zanlısının yakalanmasını istedi.", kTr, false},
      {"Hristiyanlar hırsız çeteye karşı nöbet tutuyor.", kTr, false},
      {"Kürtler terörist saldırılarda yakınlarını kaybetti.", kTr, false},
      {"Aleviler aptal bir yasaya karşı yürüdü.", kTr, false},
      {"Yahudiler pislik içinde yaşamaya zorlandı.", kTr, false},
      // What someone calls or shows a group, reported or criticised.
      {"Medya Müslümanları terörist olarak gösteriyor.", kTr, false},
      {"Müslümanları terörist diye damgalamak yanlış.", kTr, false},
      {"Bazıları Alevileri sapkın olarak görüyor, bu yanlış.", kTr, false},
      {"Hükümet Kürtleri hain ilan etti.", kTr, false},
      {"Müslümanlara terörist demek nefret söylemidir.", kTr, false},
      {"Kürtlere hain denilmesi kabul edilemez.", kTr, false},
      {"Suriyelileri hırsız diyerek aşağılayan vekil özür diledi.", kTr, false},
      {"The media portrays Muslims as terrorists.", kEn, false},
      {"They paint all Muslims as terrorists, which is wrong.", kEn, false},
      {"Calling Jews vermin is hate speech.", kEn, false},
      {"Stop calling Mexicans rapists.", kEn, false},
      {"The film says Jews are greedy, a vile old stereotype.", kEn, false},
      {"Smoking is a cancer risk for Christians and Muslims alike.", kEn,
       false},
      {"Refugees are rescuing dogs from the flooded villages.", kEn, false},
      {"Syrians were treated animals, a doctor said.", kEn, false},
      {"Muslims are not animals.", kEn, false},
      {"Jews were sent to Auschwitz to be gassed.", kEn, false},
      // Filth said of a place or water, a phrase said of no group, a
      // return home.
      {"The Jewish quarter's filthy alleys were cleaned.", kEn, false},
      {"Muslim families cleaned the filthy streets after the flood.", kEn,
       false},
      {"Critics called it a religion of hate, but scholars disagree.", kEn,
       false},
      {"Central banks control the money supply.", kEn, false},
      {"Jewish families went back where they came from after the war.", kEn,
       false},
      // Illness in the news of a group.
      {"For many Muslim women breast cancer is a subject they avoid.", kEn,
       false},
      {"Alzheimer's is a disease that affects many Jewish families.", kEn,
       false},
      {"Covid is a virus, not a punishment from God.", kEn, false},
      {"Müslüman kanser hastaları tedavi bekliyor.", kTr, false},
      {"Cooking is a culture for Jewish families.", kEn, false},
      {"Yahudi çocuklara bir masal kitabı hediye edildi.", kTr, false},
      {"Bu masal kitabı Ermeni halk hikâyelerini anlatıyor.", kTr, false},
      {"Hatred of Muslims has no place in Europe.", kEn, false},
      // An exclusion reported as someone else's intent.
      {"The government plans to deport Syrians.", kEn, false},
      {"Trump vowed to deport millions of Mexicans.", kEn, false},
      {"The minister threatened to kick out all Syrians.", kEn, false},
      {"The far-right leader said all Muslims should be deported.", kEn, false},
      {"\"Jews are vermin,\" the neo-Nazi said in court.", kEn, false},
      {"Muslims are terrorists, the far-right leader claimed.", kEn, false},
      {"Muslims should be deported, the candidate said, drawing boos.", kEn,
       false},
      {"\"Ermeniler hain\" dedi, savcı soruşturma başlattı.", kTr, false},
      {"\"Suriyeliler defolsun\" diye bağıran grup gözaltına alındı.", kTr,
       false},
      {"Göstericiler «Kahrolsun Ermeniler» dedi, polis müdahale etti.", kTr,
       false},
      // Denied, asked, or what others say or think.
      {"Not all Muslims are terrorists.", kEn, false},
      {"It is wrong to say Jews are greedy.", kEn, false},
      {"Nobody should say Jews should be gassed, ever.", kEn, false},
      {"Why do people think all Mexicans are rapists?", kEn, false},
      {"Müslümanların hepsi terörist mi? Hayır.", kTr, false},
      {"Are all Syrians thieves? Of course not.", kEn, false},
      {"Is Islam a cult? Some say so, I disagree.", kEn, false},
      // A novel is no people.
      {"Romanlar ve öyküler okurla buluştu.", kTr, false},
      {"Bu romanlar hırsız ve katil hikâyeleri anlatıyor.", kTr, false},
      // A user name is no mention of a group.
      {"RT @Asshole_God: Hate fags? The answer's yes.", kEn, false},
      {"@kurt_yavrusu şerefsiz herif", kTr, false},
      {"@Vontey_isa_boss it's knives bitch", kEn, false},
      // Blame beside a holy figure, said of someone else or denied.
      {"Peygamber hırsızı affetti.", kTr, false},
      {"Peygamberin katilleri lanetlendi.", kTr, false},
      {"Jesus was betrayed by a thief.", kEn, false},
      {"Jesus was crucified between two thieves.", kEn, false},
      {"The prophet forgave the murderer.", kEn, false},
      {"Muhammad was not a pedophile.", kEn, false},
      {"the prophet was right \"thy hoes ain't loyal\"", kEn, false},
      // The group as the one hated: what is condemned or cursed is the
      // hatred, or those who show it.
      {"Ermeni düşmanlığı kahrolsun.", kTr, false},
      {"Kahrolsun Kürt düşmanlığı!", kTr, false},
      {"Müslümanlara yönelik nefret kahrolsun.", kTr, false},
      {"Alevilere saldıranların hepsi hain.", kTr, false},
      {"Suriyelilere düşman olanlar kahrolsun.", kTr, false},
      {"Kürtleri öldürenlerin hepsi terörist.", kTr, false},
      {"Hristiyanlara hakaret eden herkes hain.", kTr, false},
      {"Hatred of Muslims has no place here.", kEn, false},
      {"Anti-Muslim hate has no place here.", kEn, false},
      {"Racism against the Syrians has no place here.", kEn, false},
      {"Those who attack Alevis are traitors.", kEn, false},
      {"People that hate Jews should be deported.", kEn, false},
      // An exclusion told as news or history, not called for.
      {"Thousands of Syrians will be deported under the new law.", kEn, false},
      {"Migrants could be kicked out of the country under the plan.", kEn,
       false},
      {"The Jews were exterminated in the Holocaust.", kEn, false},
      {"Nobody should be deported for their faith, not even Muslims.", kEn,
       false},
      {"Muslims have no place in politics, the report warned.", kEn, false},
      // An exclusion asked, as in a debate.
      {"Should Syrians be deported?", kEn, false},
      {"Suriyeliler sınır dışı edilmeli mi?", kTr, false},
      {"Should we ban all Muslims?", kEn, false},
      {"Ban all Christians from holding office? That is what the law did in "
       "1700.",
       kEn, false},
      {"Send the Kurds back to their villages, the court ordered the army.",
       kEn, false},
      // The same words around a group's name, saying something else.
      {"Muslims out in force at the rally.", kEn, false},
      {"No Muslims were hurt in the attack.", kEn, false},
      {"Syrians went back home after the war.", kEn, false},
      {"Britain wants to send migrants back to France.", kEn, false},
      {"Muslims should be allowed in.", kEn, false},
      {"No Kurds allowed to run for office, the court ruled.", kEn, false},
      {"The sign read \"No Jews allowed\".", kEn, false},
      {"Christians go back to church after the lockdown.", kEn, false},
      {"Muslims go home after Friday prayers.", kEn, false},
      {"\"Muslims out!\" the crowd chanted.", kEn, false},
      {"Suriyeliler evine döndü.", kTr, false},
      {"Ermeniler evine, Türkler evine, herkes evine!", kTr, false},
      {"Suriyeli aileler geri gönderildi.", kTr, false},
      {"Suriyelilerin geri gönderilmesi tartışılıyor.", kTr, false},
      {"Ermeniler bu topraklardan 1915'te sürüldü.", kTr, false},
      {"\"Suriyeliler dışarı\" diye bağıran grup gözaltına alındı.", kTr,
       false},
      // A policy named, not called for; what the writer does not want the
      // group to feel or suffer; a survey's finding.
      {"Ban all Muslims from entering was his 2015 proposal.", kEn, false},
      {"Sending all Syrians back was the party's main promise.", kEn, false},
      {"We don't want Syrians in our neighbourhoods to feel unsafe.", kEn,
       false},
      {"Halkın yarısı Suriyeli istemiyor.", kTr, false},
  };
  for (const Case& c : cases) {
    EXPECT_TRUE(Attacks(c).empty()) << c.text;
  }
}

TEST(GroupAttackTest, NamesTheTargetAndTheAttackWord) {
  Case c{"Bu memlekette Suriyelilere yer yok.", kTr, true};
  auto doc = text::Document::Parse(c.text);
  ASSERT_TRUE(doc.ok());
  std::vector<Match> matches = TheMatcher().Find(*doc, {kTr});
  std::vector<GroupAttack> attacks =
      FindGroupAttacks(*doc, matches, AimsOf(*doc, matches));
  ASSERT_EQ(attacks.size(), 1u);
  EXPECT_EQ(matches[attacks[0].target].typed, "Suriyelilere");
  EXPECT_EQ(matches[attacks[0].target].group, "syrian");
  EXPECT_EQ(matches[attacks[0].attack].typed, "yer yok");
  EXPECT_EQ(attacks[0].kind, Category::kExclusion);
  EXPECT_TRUE(attacks[0].frame.empty());
}

// An exclusion written around the group's name names the words that make
// it, on both sides of the name.
TEST(GroupAttackTest, NamesTheWordsAroundTheGroup) {
  auto doc = text::Document::Parse("Send every Muslim back, now.");
  ASSERT_TRUE(doc.ok());
  std::vector<Match> matches = TheMatcher().Find(*doc, {kEn});
  std::vector<GroupAttack> attacks =
      FindGroupAttacks(*doc, matches, AimsOf(*doc, matches));
  ASSERT_EQ(attacks.size(), 1u);
  EXPECT_EQ(matches[attacks[0].target].typed, "Muslim");
  EXPECT_EQ(attacks[0].kind, Category::kExclusion);
  ASSERT_EQ(attacks[0].frame.size(), 2u);
  EXPECT_EQ(attacks[0].frame[0].text, "Send every");
  EXPECT_EQ(attacks[0].frame[0].begin, 0);
  EXPECT_EQ(attacks[0].frame[0].end, 10);
  EXPECT_EQ(attacks[0].frame[1].text, "back");
  EXPECT_EQ(attacks[0].frame[1].begin, 18);
}

// Not wanting a group, with the group the verb's object, is an exclusion
// of the writer's, of severity 2, with the words around the group shown.
// "istemiyoruz" elsewhere in the clause is not ("Suriyelilerin gitmesini
// istemiyoruz": we do not want them to leave; "Müslüman olarak şiddet
// istemiyoruz": as Muslims, we want no violence), nor what others are
// reported to say.
TEST(GroupAttackTest, NotWantingTheGroupItselfIsAnExclusion) {
  const std::pair<const char*, bool> cases[] = {
      {"Ülkemde Suriyeli istemiyorum.", true},
      {"Biz bu ülkede Afganları istemiyoruz.", true},
      {"Kürtleri artık burada istemiyoruz!", true},
      {"Suriyelileri bu ülkede görmek istemiyoruz.", true},
      {"Suriyelileri burada görmek istemiyoruz.", true},
      {"Suriyelileri sokakta aç görmek istemiyoruz.", false},
      {"Suriyelilerin gitmesini istemiyoruz.", false},
      {"Suriyeli komşularımızı kaybetmek istemiyoruz.", false},
      {"Müslüman olarak şiddet istemiyoruz.", false},
      {"Hristiyanlar olarak savaş istemiyoruz.", false},
      {"Suriyeli istemiyoruz diyenler utanmalı.", false},
      {"Suriyelileri, istemiyoruz dediğimiz için kaybettik.", false},
      {"Halkın yarısı Suriyeli istemiyor.", false},
  };
  for (const auto& [text, excluded] : cases) {
    std::vector<GroupAttack> attacks = Attacks({text, kTr, false});
    if (!excluded) {
      EXPECT_TRUE(attacks.empty()) << text;
      continue;
    }
    ASSERT_EQ(attacks.size(), 1u) << text;
    EXPECT_EQ(attacks[0].kind, Category::kExclusion) << text;
    EXPECT_EQ(attacks[0].severity, 2) << text;
    EXPECT_FALSE(attacks[0].frame.empty()) << text;
  }
}

// The attack words said of a group but not meant by the writer are marked,
// so that they are no evidence elsewhere either; what the writer means is
// never marked, even beside them.
TEST(GroupAttackTest, MarksWhatIsSaidButNotMeant) {
  struct Marked {
    const char* text;
    langid::Language language;
    const char* word;  // the attack word, as typed
    bool marked;
  };
  const Marked cases[] = {
      {"Ermenilere hain diyenler utansın.", kTr, "hain", true},
      {"Müslümanlar terörist değildir.", kTr, "terörist", true},
      {"Müslümanların hepsi terörist mi? Hayır.", kTr, "terörist", true},
      {"Calling Muslims terrorists is hate speech.", kEn, "terrorists", true},
      {"Not all Muslims are terrorists.", kEn, "terrorists", true},
      {"The far-right leader said all Muslims should be deported.", kEn,
       "deported", true},
      {"Thousands of Syrians will be deported.", kEn, "deported", true},
      {"Syrians should be deported.", kEn, "deported", false},
      // The writer's own.
      {"Ermenilerin hepsi hain.", kTr, "hain", false},
      {"I say Muslims are terrorists.", kEn, "terrorists", false},
      // No group: nothing is said of one.
      {"Bu adam hain değildir.", kTr, "hain", false},
  };
  for (const Marked& c : cases) {
    auto doc = text::Document::Parse(c.text);
    ASSERT_TRUE(doc.ok());
    std::vector<Match> matches = TheMatcher().Find(*doc, {c.language});
    std::vector<uint8_t> marked;
    FindGroupAttacks(*doc, matches, AimsOf(*doc, matches), &marked);
    ASSERT_TRUE(marked.empty() || marked.size() == matches.size())
        << c.text;
    bool found = false;
    for (size_t k = 0; k < matches.size(); ++k) {
      if (matches[k].typed.find(c.word) == std::string::npos) continue;
      found = true;
      EXPECT_EQ(k < marked.size() && marked[k] != 0, c.marked) << c.text;
    }
    EXPECT_TRUE(found) << c.text << ": no match for " << c.word;
  }
}

}  // namespace
}  // namespace newsroom::lexicon
