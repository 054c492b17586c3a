#include "moderation/verdict.h"

namespace newsroom::moderation {

std::string_view DecisionName(Decision d) {
  switch (d) {
    case Decision::kApprove: return "approve";
    case Decision::kReview: return "review";
    case Decision::kReject: return "reject";
  }
  return "approve";
}

std::string_view ActionName(Action a) {
  return a == Action::kReject ? "reject" : "review";
}

const Finding* FindingFor(const Verdict& verdict, RuleId id) {
  for (const Finding& f : verdict.findings) {
    if (f.rule == id) return &f;
  }
  return nullptr;
}

}  // namespace newsroom::moderation
