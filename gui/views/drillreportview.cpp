#include "views/drillreportview.h"

#include "commands/kafkacommand.h"
#include "models/drillreportmodel.h"
#include "views/datatableview.h"
#include "views/drillrunview.h"
#include "widgets/commandlinepreview.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace kafdesk {

namespace {

QLabel *title(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()), parent);
    l->setContentsMargins(0, 6, 0, 0);
    return l;
}

bool isSecret(const QString &key)
{
    return key.contains(QStringLiteral("password")) || key.contains(QStringLiteral("secret")) ||
           key.endsWith(QStringLiteral(".pem")) || key == QStringLiteral("sasl.oauthbearer.config");
}

} // namespace

DrillReportView::DrillReportView(QWidget *parent) : QWidget(parent), m_model(new DrillReportModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_verdictLabel = new QLabel(this);
    m_verdictLabel->setObjectName(QStringLiteral("drillVerdict"));
    m_verdictLabel->setWordWrap(true);
    m_verdictLabel->setAutoFillBackground(true);
    m_verdictLabel->setMargin(8);
    QFont larger = m_verdictLabel->font();
    larger.setPointSizeF(larger.pointSizeF() * 1.2);
    larger.setBold(true);
    m_verdictLabel->setFont(larger);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_verdictLabel);
    layout->addWidget(m_summary);

    // The counts across the whole width; below them the explanation beside what happened.
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("drillReportTable"));
    m_table->setModel(m_model);
    setUpDataTable(m_table, QAbstractItemView::NoSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(title(tr("Per partition"), this));
    layout->addWidget(m_table);

    auto *columns = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    m_explanation = new QLabel(this);
    m_explanation->setObjectName(QStringLiteral("drillExplanation"));
    m_explanation->setWordWrap(true);
    m_explanation->setTextFormat(Qt::RichText);
    m_explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_explanation->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_kcat = new CommandLinePreview(this);
    m_kcat->setObjectName(QStringLiteral("drillKcat"));
    m_kcat->setVisibleLines(4);
    left->addWidget(title(tr("What it means"), this));
    left->addWidget(m_explanation);
    left->addStretch(1);

    auto *right = new QVBoxLayout;
    m_kills = DrillRunView::makeKillTree(this);
    m_kills->setObjectName(QStringLiteral("drillReportKills"));
    m_events = DrillRunView::makeHistoryTree(this);
    m_events->setObjectName(QStringLiteral("drillReportEvents"));
    right->addWidget(title(tr("Kills"), this));
    right->addWidget(m_kills);
    right->addWidget(title(tr("What happened meanwhile"), this));
    right->addWidget(m_events, 1);
    columns->addLayout(left, 1);
    columns->addSpacing(12);
    columns->addLayout(right, 1);
    layout->addLayout(columns, 1);
    layout->addWidget(title(tr("Check it yourself with kcat, an independent client"), this));
    layout->addWidget(m_kcat);

    auto *buttons = new QHBoxLayout;
    m_save = new QPushButton(tr("Save report…"), this);
    m_save->setObjectName(QStringLiteral("drillSaveReport"));
    m_save->setToolTip(tr("As JSON (a name ending in .json) or as text."));
    buttons->addStretch(1);
    buttons->addWidget(m_save);
    layout->addLayout(buttons);
    connect(m_save, &QPushButton::clicked, this, &DrillReportView::chooseFileAndSave);
    clear();
}

void DrillReportView::clear()
{
    m_hasReport = false;
    m_report = DrillReport{};
    m_model->clear();
    m_kills->clear();
    m_events->clear();
    m_shownHistory.clear();
    m_kcat->setCommand({});
    m_explanation->clear();
    m_summary->clear();
    showVerdict();
}

void DrillReportView::setReport(const DrillReport &report, const QMap<QString, QString> &clientConfig)
{
    m_report = report;
    m_hasReport = true;
    m_clientConfig = clientConfig;
    m_model->setReport(report);
    fitTable();

    const DrillConfig &c = report.config;
    const qint64 ms = report.startedAt.isValid() && report.finishedAt.isValid() ? report.startedAt.msecsTo(report.finishedAt) : 0;
    m_summary->setText(tr("Topic %1 · acks=%2 · idempotence %3 · %4 messages/s · %n kill(s) · ran %5 s, from %6 to %7",
                          nullptr, static_cast<int>(report.kills.size()))
                           .arg(c.topic, acksValue(c.acks), c.idempotence ? tr("on") : tr("off"),
                                QLocale().toString(c.messagesPerSecond), QLocale().toString(ms / 1000.0, 'f', 1),
                                report.startedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")),
                                report.finishedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss"))));

    QString html;
    for (const QString &paragraph : explainDrill(report))
        html += QStringLiteral("<p>") + paragraph.toHtmlEscaped() + QStringLiteral("</p>");
    m_explanation->setText(html);

    m_kills->clear();
    for (const DrillKill &k : report.kills)
        DrillRunView::fillKillItem(new QTreeWidgetItem(m_kills), k, c.topic);
    // Every kill shown without inner scrolling (the page scrolls instead).
    const int killRows = std::max(1, static_cast<int>(report.kills.size()));
    const int rowHeight = m_kills->topLevelItemCount() > 0 ? m_kills->sizeHintForRow(0) : m_kills->fontMetrics().height() + 4;
    m_kills->setFixedHeight(m_kills->header()->sizeHint().height() + rowHeight * killRows + 2 * m_kills->frameWidth() +
                            m_kills->horizontalScrollBar()->sizeHint().height());

    m_kcat->setCommand(kcatLines(c.topic, clientConfig));
    showVerdict();
}

void DrillReportView::fitTable()
{
    // Every row shown, no inner scrolling: the page scrolls instead.
    const int rows = m_model->rowCount();
    const int height = m_table->horizontalHeader()->sizeHint().height() +
                       m_table->verticalHeader()->defaultSectionSize() * rows + 2 * m_table->frameWidth() + 2;
    m_table->setFixedHeight(height);
}

void DrillReportView::setHistory(const QList<ReplicationEvent> &events, const QList<TimelineMarker> &markers)
{
    if (!m_hasReport) {
        m_events->clear();
        m_shownHistory.clear();
        return;
    }
    const QDateTime to = m_report.finishedAt.isValid() ? m_report.finishedAt : QDateTime::currentDateTimeUtc();
    DrillRunView::fillHistoryTree(m_events, events, markers, m_report.config.topic, m_report.startedAt, to,
                                  &m_shownHistory);
}

void DrillReportView::showVerdict()
{
    const DrillPartitionReport &t = m_report.total;
    QString text;
    if (!m_hasReport) {
        m_verdict = Verdict::None;
    } else if (m_report.cancelled) {
        m_verdict = Verdict::Cancelled;
        text = tr("The drill was cancelled: the counts below are what was seen until then, too few to judge Kafka by.");
    } else if (m_report.guaranteeHeld()) {
        m_verdict = Verdict::Held;
        if (t.duplicated == 0)
            text = tr("Kafka's guarantee held: every acknowledged message was read back, none twice.");
        else
            text = tr("Kafka's guarantee held: every acknowledged message was read back. %n copies were read twice, "
                      "which Kafka allows without idempotence.", nullptr, static_cast<int>(t.duplicated));
    } else {
        m_verdict = Verdict::Broken;
        QStringList parts;
        if (t.lost > 0)
            parts << tr("%1 of %2 acknowledged messages were never read back")
                         .arg(QLocale().toString(t.lost), QLocale().toString(t.acknowledged));
        if (t.duplicated > 0)
            parts << tr("%1 extra copies were read").arg(QLocale().toString(t.duplicated));
        if (t.outOfOrder > 0)
            parts << tr("%1 were read out of order").arg(QLocale().toString(t.outOfOrder));
        if (parts.isEmpty())
            parts << tr("see the counts below");
        // acks=1 promises nothing when a leader dies: the numbers are the lesson, not a broken promise.
        text = m_report.promiseHeld()
                   ? tr("Messages were lost: %1. acks=1 allows that when a leader dies; acks=all would not.")
                         .arg(parts.join(tr(", and ")))
                   : tr("Kafka's guarantee did not hold: %1.").arg(parts.join(tr(", and ")));
    }
    m_verdictLabel->setText(text);
    m_verdictLabel->setVisible(m_verdict != Verdict::None);
    // A tinted strip with dark text reads on light and dark palettes alike; the words say it too.
    QPalette p = m_verdictLabel->palette();
    QColor back(0xe0, 0xe0, 0xe0);
    if (m_verdict == Verdict::Held)
        back = QColor(0xc8, 0xeb, 0xd0);
    else if (m_verdict == Verdict::Broken)
        back = QColor(0xf6, 0xc9, 0xc6);
    else if (m_verdict == Verdict::Cancelled)
        back = QColor(0xf5, 0xe3, 0xb5);
    p.setColor(QPalette::Window, back);
    p.setColor(QPalette::WindowText, m_verdict == Verdict::Broken ? QColor(0x7a, 0x12, 0x0c) : QColor(0x1a, 0x1a, 0x1a));
    m_verdictLabel->setPalette(p);
}

QString DrillReportView::verdictText() const
{
    return m_verdictLabel->text();
}

QString DrillReportView::explanationText() const
{
    return explainDrill(m_report).join(QStringLiteral("\n\n"));
}

QString DrillReportView::kcatCommand() const
{
    return m_kcat->command();
}

QString DrillReportView::kcatLines(const QString &topic, const QMap<QString, QString> &clientConfig)
{
    QStringList base{QStringLiteral("kcat"), QStringLiteral("-C"), QStringLiteral("-b"),
                     commands::shellQuote(clientConfig.value(QStringLiteral("bootstrap.servers"))),
                     QStringLiteral("-t"), commands::shellQuote(topic)};
    for (auto it = clientConfig.cbegin(); it != clientConfig.cend(); ++it) {
        if (it.key() == QStringLiteral("bootstrap.servers") || it.key() == QStringLiteral("client.id"))
            continue;
        const QString value = isSecret(it.key()) ? QStringLiteral("<%1>").arg(it.key().section(QLatin1Char('.'), -1)) : it.value();
        base << QStringLiteral("-X") << commands::shellQuote(it.key() + QLatin1Char('=') + value);
    }
    base << QStringLiteral("-e") << QStringLiteral("-q");
    const QString read = base.join(QLatin1Char(' '));
    return tr("# Every value read more than once (no output: none)") + QLatin1Char('\n') + read +
           QStringLiteral(" -f '%p %s\\n' | sort | uniq -d\n") + tr("# Messages per partition") + QLatin1Char('\n') +
           read + QStringLiteral(" -f '%p\\n' | sort -n | uniq -c");
}

void DrillReportView::chooseFileAndSave()
{
    if (!m_hasReport)
        return;
    const QString suggested = QStringLiteral("%1-report.json").arg(m_report.config.topic);
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the drill report"), suggested,
                                                      tr("JSON (*.json);;Text (*.txt)"));
    if (path.isEmpty())
        return;
    const Status saved = saveReport(path);
    if (saved)
        Q_EMIT reportSaved(path);
    else
        Q_EMIT saveFailed(saved.error());
}

} // namespace kafdesk
