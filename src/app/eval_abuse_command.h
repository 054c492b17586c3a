// `newsroom eval --data FILE[:SPLIT] …`: the abuse rules through the whole
// engine on several data sets at once, in one table.
//
//   newsroom eval --data offenseval-tr-training-v1.tsv:dev
//                 --data ../shared/data/turkish-text/ntrex-news.txt
//                 --data data/eval/groups-tr.tsv      (one command line)
//
// Each file is read by classifier::ReadExamples (OffensEval, OLID,
// Davidson, group sets, plain clean sentences); SPLIT is train, dev, test
// or all (default: --split for labelled tweets, all for clean sentences
// and group sets).
#ifndef NEWSROOM_APP_EVAL_ABUSE_COMMAND_H_
#define NEWSROOM_APP_EVAL_ABUSE_COMMAND_H_

#include <string>
#include <vector>

namespace newsroom::app {

struct EvalAbuseFlags {
  std::vector<std::string> data;  // FILE[:SPLIT]
  std::string split = "dev";      // default for labelled tweets
  std::string policy;             // empty: built-in defaults
  std::string lang;               // "", "tr" or "en": the client's hint
  std::string scores;             // per-comment scores TSV, or empty
  bool violated_only = false;
};

// Runs the evaluation and prints the tables and one JSON line. Returns the
// process exit code (2 for unreadable data or a bad flag).
int RunEvalAbuse(const EvalAbuseFlags& flags);

}  // namespace newsroom::app

#endif  // NEWSROOM_APP_EVAL_ABUSE_COMMAND_H_
