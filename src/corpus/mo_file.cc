// The .mo layout: a magic number (which also tells the byte order), a
// revision, the number of strings N, and the offsets of two tables of N
// (length, offset) pairs, one for msgids and one for msgstrs.
//
// Tested by mo_file_test.cc.
#include "corpus/mo_file.h"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>

namespace newsroom::corpus {
namespace {

constexpr uint32_t kMagic = 0x950412de;
constexpr uint32_t kMagicSwapped = 0xde120495;

uint32_t Swap(uint32_t v) {
  return (v >> 24) | ((v >> 8) & 0xFF00) | ((v << 8) & 0xFF0000) | (v << 24);
}

}  // namespace

absl::StatusOr<std::vector<Message>> ParseMo(const std::string& bytes,
                                             const std::string& name) {
  auto bad = [&](const std::string& what) {
    return absl::InvalidArgumentError(name + ": not a valid .mo file: " + what);
  };
  if (bytes.size() < 20) return bad("too short");
  uint32_t magic;
  std::memcpy(&magic, bytes.data(), 4);
  bool swap = magic == kMagicSwapped;
  if (magic != kMagic && !swap) return bad("wrong magic number");
  auto word = [&](size_t at, uint32_t* out) {
    if (at + 4 > bytes.size()) return false;
    std::memcpy(out, bytes.data() + at, 4);
    if (swap) *out = Swap(*out);
    return true;
  };
  uint32_t n = 0, ids = 0, strs = 0;
  word(8, &n);
  word(12, &ids);
  word(16, &strs);
  auto str = [&](uint32_t table, uint32_t k, std::string* out) {
    uint32_t len = 0, off = 0;
    if (!word(table + 8ull * k, &len) || !word(table + 8ull * k + 4, &off)) {
      return false;
    }
    if (static_cast<uint64_t>(off) + len > bytes.size()) return false;
    out->assign(bytes.data() + off, len);
    return true;
  };
  std::vector<Message> messages;
  for (uint32_t k = 0; k < n; ++k) {
    Message m;
    if (!str(ids, k, &m.original) || !str(strs, k, &m.translation)) {
      return bad("entry " + std::to_string(k) + " points outside the file");
    }
    if (m.original.empty()) continue;  // header
    if (size_t eot = m.original.find('\x04'); eot != std::string::npos) {
      m.original.erase(0, eot + 1);  // msgctxt
    }
    for (char& c : m.translation) {
      if (c == '\0') c = '\n';
    }
    messages.push_back(std::move(m));
  }
  return messages;
}

absl::StatusOr<std::vector<Message>> ReadMoFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError("cannot open " + path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return ParseMo(buffer.str(), path);
}

}  // namespace newsroom::corpus
