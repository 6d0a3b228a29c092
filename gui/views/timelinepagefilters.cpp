// The timeline page's filter bar (topic, partition, broker, kinds), its export and Clear.
#include "views/timelinepage.h"

#include "cluster/replicationhistory.h"
#include "models/timelinefiltermodel.h"
#include "models/timelinemodel.h"
#include "widgets/messagelog.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QToolButton>
#include <QtConcurrent>

#include <algorithm>

namespace kafdesk {

namespace {

constexpr int markersKind = -1; // the kind menu's entry for the user's actions

// Writes the CSV through a QSaveFile (the old file stays if anything fails); the error, or empty.
QString writeCsvFile(const QString &path, const QList<ReplicationEvent> &events, const QList<TimelineMarker> &markers)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return TimelinePage::tr("Could not open %1 for writing: %2").arg(path, file.errorString());
    const Status written = writeTimelineCsv(file, events, markers);
    if (!written.ok())
        return written.error().fullText();
    if (!file.commit())
        return TimelinePage::tr("Could not save %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace

void TimelinePage::buildFilterBar(QWidget *bar)
{
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_topicEdit = new QLineEdit(bar);
    m_topicEdit->setObjectName(QStringLiteral("timelineTopicFilter"));
    m_topicEdit->setPlaceholderText(tr("Filter by topic"));
    m_topicEdit->setClearButtonEnabled(true);
    m_topicEdit->setToolTip(tr("Events of topics whose name contains this text (broker events and your actions stay)."));
    m_partitionEdit = new QLineEdit(bar);
    m_partitionEdit->setObjectName(QStringLiteral("timelinePartitionFilter"));
    m_partitionEdit->setPlaceholderText(tr("Partition"));
    m_partitionEdit->setValidator(new QIntValidator(0, 1000000, m_partitionEdit));
    m_partitionEdit->setClearButtonEnabled(true);
    m_partitionEdit->setMaximumWidth(m_partitionEdit->fontMetrics().horizontalAdvance(tr("Partition")) + 48);
    m_partitionEdit->setToolTip(tr("Events of this partition number only (empty: every partition)."));
    m_brokerCombo = new QComboBox(bar);
    m_brokerCombo->setObjectName(QStringLiteral("timelineBrokerFilter"));
    m_brokerCombo->addItem(tr("All brokers"), -1);
    m_brokerCombo->setToolTip(tr("Events that concern this broker: its own, and leaders moving to or from it."));
    m_kindButton = new QToolButton(bar);
    m_kindButton->setObjectName(QStringLiteral("timelineKindFilter"));
    m_kindButton->setPopupMode(QToolButton::InstantPopup);
    m_kindButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    buildKindMenu();
    m_count = new QLabel(bar);
    m_count->setObjectName(QStringLiteral("timelineCount"));
    m_count->setForegroundRole(QPalette::PlaceholderText);
    m_exportButton = new QPushButton(tr("Export CSV…"), bar);
    m_exportButton->setObjectName(QStringLiteral("timelineExport"));
    m_exportButton->setToolTip(tr("Save the rows shown (every row when nothing is filtered) as CSV."));
    m_clearButton = new QPushButton(tr("Clear"), bar);
    m_clearButton->setObjectName(QStringLiteral("timelineClear"));
    m_clearButton->setToolTip(tr("Forget the events, actions and chart so far; new ones keep coming."));

    row->addWidget(m_topicEdit, 2);
    row->addWidget(m_partitionEdit);
    row->addWidget(m_brokerCombo);
    row->addWidget(m_kindButton);
    row->addWidget(m_count, 1);
    row->addWidget(m_exportButton);
    row->addWidget(m_clearButton);

    connect(m_topicEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setTopicFilter(text);
        updateEmptyState();
        updateCount();
    });
    connect(m_partitionEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        bool ok = false;
        const int p = text.trimmed().toInt(&ok);
        m_filter->setPartitionFilter(ok ? p : -1);
        updateEmptyState();
        updateCount();
    });
    connect(m_brokerCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setBrokerFilter(m_brokerCombo->currentData().toInt());
        updateEmptyState();
        updateCount();
    });
    connect(m_exportButton, &QPushButton::clicked, this, &TimelinePage::chooseExportFile);
    connect(m_clearButton, &QPushButton::clicked, this, [this] {
        if (m_history)
            m_history->clear();
    });
}

void TimelinePage::buildKindMenu()
{
    m_kindMenu = new QMenu(m_kindButton);
    const auto add = [this](const QString &label, int kind) {
        QAction *a = m_kindMenu->addAction(label);
        a->setCheckable(true);
        a->setChecked(true);
        a->setData(kind);
        connect(a, &QAction::toggled, this, [this, kind](bool on) { setKindVisible(kind, on); });
        return a;
    };
    add(tr("Your actions (markers)"), markersKind);
    m_kindMenu->addSeparator();
    for (const ReplicationEvent::Kind kind : allReplicationEventKinds())
        add(TimelineModel::kindLabel(kind), static_cast<int>(kind));
    m_kindMenu->addSeparator();
    m_kindMenu->addAction(tr("Show All"), this, [this] {
        for (QAction *a : m_kindMenu->actions())
            if (a->isCheckable())
                a->setChecked(true);
    });
    m_kindButton->setMenu(m_kindMenu);
    updateKindButton();
}

void TimelinePage::updateKindButton()
{
    int shown = 0;
    int total = 0;
    for (QAction *a : m_kindMenu->actions())
        if (a->isCheckable()) {
            ++total;
            shown += a->isChecked() ? 1 : 0;
        }
    m_kindButton->setText(shown == total ? tr("All kinds") : tr("%1 of %2 kinds").arg(shown).arg(total));
}

void TimelinePage::setTopicFilter(const QString &text)
{
    m_topicEdit->setText(text);
}

void TimelinePage::setPartitionFilter(int partition)
{
    m_partitionEdit->setText(partition < 0 ? QString() : QString::number(partition));
}

void TimelinePage::setBrokerFilter(int broker)
{
    if (broker >= 0 && m_brokerCombo->findData(broker) < 0)
        m_brokerCombo->addItem(tr("Broker %1").arg(broker), broker);
    m_brokerCombo->setCurrentIndex(std::max(0, m_brokerCombo->findData(broker)));
}

void TimelinePage::setKindVisible(int kind, bool visible)
{
    for (QAction *a : m_kindMenu->actions())
        if (a->isCheckable() && a->data().toInt() == kind && a->isChecked() != visible) {
            a->setChecked(visible); // toggled() comes back here, once
            return;
        }
    if (kind == markersKind) {
        m_filter->setShowMarkers(visible);
    } else {
        QSet<ReplicationEvent::Kind> kinds = m_filter->kinds();
        if (visible)
            kinds.insert(static_cast<ReplicationEvent::Kind>(kind));
        else
            kinds.remove(static_cast<ReplicationEvent::Kind>(kind));
        m_filter->setKinds(kinds);
    }
    updateKindButton();
    updateEmptyState();
    updateCount();
}

void TimelinePage::resetFilters()
{
    m_topicEdit->clear();
    m_partitionEdit->clear();
    m_brokerCombo->setCurrentIndex(0);
    for (QAction *a : m_kindMenu->actions())
        if (a->isCheckable())
            a->setChecked(true);
}

void TimelinePage::updateBrokers()
{
    QList<int> ids;
    if (m_history) {
        if (const ClusterSnapshotPtr snap = m_history->latestSnapshot())
            for (const BrokerState &b : snap->brokers)
                ids << b.id;
        for (const ReplicationEvent &e : m_history->events())
            if (e.brokerId >= 0 && !ids.contains(e.brokerId))
                ids << e.brokerId;
    }
    const int chosen = m_brokerCombo->currentData().toInt();
    if (chosen >= 0 && !ids.contains(chosen))
        ids << chosen; // the filter in use stays a choice
    std::sort(ids.begin(), ids.end());
    if (ids == m_brokerIds)
        return;
    m_brokerIds = ids;
    const QSignalBlocker block(m_brokerCombo);
    m_brokerCombo->clear();
    m_brokerCombo->addItem(tr("All brokers"), -1);
    for (const int id : std::as_const(ids))
        m_brokerCombo->addItem(tr("Broker %1").arg(id), id);
    m_brokerCombo->setCurrentIndex(std::max(0, m_brokerCombo->findData(chosen)));
}

bool TimelinePage::exportCsv(const QString &path)
{
    if (m_exporting || !m_history)
        return false;
    QList<ReplicationEvent> events;
    QList<TimelineMarker> markers;
    if (m_filter->isFiltering()) {
        for (int r = 0; r < m_filter->rowCount(); ++r) {
            const int source = m_filter->mapToSource(m_filter->index(r, 0)).row();
            if (m_model->isMarker(source))
                markers << m_model->marker(source);
            else
                events << m_model->event(source);
        }
    } else {
        events = m_history->events(); // implicitly shared: no copy until the history changes
        markers = m_history->markers();
    }
    const int rows = static_cast<int>(events.size() + markers.size());
    m_exporting = true;
    updateCount();
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path, rows] {
        const QString error = watcher->result();
        watcher->deleteLater();
        m_exporting = false;
        updateCount();
        const QString message = error.isEmpty() ? tr("Exported %1 timeline rows to %2.").arg(QLocale().toString(rows), path)
                                                : error;
        if (messageLog()) {
            if (error.isEmpty())
                messageLog()->info(message);
            else
                messageLog()->warning(tr("The timeline was not exported."), error);
        }
        Q_EMIT exportFinished(error.isEmpty(), path, message);
    });
    watcher->setFuture(QtConcurrent::run(writeCsvFile, path, events, markers));
    return true;
}

void TimelinePage::chooseExportFile()
{
    const QString name = QStringLiteral("replication-timeline-%1.csv")
                             .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    auto *dialog = new QFileDialog(this, tr("Export Replication Timeline"),
                                   QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(name),
                                   tr("CSV (*.csv);;All files (*)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        if (!exportCsv(path) && messageLog())
            messageLog()->warning(tr("Nothing was exported: another export is still running."));
    });
    dialog->open();
}

} // namespace kafdesk
