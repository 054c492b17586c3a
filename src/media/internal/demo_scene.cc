// An evening on the Bosphorus, painted in code.
//
// The composition is laid out on a 2400 × 1600 design grid (the horizon at
// y = 1000) and every shape is drawn in design units, so any output size
// is the same picture. Painting goes back to front:
//
//   1. the sky: a dusk gradient, the glow of a low sun, thin lit clouds;
//   2. the hills of both shores, hazier with distance, with city lights;
//   3. a suspension bridge in silhouette, its deck lights on;
//   4. the water: the picture above the horizon mirrored, broken up by
//      waves that grow toward the viewer, and the sun's glitter path;
//   5. a mosque with two minarets on the near quay and a ferry crossing
//      the glitter path, each with its own reflection;
//   6. a few gulls, a soft vignette and a little grain.
//
// Edges are anti-aliased analytically (a coverage ramp one pixel wide);
// small polygons are supersampled. Noise is a hashed value noise, so the
// picture depends on no library's random numbers.
//
// Tested by photo_test.cc.
#include "media/internal/demo_scene.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

namespace newsroom::media::internal {
namespace {

constexpr float kDesignWidth = 2400;
constexpr float kDesignHeight = 1600;
constexpr float kHorizon = 1000;

struct Color {
  float r = 0, g = 0, b = 0;
};

Color Rgb(float r, float g, float b) { return {r / 255, g / 255, b / 255}; }
Color operator+(Color a, Color b) { return {a.r + b.r, a.g + b.g, a.b + b.b}; }
Color operator*(Color a, float k) { return {a.r * k, a.g * k, a.b * k}; }
Color operator*(Color a, Color b) { return {a.r * b.r, a.g * b.g, a.b * b.b}; }
Color Mix(Color a, Color b, float t) { return a * (1 - t) + b * t; }

float Clamp01(float v) { return std::clamp(v, 0.0f, 1.0f); }
float SmoothStep(float e0, float e1, float v) {
  const float t = Clamp01((v - e0) / (e1 - e0));
  return t * t * (3 - 2 * t);
}

// --- Noise -----------------------------------------------------------------

uint32_t Hash(int32_t x, int32_t y, uint32_t seed) {
  uint32_t h = seed * 0x9E3779B9u;
  h ^= static_cast<uint32_t>(x) * 0x85EBCA6Bu;
  h = (h ^ (h >> 15)) * 0x2C1B3C6Du;
  h ^= static_cast<uint32_t>(y) * 0xC2B2AE35u;
  h = (h ^ (h >> 13)) * 0x27D4EB2Fu;
  return h ^ (h >> 16);
}

float Random01(int32_t x, int32_t y, uint32_t seed) {
  return static_cast<float>(Hash(x, y, seed) >> 8) / 16777216.0f;
}

float ValueNoise(float x, float y, uint32_t seed) {
  const float fx = std::floor(x), fy = std::floor(y);
  const int32_t ix = static_cast<int32_t>(fx), iy = static_cast<int32_t>(fy);
  float tx = x - fx, ty = y - fy;
  tx = tx * tx * (3 - 2 * tx);
  ty = ty * ty * (3 - 2 * ty);
  const float a = Random01(ix, iy, seed), b = Random01(ix + 1, iy, seed);
  const float c = Random01(ix, iy + 1, seed),
              d = Random01(ix + 1, iy + 1, seed);
  return (a + (b - a) * tx) * (1 - ty) + (c + (d - c) * tx) * ty;
}

// Fractal noise in [0, 1): `octaves` layers, each twice as fine.
float Fbm(float x, float y, int octaves, uint32_t seed) {
  float sum = 0, amplitude = 0.5f, total = 0;
  for (int i = 0; i < octaves; ++i) {
    sum += amplitude * ValueNoise(x, y, seed + i);
    total += amplitude;
    x *= 2.03f;
    y *= 2.03f;
    amplitude *= 0.5f;
  }
  return sum / total;
}

// --- Layers ----------------------------------------------------------------

// Premultiplied RGBA pixels over a pixel rectangle of the output; shapes
// are given in design units.
class Layer {
 public:
  Layer(int width, int height, int x0, int y0, int w, int h)
      : scale_x_(kDesignWidth / width),
        scale_y_(kDesignHeight / height),
        x0_(std::max(0, x0)),
        y0_(std::max(0, y0)),
        w_(std::max(0, std::min(w, width - x0_))),
        h_(std::max(0, std::min(h, height - y0_))),
        color_(static_cast<size_t>(w_) * h_),
        alpha_(static_cast<size_t>(w_) * h_, 0.0f) {}

  // A layer over the whole output, for a region given in design units.
  static Layer Region(int width, int height, float dx0, float dy0, float dx1,
                      float dy1) {
    const float sx = width / kDesignWidth, sy = height / kDesignHeight;
    const int x0 = static_cast<int>(std::floor(dx0 * sx));
    const int y0 = static_cast<int>(std::floor(dy0 * sy));
    const int x1 = static_cast<int>(std::ceil(dx1 * sx));
    const int y1 = static_cast<int>(std::ceil(dy1 * sy));
    return Layer(width, height, x0, y0, x1 - x0, y1 - y0);
  }

  int x0() const { return x0_; }
  int y0() const { return y0_; }
  int w() const { return w_; }
  int h() const { return h_; }
  float pixel_x() const { return scale_x_; }  // design units per pixel
  float pixel_y() const { return scale_y_; }
  float DesignX(int px) const { return (px + 0.5f) * scale_x_; }
  float DesignY(int py) const { return (py + 0.5f) * scale_y_; }

  bool Contains(int px, int py) const {
    return px >= x0_ && py >= y0_ && px < x0_ + w_ && py < y0_ + h_;
  }
  Color& color(int px, int py) { return color_[Index(px, py)]; }
  float& alpha(int px, int py) { return alpha_[Index(px, py)]; }
  Color color(int px, int py) const { return color_[Index(px, py)]; }
  float alpha(int px, int py) const { return alpha_[Index(px, py)]; }

  // Paints `c` with opacity `a` over pixel (px, py).
  void Blend(int px, int py, Color c, float a) {
    if (a <= 0 || !Contains(px, py)) return;
    a = std::min(a, 1.0f);
    const size_t i = Index(px, py);
    color_[i] = c * a + color_[i] * (1 - a);
    alpha_[i] = a + alpha_[i] * (1 - a);
  }

  // Calls paint(px, py, x, y) for each pixel whose design box meets
  // [x0, x1) × [y0, y1), with (x, y) the pixel centre in design units.
  template <typename Paint>
  void ForEach(float x0, float y0, float x1, float y1, Paint paint) {
    const int px0 = std::max(x0_, static_cast<int>(std::floor(x0 / scale_x_)));
    const int py0 = std::max(y0_, static_cast<int>(std::floor(y0 / scale_y_)));
    const int px1 =
        std::min(x0_ + w_, static_cast<int>(std::ceil(x1 / scale_x_)) + 1);
    const int py1 =
        std::min(y0_ + h_, static_cast<int>(std::ceil(y1 / scale_y_)) + 1);
    for (int py = py0; py < py1; ++py) {
      for (int px = px0; px < px1; ++px)
        paint(px, py, DesignX(px), DesignY(py));
    }
  }

 private:
  size_t Index(int px, int py) const {
    return static_cast<size_t>(py - y0_) * w_ + (px - x0_);
  }

  float scale_x_, scale_y_;
  int x0_, y0_, w_, h_;
  std::vector<Color> color_;
  std::vector<float> alpha_;
};

// Coverage of a pixel by the side of an edge at signed distance `d`
// (design units, positive inside); `pixel` is the pixel size.
float Coverage(float d, float pixel) { return Clamp01(d / pixel + 0.5f); }

void FillRect(Layer& l, float x0, float y0, float x1, float y1, Color c,
              float a = 1) {
  l.ForEach(x0, y0, x1, y1, [&](int px, int py, float x, float y) {
    const float cx =
        std::min(Coverage(x - x0, l.pixel_x()), Coverage(x1 - x, l.pixel_x()));
    const float cy =
        std::min(Coverage(y - y0, l.pixel_y()), Coverage(y1 - y, l.pixel_y()));
    l.Blend(px, py, c, a * cx * cy);
  });
}

void FillEllipse(Layer& l, float cx, float cy, float rx, float ry, Color c,
                 float a = 1) {
  l.ForEach(cx - rx, cy - ry, cx + rx, cy + ry,
            [&](int px, int py, float x, float y) {
              const float dx = (x - cx) / rx, dy = (y - cy) / ry;
              const float d =
                  (1 - std::sqrt(dx * dx + dy * dy)) * std::min(rx, ry);
              l.Blend(px, py, c, a * Coverage(d, l.pixel_x()));
            });
}

// A filled polygon, 4 × 4 samples a pixel.
void FillPolygon(Layer& l, const std::vector<std::pair<float, float>>& pts,
                 Color c, float a = 1) {
  float x0 = pts[0].first, x1 = x0, y0 = pts[0].second, y1 = y0;
  for (auto [x, y] : pts) {
    x0 = std::min(x0, x);
    x1 = std::max(x1, x);
    y0 = std::min(y0, y);
    y1 = std::max(y1, y);
  }
  auto inside = [&](float x, float y) {
    bool in = false;
    for (size_t i = 0, j = pts.size() - 1; i < pts.size(); j = i++) {
      const auto [xi, yi] = pts[i];
      const auto [xj, yj] = pts[j];
      if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
        in = !in;
      }
    }
    return in;
  };
  l.ForEach(x0, y0, x1, y1, [&](int px, int py, float x, float y) {
    int hits = 0;
    for (int sy = 0; sy < 4; ++sy) {
      for (int sx = 0; sx < 4; ++sx) {
        hits += inside(x + ((sx + 0.5f) / 4 - 0.5f) * l.pixel_x(),
                       y + ((sy + 0.5f) / 4 - 0.5f) * l.pixel_y());
      }
    }
    l.Blend(px, py, c, a * hits / 16.0f);
  });
}

// A line of width `width` between two points, round-capped.
void StrokeSegment(Layer& l, float ax, float ay, float bx, float by,
                   float width, Color c, float a = 1) {
  const float r = width / 2;
  const float dx = bx - ax, dy = by - ay;
  const float len2 = std::max(dx * dx + dy * dy, 1e-6f);
  // A line thinner than a pixel is drawn a pixel wide and fainter.
  const float pixel = l.pixel_x();
  const float fade = std::min(1.0f, width / pixel);
  const float rr = std::max(r, pixel / 2);
  l.ForEach(std::min(ax, bx) - rr - pixel, std::min(ay, by) - rr - pixel,
            std::max(ax, bx) + rr + pixel, std::max(ay, by) + rr + pixel,
            [&](int px, int py, float x, float y) {
              const float t = Clamp01(((x - ax) * dx + (y - ay) * dy) / len2);
              const float ex = x - (ax + t * dx), ey = y - (ay + t * dy);
              const float d = rr - std::sqrt(ex * ex + ey * ey);
              l.Blend(px, py, c, a * fade * Coverage(d, pixel));
            });
}

// A polyline through y = f(x) for x in [x0, x1].
void StrokeCurve(Layer& l, float x0, float x1, float width,
                 const std::function<float(float)>& f, Color c, float a = 1) {
  const float step = 6;
  float px = x0, py = f(x0);
  for (float x = x0 + step; x < x1 + step; x += step) {
    const float nx = std::min(x, x1), ny = f(nx);
    StrokeSegment(l, px, py, nx, ny, width, c, a);
    px = nx;
    py = ny;
  }
}

// Everything below the ridge y = f(x) down to `bottom`, for x in [x0, x1).
void FillBelow(Layer& l, float x0, float x1, float bottom,
               const std::function<float(float)>& f,
               const std::function<Color(float, float)>& shade) {
  std::vector<float> ridge;
  float top = bottom;
  for (int px = 0; px < l.x0() + l.w(); ++px) {
    const float x = l.DesignX(px);
    ridge.push_back(f(x));
    if (x >= x0 && x < x1) top = std::min(top, ridge.back());
  }
  l.ForEach(x0, top - 2, x1, bottom, [&](int px, int py, float x, float y) {
    if (x < x0 || x >= x1) return;
    l.Blend(px, py, shade(x, y), Coverage(y - ridge[px], l.pixel_y()));
  });
}

// Paints `top` over `base` where `top` has alpha.
void Composite(Layer& base, const Layer& top) {
  for (int py = top.y0(); py < top.y0() + top.h(); ++py) {
    for (int px = top.x0(); px < top.x0() + top.w(); ++px) {
      if (!base.Contains(px, py)) continue;
      const float a = top.alpha(px, py);
      if (a <= 0) continue;
      base.color(px, py) = top.color(px, py) + base.color(px, py) * (1 - a);
    }
  }
}

// --- The scene -------------------------------------------------------------

constexpr float kSunX = 1420, kSunY = 835, kSunR = 46;

const Color kBridge = Rgb(30, 22, 44);
const Color kWarmLight = Rgb(255, 208, 132);

Color SkyColor(float x, float y) {
  struct Stop {
    float t;
    Color c;
  };
  static const std::array<Stop, 6> kStops = {{
      {0.00f, Rgb(20, 26, 68)},
      {0.30f, Rgb(56, 48, 110)},
      {0.55f, Rgb(138, 78, 128)},
      {0.75f, Rgb(222, 118, 104)},
      {0.90f, Rgb(248, 162, 98)},
      {1.00f, Rgb(255, 192, 128)},
  }};
  const float t = Clamp01(y / kHorizon);
  Color c = kStops.back().c;
  for (size_t i = 1; i < kStops.size(); ++i) {
    if (t <= kStops[i].t) {
      c = Mix(kStops[i - 1].c, kStops[i].c,
              SmoothStep(kStops[i - 1].t, kStops[i].t, t));
      break;
    }
  }
  const float dx = x - kSunX, dy = (y - kSunY) * 1.6f;
  const float d2 = dx * dx + dy * dy;
  c = c + Rgb(255, 150, 80) * (0.45f * std::exp(-d2 / (300.0f * 300.0f)) +
                               0.22f * std::exp(-d2 / (800.0f * 800.0f)));
  c = c + Rgb(255, 225, 170) * (0.7f * std::exp(-d2 / (80.0f * 80.0f)));
  return c;
}

void PaintSky(Layer& l) {
  l.ForEach(
      0, 0, kDesignWidth, kHorizon, [&](int px, int py, float x, float y) {
        Color c = SkyColor(x, y);
        // Two decks of thin clouds, lit from below by the sun.
        const float sunward = std::exp(-std::pow((x - kSunX) / 900.0f, 2.0f));
        for (int deck = 0; deck < 2; ++deck) {
          const float y0 = deck == 0 ? 120 : 420, y1 = deck == 0 ? 420 : 760;
          const float band =
              SmoothStep(y0, y0 + 80, y) * (1 - SmoothStep(y1 - 120, y1, y));
          if (band <= 0) continue;
          const float n = Fbm(x / 520.0f + deck * 17, y / 46.0f, 5, 11 + deck);
          const float density = SmoothStep(0.50f, 0.70f, n) * band;
          if (density <= 0) continue;
          const float lit = Clamp01(0.25f + 0.75f * sunward) *
                            SmoothStep(0.3f, 1.0f, y / kHorizon + 0.3f);
          const Color shadow = deck == 0 ? Rgb(70, 56, 108) : Rgb(118, 72, 118);
          const Color glow =
              deck == 0 ? Rgb(236, 132, 130) : Rgb(255, 156, 104);
          const Color cloud = Mix(shadow, glow, lit);
          c = Mix(c, cloud, 0.78f * density);
        }
        l.Blend(px, py, c, 1);
      });
  // The sun, a little brighter at its centre.
  l.ForEach(kSunX - kSunR, kSunY - kSunR, kSunX + kSunR, kSunY + kSunR,
            [&](int px, int py, float x, float y) {
              const float r = std::hypot(x - kSunX, y - kSunY);
              // Brighter than white: its reflection must still outshine
              // the glowing sky around it; the output clips.
              const Color c =
                  Mix(Rgb(255, 250, 228) * 1.7f, Rgb(255, 214, 150) * 1.3f,
                      SmoothStep(0, kSunR, r));
              l.Blend(px, py, c, Coverage(kSunR - r, l.pixel_x()));
            });
}

// Far hills of the Asian shore, the near hills of the European shore on
// the left, and the ridge of the Asian shore on the right.
float FarRidge(float x) {
  return kHorizon -
         (26 + 50 * Fbm(x / 320.0f, 0.5f, 4, 21)) * SmoothStep(560, 980, x);
}
float LeftRidge(float x) {
  const float t = Clamp01(1 - x / 820.0f);
  return kHorizon - 165 * std::pow(t, 1.25f) -
         18 * Fbm(x / 140.0f, 3.5f, 3, 23) * t;
}
float RightRidge(float x) {
  const float t = SmoothStep(1760, 2460, x);
  return kHorizon - (12 + 118 * t + 22 * Fbm(x / 180.0f, 7.5f, 3, 25) * t) *
                        SmoothStep(1700, 1800, x);
}

void PaintCityLights(Layer& l, float x0, float x1, int count,
                     const std::function<float(float)>& ridge, uint32_t seed) {
  for (int i = 0; i < count; ++i) {
    const float x = x0 + (x1 - x0) * Random01(i, 0, seed);
    const float top = ridge(x) + 4;
    if (top >= kHorizon - 3) continue;
    // Denser toward the water, where the houses are.
    const float depth = std::pow(Random01(i, 1, seed), 2.2f);
    const float y = kHorizon - 3 - (kHorizon - 3 - top) * depth;
    const float size = 1.1f + 1.4f * Random01(i, 2, seed);
    const Color c = Mix(kWarmLight, Rgb(255, 244, 220), Random01(i, 3, seed));
    FillEllipse(l, x, y, size, size, c, 0.55f + 0.45f * Random01(i, 4, seed));
  }
}

void PaintShores(Layer& l) {
  const Color horizon_haze = Rgb(236, 150, 120);
  FillBelow(l, 540, kDesignWidth, kHorizon + 1, FarRidge, [&](float, float y) {
    const float haze = 0.50f + 0.25f * SmoothStep(kHorizon - 70, kHorizon, y);
    return Mix(Rgb(104, 66, 112), horizon_haze, haze);
  });
  PaintCityLights(l, 900, 1760, 90, FarRidge, 31);
  FillBelow(l, 1700, kDesignWidth, kHorizon + 1, RightRidge, [&](float, float) {
    return Mix(Rgb(66, 44, 84), horizon_haze, 0.22f);
  });
  PaintCityLights(l, 1760, kDesignWidth, 170, RightRidge, 33);
  FillBelow(l, 0, 860, kHorizon + 1, LeftRidge, [&](float, float) {
    return Mix(Rgb(70, 48, 88), horizon_haze, 0.20f);
  });
  PaintCityLights(l, 0, 800, 150, LeftRidge, 35);
}

// The bridge: two towers, the main cable and its backstays, hangers and a
// slightly cambered deck with its lights.
constexpr float kTowerLeft = 640, kTowerRight = 1900, kTowerTop = 612;
float DeckY(float x) {
  const float u = (x - 1270) / 1270;
  return 902 - 16 * (1 - u * u);
}
float MainCable(float x) {
  const float u = (x - 1270) / (kTowerRight - 1270);
  return DeckY(1270) - 3 - (DeckY(1270) - 3 - kTowerTop - 6) * u * u;
}
float LeftBackstay(float x) {
  const float u = (kTowerLeft - x) / kTowerLeft;  // 0 at the tower
  return kTowerTop + 6 +
         (DeckY(0) - 40 - kTowerTop) * (0.75f * u + 0.25f * u * u);
}
float RightBackstay(float x) {
  const float u = (x - kTowerRight) / (kDesignWidth - kTowerRight);
  return kTowerTop + 6 +
         (DeckY(kDesignWidth) - 40 - kTowerTop) * (0.75f * u + 0.25f * u * u);
}

void PaintBridge(Layer& l) {
  // Hangers every 24 units, from the cables down to the deck.
  auto hangers = [&](float x0, float x1,
                     const std::function<float(float)>& cable) {
    for (float x = x0; x <= x1; x += 24) {
      const float top = cable(x), bottom = DeckY(x);
      if (bottom - top > 4)
        StrokeSegment(l, x, top, x, bottom, 1.4f, kBridge, 0.8f);
    }
  };
  hangers(kTowerLeft + 24, kTowerRight - 24, MainCable);
  hangers(12, kTowerLeft - 24, LeftBackstay);
  hangers(kTowerRight + 24, kDesignWidth - 12, RightBackstay);
  StrokeCurve(l, kTowerLeft, kTowerRight, 4.2f, MainCable, kBridge);
  StrokeCurve(l, -10, kTowerLeft, 4.2f, LeftBackstay, kBridge);
  StrokeCurve(l, kTowerRight, kDesignWidth + 10, 4.2f, RightBackstay, kBridge);
  // Deck: a girder 11 units deep with a thin lower chord.
  l.ForEach(0, 860, kDesignWidth, 930, [&](int px, int py, float x, float y) {
    const float top = DeckY(x);
    const float inside = std::min(Coverage(y - top, l.pixel_y()),
                                  Coverage(top + 11 - y, l.pixel_y()));
    l.Blend(px, py, kBridge, inside);
  });
  // Towers, slightly tapered, with two cross beams.
  for (float tx : {kTowerLeft, kTowerRight}) {
    FillPolygon(l,
                {{tx - 9, kTowerTop},
                 {tx + 9, kTowerTop},
                 {tx + 13, kHorizon + 2},
                 {tx - 13, kHorizon + 2}},
                kBridge);
    FillRect(l, tx - 14, kTowerTop + 60, tx + 14, kTowerTop + 70, kBridge);
    FillRect(l, tx - 15, DeckY(tx) - 4, tx + 15, DeckY(tx) + 14, kBridge);
    FillEllipse(l, tx, kTowerTop - 3, 2.4f, 2.4f, Rgb(255, 70, 60), 0.95f);
  }
  // Deck lights.
  for (float x = 10; x < kDesignWidth; x += 26) {
    FillEllipse(l, x, DeckY(x) + 5, 1.8f, 1.8f, kWarmLight, 0.9f);
  }
}

// The sky above the horizon mirrored in the water, waves breaking up the
// reflection more and more toward the viewer, and the sun's glitter path.
void PaintWater(Layer& canvas, int width, int height) {
  // Sample the rows above the horizon bilinearly.
  auto sample = [&](float x, float y) {
    const float fx =
        std::clamp(x / canvas.pixel_x() - 0.5f, 0.0f, width - 1.001f);
    const float fy = std::clamp(y / canvas.pixel_y() - 0.5f, 0.0f,
                                kHorizon / canvas.pixel_y() - 1.001f);
    const int ix = static_cast<int>(fx), iy = static_cast<int>(fy);
    const float tx = fx - ix, ty = fy - iy;
    const int ix1 = std::min(ix + 1, width - 1);
    return Mix(Mix(canvas.color(ix, iy), canvas.color(ix1, iy), tx),
               Mix(canvas.color(ix, iy + 1), canvas.color(ix1, iy + 1), tx),
               ty);
  };
  const int first_row =
      static_cast<int>(std::ceil(kHorizon / canvas.pixel_y() - 0.5f));
  std::vector<Color> row(width);
  for (int py = first_row; py < height; ++py) {
    const float y = canvas.DesignY(py);
    const float d = y - kHorizon;  // distance below the horizon
    // Wave space: rows of waves crowd toward the horizon, and each wave is
    // much longer than it is deep.
    const float depth = 2600.0f / (d + 26.0f);
    const float deep = SmoothStep(0, 620, d);
    for (int px = 0; px < width; ++px) {
      const float x = canvas.DesignX(px);
      const float wx = (x - 1200) / (d + 26.0f) * 9.0f;
      const float swell = Fbm(wx * 0.05f, depth * 0.9f, 4, 41);
      const float chop = Fbm(wx * 0.16f + 9, depth * 2.2f, 3, 43);
      // A tilted wave face reflects a point higher or lower in the sky:
      // the reflection is smeared downward and broken into bands.
      const float wobble_y =
          (swell - 0.5f) * (10 + d * 0.8f) + (chop - 0.5f) * (8 + d * 0.6f);
      const float wobble_x = (chop - 0.5f) * (6 + d * 0.05f);
      const float spread = 1.5f + d * 0.09f;
      Color c;
      for (int k = 0; k < 4; ++k) {
        c = c + sample(x + wobble_x, kHorizon - d * 0.97f - std::abs(wobble_y) -
                                         k * spread - 1) *
                    0.25f;
      }
      // Water keeps the reflection's warmth near the horizon and darkens
      // toward the viewer; wave troughs are darker, crests catch the sky.
      c = c * Rgb(226, 206, 214);
      c = Mix(c, Rgb(30, 24, 58), 0.12f + 0.55f * deep);
      c = c * (0.86f + 0.34f * (chop - 0.5f) + 0.5f * (swell - 0.5f) * deep);
      // Glitter: thin bright facets in a path under the sun.
      const float path =
          std::exp(-std::pow((x - kSunX) / (30 + d * 0.34f), 2.0f));
      if (path > 0.01f) {
        const float facet = Fbm(wx * 0.45f + 3, depth * 5.0f, 2, 47);
        const float glint = SmoothStep(0.55f, 0.80f, facet);
        c = c + Rgb(255, 200, 134) * (path * glint * (1.25f - 0.6f * deep));
      }
      row[px] = c;
    }
    for (int px = 0; px < width; ++px) canvas.Blend(px, py, row[px], 1);
  }
}

// A foreground object drawn on its own layer, and its reflection below its
// waterline: mirrored, darkened and broken by the same waves.
void PaintWithReflection(Layer& canvas, Layer& object, float waterline,
                         float strength, float reach) {
  const float line_py = waterline / canvas.pixel_y();
  for (int py = object.y0(); py < object.y0() + object.h(); ++py) {
    const int my = static_cast<int>(2 * line_py - (py + 0.5f));
    const float d = (my + 0.5f) * canvas.pixel_y() - waterline;
    if (d < 0 || my >= canvas.y0() + canvas.h()) continue;
    const float wave_y = (my + 0.5f) * canvas.pixel_y() / (3.0f + d * 0.04f);
    for (int px = object.x0(); px < object.x0() + object.w(); ++px) {
      const float a = object.alpha(px, py);
      if (a <= 0) continue;
      const float x = canvas.DesignX(px);
      // Whole wave bands shift sideways together, and some go dark.
      const float band = Fbm(x / 420.0f, wave_y, 3, 51);
      const float gap = Fbm(x / 160.0f + 5, wave_y * 1.7f, 2, 53);
      const int shift = static_cast<int>(
          std::lround((band - 0.5f) * (5 + d * 0.18f) / canvas.pixel_x()));
      const int mx = std::clamp(px + shift, 0, canvas.x0() + canvas.w() - 1);
      const float fade = strength * (1 - SmoothStep(0, reach, d)) *
                         (1 - 0.85f * SmoothStep(0.45f, 0.7f, gap));
      const Color c = object.color(px, py) * (1 / a) * 0.6f;
      canvas.Blend(mx, my, c, a * Clamp01(fade));
    }
  }
  Composite(canvas, object);
}

// The mosque on the near quay: a domed hall between two slender minarets
// with pointed caps, lamps in its arched windows.
void PaintMosque(Layer& l) {
  const Color stone = Rgb(52, 36, 60);
  const Color quay = Rgb(34, 26, 42);
  const float cx = 330, ground = 1058;
  FillRect(l, -10, ground, 760, ground + 26, quay);
  FillRect(l, -10, ground - 2, 760, ground, Rgb(92, 62, 84));
  // Lower wing and the hall.
  FillRect(l, cx - 170, ground - 56, cx + 170, ground, stone);
  FillRect(l, cx - 92, ground - 176, cx + 92, ground, stone);
  FillRect(l, cx - 100, ground - 182, cx + 100, ground - 172, stone);
  // Corner turrets with small domes.
  for (float s : {-1.0f, 1.0f}) {
    FillRect(l, cx + s * 86 - 9, ground - 200, cx + s * 86 + 9, ground - 176,
             stone);
    FillEllipse(l, cx + s * 86, ground - 200, 9, 9, stone);
  }
  // Drum and dome with its finial and crescent.
  FillRect(l, cx - 72, ground - 214, cx + 72, ground - 176, stone);
  FillEllipse(l, cx, ground - 214, 74, 68, stone);
  StrokeSegment(l, cx, ground - 300, cx, ground - 270, 3, stone);
  FillEllipse(l, cx, ground - 306, 6, 6, stone);
  // Windows: two rows of arches in the hall, one in the drum, all lit.
  for (int i = 0; i < 5; ++i) {
    const float wx = cx - 64 + i * 32;
    FillRect(l, wx - 7, ground - 150, wx + 7, ground - 118, kWarmLight, 0.95f);
    FillEllipse(l, wx, ground - 150, 7, 7, kWarmLight, 0.95f);
    FillRect(l, wx - 7, ground - 92, wx + 7, ground - 40, kWarmLight, 0.9f);
    FillEllipse(l, wx, ground - 92, 7, 7, kWarmLight, 0.9f);
  }
  for (int i = 0; i < 6; ++i) {
    const float wx = cx - 55 + i * 22;
    FillRect(l, wx - 4, ground - 206, wx + 4, ground - 186, kWarmLight, 0.75f);
  }
  for (float s : {-1.0f, 1.0f}) {
    for (float off : {112.0f, 130.0f}) {
      const float wx = cx + s * off;
      FillRect(l, wx - 5, ground - 44, wx + 5, ground - 18, kWarmLight, 0.6f);
    }
  }
  // Minarets.
  for (float mx : {cx - 150, cx + 150}) {
    FillRect(l, mx - 7, ground - 330, mx + 7, ground - 56, stone);
    FillRect(l, mx - 9, ground - 100, mx + 9, ground - 56, stone);
    FillRect(l, mx - 14, ground - 262, mx + 14, ground - 254, stone);
    FillRect(l, mx - 12, ground - 254, mx + 12, ground - 250, stone);
    FillEllipse(l, mx, ground - 258, 2, 2, kWarmLight, 0.9f);
    FillPolygon(
        l, {{mx - 9, ground - 328}, {mx, ground - 400}, {mx + 9, ground - 328}},
        stone);
    StrokeSegment(l, mx, ground - 404, mx, ground - 396, 2, stone);
  }
}

// A Bosphorus ferry crossing the glitter path, heading left.
void PaintFerry(Layer& l) {
  const Color hull = Rgb(24, 22, 36);
  const Color cabin = Rgb(40, 34, 52);
  const float x0 = 1500, x1 = 1820, water = 1232;
  FillPolygon(l,
              {{x0 - 12, water - 38},
               {x1 + 6, water - 38},
               {x1, water},
               {x0 + 14, water}},
              hull);
  FillRect(l, x0 + 18, water - 64, x1 - 26, water - 38, cabin);
  FillRect(l, x0 + 40, water - 86, x1 - 60, water - 64, cabin);
  FillRect(l, x0 + 120, water - 102, x0 + 170, water - 86, cabin);
  FillPolygon(l,
              {{x0 + 178, water - 86},
               {x0 + 206, water - 86},
               {x0 + 210, water - 128},
               {x0 + 186, water - 128}},
              hull);
  FillRect(l, x0 + 183, water - 120, x0 + 209, water - 114, Rgb(200, 160, 60),
           0.8f);
  StrokeSegment(l, x0 + 60, water - 86, x0 + 60, water - 120, 2, hull);
  StrokeSegment(l, x1 - 70, water - 86, x1 - 70, water - 112, 2, hull);
  for (float x = x0 + 28; x < x1 - 34; x += 15) {
    FillRect(l, x, water - 58, x + 8, water - 47, kWarmLight, 0.85f);
  }
  for (float x = x0 + 50; x < x1 - 70; x += 17) {
    FillRect(l, x, water - 80, x + 9, water - 70, kWarmLight, 0.7f);
  }
  FillEllipse(l, x0 - 8, water - 42, 2.2f, 2.2f, Rgb(255, 90, 80), 0.9f);
  FillEllipse(l, x0 + 140, water - 106, 2.0f, 2.0f, Rgb(255, 250, 230), 0.9f);
}

void PaintWake(Layer& l) {
  const float sx = 1818, sy = 1230;
  l.ForEach(sx - 20, sy - 6, kDesignWidth, sy + 60,
            [&](int px, int py, float x, float y) {
              const float along = x - sx;
              if (along < -10) return;
              const float spread = 4 + along * 0.06f;
              const float off = std::abs(y - sy - along * 0.035f);
              const float band = std::exp(-std::pow(off / spread, 2.0f));
              const float n = Fbm(x / 14.0f, y / 3.0f, 3, 61);
              const float foam = band * SmoothStep(0.4f, 0.75f, n) *
                                 (1 - SmoothStep(0, 560, along));
              l.Blend(px, py, Rgb(236, 206, 200), 0.8f * foam);
            });
}

void PaintGulls(Layer& l) {
  struct Gull {
    float x, y, span, tilt;
  };
  const Gull gulls[] = {{880, 330, 40, 0.1f},
                        {960, 300, 30, -0.15f},
                        {1010, 370, 24, 0.2f},
                        {620, 420, 20, -0.05f},
                        {1110, 250, 18, 0.1f}};
  const Color c = Rgb(38, 28, 50);
  for (const Gull& g : gulls) {
    const float cos_t = std::cos(g.tilt), sin_t = std::sin(g.tilt);
    auto place = [&](float x, float y) {
      return std::pair<float, float>(g.x + x * cos_t - y * sin_t,
                                     g.y + x * sin_t + y * cos_t);
    };
    // Each wing a quadratic curve from the body up over the shoulder to a
    // tip that droops a little; thinner toward the tip.
    for (float side : {-1.0f, 1.0f}) {
      const float s = g.span * side;
      auto wing = [&](float t) {
        const float u = 1 - t;
        return place(2 * u * t * 0.35f * s + t * t * s,
                     2 * u * t * (-0.62f * g.span) + t * t * (-0.12f * g.span));
      };
      constexpr int kSteps = 10;
      for (int i = 0; i < kSteps; ++i) {
        const auto [ax, ay] = wing(static_cast<float>(i) / kSteps);
        const auto [bx, by] = wing(static_cast<float>(i + 1) / kSteps);
        const float width =
            std::max(1.6f, g.span * 0.11f * (1 - 0.6f * i / kSteps));
        StrokeSegment(l, ax, ay, bx, by, width, c, 0.9f);
      }
    }
  }
}

}  // namespace

std::vector<uint8_t> RenderDemoScene(int width, int height) {
  Layer canvas(width, height, 0, 0, width, height);
  PaintSky(canvas);
  PaintShores(canvas);
  PaintBridge(canvas);
  PaintGulls(canvas);
  PaintWater(canvas, width, height);
  PaintWake(canvas);

  Layer ferry = Layer::Region(width, height, 1470, 1090, 1840, 1240);
  PaintFerry(ferry);
  PaintWithReflection(canvas, ferry, 1232, 0.9f, /*reach=*/200);

  Layer mosque = Layer::Region(width, height, 0, 640, 780, 1090);
  PaintMosque(mosque);
  PaintWithReflection(canvas, mosque, 1084, 0.85f, /*reach=*/520);

  std::vector<uint8_t> rgb(static_cast<size_t>(width) * height * 3);
  for (int py = 0; py < height; ++py) {
    for (int px = 0; px < width; ++px) {
      const float x = canvas.DesignX(px) / kDesignWidth - 0.5f;
      const float y = canvas.DesignY(py) / kDesignHeight - 0.5f;
      const float vignette = 1 - 0.38f * (x * x + y * y) * 2;
      const float grain = (Random01(px, py, 71) - 0.5f) * (3.0f / 255);
      const Color c = canvas.color(px, py) * vignette;
      uint8_t* out = &rgb[(static_cast<size_t>(py) * width + px) * 3];
      for (int i = 0; i < 3; ++i) {
        const float v = i == 0 ? c.r : i == 1 ? c.g : c.b;
        out[i] = static_cast<uint8_t>(std::lround(Clamp01(v + grain) * 255));
      }
    }
  }
  return rgb;
}

namespace {

// The "N" of the favicon's path, "M8 25V7h4l8 11.5V7h4v18h-4l-8-11.5V25z",
// in 32 units.
constexpr double kN[][2] = {{8, 25}, {8, 7},   {12, 7},  {20, 18.5}, {20, 7},
                            {24, 7}, {24, 25}, {20, 25}, {12, 13.5}, {12, 25}};

bool InN(double x, double y) {
  // Even-odd rule over the polygon's edges.
  bool inside = false;
  constexpr int n = sizeof(kN) / sizeof(kN[0]);
  for (int i = 0, j = n - 1; i < n; j = i++) {
    const double xi = kN[i][0], yi = kN[i][1], xj = kN[j][0], yj = kN[j][1];
    if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
      inside = !inside;
    }
  }
  return inside;
}

bool InSquare(double x, double y) {
  constexpr double r = 6;
  const double cx = x < r ? r : (x > 32 - r ? 32 - r : x);
  const double cy = y < r ? r : (y > 32 - r ? 32 - r : y);
  return (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r;
}

}  // namespace

std::vector<uint8_t> RenderLogo(int size) {
  std::vector<uint8_t> out(static_cast<size_t>(size) * size * 4);
  constexpr int kSamples = 4;
  const double unit = 32.0 / size;
  for (int py = 0; py < size; ++py) {
    for (int px = 0; px < size; ++px) {
      int square = 0, letter = 0;
      for (int sy = 0; sy < kSamples; ++sy) {
        for (int sx = 0; sx < kSamples; ++sx) {
          const double x = (px + (sx + 0.5) / kSamples) * unit;
          const double y = (py + (sy + 0.5) / kSamples) * unit;
          if (!InSquare(x, y)) continue;
          ++square;
          if (InN(x, y)) ++letter;
        }
      }
      // #0b4f8a under white, the letter's share of the square's samples.
      const double white =
          square == 0 ? 0 : static_cast<double>(letter) / square;
      uint8_t* p = &out[(static_cast<size_t>(py) * size + px) * 4];
      p[0] = static_cast<uint8_t>(0x0b + (255 - 0x0b) * white + 0.5);
      p[1] = static_cast<uint8_t>(0x4f + (255 - 0x4f) * white + 0.5);
      p[2] = static_cast<uint8_t>(0x8a + (255 - 0x8a) * white + 0.5);
      p[3] = static_cast<uint8_t>(255.0 * square / (kSamples * kSamples) + 0.5);
    }
  }
  return out;
}

}  // namespace newsroom::media::internal
