#include "media/photo.h"

#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <vector>
#include <vips/vips8>

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "media/internal/demo_scene.h"

namespace newsroom::media {
namespace {

using ::testing::ElementsAreArray;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;
using vips::VImage;

class PhotoTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(Init().ok()); }
};

enum class Format { kJpeg, kPng, kWebp };

std::string ToBytes(VipsBlob* blob) {
  size_t size = 0;
  const void* data = vips_blob_get(blob, &size);
  std::string bytes(static_cast<const char*>(data), size);
  vips_area_unref(VIPS_AREA(blob));
  return bytes;
}

std::string Encode(const VImage& image, Format format) {
  switch (format) {
    case Format::kJpeg:
      return ToBytes(image.jpegsave_buffer(VImage::option()->set("Q", 90)));
    case Format::kPng:
      return ToBytes(
          image.pngsave_buffer(VImage::option()->set("compression", 1)));
    case Format::kWebp:
      return ToBytes(image.webpsave_buffer());
  }
  return "";
}

// A width × height sRGB picture with gradients, so that each size differs.
VImage Gradient(int width, int height) {
  VImage xy = VImage::xyz(width, height);
  VImage r = xy[0] * (255.0 / width);
  VImage g = xy[1] * (255.0 / height);
  VImage b = (xy[0] + xy[1]) * (255.0 / (width + height));
  return VImage::bandjoin({r, g, b})
      .cast(VIPS_FORMAT_UCHAR)
      .copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));
}

// A width × height picture, left half `left`, right half `right`.
VImage Halves(int width, int height, std::vector<double> left,
              std::vector<double> right) {
  VImage x = VImage::xyz(width, height)[0];
  VImage l = VImage::black(width, height).new_from_image(left);
  VImage r = VImage::black(width, height).new_from_image(right);
  return (x < width / 2)
      .ifthenelse(l, r)
      .cast(VIPS_FORMAT_UCHAR)
      .copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));
}

VImage Decode(const std::string& bytes) {
  return VImage::new_from_buffer(bytes.data(), bytes.size(), "");
}

struct Size {
  std::string name;
  int width, height;
};

// The JPEG sizes by width ("orig", "1600", …), without their WebP twins
// and the crops.
std::vector<store::PhotoVariant> Widths(
    const std::vector<store::PhotoVariant>& all) {
  std::vector<store::PhotoVariant> out;
  for (const store::PhotoVariant& v : all) {
    if (v.content_type == "image/jpeg" && v.name != "16x9" && v.name != "4x3" &&
        v.name != "1x1") {
      out.push_back(v);
    }
  }
  return out;
}

void ExpectSizes(const std::vector<store::PhotoVariant>& all,
                 const std::vector<Size>& expected) {
  const std::vector<store::PhotoVariant> variants = Widths(all);
  ASSERT_EQ(variants.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE(expected[i].name);
    const store::PhotoVariant& v = variants[i];
    EXPECT_EQ(v.name, expected[i].name);
    EXPECT_EQ(v.content_type, "image/jpeg");
    EXPECT_EQ(v.width, expected[i].width);
    // Heights keep the aspect ratio, rounded either way.
    EXPECT_NEAR(v.height, expected[i].height, 1);
    EXPECT_THAT(v.bytes, StartsWith("\xFF\xD8\xFF"));
    VImage decoded = Decode(v.bytes);
    EXPECT_EQ(decoded.width(), v.width);
    EXPECT_EQ(decoded.height(), v.height);
    EXPECT_EQ(decoded.bands(), 3);
  }
}

TEST_F(PhotoTest, InitIsIdempotent) {
  EXPECT_TRUE(Init().ok());
  EXPECT_TRUE(Init().ok());
}

TEST_F(PhotoTest, LargeUploadGetsEverySizeInEveryFormat) {
  struct Case {
    Format format;
    int width, height;
    std::vector<Size> expected;
  } cases[] = {
      {Format::kJpeg,
       3000,
       2000,
       {{"orig", 2400, 1600},
        {"1600", 1600, 1067},
        {"800", 800, 533},
        {"400", 400, 267}}},
      {Format::kPng,
       3000,
       2000,
       {{"orig", 2400, 1600},
        {"1600", 1600, 1067},
        {"800", 800, 533},
        {"400", 400, 267}}},
      // Smaller, as WebP is slow to encode in the test.
      {Format::kWebp,
       1800,
       1200,
       {{"orig", 1800, 1200},
        {"1600", 1600, 1067},
        {"800", 800, 533},
        {"400", 400, 267}}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(static_cast<int>(c.format));
    auto variants = MakeVariants(Encode(Gradient(c.width, c.height), c.format));
    ASSERT_TRUE(variants.ok()) << variants.status();
    ExpectSizes(*variants, c.expected);
  }
}

TEST_F(PhotoTest, SizesFollowTheWidthAndAreNeverEnlarged) {
  struct Case {
    int width, height;
    std::vector<Size> expected;
  } cases[] = {
      {2000,
       3000,
       {{"orig", 2000, 3000},
        {"1600", 1600, 2400},
        {"800", 800, 1200},
        {"400", 400, 600}}},
      {2400,
       1600,
       {{"orig", 2400, 1600},
        {"1600", 1600, 1067},
        {"800", 800, 533},
        {"400", 400, 267}}},
      // No "1600" copy of a 1600-wide original.
      {1600, 900, {{"orig", 1600, 900}, {"800", 800, 450}, {"400", 400, 225}}},
      {500, 300, {{"orig", 500, 300}, {"400", 400, 240}}},
      {300, 200, {{"orig", 300, 200}}},
      {1, 1, {{"orig", 1, 1}}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(testing::Message() << c.width << "x" << c.height);
    auto variants =
        MakeVariants(Encode(Gradient(c.width, c.height), Format::kJpeg));
    ASSERT_TRUE(variants.ok()) << variants.status();
    ExpectSizes(*variants, c.expected);
  }
}

TEST_F(PhotoTest, VariantsLookLikeTheUpload) {
  auto variants = MakeVariants(
      Encode(Halves(1000, 500, {230, 20, 20}, {20, 20, 230}), Format::kPng));
  ASSERT_TRUE(variants.ok()) << variants.status();
  for (const store::PhotoVariant& v : *variants) {
    SCOPED_TRACE(v.name);
    // The crops (16x9, 4x3, 1x1) are cut around what libvips finds most
    // interesting, not around the centre;
    // EverySizeHasAWebpTwinAndThereAreThreeCrops tests their sizes.
    if (absl::StrContains(v.name, "x")) continue;
    VImage decoded = Decode(v.bytes);
    std::vector<double> left = decoded.getpoint(v.width / 4, v.height / 2);
    std::vector<double> right = decoded.getpoint(3 * v.width / 4, v.height / 2);
    EXPECT_NEAR(left[0], 230, 12);
    EXPECT_NEAR(left[2], 20, 12);
    EXPECT_NEAR(right[0], 20, 12);
    EXPECT_NEAR(right[2], 230, 12);
  }
}

TEST_F(PhotoTest, ExifOrientationIsApplied) {
  // Stored 300 × 200, red left and blue right, with orientation 6: the
  // camera was turned, and the picture is shown rotated 90° clockwise.
  VImage stored = Halves(300, 200, {230, 20, 20}, {20, 20, 230});
  stored.set("orientation", 6);
  const std::string jpeg = Encode(stored, Format::kJpeg);
  ASSERT_EQ(Decode(jpeg).get_int("orientation"), 6);

  auto variants = MakeVariants(jpeg);
  ASSERT_TRUE(variants.ok()) << variants.status();
  ExpectSizes(*variants, {{"orig", 200, 300}});
  VImage upright = Decode((*variants)[0].bytes);
  std::vector<double> top = upright.getpoint(100, 60);
  std::vector<double> bottom = upright.getpoint(100, 240);
  EXPECT_GT(top[0], 180);  // the stored left half is now on top
  EXPECT_LT(top[2], 80);
  EXPECT_GT(bottom[2], 180);
  EXPECT_LT(bottom[0], 80);
}

TEST_F(PhotoTest, MetadataIsStripped) {
  VImage picture = Gradient(900, 600);
  picture.set("exif-ifd0-Artist", "Ayse Muhabir");
  picture.set("exif-ifd0-Copyright", "Gazete Arsivi 2024");
  const std::string jpeg = Encode(picture, Format::kJpeg);
  ASSERT_THAT(jpeg, HasSubstr("Ayse Muhabir"));  // the upload carries it
  ASSERT_NE(Decode(jpeg).get_typeof("exif-data"), 0u);

  auto variants = MakeVariants(jpeg);
  ASSERT_TRUE(variants.ok()) << variants.status();
  ASSERT_EQ(Widths(*variants).size(), 3u);
  for (const store::PhotoVariant& v : *variants) {
    SCOPED_TRACE(v.name);
    EXPECT_THAT(v.bytes, Not(HasSubstr("Ayse Muhabir")));
    EXPECT_THAT(v.bytes, Not(HasSubstr("Exif")));
    VImage decoded = Decode(v.bytes);
    for (const char* field :
         {"exif-data", "xmp-data", "iptc-data", "icc-profile-data"}) {
      EXPECT_EQ(decoded.get_typeof(field), 0u) << field;
    }
  }
}

TEST_F(PhotoTest, EmbeddedColourProfileIsConvertedToSrgb) {
  // An sRGB red, stored as Display P3 numbers with the P3 profile attached
  // (what a recent phone uploads).
  const VImage srgb = Halves(600, 400, {230, 20, 20}, {230, 20, 20});
  const VImage p3 =
      srgb.icc_import(VImage::option()->set("input_profile", "srgb"))
          .icc_export(VImage::option()->set("output_profile", "p3"));
  ASSERT_NE(p3.get_typeof(VIPS_META_ICC_NAME), 0u);
  const std::vector<double> stored = p3.getpoint(300, 200);
  ASSERT_GT(std::abs(stored[1] - 20), 20);  // P3 numbers are not sRGB's

  auto variants = MakeVariants(Encode(p3, Format::kJpeg));
  ASSERT_TRUE(variants.ok()) << variants.status();
  VImage decoded = Decode((*variants)[0].bytes);
  EXPECT_EQ(decoded.get_typeof(VIPS_META_ICC_NAME), 0u);
  const std::vector<double> shown = decoded.getpoint(300, 200);
  EXPECT_NEAR(shown[0], 230, 12);
  EXPECT_NEAR(shown[1], 20, 12);
  EXPECT_NEAR(shown[2], 20, 12);
}

TEST_F(PhotoTest, TransparencyBecomesWhite) {
  // Left half opaque green, right half fully transparent.
  VImage rgba = Halves(600, 400, {20, 200, 20, 255}, {0, 0, 0, 0});
  auto variants = MakeVariants(Encode(rgba, Format::kPng));
  ASSERT_TRUE(variants.ok()) << variants.status();
  VImage decoded = Decode((*variants)[0].bytes);
  EXPECT_EQ(decoded.bands(), 3);
  std::vector<double> green = decoded.getpoint(150, 200);
  std::vector<double> white = decoded.getpoint(450, 200);
  EXPECT_NEAR(green[1], 200, 12);
  EXPECT_NEAR(green[0], 20, 12);
  for (double channel : white) EXPECT_GT(channel, 245);
}

TEST_F(PhotoTest, GreyscaleAndSixteenBitUploadsWork) {
  VImage grey = Gradient(640, 480)[0].copy(
      VImage::option()->set("interpretation", VIPS_INTERPRETATION_B_W));
  VImage deep = (Gradient(640, 480).cast(VIPS_FORMAT_USHORT) * 256)
                    .cast(VIPS_FORMAT_USHORT)
                    .copy(VImage::option()->set("interpretation",
                                                VIPS_INTERPRETATION_RGB16));
  for (const VImage& image : {grey, deep}) {
    auto variants = MakeVariants(Encode(image, Format::kPng));
    ASSERT_TRUE(variants.ok()) << variants.status();
    ASSERT_EQ(Widths(*variants).size(), 2u);  // "orig" and "400"
    VImage decoded = Decode((*variants)[0].bytes);
    EXPECT_EQ(decoded.width(), 640);
    EXPECT_EQ(decoded.format(), VIPS_FORMAT_UCHAR);
  }
}

// A PNG of 1 × 1 pixels whose header says width × height: what an attacker
// sends to make a server allocate gigabytes.
std::string PngClaiming(uint32_t width, uint32_t height) {
  std::string png = Encode(Gradient(1, 1), Format::kPng);
  // IHDR data starts at byte 16: width, height (big-endian), then the
  // chunk's CRC over type and data at byte 29.
  auto put32 = [&](size_t at, uint32_t v) {
    for (int i = 0; i < 4; ++i)
      png[at + i] = static_cast<char>(v >> (24 - 8 * i));
  };
  put32(16, width);
  put32(20, height);
  uint32_t crc = 0xFFFFFFFFu;
  for (size_t i = 12; i < 29; ++i) {
    crc ^= static_cast<uint8_t>(png[i]);
    for (int k = 0; k < 8; ++k)
      crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
  }
  put32(29, ~crc);
  return png;
}

TEST_F(PhotoTest, OversizeImagesAreRefusedFromTheHeader) {
  struct Case {
    std::string bytes;
    int max_pixels;
    std::string message;
  } cases[] = {
      {Encode(Gradient(3000, 2000), Format::kJpeg), 5'000'000,
       "image of 3000×2000 exceeds 5000000 pixels"},
      {Encode(Gradient(300, 200), Format::kPng), 59'999,
       "image of 300×200 exceeds 59999 pixels"},
      {PngClaiming(50000, 50000), 40'000'000,
       "image of 50000×50000 exceeds 40000000 pixels"},
  };
  for (const Case& c : cases) {
    VariantOptions options;
    options.max_pixels = c.max_pixels;
    auto variants = MakeVariants(c.bytes, options);
    ASSERT_FALSE(variants.ok()) << c.message;
    EXPECT_EQ(variants.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(variants.status().message(), c.message);
  }
  // Exactly at the limit is allowed.
  VariantOptions options;
  options.max_pixels = 300 * 200;
  EXPECT_TRUE(
      MakeVariants(Encode(Gradient(300, 200), Format::kPng), options).ok());
}

// libvips keeps one error buffer for the process: what an earlier call
// left in it (a warning, another request's failure) once came back as the
// next upload's error.
TEST_F(PhotoTest, AnErrorLeftInLibvipsDoesNotBecomeTheNextUploadsError) {
  vips_error("elsewhere", "%s", "leftover from another request");
  const std::string png = Encode(Gradient(800, 600), Format::kPng);
  auto variants = MakeVariants("\xFF\xD8\xFF" + std::string(500, 'x'));
  ASSERT_FALSE(variants.ok());
  EXPECT_THAT(std::string(variants.status().message()),
              Not(HasSubstr("leftover")));
  vips_error("elsewhere", "%s", "leftover again");
  auto good = MakeVariants(png);
  ASSERT_TRUE(good.ok()) << good.status();
  auto bad = MakeVariants(png.substr(0, png.size() / 2));
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(std::string(bad.status().message()), Not(HasSubstr("leftover")));
}

TEST_F(PhotoTest, BadUploadsAreInvalidArgumentsThatSayWhatIsWrong) {
  const std::string jpeg = Encode(Gradient(800, 600), Format::kJpeg);
  const std::string png = Encode(Gradient(800, 600), Format::kPng);
  const std::string gif(
      "GIF89a\x01\x00\x01\x00\x80\x00\x00\xFF\xFF\xFF\x00\x00\x00!\xF9\x04"
      "\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02"
      "D\x01\x00;",
      43);
  struct Case {
    std::string name;
    std::string bytes;
    std::string message;
  } cases[] = {
      {"empty", "", "not an image: the upload is empty"},
      {"text", "Merhaba, bu bir fotoğraf değil.", "not an image"},
      {"zeros", std::string(4096, '\0'), "not an image"},
      {"html", "<html><body>Haber</body></html>", "not an image"},
      {"gif", gif, "unsupported image format GIF: upload a JPEG, PNG or WebP"},
      {"svg",
       "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" "
       "width=\"10\" height=\"10\"/>",
       "unsupported image format SVG"},
      {"heic",
       std::string("\0\0\0\x18"
                   "ftypheic\0\0\0\0mif1heic",
                   24),
       "unsupported image format HEIC"},
      {"tiff", std::string("II*\0\x08\0\0\0", 8),
       "unsupported image format TIFF"},
      {"pdf", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", "unsupported image format PDF"},
      {"jpeg magic, then noise", "\xFF\xD8\xFF" + std::string(500, 'x'),
       "not a readable image"},
      {"png magic only", png.substr(0, 8), "not a readable image"},
      {"half a jpeg", jpeg.substr(0, jpeg.size() / 2),
       "the image is damaged or cut short"},
      {"half a png", png.substr(0, png.size() / 2),
       "the image is damaged or cut short"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    auto variants = MakeVariants(c.bytes);
    ASSERT_FALSE(variants.ok());
    EXPECT_EQ(variants.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(variants.status().message()),
                StartsWith(c.message));
  }
}

TEST_F(PhotoTest, ABadUploadDoesNotSpoilTheNextOne) {
  EXPECT_FALSE(MakeVariants("\xFF\xD8\xFF garbage").ok());
  auto variants = MakeVariants(Encode(Gradient(500, 300), Format::kJpeg));
  ASSERT_TRUE(variants.ok()) << variants.status();
  EXPECT_EQ(Widths(*variants).size(), 2u);
}

TEST_F(PhotoTest, BadOptionsAreInvalidArguments) {
  const std::string png = Encode(Gradient(100, 100), Format::kPng);
  struct Case {
    int max_pixels, quality;
    std::string message;
  } cases[] = {
      {0, 82, "max_pixels must be positive, not 0"},
      {-5, 82, "max_pixels must be positive, not -5"},
      {1000, 0, "JPEG quality must be between 1 and 100, not 0"},
      {1000, 101, "JPEG quality must be between 1 and 100, not 101"},
  };
  for (const Case& c : cases) {
    VariantOptions options;
    options.max_pixels = c.max_pixels;
    options.quality = c.quality;
    auto variants = MakeVariants(png, options);
    ASSERT_FALSE(variants.ok());
    EXPECT_EQ(variants.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(variants.status().message(), c.message);
  }
}

TEST_F(PhotoTest, QualityTradesBytesForFidelity) {
  const std::string png = Encode(Gradient(1200, 800), Format::kPng);
  VariantOptions low, high;
  low.quality = 30;
  high.quality = 95;
  auto small = MakeVariants(png, low);
  auto large = MakeVariants(png, high);
  ASSERT_TRUE(small.ok() && large.ok());
  EXPECT_LT((*small)[0].bytes.size(), (*large)[0].bytes.size());
}

TEST_F(PhotoTest, DemoPhotoIsA2400By1600Picture) {
  auto jpeg = MakeDemoPhoto();
  ASSERT_TRUE(jpeg.ok()) << jpeg.status();
  EXPECT_THAT(*jpeg, StartsWith("\xFF\xD8\xFF"));
  VImage decoded = Decode(*jpeg);
  EXPECT_EQ(decoded.width(), 2400);
  EXPECT_EQ(decoded.height(), 1600);
  EXPECT_EQ(decoded.bands(), 3);
  EXPECT_EQ(decoded.get_typeof("exif-data"), 0u);
  // A picture, not a flat fill: dusk sky dark at the top, bright near the
  // sun low over the water.
  EXPECT_GT(decoded.deviate(), 20);
  const double top = decoded.crop(0, 0, 2400, 100).avg();
  const double near_sun = decoded.crop(1300, 760, 240, 120).avg();
  EXPECT_GT(near_sun, top + 80);
  // The demo photo goes through the upload path like any other.
  auto variants = MakeVariants(*jpeg);
  ASSERT_TRUE(variants.ok()) << variants.status();
  EXPECT_EQ(Widths(*variants).size(), 4u);
}

TEST_F(PhotoTest, TheLogoIsASquarePngWithAWhiteLetterOnBlue) {
  auto png = MakeLogo(512);
  ASSERT_TRUE(png.ok()) << png.status();
  EXPECT_THAT(*png, StartsWith("\x89PNG"));
  VImage logo = Decode(*png);
  EXPECT_EQ(logo.width(), 512);
  EXPECT_EQ(logo.height(), 512);
  EXPECT_EQ(logo.bands(), 4);
  // The corner is transparent; the square's edge is blue; the left stroke
  // of the N (x 8..12 of 32) is white.
  EXPECT_EQ(logo.getpoint(1, 1)[3], 0);
  std::vector<double> blue = logo.getpoint(256, 40);
  EXPECT_NEAR(blue[0], 0x0b, 2);
  EXPECT_NEAR(blue[2], 0x8a, 2);
  std::vector<double> white = logo.getpoint(10 * 16, 20 * 16);
  EXPECT_GT(white[0], 250);
  EXPECT_FALSE(MakeLogo(8).ok());
  EXPECT_FALSE(MakeLogo(5000).ok());
}

TEST_F(PhotoTest, EverySizeHasAWebpTwinAndThereAreThreeCrops) {
  auto variants = MakeVariants(Encode(Gradient(2000, 1000), Format::kJpeg));
  ASSERT_TRUE(variants.ok()) << variants.status();
  std::map<std::string, const store::PhotoVariant*> by_name;
  for (const store::PhotoVariant& v : *variants) by_name[v.name] = &v;
  for (const char* width : {"orig", "1600", "800", "400"}) {
    SCOPED_TRACE(width);
    ASSERT_EQ(by_name.count(width), 1u);
    const std::string webp = std::string(width) + ".webp";
    ASSERT_EQ(by_name.count(webp), 1u);
    const store::PhotoVariant& w = *by_name[webp];
    EXPECT_EQ(w.content_type, "image/webp");
    EXPECT_THAT(w.bytes, StartsWith("RIFF"));
    EXPECT_EQ(w.width, by_name[width]->width);
    EXPECT_EQ(w.height, by_name[width]->height);
    VImage decoded = Decode(w.bytes);
    EXPECT_EQ(decoded.width(), w.width);
    EXPECT_LT(w.bytes.size(), by_name[width]->bytes.size() * 2);
  }
  struct Crop {
    const char* name;
    int width, height;
  };
  for (const Crop& c : {Crop{"16x9", 1200, 675}, Crop{"4x3", 1200, 900},
                        Crop{"1x1", 1000, 1000}}) {
    SCOPED_TRACE(c.name);
    ASSERT_EQ(by_name.count(c.name), 1u);
    const store::PhotoVariant& v = *by_name[c.name];
    EXPECT_EQ(v.content_type, "image/jpeg");
    EXPECT_EQ(v.width, c.width);
    EXPECT_EQ(v.height, c.height);
    VImage decoded = Decode(v.bytes);
    EXPECT_EQ(decoded.width(), c.width);
    EXPECT_EQ(decoded.height(), c.height);
  }
}

TEST_F(PhotoTest, DemoSceneIsDeterministic) {
  const std::vector<uint8_t> a = internal::RenderDemoScene(240, 160);
  const std::vector<uint8_t> b = internal::RenderDemoScene(240, 160);
  ASSERT_EQ(a.size(), 240u * 160u * 3u);
  EXPECT_THAT(a, ElementsAreArray(b));
  const std::vector<uint8_t> other = internal::RenderDemoScene(120, 80);
  EXPECT_EQ(other.size(), 120u * 80u * 3u);
}

}  // namespace
}  // namespace newsroom::media
