// One reader for every JSON request body the site takes — its own API and
// Google's Perspective API — so that the limits and the checks are the
// same and only the shape of the error differs (the route chooses it).
//
//   absl::StatusOr<nlohmann::json> body = ParseJsonObject(request.body, limit);
//   if (!body.ok()) answer(JsonBodyHttpStatus(body.status()), message);
//
// Errors, each with a message a person can act on:
//   OutOfRange        the body is larger than `max_bytes` (HTTP 413);
//   InvalidArgument   not UTF-8 (naming the byte), not JSON (naming the
//                     byte where it goes wrong), a number beyond what a
//                     double holds ("1e999"), or not an object (HTTP 400).
// Never throws. Pure and thread-safe.
#ifndef NEWSROOM_SERVER_JSON_BODY_H_
#define NEWSROOM_SERVER_JSON_BODY_H_

#include <cstddef>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "nlohmann/json.hpp"

namespace newsroom::server {

absl::StatusOr<nlohmann::json> ParseJsonObject(std::string_view body,
                                               size_t max_bytes);

// 413 for OutOfRange, 400 otherwise.
int JsonBodyHttpStatus(const absl::Status& status);

}  // namespace newsroom::server

#endif  // NEWSROOM_SERVER_JSON_BODY_H_
