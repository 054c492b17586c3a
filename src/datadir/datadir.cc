// Finding the data directory at run time. A binary built from one checkout
// and run from another place (a package, a container, a copy on a server)
// must not read the build machine's source tree, so no path is compiled
// in: the operator says where (--data-dir), or the binary looks where an
// installation puts it, relative to itself first.
//
// Tested by datadir_test.cc.
#include "datadir/datadir.h"

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <system_error>

namespace newsroom::datadir {
namespace {

std::mutex mu;
std::string* chosen = nullptr;  // guarded by mu

std::string WithoutTrailingSlash(std::string dir) {
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return dir;
}

bool IsDirectory(const std::filesystem::path& p) {
  std::error_code ec;
  return std::filesystem::is_directory(p, ec);
}

std::string Find() {
  if (const char* env = std::getenv("NEWSROOM_DATA_DIR");
      env != nullptr && *env != '\0') {
    return env;
  }
  std::error_code ec;
  std::filesystem::path exe =
      std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const std::filesystem::path bin = exe.parent_path();
    for (const std::filesystem::path& p :
         {bin / "data", bin.parent_path() / "data",
          bin.parent_path() / "share" / "newsroom"}) {
      if (IsDirectory(p)) return p.string();
    }
  }
  return "/usr/share/newsroom";
}

}  // namespace

void Set(const std::string& dir) {
  std::lock_guard<std::mutex> lock(mu);
  delete chosen;
  chosen = new std::string(WithoutTrailingSlash(dir));
}

std::string Get() {
  std::lock_guard<std::mutex> lock(mu);
  if (chosen == nullptr) chosen = new std::string(WithoutTrailingSlash(Find()));
  return *chosen;
}

bool Found() { return IsDirectory(Get()); }

}  // namespace newsroom::datadir
