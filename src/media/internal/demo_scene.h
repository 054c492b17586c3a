// The demo article's picture: an evening over the Bosphorus, drawn from
// code so that a new site has a photo without a stock image or a download.
//
//   std::vector<uint8_t> rgb = internal::RenderDemoScene(2400, 1600);
//   // rgb.size() == 2400 * 1600 * 3, rows top to bottom, R G B per pixel
//
// Deterministic: the same size gives the same bytes on every machine that
// rounds floating point the IEEE way.
#ifndef NEWSROOM_MEDIA_INTERNAL_DEMO_SCENE_H_
#define NEWSROOM_MEDIA_INTERNAL_DEMO_SCENE_H_

#include <cstdint>
#include <vector>

namespace newsroom::media::internal {

// 8-bit sRGB pixels, width × height × 3. The composition is laid out for
// 3:2; other sizes scale it. REQUIRES: width > 0, height > 0.
std::vector<uint8_t> RenderDemoScene(int width, int height);

// The site's mark, `size`×`size` RGBA (row-major, 4 bytes a pixel): the
// favicon's drawing (a 32-unit square with corners of radius 6, an "N" of
// three strokes), each pixel the share of 4×4 samples inside the shapes.
std::vector<uint8_t> RenderLogo(int size);

}  // namespace newsroom::media::internal

#endif  // NEWSROOM_MEDIA_INTERNAL_DEMO_SCENE_H_
