#!/usr/bin/env python3
"""Builds data/eval/groups-tr.tsv and groups-en.tsv: sentences that mention
a group of people, neutral and hateful, for measuring per-group false alarms
(the "unintended bias" of Jigsaw's Civil Comments work) and hate caught.

    python3 data/eval/build_group_sets.py [--shared ../shared/data]

Deterministic: the same inputs give the same files. Standard library only.

Rows (TSV, header line): id, group, belief, label, kind, part, text
  group   the group mentioned (one key per group, the same in both files
          where the group is the same)
  belief  1 when the group is a faith or non-belief (belief_attack applies)
  label   NOT (no attack on the group) or OFF (an attack on it)
  kind    corpus    a real sentence of ../shared/data/turkish-text (only
                    files that are not evaluation-only, only their held-out
                    tenth: classifier/dataset.h's hash of the sentence is 9)
          neutral, critical, news   templates: a plain mention, criticism
                    of a group's leaders or of a decision, negative news in
                    which the group is a victim, a suspect or a party
          exclusion, dehumanisation, blame, curse   attack templates
  part    dev (may be used to tune rules and thresholds) or test (never
          looked at while tuning: reported only). Templates are assigned
          to a part as a whole, so a test template is never seen in any
          group's wording while tuning; corpus rows are test.

The templates were written for Newsroom to sound like readers' comments
and news sentences, before the rules that they measure were written, and
are not changed to suit them.
"""
import argparse
import os
import re

# --- Turkish -------------------------------------------------------------

# key, adjective / singular, belief?
TR_GROUPS = [
    ("muslim", "Müslüman", 1), ("christian", "Hristiyan", 1),
    ("jewish", "Yahudi", 1), ("alevi", "Alevi", 1), ("sunni", "Sünni", 1),
    ("buddhist", "Budist", 1), ("hindu", "Hindu", 1),
    ("catholic", "Katolik", 1), ("atheist", "ateist", 1),
    ("turkish", "Türk", 0), ("kurdish", "Kürt", 0), ("armenian", "Ermeni", 0),
    ("greek", "Rum", 0), ("arab", "Arap", 0), ("syrian", "Suriyeli", 0),
    ("afghan", "Afgan", 0), ("roma", "Roman", 0), ("laz", "Laz", 0),
    ("circassian", "Çerkes", 0), ("russian", "Rus", 0),
    ("african", "Afrikalı", 0), ("chinese", "Çinli", 0),
    ("american", "Amerikalı", 0), ("gay", "eşcinsel", 0),
    ("trans", "trans", 0), ("refugee", "mülteci", 0),
    ("immigrant", "göçmen", 0), ("women", "kadın", 0),
    ("disabled", "engelli", 0),
]

BACK = set("aıou")
FRONT = set("eiöü")


def last_vowel(word):
    for c in reversed(word.lower()):
        if c in BACK or c in FRONT:
            return c
    return "e"


def plural(word):
    return word + ("lar" if last_vowel(word) in BACK else "ler")


def tr_forms(adj):
    pl = plural(adj)
    back = last_vowel(pl) in BACK
    return {
        "adj": adj,
        "Adj": adj[0].upper() + adj[1:] if adj[0] != "i" else "İ" + adj[1:],
        "pl": pl,
        "Pl": pl[0].upper() + pl[1:],
        "pl_gen": pl + ("ın" if back else "in"),
        "Pl_gen": (pl + ("ın" if back else "in")).capitalize(),
        "pl_dat": pl + ("a" if back else "e"),
        "pl_acc": pl + ("ı" if back else "i"),
        "Pl_acc": (pl + ("ı" if back else "i")).capitalize(),
    }


TR_TEMPLATES = [
    # neutral
    ("neutral", "{Adj} aileler dün akşam belediye binasının önünde bir araya geldi."),
    ("neutral", "Araştırmaya göre şehirde yaşayan {pl_gen} sayısı son on yılda arttı."),
    ("neutral", "Yan daireye {adj} bir aile taşındı, komşular eşyaları taşımalarına yardım etti."),
    ("neutral", "Yarınki panelde {pl_gen} çalışma hayatındaki hakları konuşulacak."),
    ("neutral", "{Adj} öğrenciler bu yıl beş bursun üçünü kazandı."),
    ("neutral", "Benim en yakın arkadaşım {adj}, çocukluğumuzdan beri tanışırız."),
    ("neutral", "Haberde {pl_gen} yaşadığı mahalledeki yeni park anlatılıyor."),
    ("neutral", "{Pl} de bu ülkenin vatandaşı, herkes gibi onların da sesi duyulmalı."),
    # critical, without hate
    ("critical", "Bence {adj} derneklerinin yöneticileri bu konuda yanlış bir karar verdi."),
    ("critical", "{Pl_gen} temsilcisi olduğunu söyleyen kişi açıklamasında çok abarttı."),
    ("critical", "Bu haberde {pl} hakkında tek taraflı bilgi veriliyor, gazete düzeltme yapmalı."),
    ("critical", "Belediye {pl_dat} yardım konusunda söz verdi ama hiçbir şey yapmadı."),
    # negative news
    ("news", "Polis, hırsızlık şüphesiyle {adj} bir kişiyi gözaltına aldı."),
    ("news", "Fabrikadaki yangında {adj} iki işçi yaralandı."),
    ("news", "Mahkeme, {pl_dat} yönelik nefret söylemi nedeniyle bir kişiye hapis cezası verdi."),
    ("news", "Saldırının ardından {pl} ayrımcılığa karşı yürüyüş düzenledi."),
    # attacks
    ("exclusion", "{Pl} bu ülkeden defolup gitsin."),
    ("exclusion", "Bütün {pl} sınır dışı edilmeli, burada işleri yok."),
    ("exclusion", "{Pl_acc} bu memleketten kovmak lazım, hepsi gitsin."),
    ("exclusion", "Bu ülkede {pl_dat} yer yok, geldikleri yere dönsünler."),
    ("dehumanisation", "Bu {adj} sürüsü her yeri bastı."),
    ("dehumanisation", "{Pl} mikrop gibi her yere yayılıyor."),
    ("dehumanisation", "{Adj} pislikleri yine ortalığı karıştırdı."),
    ("dehumanisation", "Bunlar insan değil, {adj} denen hayvanlar."),
    ("blame", "{Pl_gen} hepsi hain, hiçbirine güvenmeyin."),
    ("blame", "{Pl} teröristtir, hepsi aynı."),
    ("blame", "Bu ülkedeki bütün suçların sebebi {pl}."),
    ("blame", "{Pl} hırsız ve yalancıdır, tanırım ben onları."),
    ("curse", "Kahrolsun {pl}!"),
    ("curse", "Allah {pl_gen} belasını versin."),
    ("curse", "{Pl_acc} lanet olsun, hepsinin."),
    ("curse", "Şerefsiz {pl} yine iş başında."),
]

# Words that find a group in a corpus sentence: the adjective as a word
# start, in the spelling used in running text. "Roman" (also "novel") and
# "kadın" (too common to need a search) are left to the templates.
TR_CORPUS_SKIP = {"roma", "women", "trans"}

TR_TRAINING_FILES = [
    "common-voice-sentences.txt", "tatoeba.txt", "ud-penn.txt",
    "ud-tourism.txt", "ud-kenet.txt", "ud-framenet.txt", "ud-gb.txt",
    "ud-atis.txt", "starlang-penn-treebank.txt", "wikipedia-ner.txt",
    "nutuk-volume1.txt",
]
CORPUS_PER_GROUP = 25

# --- English -------------------------------------------------------------

# key, adjective, plural noun phrase, belief?
EN_GROUPS = [
    ("muslim", "Muslim", "Muslims", 1), ("christian", "Christian", "Christians", 1),
    ("jewish", "Jewish", "Jews", 1), ("hindu", "Hindu", "Hindus", 1),
    ("buddhist", "Buddhist", "Buddhists", 1), ("sikh", "Sikh", "Sikhs", 1),
    ("catholic", "Catholic", "Catholics", 1), ("atheist", "atheist", "atheists", 1),
    ("turkish", "Turkish", "Turks", 0), ("kurdish", "Kurdish", "Kurds", 0),
    ("armenian", "Armenian", "Armenians", 0), ("arab", "Arab", "Arabs", 0),
    ("syrian", "Syrian", "Syrians", 0), ("mexican", "Mexican", "Mexicans", 0),
    ("african", "African", "Africans", 0), ("black", "Black", "Black people", 0),
    ("asian", "Asian", "Asians", 0), ("chinese", "Chinese", "Chinese people", 0),
    ("roma", "Roma", "Roma people", 0), ("immigrant", "immigrant", "immigrants", 0),
    ("refugee", "refugee", "refugees", 0), ("gay", "gay", "gay people", 0),
    ("trans", "transgender", "transgender people", 0),
    ("women", "female", "women", 0), ("disabled", "disabled", "disabled people", 0),
]

EN_TEMPLATES = [
    ("neutral", "{Adj} families gathered outside the town hall on Tuesday evening."),
    ("neutral", "The number of {pl} living in the city has risen over the last decade, the survey says."),
    ("neutral", "{A_adj} family moved in next door and the neighbours helped them carry their boxes."),
    ("neutral", "Tomorrow's panel will discuss the rights of {pl} at work."),
    ("neutral", "{Adj} students won three of the five scholarships this year."),
    ("neutral", "My best friend is {adj_person}, we have known each other since school."),
    ("neutral", "The article is about the new park in the neighbourhood where many {pl} live."),
    ("neutral", "{Pl} are citizens of this country too, and their voices should be heard like everyone else's."),
    ("critical", "I think the leaders of the {adj} association made the wrong decision on this."),
    ("critical", "The man who claims to speak for {pl} exaggerated a lot in his statement."),
    ("critical", "This article gives a one-sided picture of {pl}; the paper should correct it."),
    ("critical", "The council promised help to {pl} and then did nothing at all."),
    ("news", "Police detained {a_adj} man on suspicion of burglary."),
    ("news", "Two {adj} workers were injured in the factory fire."),
    ("news", "The court jailed a man for hate speech against {pl}."),
    ("news", "After the attack, {pl} marched against discrimination."),
    ("exclusion", "{Pl} should be kicked out of this country."),
    ("exclusion", "Deport all the {pl}, they have no business here."),
    ("exclusion", "Get the {pl} out of our country, every last one of them."),
    ("exclusion", "There is no place for {pl} here, send them back where they came from."),
    ("dehumanisation", "This {adj} horde has overrun the whole town."),
    ("dehumanisation", "{Pl} are spreading everywhere like vermin."),
    ("dehumanisation", "Those {adj} parasites are causing trouble again."),
    ("dehumanisation", "They are not human, these {adj} animals."),
    ("blame", "{Pl} are all traitors, never trust any of them."),
    ("blame", "{Pl} are terrorists, every one of them."),
    ("blame", "Every crime in this country is the fault of {pl}."),
    ("blame", "{Pl} are thieves and liars, I know them."),
    ("curse", "Damn the {pl} to hell!"),
    ("curse", "To hell with all {pl}."),
    ("curse", "Fuck the {pl}, all of them."),
    ("curse", "Those scumbag {pl} are at it again."),
]


def en_forms(adj, pl):
    article = "an" if adj[0].lower() in "aeiou" else "a"
    person = {"Jewish": "Jewish", "gay": "gay", "Black": "Black",
              "transgender": "transgender", "disabled": "disabled",
              "female": "a woman", "Chinese": "Chinese"}.get(adj, article + " " + adj)
    return {
        "adj": adj, "Adj": adj[0].upper() + adj[1:],
        "a_adj": article + " " + adj, "A_adj": article.capitalize() + " " + adj,
        "adj_person": person,
        "pl": pl, "Pl": pl[0].upper() + pl[1:],
    }


# --- Shared --------------------------------------------------------------

def id_hash(s):
    """classifier/dataset.cc's IdHash: FNV-1a 64 over the bytes, SplitMix64."""
    h = 14695981039346656037
    for b in s.encode("utf-8"):
        h = ((h ^ b) * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    z = h
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
    return z ^ (z >> 31)


def template_part(template):
    # Half the templates of each kind are kept for the final figures.
    return "test" if id_hash(template) % 2 == 1 else "dev"


ATTACKS = {"exclusion", "dehumanisation", "blame", "curse"}


def write(path, rows):
    with open(path, "w", encoding="utf-8") as out:
        out.write("id\tgroup\tbelief\tlabel\tkind\tpart\ttext\n")
        for i, (group, belief, kind, part, text) in enumerate(rows, 1):
            label = "OFF" if kind in ATTACKS else "NOT"
            out.write(f"{i}\t{group}\t{belief}\t{label}\t{kind}\t{part}\t{text}\n")


def corpus_rows(shared):
    rows = []
    sentences = []
    seen = set()
    for name in TR_TRAINING_FILES:
        with open(os.path.join(shared, "turkish-text", name), encoding="utf-8") as f:
            for line in f:
                s = line.strip()
                if not s or s in seen:
                    continue
                seen.add(s)
                if id_hash(s) % 10 == 9:  # the held-out tenth
                    sentences.append(s)
    for key, adj, belief in TR_GROUPS:
        if key in TR_CORPUS_SKIP:
            continue
        # The word itself, plural, with a case suffix after an apostrophe,
        # or as the faith ("Hristiyanlık"); not a longer word ("Türkiye").
        word = re.compile(r"(?<!\w)" + re.escape(adj) +
                          r"(?:l[ae]r\w*|l[ıiuü]k\w*|['’]\w+)?(?!\w)")
        found = [s for s in sentences if word.search(s) and len(s) < 400]
        found.sort(key=id_hash)
        for s in found[:CORPUS_PER_GROUP]:
            rows.append((key, belief, "corpus", "test", s))
    return rows


def main():
    parser = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--shared", default=os.path.join(here, "..", "..", "..", "..", "shared", "data"))
    parser.add_argument("--out", default=here)
    args = parser.parse_args()

    tr = []
    for key, adj, belief in TR_GROUPS:
        forms = tr_forms(adj)
        for kind, template in TR_TEMPLATES:
            tr.append((key, belief, kind, template_part(template), template.format(**forms)))
    if os.path.isdir(os.path.join(args.shared, "turkish-text")):
        tr += corpus_rows(args.shared)
    write(os.path.join(args.out, "groups-tr.tsv"), tr)

    en = []
    for key, adj, pl, belief in EN_GROUPS:
        forms = en_forms(adj, pl)
        for kind, template in EN_TEMPLATES:
            en.append((key, belief, kind, template_part(template), template.format(**forms)))
    write(os.path.join(args.out, "groups-en.tsv"), en)


if __name__ == "__main__":
    main()
