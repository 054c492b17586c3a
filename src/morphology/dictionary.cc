// Hunspell pool. A call first tries every slot without blocking, starting
// from a slot chosen by the calling thread, and only then waits on its own
// slot; with one instance per hardware thread a wait is rare.
//
// Tested by dictionary_test.cc.
#include "morphology/dictionary.h"

#include <hunspell/hunspell.hxx>

#include <filesystem>
#include <functional>
#include <thread>

#include "absl/hash/hash.h"
#include "absl/strings/str_cat.h"

namespace newsroom::morphology {

Dictionary::Options Dictionary::Options::Turkish() {
  return {"/usr/share/hunspell/tr_TR.aff", "/usr/share/hunspell/tr_TR.dic", 0};
}

Dictionary::Options Dictionary::Options::English() {
  return {"/usr/share/hunspell/en_US.aff", "/usr/share/hunspell/en_US.dic", 0};
}

Dictionary::Options Dictionary::Options::British() {
  return {"/usr/share/hunspell/en_GB.aff", "/usr/share/hunspell/en_GB.dic", 0};
}

absl::StatusOr<std::unique_ptr<const Dictionary>> Dictionary::Load(
    const Options& options) {
  for (const std::string& path : {options.aff_path, options.dic_path}) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
      return absl::NotFoundError(absl::StrCat(
          "Hunspell dictionary file not found: ", path,
          " (Debian packages hunspell-tr, hunspell-en-us and "
          "hunspell-en-gb ship them; scripts/install-deps.sh installs "
          "them)"));
    }
  }
  int n = options.instances;
  if (n <= 0) n = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::unique_ptr<Slot>> slots;
  for (int i = 0; i < n; ++i) {
    auto slot = std::make_unique<Slot>();
    slot->hunspell = std::make_unique<Hunspell>(options.aff_path.c_str(),
                                                options.dic_path.c_str());
    slots.push_back(std::move(slot));
  }
  return std::unique_ptr<const Dictionary>(
      new Dictionary(std::move(slots), options.cache_entries));
}

Dictionary::Dictionary(std::vector<std::unique_ptr<Slot>> slots,
                       int cache_entries)
    : slots_(std::move(slots)) {
  if (cache_entries > 0) {
    spelled_ = std::make_unique<cache::ResultCache<bool>>(cache_entries);
  }
}

Dictionary::~Dictionary() = default;

template <typename Fn>
auto Dictionary::WithInstance(Fn fn) const {
  size_t n = slots_.size();
  size_t first =
      std::hash<std::thread::id>{}(std::this_thread::get_id()) % n;
  for (size_t k = 0; k < n; ++k) {
    Slot& slot = *slots_[(first + k) % n];
    std::unique_lock<std::mutex> lock(slot.mu, std::try_to_lock);
    if (lock.owns_lock()) return fn(*slot.hunspell);
  }
  Slot& slot = *slots_[first];
  std::lock_guard<std::mutex> lock(slot.mu);
  return fn(*slot.hunspell);
}

bool Dictionary::Spell(std::string_view word) const {
  if (word.empty()) return false;
  uint64_t key = 0;
  bool known = false;
  if (spelled_ != nullptr) {
    key = absl::HashOf(absl::string_view(word.data(), word.size()));
    if (spelled_->Get(key, &known)) return known;
  }
  std::string w(word);
  known = WithInstance([&](Hunspell& h) { return h.spell(w); });
  if (spelled_ != nullptr) spelled_->Put(key, known);
  return known;
}

std::vector<std::string> Dictionary::Stems(std::string_view word) const {
  std::string w(word);
  return WithInstance([&](Hunspell& h) { return h.stem(w); });
}

}  // namespace newsroom::morphology
