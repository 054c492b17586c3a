// Tested through the commands that use it (eval and train), and the
// predicate's logic through corpus/shared_data_test.cc's fake.
#include "app/shared_data.h"

#include <memory>

#include "absl/container/flat_hash_map.h"
#include "text/turkish.h"
#include "text/utf8.h"

namespace newsroom::app {
namespace {

constexpr int kMaxLetters = 10;

bool LacksLetters(const morphology::Dictionary& turkish,
                  std::string_view word) {
  std::u32string letters;
  std::vector<size_t> ambiguous;
  for (unsigned char c : word) {
    if (c >= 0x80) return false;  // typed with other letters
    const char lower = (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
    if (text::TurkishCounterpart(lower) != 0)
      ambiguous.push_back(letters.size());
    letters.push_back(c);
  }
  if (ambiguous.empty() || ambiguous.size() > kMaxLetters) return false;
  if (turkish.Spell(word)) return false;
  for (uint32_t mask = 1; mask < (1u << ambiguous.size()); ++mask) {
    std::u32string w = letters;
    for (size_t k = 0; k < ambiguous.size(); ++k) {
      if (((mask >> k) & 1) == 0) continue;
      char32_t& c = w[ambiguous[k]];
      const bool upper = c >= 'A' && c <= 'Z';
      const char32_t turkish_letter = text::TurkishCounterpart(
          static_cast<char>(upper ? c + ('a' - 'A') : c));
      // Typed "I" with a Turkish letter is İ; typed "i" is ı.
      if (c == 'I') {
        c = U'İ';
      } else {
        c = upper ? text::ToUpperTrSimple(turkish_letter) : turkish_letter;
      }
    }
    if (turkish.Spell(text::ToUtf8(w))) return true;
  }
  return false;
}

}  // namespace

corpus::SharedDataOptions SharedData(const std::string& data_dir,
                                     const morphology::Dictionary* turkish) {
  corpus::SharedDataOptions options;
  options.data_dir = data_dir;
  if (turkish != nullptr) {
    auto cache = std::make_shared<absl::flat_hash_map<std::string, bool>>();
    options.lacks_letters = [turkish, cache](std::string_view word) {
      auto [it, inserted] = cache->try_emplace(std::string(word), false);
      if (inserted) it->second = LacksLetters(*turkish, word);
      return it->second;
    };
  }
  return options;
}

}  // namespace newsroom::app
