#include "support/screenshot.h"

#include "support/testsupport.h"

#include <QDir>
#include <QPixmap>
#include <QTest>
#include <QWidget>

namespace kafdesk::test {

void saveScreenshot(QWidget &widget, const QString &name)
{
    QDir().mkpath(screenshotDir());
    QTest::qWait(100); // let the layout follow texts that just changed
    const QString file = screenshotDir() + QLatin1Char('/') + name;
    const QPixmap shot = widget.grab();
    QVERIFY(!shot.isNull());
    QVERIFY(shot.save(file));
    qInfo("screenshot: %s", qPrintable(file));
}

} // namespace kafdesk::test
