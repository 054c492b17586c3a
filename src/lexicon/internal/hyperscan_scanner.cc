// The Hyperscan engine: the keys compiled as literals in block mode. A
// Hyperscan database is immutable and shared; each scan needs a scratch
// region that only one thread may use at a time, so scratches are kept in a
// small pool (taken and returned under a mutex, grown on demand).
//
// Tested by literal_scanner_test.cc.
#include "lexicon/internal/literal_scanner.h"

#ifdef NEWSROOM_HAVE_HYPERSCAN
#include <hs/hs.h>

#include <cstdlib>
#include <mutex>
#endif

namespace newsroom::lexicon::internal {

#ifdef NEWSROOM_HAVE_HYPERSCAN
namespace {

class HyperscanScanner : public LiteralScanner {
 public:
  HyperscanScanner(hs_database_t* db, hs_scratch_t* prototype)
      : db_(db), prototype_(prototype) {}
  ~HyperscanScanner() override {
    for (hs_scratch_t* s : pool_) hs_free_scratch(s);
    hs_free_scratch(prototype_);
    hs_free_database(db_);
  }

  void Scan(std::string_view text, std::vector<Hit>* hits) const override {
    hs_scratch_t* scratch = Take();
    hs_scan(db_, text.data(), static_cast<unsigned>(text.size()), 0, scratch,
            &HyperscanScanner::OnMatch, hits);
    Give(scratch);
  }

  size_t MemoryBytes() const override {
    size_t db = 0, scratch = 0;
    hs_database_size(db_, &db);
    hs_scratch_size(prototype_, &scratch);
    return db + scratch;
  }
  const char* Name() const override { return "hyperscan"; }

 private:
  static int OnMatch(unsigned int id, unsigned long long /*from*/,
                     unsigned long long to, unsigned int /*flags*/,
                     void* context) {
    static_cast<std::vector<Hit>*>(context)->push_back(
        {static_cast<int>(id), static_cast<int>(to)});
    return 0;
  }

  hs_scratch_t* Take() const {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!pool_.empty()) {
        hs_scratch_t* s = pool_.back();
        pool_.pop_back();
        return s;
      }
    }
    hs_scratch_t* s = nullptr;
    if (hs_clone_scratch(prototype_, &s) != HS_SUCCESS) abort();
    return s;
  }
  void Give(hs_scratch_t* s) const {
    std::lock_guard<std::mutex> lock(mu_);
    pool_.push_back(s);
  }

  hs_database_t* db_;
  hs_scratch_t* prototype_;
  mutable std::mutex mu_;
  mutable std::vector<hs_scratch_t*> pool_;
};

}  // namespace

bool HaveHyperscan() { return true; }

absl::StatusOr<std::unique_ptr<LiteralScanner>> BuildHyperscan(
    const std::vector<std::string>& keys) {
  if (hs_valid_platform() != HS_SUCCESS) {
    return absl::InternalError("Hyperscan: this CPU lacks SSSE3");
  }
  std::vector<const char*> expressions;
  std::vector<size_t> lengths;
  std::vector<unsigned> flags(keys.size(), 0);
  std::vector<unsigned> ids;
  for (size_t i = 0; i < keys.size(); ++i) {
    expressions.push_back(keys[i].data());
    lengths.push_back(keys[i].size());
    ids.push_back(static_cast<unsigned>(i));
  }
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_compile_lit_multi(expressions.data(), flags.data(), ids.data(),
                           lengths.data(), static_cast<unsigned>(keys.size()),
                           HS_MODE_BLOCK, nullptr, &db, &error) != HS_SUCCESS) {
    std::string message = "Hyperscan: ";
    message += error != nullptr ? error->message : "compile failed";
    hs_free_compile_error(error);
    return absl::InternalError(message);
  }
  hs_scratch_t* scratch = nullptr;
  if (hs_alloc_scratch(db, &scratch) != HS_SUCCESS) {
    hs_free_database(db);
    return absl::InternalError("Hyperscan: cannot allocate scratch");
  }
  return std::unique_ptr<LiteralScanner>(new HyperscanScanner(db, scratch));
}

#else

bool HaveHyperscan() { return false; }

absl::StatusOr<std::unique_ptr<LiteralScanner>> BuildHyperscan(
    const std::vector<std::string>&) {
  return absl::UnimplementedError(
      "this build has no Hyperscan (install libhyperscan-dev and rebuild)");
}

#endif

}  // namespace newsroom::lexicon::internal
