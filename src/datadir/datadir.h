// Where Newsroom's data directory is: the models, word lists, lexicons and
// demo site the engine and the site load, and the built browser assets
// (the repository's data/, installed as /usr/share/newsroom).
//
//   datadir::Set(flag_value);  // `newsroom --data-dir DIR …`, at start
//   std::string model = datadir::Get() + "/models/offensive.model";
//
// Nothing is compiled in. Until Set() is called, Get() is the first of:
//   1. the environment variable NEWSROOM_DATA_DIR (how ctest points the
//      unit tests at the repository's data/);
//   2. `data` beside the running binary, or beside the folder it is in
//      (a build tree has build/data, a link to the repository's data/,
//      for build/newsroom and build/bench/…);
//   3. share/newsroom of the install prefix the binary runs from
//      (/usr/bin/newsroom → /usr/share/newsroom);
//   4. /usr/share/newsroom.
// A folder counts when it exists; when none does, Get() is the last, and
// the first file opened from it reports what is missing. Found() says
// whether the directory exists, for a clear error at start.
//
// Thread-safety: call Set() before other threads start; Get() from any
// thread.
#ifndef NEWSROOM_DATADIR_DATADIR_H_
#define NEWSROOM_DATADIR_DATADIR_H_

#include <string>

namespace newsroom::datadir {

// Uses `dir` from now on (a trailing '/' is dropped).
void Set(const std::string& dir);
// The data directory, without a trailing '/'.
std::string Get();
// True when Get() is an existing directory.
bool Found();

}  // namespace newsroom::datadir

#endif  // NEWSROOM_DATADIR_DATADIR_H_
