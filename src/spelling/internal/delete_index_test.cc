#include "spelling/internal/delete_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "spelling/internal/letters.h"

namespace newsroom::spelling::internal {
namespace {

bool Finds(const DeleteIndex& index, std::u32string_view q, uint32_t id,
           int deletes = 1) {
  std::vector<uint32_t> ids;
  index.Candidates(q, deletes, &ids);
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

TEST(DeleteIndexTest, FindsWordsOneTypoAway) {
  DeleteIndex index({U"bilgisayar", U"haber", U"ışık", U"kalem"});
  EXPECT_TRUE(Finds(index, U"bilgisyar", 0));  // deletion
  EXPECT_TRUE(Finds(index, U"habper", 1));     // insertion
  EXPECT_TRUE(Finds(index, U"hbaer", 1));      // swap
  EXPECT_TRUE(Finds(index, U"habar", 1));      // substitution
  EXPECT_TRUE(Finds(index, U"isik", 2));       // ı/i and ş/s are free
  EXPECT_FALSE(Finds(index, U"kitap", 3));
  EXPECT_FALSE(Finds(index, U"hbr", 1));  // two letters missing
}

TEST(DeleteIndexTest, TwoQueryDeletesReachTwoExtraLetters) {
  DeleteIndex index({U"haber"});
  EXPECT_FALSE(Finds(index, U"habberrr", 0, 1));
  EXPECT_TRUE(Finds(index, U"hazbeer", 0, 2));
}

// The index as it once was, built from strings: every distinct form with
// up to `depth` letters deleted, depth first, and the words whose folded
// form or one-deletion form it is, in increasing id order.
void Reference(const std::vector<std::u32string>& words,
               std::u32string_view query, int depth,
               std::vector<uint32_t>* ids) {
  auto folded = [](std::u32string_view s) {
    std::u32string out(s);
    for (char32_t& c : out) c = Fold(c);
    return out;
  };
  std::set<std::u32string> seen;
  std::function<void(const std::u32string&, int)> visit =
      [&](const std::u32string& form, int left) {
        if (!seen.insert(form).second) return;
        for (uint32_t id = 0; id < words.size(); ++id) {
          std::u32string w = folded(words[id]);
          bool match = w == form;
          for (size_t i = 0; i < w.size() && !match && w.size() > 1; ++i) {
            match = w.substr(0, i) + w.substr(i + 1) == form;
          }
          if (match && std::find(ids->begin(), ids->end(), id) == ids->end()) {
            ids->push_back(id);
          }
        }
        if (left == 0 || form.size() <= 1) return;
        for (size_t i = 0; i < form.size(); ++i) {
          if (i > 0 && form[i] == form[i - 1]) continue;
          visit(form.substr(0, i) + form.substr(i + 1), left - 1);
        }
      };
  visit(folded(query), depth);
}

TEST(DeleteIndexTest, CandidatesInTheOrderOfTheStringTraversal) {
  const std::vector<std::u32string> words = {
      U"haber", U"habere", U"haberler", U"hber", U"aber", U"hab",
      U"ışık",  U"isik",   U"kalem",    U"kale", U"ale",  U"kl",
      U"a",     U"ab",     U"abba",     U"aaa",  U"bab",  U"baba"};
  const DeleteIndex index(words);
  const std::u32string queries[] = {U"haber",    U"hbaer", U"haberr", U"habeer",
                                    U"kalemler", U"ışk",   U"kael",   U"abab",
                                    U"aa",       U"a",     U"",       U"xyz",
                                    U"baaba",    U"kalee", U"hhaber"};
  for (const std::u32string& q : queries) {
    for (int depth : {0, 1, 2}) {
      std::vector<uint32_t> got, want;
      index.Candidates(q, depth, &got);
      Reference(words, q, depth, &want);
      EXPECT_EQ(got, want) << "query " << q.size() << " letters, depth "
                           << depth;
    }
  }
}

TEST(DeleteIndexTest, KeepsIdsAlreadyPresentAndAddsNoDuplicates) {
  DeleteIndex index({U"haber", U"haberler", U"habr"});
  std::vector<uint32_t> ids = {2};
  index.Candidates(U"haber", 2, &ids);
  EXPECT_EQ(ids, (std::vector<uint32_t>{2, 0}));
}

TEST(DeleteIndexTest, EmptyIndexFindsNothing) {
  DeleteIndex index({});
  std::vector<uint32_t> ids;
  index.Candidates(U"haber", 2, &ids);
  EXPECT_TRUE(ids.empty());
  EXPECT_EQ(index.size(), 0u);
}

}  // namespace
}  // namespace newsroom::spelling::internal
