// Photo variants with libvips.
//
// An upload is checked before it is decoded: its format is sniffed (JPEG,
// PNG and WebP only; libvips would also open SVG, PDF, TIFF and more, each
// a parser an attacker could aim at), and its header's dimensions are
// compared with max_pixels, so that a small file claiming 100,000 ×
// 100,000 pixels is refused without allocating anything.
//
// The largest size is made by vips_thumbnail, which decodes a JPEG at a
// reduced scale when it can, turns the picture upright by its EXIF
// orientation and converts an embedded colour profile to sRGB. That size
// is held in memory and the smaller ones are resized from it, so the
// upload is decoded once. Every size is encoded as a progressive JPEG
// and as WebP (about a third smaller at the same quality, for the
// browsers that take it) with no metadata: no EXIF, no GPS position, no
// XMP, no ICC profile (the pixels are sRGB). Three crops (16:9, 4:3, 1:1,
// around the most interesting part) serve search engines and previews.
//
// libvips reports errors in a process-wide buffer; it is read and cleared
// where an exception is caught, so one request's message does not leak
// into the next.
//
// Tested by photo_test.cc.
#include "media/photo.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <utility>
#include <vips/vips8>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "media/internal/demo_scene.h"

namespace newsroom::media {
namespace {

using vips::VError;
using vips::VImage;

constexpr int kOrigMaxWidth = 2400;
constexpr int kSmallerWidths[] = {1600, 800, 400};
// Crops for search engines and link previews (Google asks for 16:9, 4:3
// and 1:1, at least 50,000 pixels, ideally 1,200 wide).
constexpr int kCropWidth = 1200;
struct Aspect {
  const char* name;
  int w;
  int h;
};
constexpr Aspect kCrops[] = {{"16x9", 16, 9}, {"4x3", 4, 3}, {"1x1", 1, 1}};

struct BlobUnref {
  void operator()(VipsBlob* blob) const { vips_area_unref(VIPS_AREA(blob)); }
};
using BlobPtr = std::unique_ptr<VipsBlob, BlobUnref>;

// The first line of libvips' error buffer, which is then cleared.
std::string TakeVipsError(const VError& e) {
  std::string message = e.what();
  vips_error_clear();
  message = message.substr(0, message.find('\n'));
  return message.empty() ? "unknown libvips error" : message;
}

enum class Format { kJpeg, kPng, kWebp, kOther };

bool HasAt(std::string_view bytes, size_t at, std::string_view magic) {
  return bytes.size() >= at + magic.size() &&
         bytes.substr(at, magic.size()) == magic;
}

Format Sniff(std::string_view bytes) {
  if (HasAt(bytes, 0, "\xFF\xD8\xFF")) return Format::kJpeg;
  if (HasAt(bytes, 0, "\x89PNG\r\n\x1A\n")) return Format::kPng;
  if (HasAt(bytes, 0, "RIFF") && HasAt(bytes, 8, "WEBP")) return Format::kWebp;
  return Format::kOther;
}

// Names the image formats editors are likely to try that are refused, so
// that the message says what to convert from; nullptr for anything else.
const char* KnownOtherFormat(std::string_view bytes) {
  if (HasAt(bytes, 0, "GIF87a") || HasAt(bytes, 0, "GIF89a")) return "GIF";
  if (HasAt(bytes, 0, std::string_view("II*\0", 4)) ||
      HasAt(bytes, 0, std::string_view("MM\0*", 4))) {
    return "TIFF";
  }
  if (HasAt(bytes, 0, "BM")) return "BMP";
  if (HasAt(bytes, 4, "ftyp")) {
    for (std::string_view brand : {"heic", "heix", "mif1", "msf1", "hevc"}) {
      if (HasAt(bytes, 8, brand)) return "HEIC";
    }
    if (HasAt(bytes, 8, "avif") || HasAt(bytes, 8, "avis")) return "AVIF";
  }
  if (HasAt(bytes, 0, "%PDF")) return "PDF";
  const std::string_view head = bytes.substr(0, 1024);
  if (head.find("<svg") != std::string_view::npos) return "SVG";
  return nullptr;
}

absl::Status Unsupported(std::string_view bytes) {
  if (const char* format = KnownOtherFormat(bytes)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "unsupported image format ", format, ": upload a JPEG, PNG or WebP"));
  }
  return absl::InvalidArgumentError(
      "not an image: expected a JPEG, PNG or WebP file");
}

// Throws VError.
std::string EncodeJpeg(const VImage& image, int quality) {
  BlobPtr blob(image.jpegsave_buffer(VImage::option()
                                         ->set("Q", quality)
                                         ->set("strip", true)
                                         ->set("optimize_coding", true)
                                         ->set("interlace", true)));
  size_t size = 0;
  const void* data = vips_blob_get(blob.get(), &size);
  return std::string(static_cast<const char*>(data), size);
}

// Throws VError.
store::PhotoVariant Variant(std::string name, const VImage& image,
                            int quality) {
  store::PhotoVariant v;
  v.name = std::move(name);
  v.width = image.width();
  v.height = image.height();
  v.content_type = "image/jpeg";
  v.bytes = EncodeJpeg(image, quality);
  return v;
}

// `webp` without its EXIF, XMP and ICC chunks, and with the VP8X flags
// that announce them cleared: libvips 8.14 writes an EXIF chunk (of its
// own resolution tags) even when told to strip. A file that is not the
// RIFF WebP libvips writes is returned as it is.
std::string WithoutMetadataChunks(std::string webp) {
  auto le32 = [&](size_t at) {
    return static_cast<uint32_t>(static_cast<unsigned char>(webp[at])) |
           static_cast<uint32_t>(static_cast<unsigned char>(webp[at + 1]))
               << 8 |
           static_cast<uint32_t>(static_cast<unsigned char>(webp[at + 2]))
               << 16 |
           static_cast<uint32_t>(static_cast<unsigned char>(webp[at + 3]))
               << 24;
  };
  if (webp.size() < 12 || webp.compare(0, 4, "RIFF") != 0 ||
      webp.compare(8, 4, "WEBP") != 0) {
    return webp;
  }
  std::string out = webp.substr(0, 12);
  size_t vp8x = std::string::npos;
  for (size_t at = 12; at + 8 <= webp.size();) {
    const std::string fourcc = webp.substr(at, 4);
    const size_t size = le32(at + 4);
    const size_t next = at + 8 + size + (size & 1);
    if (next > webp.size()) return webp;  // not what libvips writes
    if (fourcc != "EXIF" && fourcc != "XMP " && fourcc != "ICCP") {
      if (fourcc == "VP8X" && size >= 1) vp8x = out.size() + 8;
      out.append(webp, at, next - at);
    }
    at = next;
  }
  // VP8X flags: ICC 0x20, EXIF 0x08, XMP 0x04.
  if (vp8x != std::string::npos) {
    out[vp8x] = static_cast<char>(static_cast<unsigned char>(out[vp8x]) &
                                  ~(0x20 | 0x08 | 0x04));
  }
  const uint32_t riff = static_cast<uint32_t>(out.size() - 8);
  for (int i = 0; i < 4; ++i) {
    out[4 + i] = static_cast<char>((riff >> (8 * i)) & 0xFF);
  }
  return out;
}

// The same picture as WebP, named "<name>.webp". Throws VError.
store::PhotoVariant WebpVariant(const std::string& name, const VImage& image,
                                int quality) {
  store::PhotoVariant v;
  v.name = absl::StrCat(name, ".webp");
  v.width = image.width();
  v.height = image.height();
  v.content_type = "image/webp";
  BlobPtr blob(image.webpsave_buffer(VImage::option()
                                         ->set("Q", quality)
                                         ->set("strip", true)
                                         ->set("effort", 4)));
  size_t size = 0;
  const void* data = vips_blob_get(blob.get(), &size);
  v.bytes =
      WithoutMetadataChunks(std::string(static_cast<const char*>(data), size));
  return v;
}

// A crop of `image` to the aspect ratio w:h, as wide as it can be up to
// kCropWidth, around what libvips finds most interesting. Throws VError.
VImage Crop(const VImage& image, int w, int h) {
  int width = std::min(kCropWidth, image.width());
  int height = width * h / w;
  if (height > image.height()) {
    height = image.height();
    width = height * w / h;
  }
  return image.thumbnail_image(width,
                               VImage::option()
                                   ->set("height", height)
                                   ->set("crop", VIPS_INTERESTING_ATTENTION)
                                   ->set("no_rotate", true));
}

// The upright, sRGB, 8-bit, opaque picture at most kOrigMaxWidth wide,
// decoded into memory. Throws VError when the data is damaged.
VImage DecodeOrig(VipsBlob* blob, bool has_profile) {
  vips::VOption* options =
      VImage::option()
          ->set("height", VIPS_MAX_COORD)
          ->set("size", VIPS_SIZE_DOWN)
          // A cut-short upload is refused rather than padded with grey.
          ->set("option_string", "fail_on=truncated");
  // Pixels in a camera's or a screen's colour space (an embedded profile:
  // Display P3, Adobe RGB, CMYK) become sRGB. Untagged pixels are taken to
  // be sRGB already and left as they are; a transform would only shift
  // saturated colours.
  if (has_profile) options->set("export_profile", "srgb");
  VImage image = VImage::thumbnail_buffer(blob, kOrigMaxWidth, options);
  if (image.has_alpha()) {
    image = image.flatten(VImage::option()->set(
        "background", std::vector<double>{255, 255, 255}));
  }
  const bool grey = image.bands() == 1;
  if (!grey && (image.bands() != 3 ||
                image.interpretation() != VIPS_INTERPRETATION_sRGB)) {
    image = image.colourspace(VIPS_INTERPRETATION_sRGB);
  }
  if (image.format() != VIPS_FORMAT_UCHAR) {
    image = image.colourspace(grey ? VIPS_INTERPRETATION_B_W
                                   : VIPS_INTERPRETATION_sRGB);
    image = image.cast(VIPS_FORMAT_UCHAR);
  }
  return image.copy_memory();
}

}  // namespace

absl::Status Init() {
  static const absl::Status* const status = [] {
    if (VIPS_INIT("newsroom") != 0) {
      std::string message = vips_error_buffer();
      vips_error_clear();
      return new absl::Status(absl::InternalError(
          absl::StrCat("libvips could not start: ", message)));
    }
    // Loaders libvips itself marks as unsafe for untrusted input stay off.
    vips_block_untrusted_set(TRUE);
    // Photos are made rarely and never repeat: the operation cache would
    // only hold uploads in memory.
    vips_cache_set_max(0);
    vips_cache_set_max_mem(0);
    // One worker thread per photo, so that an upload does not take every
    // core from the requests being served meanwhile. VIPS_CONCURRENCY in
    // the environment still overrides it.
    if (std::getenv("VIPS_CONCURRENCY") == nullptr) vips_concurrency_set(1);
    return new absl::Status();
  }();
  return *status;
}

absl::StatusOr<std::vector<store::PhotoVariant>> MakeVariants(
    std::string_view image_bytes, const VariantOptions& options) {
  if (absl::Status s = Init(); !s.ok()) return s;
  if (options.max_pixels <= 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("max_pixels must be positive, not ", options.max_pixels));
  }
  if (options.quality < 1 || options.quality > 100) {
    return absl::InvalidArgumentError(absl::StrCat(
        "JPEG quality must be between 1 and 100, not ", options.quality));
  }
  if (image_bytes.empty()) {
    return absl::InvalidArgumentError("not an image: the upload is empty");
  }
  if (Sniff(image_bytes) == Format::kOther) return Unsupported(image_bytes);

  // libvips' error buffer is one for the process: one upload at a time, and
  // each starts from an empty buffer, so that an error is this upload's
  // own and never what another call left behind. (Uploads are rare, and
  // libvips runs each on one thread anyway.)
  static absl::Mutex* const mu = new absl::Mutex;
  absl::MutexLock lock(mu);
  vips_error_clear();

  // The header alone: dimensions before any pixel is decoded.
  int64_t width = 0, height = 0;
  bool has_profile = false;
  try {
    VImage header =
        VImage::new_from_buffer(image_bytes.data(), image_bytes.size(), "");
    width = header.width();
    height = header.height();
    has_profile = header.get_typeof(VIPS_META_ICC_NAME) != 0;
  } catch (const VError& e) {
    return absl::InvalidArgumentError(
        absl::StrCat("not a readable image: ", TakeVipsError(e)));
  }
  if (width * height > options.max_pixels) {
    return absl::InvalidArgumentError(
        absl::StrCat("image of ", width, "×", height, " exceeds ",
                     options.max_pixels, " pixels"));
  }

  std::vector<store::PhotoVariant> variants;
  try {
    BlobPtr blob(vips_blob_copy(image_bytes.data(), image_bytes.size()));
    VImage orig;
    try {
      orig = DecodeOrig(blob.get(), has_profile);
    } catch (const VError& e) {
      return absl::InvalidArgumentError(absl::StrCat(
          "the image is damaged or cut short: ", TakeVipsError(e)));
    }
    variants.push_back(Variant("orig", orig, options.quality));
    variants.push_back(WebpVariant("orig", orig, options.quality));
    for (int w : kSmallerWidths) {
      if (w >= orig.width()) continue;  // never enlarged, never repeated
      VImage smaller =
          orig.thumbnail_image(w, VImage::option()
                                      ->set("height", VIPS_MAX_COORD)
                                      ->set("size", VIPS_SIZE_DOWN)
                                      ->set("no_rotate", true));
      variants.push_back(Variant(absl::StrCat(w), smaller, options.quality));
      variants.push_back(
          WebpVariant(absl::StrCat(w), smaller, options.quality));
    }
    for (const Aspect& a : kCrops) {
      variants.push_back(
          Variant(a.name, Crop(orig, a.w, a.h), options.quality));
    }
  } catch (const VError& e) {
    return absl::InternalError(
        absl::StrCat("cannot encode the photo: ", TakeVipsError(e)));
  }
  return variants;
}

absl::StatusOr<std::string> MakeDemoPhoto() {
  if (absl::Status s = Init(); !s.ok()) return s;
  constexpr int kWidth = 2400, kHeight = 1600;
  std::vector<uint8_t> rgb = internal::RenderDemoScene(kWidth, kHeight);
  try {
    VImage image = VImage::new_from_memory(rgb.data(), rgb.size(), kWidth,
                                           kHeight, 3, VIPS_FORMAT_UCHAR);
    image = image.copy(
        VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));
    return EncodeJpeg(image, /*quality=*/88);
  } catch (const VError& e) {
    return absl::InternalError(
        absl::StrCat("cannot encode the demo photo: ", TakeVipsError(e)));
  }
}

absl::StatusOr<std::string> MakeLogo(int size) {
  if (size < 16 || size > 2048) {
    return absl::InvalidArgumentError(
        absl::StrCat("logo size must be in [16, 2048], not ", size));
  }
  if (absl::Status s = Init(); !s.ok()) return s;
  std::vector<uint8_t> rgba = internal::RenderLogo(size);
  try {
    VImage image = VImage::new_from_memory(rgba.data(), rgba.size(), size, size,
                                           4, VIPS_FORMAT_UCHAR);
    image = image.copy(
        VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));
    BlobPtr blob(image.pngsave_buffer(
        VImage::option()->set("compression", 9)->set("strip", true)));
    size_t bytes = 0;
    const void* data = vips_blob_get(blob.get(), &bytes);
    return std::string(static_cast<const char*>(data), bytes);
  } catch (const VError& e) {
    return absl::InternalError(
        absl::StrCat("cannot encode the logo: ", TakeVipsError(e)));
  }
}

}  // namespace newsroom::media
