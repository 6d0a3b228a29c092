#include "support/groupcommand.h"

#include <QStringList>

#include <algorithm>

namespace kafdesk::test {

QList<DescribedRow> parseDescribe(const QString &out)
{
    QList<DescribedRow> rows;
    bool inTable = false;
    for (const QString &line : out.split(QLatin1Char('\n'))) {
        const QStringList f = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (f.value(0) == QLatin1String("GROUP") && f.value(3) == QLatin1String("CURRENT-OFFSET")) {
            inTable = true;
            continue;
        }
        if (!inTable || f.size() != 9)
            continue;
        rows << DescribedRow{f[1], f[2].toInt(), f[3], f[4], f[5], f[6], f[7], f[8]};
    }
    std::sort(rows.begin(), rows.end(), [](const DescribedRow &a, const DescribedRow &b) {
        return a.topic != b.topic ? a.topic < b.topic : a.partition < b.partition;
    });
    return rows;
}

QMap<int, qint64> parseResetTable(const QString &out, const QString &topic)
{
    QMap<int, qint64> offsets;
    for (const QString &line : out.split(QLatin1Char('\n'))) {
        const QStringList f = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (f.size() == 4 && f[1] == topic && f[0] != QLatin1String("GROUP"))
            offsets.insert(f[2].toInt(), f[3].toLongLong());
    }
    return offsets;
}

} // namespace kafdesk::test
