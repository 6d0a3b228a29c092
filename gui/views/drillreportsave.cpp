// The drill report as a file: JSON for scripts, or text for people (what the view shows).

#include "views/drillreportview.h"

#include "drill/drillreportjson.h"
#include "models/drillreportmodel.h"

#include <QFile>
#include <QJsonDocument>
#include <QLocale>
#include <QTreeWidget>

namespace kafdesk {

QString DrillReportView::reportText() const
{
    QStringList out;
    out << tr("Failure drill on %1").arg(m_report.config.topic) << QString() << verdictText() << QString();
    // The table with right-aligned columns as wide as their widest cell.
    QList<QStringList> rows;
    QStringList header;
    for (int c = 0; c < m_model->columnCount(); ++c)
        header << m_model->headerData(c, Qt::Horizontal).toString();
    rows << header;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < m_model->columnCount(); ++c)
            cells << m_model->index(r, c).data().toString();
        rows << cells;
    }
    QList<int> widths(header.size(), 0);
    for (const QStringList &cells : rows)
        for (int c = 0; c < cells.size(); ++c)
            widths[c] = std::max(widths[c], static_cast<int>(cells[c].size()));
    for (const QStringList &cells : rows) {
        QStringList padded;
        for (int c = 0; c < cells.size(); ++c)
            padded << (c == 0 ? cells[c].leftJustified(widths[c]) : cells[c].rightJustified(widths[c]));
        out << padded.join(QStringLiteral("  "));
    }
    out << QString();
    for (const QString &paragraph : explainDrill(m_report))
        out << paragraph << QString();
    out << tr("Kills:");
    for (int i = 0; i < m_kills->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_kills->topLevelItem(i);
        QStringList cells;
        for (int c = 0; c < m_kills->columnCount(); ++c)
            cells << item->text(c);
        out << QStringLiteral("  ") + cells.join(QStringLiteral("  "));
    }
    out << QString() << tr("What happened meanwhile:");
    for (int i = 0; i < m_events->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_events->topLevelItem(i);
        out << QStringLiteral("  ") + item->text(0) + QStringLiteral("  ") + item->text(1);
    }
    out << QString() << tr("Check it yourself:") << kcatCommand() << QString();
    return out.join(QLatin1Char('\n'));
}

Status DrillReportView::saveReport(const QString &path) const
{
    if (!m_hasReport)
        return failure(tr("There is no report to save yet."));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return failure(tr("Could not write the report to %1.").arg(path), file.errorString());
    const QByteArray bytes = path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive)
                                ? QJsonDocument(drillReportJson(m_report)).toJson(QJsonDocument::Indented)
                                : reportText().toUtf8();
    if (file.write(bytes) != bytes.size() || !file.flush())
        return failure(tr("Could not write the report to %1.").arg(path), file.errorString());
    return ok();
}

} // namespace kafdesk
