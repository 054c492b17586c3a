// Photos: an editor's upload becomes a set of sizes the article page
// serves; a new site's demo article gets a photo Newsroom draws itself.
//
//   auto variants = media::MakeVariants(uploaded_bytes);
//   if (!variants.ok()) return variants.status();  // names what is wrong
//   store->AddPhoto(*std::move(variants));
//
// Built on libvips. Call Init() once first (the server and the commands do).
#ifndef NEWSROOM_MEDIA_PHOTO_H_
#define NEWSROOM_MEDIA_PHOTO_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "store/store.h"

namespace newsroom::media {

// Starts libvips (once per process; later calls return its first answer).
absl::Status Init();

struct VariantOptions {
  int max_pixels = 40'000'000;  // larger uploads are refused
  int quality = 82;             // JPEG quality of every variant
};

// Decodes a JPEG, PNG or WebP upload, turns it upright (EXIF orientation),
// drops its metadata (location!), and encodes JPEG sizes: "orig" (at most
// 2400 px wide), "1600", "800", "400" (widths; never enlarged, so a small
// photo has fewer sizes), each also as WebP ("1600.webp", …, after its
// JPEG), then crops "16x9", "4x3" and "1x1" (JPEG, at most 1200 px
// wide). Largest first. InvalidArgument for bytes that are not an image,
// an unsupported format, or one over max_pixels.
absl::StatusOr<std::vector<store::PhotoVariant>> MakeVariants(
    std::string_view image_bytes, const VariantOptions& options = {});

// The demo article's photo: a picture Newsroom draws itself (no stock
// photo, no download), as a JPEG of 2400×1600.
absl::StatusOr<std::string> MakeDemoPhoto();

// The site's mark as a `size`×`size` PNG: a white "N" on a rounded square
// of the link blue, the same drawing as the SVG favicon
// (site::internal::FaviconSvg). For the publisher's logo in search
// engines' data and the touch icon. InvalidArgument for a size outside
// [16, 2048].
absl::StatusOr<std::string> MakeLogo(int size);

}  // namespace newsroom::media

#endif  // NEWSROOM_MEDIA_PHOTO_H_
