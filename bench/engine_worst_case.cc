// The moderation engine's worst case: a fuzzer guided by time, not by
// coverage, that looks for the text within the policy's max_length that
// costs Engine::Moderate the most, and a timer for inputs already found.
//
//   taskset -c 0 build/bench/engine_worst_case --search=600
//       --out=/tmp/worst [--seed=1] [--keep=8]
//   taskset -c 0 build/bench/engine_worst_case
//       src/moderation/testdata/worst_case/*.txt
//
// Times are CPU time of the moderating thread (CLOCK_THREAD_CPUTIME_ID),
// the best of --repeat runs, so that other work on the machine does not
// count; the engine runs single-threaded here as it does per request.
//
// The search keeps a population of the slowest inputs found so far
// (--keep), starting from hand-made pathological seeds (very long words,
// hundreds of misspelt words, capitals, text typed without Turkish
// letters, separated and repeated letters, homoglyphs, emoji, combining
// marks, URLs, numbers) and from the files given on the command line.
// Each step takes one of them, mutates it (insert, duplicate, delete,
// replace or re-case a stretch, or splice two), cuts it to max_length code
// points, times it, and keeps it when it is slower than the fastest kept.
// libFuzzer is the wrong tool here: its feedback is coverage, and its slow
// input report counts whole seconds. At the end the kept inputs are
// written to --out, slowest first, one file each (worst-01.txt, …), with a
// summary line per file on stdout.
//
// Without --search, every FILE is timed and reported (ms and code
// points), slowest first; the exit status is 1 when one takes longer than
// --limit_ms (default 10), so the command can stand in a release check.
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "moderation/engine.h"
#include "text/utf8.h"

namespace {

using newsroom::moderation::Engine;

double ThreadCpuMs() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

// Best of `repeat` runs, in CPU milliseconds.
double TimeIt(const Engine& engine, const std::string& text, int repeat) {
  double best = 1e300;
  for (int i = 0; i < repeat; ++i) {
    double start = ThreadCpuMs();
    auto verdict =
        engine.Moderate(text, std::nullopt, Engine::Suggestions::kAlways);
    double took = ThreadCpuMs() - start;
    (void)verdict;
    best = std::min(best, took);
  }
  return best;
}

std::vector<std::u32string> Pieces() {
  return {
      U"abcçdefgğhıijklmnoöprsştuüvyz",
      U"ABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZ",
      U"abcdefghijklmnopqrstuvwxyz",
      U"аеорсух",  // Cyrillic look-alikes
      U"0123456789",
      U" .,!?;:-'\"()@#/",
      U"\u0301\u0307\u0308\u200b\u200d\u00ad",  // combining, invisible
      U"😀🔥👍🏽🇹🇷",
  };
}

std::vector<std::string> Words() {
  return {
      "aptal",       "gerizekalı", "a.p.t.a.l", "aptaaaaal",
      "a p t a l",   "salak",      "orospu",    "çocuğu",
      "haber",       "güzel",      "cok",       "guzel",
      "tesekkurler", "BU",         "HABER",     "https://example.com/a/b?c=d",
      "@okur",       "#gündem",    "12.345,67", "idiot",
      "stupid",      "Allah",      "peygamber", "kuran",
      "bilgisyar",   "yazann",     "habr",      "ı̇",
      "İstanbul'da"};
}

std::string Utf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) newsroom::text::AppendCodePoint(c, &out);
  return out;
}

std::u32string Utf32(const std::string& s) {
  std::u32string out;
  size_t i = 0;
  while (i < s.size()) out.push_back(newsroom::text::NextCodePoint(s, &i));
  return out;
}

class Mutator {
 public:
  Mutator(uint64_t seed, int max_length)
      : rng_(seed), max_length_(max_length), pieces_(Pieces()) {
    for (const std::string& w : Words()) words_.push_back(Utf32(w));
  }

  std::u32string RandomRun(int length) {
    const std::u32string& alphabet = pieces_[Pick(pieces_.size())];
    std::u32string out;
    for (int i = 0; i < length; ++i)
      out.push_back(alphabet[Pick(alphabet.size())]);
    return out;
  }

  std::u32string RandomWords(int count) {
    std::u32string out;
    for (int i = 0; i < count; ++i) {
      if (!out.empty()) out.push_back(U' ');
      if (Pick(3) == 0) {
        out += words_[Pick(words_.size())];
      } else {
        out += RandomRun(1 + Pick(14));
      }
    }
    return out;
  }

  std::u32string Mutate(std::u32string s, const std::u32string& other) {
    const int op = Pick(7);
    const size_t at = s.empty() ? 0 : Pick(s.size() + 1);
    const size_t len =
        s.empty()
            ? 0
            : Pick(std::min<size_t>(s.size() - std::min(at, s.size()), 200) +
                   1);
    switch (op) {
      case 0:  // insert letters
        s.insert(at, RandomRun(1 + Pick(Pick(2) ? 20 : 2000)));
        break;
      case 1:  // insert words
        s.insert(at, RandomWords(1 + Pick(100)));
        break;
      case 2: {  // repeat a stretch
        std::u32string stretch = s.substr(at, std::max<size_t>(len, 1));
        int times = 1 + Pick(50);
        for (int i = 0; i < times; ++i) s.insert(at, stretch);
        break;
      }
      case 3:  // delete a stretch
        s.erase(at, len);
        break;
      case 4:  // replace a stretch
        s.replace(at, len, RandomRun(len));
        break;
      case 5:  // re-case a stretch (ASCII and Turkish dotted/dotless)
        for (size_t i = at; i < at + len && i < s.size(); ++i) {
          char32_t c = s[i];
          if (c >= U'a' && c <= U'z')
            s[i] = c - 32;
          else if (c >= U'A' && c <= U'Z')
            s[i] = c + 32;
          else if (c == U'i')
            s[i] = U'İ';
          else if (c == U'ı')
            s[i] = U'I';
        }
        break;
      default: {  // splice
        size_t from = other.empty() ? 0 : Pick(other.size());
        s.insert(at, other.substr(from, 1 + Pick(1000)));
        break;
      }
    }
    if (static_cast<int>(s.size()) > max_length_) s.resize(max_length_);
    if (s.empty()) s = U"a";
    return s;
  }

  size_t Pick(size_t n) {
    return n == 0 ? 0 : std::uniform_int_distribution<size_t>(0, n - 1)(rng_);
  }

 private:
  std::mt19937_64 rng_;
  int max_length_;
  std::vector<std::u32string> pieces_;
  std::vector<std::u32string> words_;
};

std::vector<std::u32string> Seeds(Mutator& m, int max_length) {
  std::vector<std::u32string> seeds;
  for (int length : {40, 100, 500, 2000, max_length}) {
    seeds.push_back(m.RandomRun(length));
  }
  seeds.push_back(std::u32string(max_length, U'a'));
  std::u32string separated;
  while (static_cast<int>(separated.size()) + 2 <= max_length) {
    separated += U"a ";
  }
  seeds.push_back(separated);
  for (int words : {50, 300, 700}) seeds.push_back(m.RandomWords(words));
  std::u32string caps;
  while (static_cast<int>(caps.size()) < max_length) caps += U"BU HABER YALAN ";
  seeds.push_back(caps.substr(0, max_length));
  std::u32string ascii;
  while (static_cast<int>(ascii.size()) < max_length) {
    ascii += U"cok guzel bir haber olmus tesekkurler ";
  }
  seeds.push_back(ascii.substr(0, max_length));
  return seeds;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Timed {
  double ms;
  std::u32string text;
};

int Search(const Engine& engine, int seconds, const std::string& out_dir,
           uint64_t seed, size_t keep, int repeat,
           const std::vector<std::string>& files) {
  const int max_length = engine.policy().max_length;
  Mutator m(seed, max_length);
  std::vector<Timed> population;
  auto consider = [&](std::u32string text) {
    double ms = TimeIt(engine, Utf8(text), repeat);
    if (population.size() < keep) {
      population.push_back({ms, std::move(text)});
    } else {
      auto fastest = std::min_element(
          population.begin(), population.end(),
          [](const Timed& a, const Timed& b) { return a.ms < b.ms; });
      if (ms <= fastest->ms) return;
      *fastest = {ms, std::move(text)};
    }
  };
  for (std::u32string& s : Seeds(m, max_length)) consider(std::move(s));
  for (const std::string& f : files) {
    std::string text = ReadFile(f);
    if (newsroom::text::ValidateUtf8(text).ok()) consider(Utf32(text));
  }
  const double deadline = ThreadCpuMs() + seconds * 1e3;
  long steps = 0;
  while (ThreadCpuMs() < deadline) {
    const Timed& parent = population[m.Pick(population.size())];
    const Timed& other = population[m.Pick(population.size())];
    consider(m.Mutate(parent.text, other.text));
    ++steps;
  }
  std::sort(population.begin(), population.end(),
            [](const Timed& a, const Timed& b) { return a.ms > b.ms; });
  std::printf("%ld inputs tried in %d s of CPU; the slowest kept:\n", steps,
              seconds);
  for (size_t i = 0; i < population.size(); ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "worst-%02zu.txt", i + 1);
    const std::string path = out_dir + "/" + name;
    std::ofstream(path, std::ios::binary) << Utf8(population[i].text);
    std::printf("  %s  %.2f ms  %zu code points\n", path.c_str(),
                population[i].ms, population[i].text.size());
  }
  return 0;
}

int TimeFiles(const Engine& engine, const std::vector<std::string>& files,
              int repeat, double limit_ms) {
  std::vector<std::pair<double, std::string>> times;
  for (const std::string& f : files) {
    std::string text = ReadFile(f);
    times.emplace_back(TimeIt(engine, text, repeat), f);
  }
  std::sort(times.rbegin(), times.rend());
  int over = 0;
  for (const auto& [ms, f] : times) {
    std::string text = ReadFile(f);
    int length = newsroom::text::ValidateUtf8(text).ok()
                     ? newsroom::text::CodePointCount(text)
                     : -1;
    std::printf("%8.2f ms  %5d code points  %s%s\n", ms, length, f.c_str(),
                ms > limit_ms ? "  OVER THE LIMIT" : "");
    over += ms > limit_ms;
  }
  return over > 0 ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  int search_seconds = 0;
  std::string out_dir = ".";
  uint64_t seed = 1;
  size_t keep = 8;
  int repeat = 3;
  double limit_ms = 10;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&](const char* flag) -> const char* {
      size_t n = std::strlen(flag);
      return a.compare(0, n, flag) == 0 ? argv[i] + n : nullptr;
    };
    if (const char* v = value("--search=")) {
      search_seconds = std::atoi(v);
    } else if (const char* v = value("--out=")) {
      out_dir = v;
    } else if (const char* v = value("--seed=")) {
      seed = std::strtoull(v, nullptr, 10);
    } else if (const char* v = value("--keep=")) {
      keep = std::max(1, std::atoi(v));
    } else if (const char* v = value("--repeat=")) {
      repeat = std::max(1, std::atoi(v));
    } else if (const char* v = value("--limit_ms=")) {
      limit_ms = std::atof(v);
    } else if (a.rfind("--", 0) == 0) {
      std::fprintf(stderr, "unknown flag %s\n", a.c_str());
      return 2;
    } else {
      files.push_back(a);
    }
  }
  newsroom::moderation::EngineOptions options;
  options.turkish.instances = 1;
  options.english.instances = 1;
  auto engine = Engine::Build(options);
  if (!engine.ok()) {
    std::fprintf(stderr, "engine: %s\n",
                 std::string(engine.status().message()).c_str());
    return 2;
  }
  // What the engine builds on first use is not part of any comment's cost.
  (*engine)->WarmUp();
  if (search_seconds > 0) {
    return Search(**engine, search_seconds, out_dir, seed, keep, repeat, files);
  }
  if (files.empty()) {
    std::fprintf(stderr,
                 "usage: engine_worst_case [--search=SECONDS --out=DIR] "
                 "[--limit_ms=10] [--repeat=3] FILE...\n");
    return 2;
  }
  return TimeFiles(**engine, files, repeat, limit_ms);
}
