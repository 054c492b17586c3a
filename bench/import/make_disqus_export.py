#!/usr/bin/env python3
"""Writes a Disqus export (the XML of Disqus's "Comments Export") of a
made-up Turkish news site, for the import benchmark (BENCHMARKS.md).

    bench/import/make_disqus_export.py --comments 100000 --seed 1 \\
        --out /tmp/import/disqus-100k.xml

Deterministic: the same --comments and --seed give the same bytes. The
shape is Disqus's: a category, every <thread> (one per article, and a fifth
more that were viewed but never commented on), then every <post> in the
order they were written, replies after their parents, about a third of the
posts replies, some nested several deep, 3 % deleted, 2 % spam. Bodies are
HTML as Disqus stores it (<p>, <br>, <b>, links, character references)
built from the Turkish and English sentences below, written for this
benchmark, with some comments in capitals or typed without Turkish letters
so that the engine's rules have work to do.
"""

import argparse
import random
import sys
from datetime import datetime, timedelta, timezone
from xml.sax.saxutils import escape

TURKISH = [
    "Vapur seferlerinin artması Kadıköy'de yaşayanlar için çok iyi oldu.",
    "Belediyenin bu kararı bence çok yanlış, vatandaşa sorulmalıydı.",
    "Haber için teşekkürler, konuyu ilk kez bu kadar açık okudum.",
    "Köprünün bakımı planlanandan erken bitmiş, emeği geçenlere teşekkürler.",
    "Kira artışları artık maaşlarla kıyaslanamayacak kadar yükseldi.",
    "Sabah metrobüste yer bulmak neredeyse imkânsız hale geldi.",
    "Deprem hazırlığı konusunda hâlâ yeterince şey yapılmıyor.",
    "Okulların yeniden açılması çocuklar için sevindirici bir gelişme.",
    "Fiyatlar her hafta değişiyor, pazara gitmek bile zorlaştı.",
    "Bu konuda uzmanların görüşüne de yer verilse daha iyi olurdu.",
    "Yağmur suyu kanalları temizlenmezse aynı sel yine yaşanır.",
    "Takımın bu sezonki performansı taraftarı gerçekten üzdü.",
    "Yeni kütüphane mahallenin gençleri için harika bir fırsat.",
    "Haberde geçen rakamlar resmî açıklamayla uyuşmuyor gibi.",
    "Trafik ışıklarının süresi yeniden ayarlanmalı, kavşak kilitleniyor.",
    "Bisiklet yolları genişletilirse daha çok insan bisiklete biner.",
    "Hastane randevusu almak için haftalarca beklemek zorunda kaldım.",
    "Festival çok güzeldi, gelecek yıl da düzenlenmesini umuyorum.",
    "Sahil düzenlemesi bitince semt bambaşka bir yere dönüşecek.",
    "Açıklama yapan yetkilinin adı haberde neden yazmıyor?",
    "Köyümüze hâlâ düzgün bir yol yapılmadı, sesimizi duyurun lütfen.",
    "Elektrik faturaları bu kış aile bütçesini çok zorlayacak.",
    "Öğretmenlerin emeği her zaman takdiri hak ediyor.",
    "Bu haberi paylaşan herkes önce kaynağa baksın bence.",
    "Çarşıdaki esnaf da bu kararın geri alınmasını istiyor.",
    "Gece seferlerinin kaldırılması vardiyalı çalışanları mağdur eder.",
    "Müzenin yeniden açılmasına çok sevindim, hemen gideceğim.",
    "Otopark ücretleri yüzde elli artmış, bu kabul edilemez.",
    "Şehir hatlarının yeni gemileri hem sessiz hem de temiz.",
    "Umarım bu sefer verilen sözler tutulur.",
]

ENGLISH = [
    "Great to see the ferry line finally running on weekends.",
    "The article leaves out what the council actually voted on.",
    "Rents in the city have doubled in two years, this is not sustainable.",
    "Thanks for the clear explanation of the new rules.",
    "I took the new metro line this morning and it was packed.",
    "The figures quoted here do not match the official report.",
    "Good news for commuters, but the timetable is still confusing.",
    "Why is there no mention of the residents who opposed the plan?",
    "The museum reopening is the best news I have read this week.",
    "Parking fees went up by half overnight, which is absurd.",
    "Please cover the flooding in the outer districts as well.",
    "The new library is a real gift to the neighbourhood.",
    "I hope the promises made this time are actually kept.",
    "Cycling lanes would take a lot of cars off the road.",
    "Teachers deserve far more support than they are getting.",
]

# Typed in capitals, or without Turkish letters: the engine holds or
# refuses these.
SHOUTED = [
    "BU HABER TAMAMEN YALAN, KİMSE İNANMASIN!",
    "YETER ARTIK BU ZAMLARDAN BIKTIK",
]
FOLDED = [
    "cok guzel bir haber olmus, tesekkurler",
    "bu karar hic dogru degil bence",
    "vapur seferleri cok iyi oldu ama aksam seferleri az",
]
RUDE = ["Sen tam bir aptalsın, haberi okumadan yorum yapıyorsun."]

FIRST = ["Ayşe", "Mehmet", "Zeynep", "Çağrı", "Elif", "Mustafa", "Gülşen",
         "Özgür", "Şule", "İbrahim", "Ömer", "Hülya", "Can", "Deniz",
         "Emma", "James", "Zoë", "Lucas", "Sophie", "Noah"]
LAST = ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın",
        "Arslan", "Doğan", "Kılıç", "Smith", "Jones", "Brown", "Müller"]

WORDS = ["vapur", "hatti", "kopru", "belediye", "kira", "metro", "deprem",
         "okul", "pazar", "sel", "takim", "kutuphane", "trafik", "bisiklet",
         "hastane", "festival", "sahil", "elektrik", "ogretmen", "esnaf",
         "muze", "otopark", "secim", "butce", "yangin", "liman"]
TITLE_WORDS = ["Kadıköy'de", "yeni", "vapur", "hattı", "köprü", "belediye",
               "kira", "artışı", "metro", "deprem", "hazırlığı", "okullar",
               "açıldı", "sel", "baskını", "festival", "sahil", "düzenlemesi",
               "müze", "otopark", "zammı", "seçim", "sonuçları"]


def sentence(rng, english):
    if english:
        return rng.choice(ENGLISH)
    r = rng.random()
    if r < 0.04:
        return rng.choice(SHOUTED)
    if r < 0.10:
        return rng.choice(FOLDED)
    if r < 0.11:
        return rng.choice(RUDE)
    return rng.choice(TURKISH)


def body(rng):
    """A comment as Disqus stores it: HTML paragraphs, in Turkish (seven
    in ten) or English."""
    english = rng.random() < 0.3
    paragraphs = []
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
        parts = [escape(sentence(rng, english))
                 for _ in range(rng.choice([1, 1, 2, 3]))]
        text = " ".join(parts)
        r = rng.random()
        if r < 0.10:
            text = text.replace(" ", "<br>", 1)
        elif r < 0.18:
            words = text.split(" ")
            i = rng.randrange(len(words))
            words[i] = "<b>" + words[i] + "</b>"
            text = " ".join(words)
        elif r < 0.22:
            text += (' Kaynak: <a href="https://disq.us/url?url=https%3A%2F%2F'
                     'haber.example.com%2Farsiv&amp;cuid=1" rel="nofollow '
                     'noopener" title="https://haber.example.com/arsiv">'
                     'haber.example.com/arsiv</a>')
        elif r < 0.25:
            text += " &#128077;"
        paragraphs.append("<p>" + text + "</p>")
    return "".join(paragraphs)


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--comments", type=int, default=100000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default="-")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    out = sys.stdout if args.out == "-" else open(args.out, "w",
                                                   encoding="utf-8")
    w = out.write

    n_threads = max(1, args.comments // 80)
    start = datetime(2015, 1, 1, tzinfo=timezone.utc)
    span = (datetime(2024, 12, 31, tzinfo=timezone.utc) - start).total_seconds()

    w('<?xml version="1.0" encoding="utf-8"?>\n')
    w('<disqus xmlns="http://disqus.com" '
      'xmlns:dsq="http://disqus.com/disqus-internals" '
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
      'xsi:schemaLocation="http://disqus.com/api/schemas/1.0/disqus.xsd '
      'http://disqus.com/api/schemas/1.0/disqus-internals.xsd">\n')
    w('  <category dsq:id="1">\n    <forum>haberexample</forum>\n'
      '    <title>General</title>\n    <isDefault>true</isDefault>\n'
      '  </category>\n')

    # Threads: those with comments, and a fifth more without.
    thread_times = []
    for t in range(n_threads + n_threads // 5):
        tid = 5000000 + t
        when = start + timedelta(seconds=rng.random() * span)
        thread_times.append(when)
        slug = "-".join(rng.choice(WORDS) for _ in range(rng.randint(3, 6)))
        title = " ".join(rng.choice(TITLE_WORDS) for _ in range(rng.randint(3, 7)))
        title = title[0].upper() + title[1:]
        w(f'  <thread dsq:id="{tid}">\n    <id>haber-{t}</id>\n'
          f'    <forum>haberexample</forum>\n    <category dsq:id="1" />\n'
          f'    <link>https://haber.example.com/{when:%Y/%m}/{slug}-{t}/</link>\n'
          f'    <title>{escape(title)}</title>\n    <message />\n'
          f'    <createdAt>{iso(when)}</createdAt>\n'
          f'    <author>\n      <name>Haber Masası</name>\n'
          f'      <isAnonymous>false</isAnonymous>\n'
          f'      <username>habermasasi</username>\n    </author>\n'
          f'    <ipAddress>192.0.2.1</ipAddress>\n'
          f'    <isClosed>false</isClosed>\n'
          f'    <isDeleted>false</isDeleted>\n  </thread>\n')

    # Posts, in the order they were written. Threads get comments by a
    # skewed choice (a few articles draw most of them); a third of the
    # posts answer one of the last posts of their thread.
    recent = [[] for _ in range(n_threads)]
    clock = [thread_times[t] for t in range(n_threads)]
    for p in range(args.comments):
        t = min(int(rng.paretovariate(1.2)) - 1, n_threads - 1)
        t = (t * 7919 + p % 3) % n_threads if rng.random() < 0.5 else t
        clock[t] += timedelta(seconds=rng.randint(30, 7200))
        pid = 900000000 + p
        parent = None
        if recent[t] and rng.random() < 0.35:
            parent = rng.choice(recent[t][-8:])
        recent[t].append(pid)
        if len(recent[t]) > 64:
            del recent[t][:32]
        first = rng.choice(FIRST)
        name = first + " " + rng.choice(LAST)[0] + "."
        r = rng.random()
        deleted = "true" if r < 0.03 else "false"
        spam = "true" if 0.03 <= r < 0.05 else "false"
        w(f'  <post dsq:id="{pid}">\n    <id />\n'
          f'    <message><![CDATA[{body(rng)}]]></message>\n'
          f'    <createdAt>{iso(clock[t])}</createdAt>\n'
          f'    <isDeleted>{deleted}</isDeleted>\n'
          f'    <isSpam>{spam}</isSpam>\n'
          f'    <author>\n      <email>okur{p}@example.com</email>\n'
          f'      <name>{escape(name)}</name>\n'
          f'      <isAnonymous>false</isAnonymous>\n'
          f'      <username>okur{p}</username>\n    </author>\n'
          f'    <ipAddress>192.0.2.{p % 250 + 1}</ipAddress>\n'
          f'    <thread dsq:id="{5000000 + t}" />\n')
        if parent is not None:
            w(f'    <parent dsq:id="{parent}" />\n')
        w('  </post>\n')
    w('</disqus>\n')
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
