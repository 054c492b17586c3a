// Reader for GNU gettext message catalogues (.mo files), the form in which
// Debian ships translated user-interface strings.
//
//   absl::StatusOr<std::vector<Message>> m = ReadMoFile(path);
//   for (const Message& msg : *m) Use(msg.translation);
//
// Thread-safe (no shared state).
#ifndef NEWSROOM_CORPUS_MO_FILE_H_
#define NEWSROOM_CORPUS_MO_FILE_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace newsroom::corpus {

struct Message {
  std::string original;     // msgid (context, if any, stripped)
  std::string translation;  // msgstr; plural forms joined by '\n'
};

// Reads a .mo file. NotFound when it cannot be opened; InvalidArgument when
// it is not a .mo catalogue or an entry points outside the file. The header
// entry (empty msgid) is skipped.
absl::StatusOr<std::vector<Message>> ReadMoFile(const std::string& path);

// Parses the bytes of a .mo catalogue; errors as ReadMoFile.
absl::StatusOr<std::vector<Message>> ParseMo(const std::string& bytes,
                                             const std::string& name);

}  // namespace newsroom::corpus

#endif  // NEWSROOM_CORPUS_MO_FILE_H_
