// Linked into every test binary (newsroom_test in CMakeLists.txt): the
// tests read the repository's data/ unless NEWSROOM_DATA_DIR already says
// where. Set before main(), so that it holds whether ctest runs the
// binary or a person does, and whatever environment ctest passes (its
// gtest_discover_tests keeps only the first of several variables).
#include <cstdlib>

namespace {

const bool kDataDirSet =
    setenv("NEWSROOM_DATA_DIR", NEWSROOM_SOURCE_DIR "/data", /*overwrite=*/0) ==
    0;

}  // namespace
