// The JSON body reader. nlohmann::json throws more than parse_error: a
// number too large for a double ("1e999") is out_of_range (406), which
// the Perspective route once let escape as a 500 in the wrong shape. Every
// exception the parser can throw is caught here, once, for both APIs, and
// becomes an InvalidArgument the route words in its own error shape.
//
// Tested by json_body_test.cc.
#include "server/json_body.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "text/utf8.h"

namespace newsroom::server {

absl::StatusOr<nlohmann::json> ParseJsonObject(std::string_view body,
                                               size_t max_bytes) {
  if (body.size() > max_bytes) {
    return absl::OutOfRangeError(absl::StrCat("request body of ", body.size(),
                                              " bytes exceeds the limit of ",
                                              max_bytes, " bytes"));
  }
  if (absl::Status utf8 = text::ValidateUtf8(body); !utf8.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("request body is not valid UTF-8: ", utf8.message()));
  }
  nlohmann::json parsed;
  try {
    parsed = nlohmann::json::parse(body.begin(), body.end());
  } catch (const nlohmann::json::parse_error& e) {
    return absl::InvalidArgumentError(absl::StrCat(
        "request body is not valid JSON: syntax error at byte ", e.byte));
  } catch (const nlohmann::json::out_of_range& e) {
    return absl::InvalidArgumentError(
        "request body is not valid JSON: a number is too large");
  } catch (const nlohmann::json::exception& e) {
    return absl::InvalidArgumentError("request body is not valid JSON");
  }
  if (!parsed.is_object()) {
    return absl::InvalidArgumentError("request body must be a JSON object");
  }
  return parsed;
}

int JsonBodyHttpStatus(const absl::Status& status) {
  return absl::IsOutOfRange(status) ? 413 : 400;
}

}  // namespace newsroom::server
