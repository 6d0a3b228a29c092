#pragma once

#include <QPalette>
#include <QString>

class QWidget;

namespace kafdesk::test {

// Saves widget.grab() as screenshotDir()/name (a failed grab or write fails the test) and prints
// where, after letting pending layout and paint events run.
void saveScreenshot(QWidget &widget, const QString &name);

// The dark palette the tests take their dark-mode screenshots in (with the Fusion style).
QPalette darkPalette();

} // namespace kafdesk::test
