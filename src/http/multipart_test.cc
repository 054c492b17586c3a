#include "http/multipart.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace newsroom::http {
namespace {

using ::testing::HasSubstr;
using namespace std::string_literals;

constexpr char kType[] =
    "multipart/form-data; boundary=----WebKitFormBoundaryX3vLq";

std::string Body() {
  return "------WebKitFormBoundaryX3vLq\r\n"
         "Content-Disposition: form-data; name=\"headline\"\r\n\r\n"
         "Boğaz'da yeni vapur hattı\r\n"
         "------WebKitFormBoundaryX3vLq\r\n"
         "Content-Disposition: form-data; name=\"body\"\r\n\r\n"
         "Birinci paragraf.\r\n\r\nİkinci paragraf.\r\n"
         "------WebKitFormBoundaryX3vLq\r\n"
         "Content-Disposition: form-data; name=\"photo\"; "
         "filename=\"vapur \\\"akşam\\\".jpg\"\r\n"
         "Content-Type: image/jpeg\r\n\r\n"
         "\xFF\xD8\xFF\xE0\r\n--not-a-boundary\r\n\x00\xFF\xD9\r\n"
         "------WebKitFormBoundaryX3vLq\r\n"
         "Content-Disposition: form-data; name=\"photo_credit\"\r\n\r\n"
         "\r\n"
         "------WebKitFormBoundaryX3vLq--\r\n"s;  // s: the NUL is kept
}

TEST(MultipartTest, ReadsFieldsAndFilesAsBrowsersSendThem) {
  const std::string body = Body();
  absl::StatusOr<std::vector<FormPart>> parts = ParseMultipart(kType, body);
  ASSERT_TRUE(parts.ok()) << parts.status();
  ASSERT_EQ(parts->size(), 4u);
  EXPECT_EQ((*parts)[0].name, "headline");
  EXPECT_EQ((*parts)[0].data, "Boğaz'da yeni vapur hattı");
  EXPECT_EQ((*parts)[0].filename, "");
  EXPECT_EQ((*parts)[1].data, "Birinci paragraf.\r\n\r\nİkinci paragraf.");
  EXPECT_EQ((*parts)[2].name, "photo");
  EXPECT_EQ((*parts)[2].filename, "vapur \"akşam\".jpg");
  EXPECT_EQ((*parts)[2].content_type, "image/jpeg");
  EXPECT_EQ((*parts)[2].data,
            "\xFF\xD8\xFF\xE0\r\n--not-a-boundary\r\n\x00\xFF\xD9"s);
  EXPECT_EQ((*parts)[3].name, "photo_credit");
  EXPECT_EQ((*parts)[3].data, "");
}

TEST(MultipartTest, AcceptsBareLineFeedsAQuotedBoundaryAndAPreamble) {
  const std::string body =
      "preamble to ignore\n--b\nContent-Disposition: form-data; name=a\n\nbir\n"
      "--b\ncontent-disposition: FORM-DATA; NAME=\"b\"\n\niki\n--b--";
  absl::StatusOr<std::vector<FormPart>> parts = ParseMultipart(
      "Multipart/Form-Data; charset=utf-8; boundary=\"b\"", body);
  ASSERT_TRUE(parts.ok()) << parts.status();
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "a");
  EXPECT_EQ((*parts)[0].data, "bir");
  EXPECT_EQ((*parts)[1].name, "b");
  EXPECT_EQ((*parts)[1].data, "iki");
}

TEST(MultipartTest, BrokenBodiesAreRefusedWithTheReason) {
  struct Case {
    std::string content_type;
    std::string body;
    std::string message;
  };
  const std::string head =
      "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n";
  const Case cases[] = {
      {"application/x-www-form-urlencoded", "a=1", "not multipart/form-data"},
      {"multipart/form-data", head + "x\r\n--b--", "no boundary"},
      {"multipart/form-data; boundary=", head, "no boundary"},
      {"multipart/form-data; boundary=" + std::string(71, 'b'), head,
       "no boundary"},
      {"multipart/form-data; boundary=b", "nothing here", "no part starts"},
      {"multipart/form-data; boundary=b", head + "cut short",
       "ends inside a part"},
      {"multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-da",
       "ends inside a part's headers"},
      {"multipart/form-data; boundary=b",
       "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--",
       "no Content-Disposition"},
      {"multipart/form-data; boundary=b",
       "--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--",
       "has no name"},
      {"multipart/form-data; boundary=b",
       "--b\r\nContent-Disposition: attachment; name=a\r\n\r\nx\r\n--b--",
       "not form-data"},
      {"multipart/form-data; boundary=b",
       "--b\r\nno colon here\r\n\r\nx\r\n--b--", "no colon"},
      {"multipart/form-data; boundary=b",
       "--b\r\nX-Long: " + std::string(5000, 'x') + "\r\n\r\nx\r\n--b--",
       "headers are too long"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<std::vector<FormPart>> parts =
        ParseMultipart(c.content_type, c.body);
    ASSERT_FALSE(parts.ok()) << c.body;
    EXPECT_EQ(parts.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(parts.status().message(), HasSubstr(c.message)) << c.body;
  }
}

TEST(MultipartTest, TooManyPartsAreRefused) {
  std::string body;
  for (size_t i = 0; i <= kMaxParts; ++i) {
    body += "--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nx\r\n";
  }
  body += "--b--\r\n";
  absl::StatusOr<std::vector<FormPart>> parts =
      ParseMultipart("multipart/form-data; boundary=b", body);
  ASSERT_FALSE(parts.ok());
  EXPECT_THAT(parts.status().message(), HasSubstr("more than 64 parts"));
}

}  // namespace
}  // namespace newsroom::http
