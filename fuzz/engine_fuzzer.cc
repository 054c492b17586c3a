// libFuzzer target: arbitrary bytes as a comment, through the whole engine.
//
// The engine must never crash, and whatever it returns must hold together:
// either an InvalidArgument error, or a verdict whose scores are in [0, 1],
// whose spans lie inside the text, and whose fixes are valid UTF-8.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "moderation/engine.h"
#include "text/utf8.h"

namespace {

const newsroom::moderation::Engine& TheEngine() {
  static const newsroom::moderation::Engine* engine = [] {
    newsroom::moderation::EngineOptions options;
    options.turkish.instances = 1;
    options.english.instances = 1;
    auto built = newsroom::moderation::Engine::Build(options);
    if (!built.ok()) {
      std::fprintf(stderr, "engine: %s\n",
                   std::string(built.status().message()).c_str());
      std::abort();
    }
    return built->release();
  }();
  return *engine;
}

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
  }
}

}  // namespace

// Builds the engine and lets it load what it loads lazily (the spelling
// checker's word forms) before the first input, so that libFuzzer's
// per-input timeout measures moderation, not start-up.
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  (void)TheEngine().Moderate("Çok güzel bir haber olmuş, teşekkürler.");
  (void)TheEngine().Moderate("A very good article, thank you.");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto verdict = TheEngine().Moderate(input);
  if (!verdict.ok()) {
    Check(verdict.status().code() == absl::StatusCode::kInvalidArgument,
          "errors are InvalidArgument");
    return 0;
  }
  Check(newsroom::text::ValidateUtf8(input).ok(), "accepted text is UTF-8");
  int length = newsroom::text::CodePointCount(input);
  for (const auto& f : verdict->findings) {
    Check(f.score >= 0 && f.score <= 1, "score in [0,1]");
    for (const auto& s : f.spans) {
      Check(s.start >= 0 && s.start < s.end && s.end <= length,
            "span inside the text");
    }
    if (f.fix.has_value()) {
      Check(newsroom::text::ValidateUtf8(*f.fix).ok(), "fix is UTF-8");
    }
  }
  return 0;
}
