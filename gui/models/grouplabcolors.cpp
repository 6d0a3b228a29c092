#include "models/grouplabcolors.h"

#include <array>

namespace kafdesk::grouplabcolors {

namespace {

struct Pair {
    QRgb light;
    QRgb dark;
};

// Blue, orange, green, red, violet, teal, yellow, pink: told apart by people with most kinds
// of colour blindness in their light-dark order too.
constexpr std::array<Pair, 8> hues{{{0xa6cee3, 0x1f5f8b},
                                    {0xfdbf6f, 0x9a5a00},
                                    {0xb2df8a, 0x2e6b1f},
                                    {0xfb9a99, 0x8e2a2a},
                                    {0xcab2d6, 0x5b3a7a},
                                    {0x8dd3c7, 0x1d6b60},
                                    {0xfff2a0, 0x7a6a00},
                                    {0xf4b6d8, 0x8a2f66}}};

} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor memberBackground(int id, const QPalette &palette)
{
    const Pair &pair = hues[static_cast<size_t>((std::max(id, 1) - 1) % static_cast<int>(hues.size()))];
    return QColor::fromRgb(isDark(palette) ? pair.dark : pair.light);
}

QColor textOn(const QColor &background)
{
    // Relative luminance, roughly (sRGB weights without the gamma).
    const double y = 0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    return y > 0.5 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace kafdesk::grouplabcolors
