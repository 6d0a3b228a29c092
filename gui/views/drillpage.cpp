#include "views/drillpage.h"

#include "cluster/clustersession.h"
#include "cluster/replicationhistory.h"
#include "views/drillform.h"
#include "views/drillreportview.h"
#include "views/drillrunview.h"
#include "widgets/messagelog.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace kafdesk {

DrillPage::DrillPage(ReplicationHistory *history, QWidget *parent) : ClusterPage(parent), m_history(history)
{
    setObjectName(QStringLiteral("drillPage"));
    qRegisterMetaType<DrillProgress>();
    qRegisterMetaType<DrillKill>();
    qRegisterMetaType<Result<DrillReport>>();
    auto *layout = new QVBoxLayout(this);

    auto *setUp = new QGroupBox(tr("Set up"), this);
    auto *setUpLayout = new QVBoxLayout(setUp);
    m_form = new DrillForm(setUp);
    setUpLayout->addWidget(m_form);
    auto *buttons = new QHBoxLayout;
    m_start = new QPushButton(tr("Start drill"), setUp);
    m_start->setObjectName(QStringLiteral("drillStart"));
    m_finish = new QPushButton(tr("Finish"), setUp);
    m_finish->setObjectName(QStringLiteral("drillFinish"));
    m_finish->setToolTip(tr("Stop producing, read the rest back and write the report."));
    m_cancel = new QPushButton(tr("Cancel"), setUp);
    m_cancel->setObjectName(QStringLiteral("drillCancel"));
    m_cancel->setToolTip(tr("Stop everything at once: the report only has what was counted so far."));
    m_problems = new QLabel(setUp);
    m_problems->setObjectName(QStringLiteral("drillProblems"));
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    buttons->addWidget(m_start);
    buttons->addWidget(m_finish);
    buttons->addWidget(m_cancel);
    buttons->addSpacing(12);
    buttons->addWidget(m_problems, 1);
    setUpLayout->addLayout(buttons);
    layout->addWidget(setUp);

    m_stack = new QStackedWidget(this);
    m_empty = new QLabel(
        tr("<p><b>What a failure drill does</b></p>"
           "<p>A producer in Kafdesk writes numbered messages into a topic and a consumer reads them back, while "
           "brokers are killed on purpose: the leader of partition 0 on a schedule, or whichever you break yourself. "
           "At the end a report checks Kafka's own promise, message by message: everything acknowledged must be "
           "read back, and with idempotence nothing twice.</p>"),
        m_stack);
    m_empty->setObjectName(QStringLiteral("drillEmptyState"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_empty->setMargin(12);
    m_run = new DrillRunView(m_stack);
    m_report = new DrillReportView(m_stack);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_run);
    m_stack->addWidget(m_report);
    layout->addWidget(m_stack, 1);

    connect(m_form, &DrillForm::changed, this, &DrillPage::updateActions);
    connect(m_start, &QPushButton::clicked, this, [this] { start(); });
    connect(m_finish, &QPushButton::clicked, this, &DrillPage::finish);
    connect(m_cancel, &QPushButton::clicked, this, &DrillPage::cancel);
    connect(m_report, &DrillReportView::reportSaved, this, [this](const QString &path) {
        if (messageLog())
            messageLog()->info(tr("The drill report was saved to %1.").arg(path));
    });
    connect(m_report, &DrillReportView::saveFailed, this, [this](const Error &error) {
        if (messageLog())
            messageLog()->error(error);
    });
    if (m_history) {
        connect(m_history, &ReplicationHistory::eventsAdded, this, &DrillPage::refreshReportHistory);
        connect(m_history, &ReplicationHistory::markerAdded, this, &DrillPage::refreshReportHistory);
        connect(m_history, &ReplicationHistory::cleared, this, [this] { m_reportLive = false; });
    }
    setState(State::Empty);
}

DrillPage::~DrillPage()
{
    // A drill still running is cancelled by its own destructor (a child of this page).
    if (m_drill)
        m_drill->disconnect(this);
}

void DrillPage::setLocalCluster(const QString &name, const QString &clustersRoot)
{
    m_clusterName = name;
    m_clustersRoot = clustersRoot;
    m_form->setExternal(name.isEmpty());
    updateActions();
}

void DrillPage::attach(ClusterSession *session, MessageLog *log)
{
    if (session != this->session()) {
        if (m_drill)
            abandonDrill(tr("The drill was cancelled: the window connected to another cluster."));
        m_reportLive = false;
    }
    ClusterPage::attach(session, log);
    if (!session)
        m_form->showSnapshot(nullptr);
    updateActions();
}

void DrillPage::showSnapshot(const ClusterSnapshotPtr &snapshot)
{
    m_form->showSnapshot(snapshot);
}

DrillConfig DrillPage::drillConfig() const
{
    DrillConfig c = m_form->config();
    if (session())
        c.connection = session()->settings();
    c.clusterName = m_clusterName;
    c.clustersRoot = m_clustersRoot;
    if (m_clusterName.isEmpty())
        c.kills = 0;
    return c;
}

QStringList DrillPage::problems() const
{
    if (!session())
        return {tr("Connect to a cluster first: the drill runs on the one that is open.")};
    if (isReadOnly())
        return {readOnlyReason() + QLatin1Char(' ') +
                tr("A drill writes messages (and may create a topic), so it cannot run on it.")};
    QStringList out = m_form->problems();
    // The drill's own checks come second: they repeat some of the form's in other words.
    if (out.isEmpty())
        out = validateDrillConfig(drillConfig());
    return out;
}

QString DrillPage::problemText() const
{
    return m_problems->text();
}

void DrillPage::updateActions()
{
    const bool running = m_state == State::Running;
    const QStringList problems = running ? QStringList() : this->problems();
    m_form->setEnabled(!running);
    m_start->setEnabled(!running && problems.isEmpty());
    m_start->setToolTip(problems.isEmpty() ? tr("Create the topic if needed, then produce, break and check.")
                                           : problems.join(QLatin1Char('\n')));
    m_finish->setEnabled(running);
    m_cancel->setEnabled(running);

    QStringList lines;
    for (const QString &p : problems)
        lines << tr("✗ %1").arg(p);
    if (!running && lines.isEmpty() && !m_startError.isEmpty())
        lines << tr("✗ %1").arg(m_startError);
    const bool problem = !lines.isEmpty();
    if (!running && !problem)
        for (const QString &n : m_form->notes())
            lines << tr("ⓘ %1").arg(n);
    m_problems->setText(lines.join(QLatin1Char('\n')));
    QPalette pal = m_problems->palette();
    pal.setColor(QPalette::WindowText, problem ? QColor(0xd6, 0x45, 0x45) : palette().color(QPalette::WindowText));
    m_problems->setPalette(pal);
}

void DrillPage::setState(State state)
{
    m_state = state;
    switch (state) {
    case State::Empty: m_stack->setCurrentWidget(m_empty); break;
    case State::Running:
    case State::Failed: m_stack->setCurrentWidget(m_run); break;
    case State::Report: m_stack->setCurrentWidget(m_report); break;
    }
    updateActions();
    Q_EMIT stateChanged(state);
}

bool DrillPage::start()
{
    if (m_state == State::Running)
        return false;
    m_startError.clear();
    if (!problems().isEmpty()) {
        updateActions();
        return false;
    }
    const DrillConfig config = drillConfig();
    auto *drill = new FailureDrill(this);
    connect(drill, &FailureDrill::progress, m_run, &DrillRunView::showProgress);
    connect(drill, &FailureDrill::nodeKilled, this, &DrillPage::onKilled);
    connect(drill, &FailureDrill::nodeRestarted, this, &DrillPage::onRestarted);
    connect(drill, &FailureDrill::finished, this, &DrillPage::onFinished);
    const Status started = drill->start(config);
    if (!started) {
        delete drill; // never started: nothing to wait for
        m_startError = started.error().message;
        if (messageLog() && !started.error().badInput)
            messageLog()->error(started.error(), true);
        updateActions();
        return false;
    }
    m_drill = drill;
    m_running = config;
    m_run->start(config);
    if (m_history)
        m_history->addMarker({QDateTime::currentDateTimeUtc(),
                              tr("Failure drill started on %1 (acks=%2, idempotence %3)")
                                  .arg(config.topic, acksValue(config.acks), config.idempotence ? tr("on") : tr("off")),
                              -1, TimelineMarker::Source::Drill});
    setState(State::Running);
    return true;
}

void DrillPage::finish()
{
    if (m_drill)
        m_drill->finish();
}

void DrillPage::cancel()
{
    if (m_drill)
        m_drill->cancel();
}

void DrillPage::onKilled(const DrillKill &kill)
{
    m_run->addKill(kill);
    if (m_history)
        m_history->addMarker({kill.killedAt.isValid() ? kill.killedAt : QDateTime::currentDateTimeUtc(),
                              tr("Failure drill killed broker %1, the leader of %2-%3 (SIGKILL)")
                                  .arg(kill.node)
                                  .arg(m_running.topic)
                                  .arg(kill.partition),
                              kill.node, TimelineMarker::Source::Drill});
}

void DrillPage::onRestarted(const DrillKill &kill)
{
    m_run->updateKill(kill);
    if (m_history) {
        const QDateTime at = kill.restartedAt.isValid() ? kill.restartedAt : QDateTime::currentDateTimeUtc();
        m_history->addMarker({at,
                              tr("Failure drill restarted broker %1 (down %2 s)")
                                  .arg(kill.node)
                                  .arg(QLocale().toString(kill.killedAt.msecsTo(at) / 1000.0, 'f', 1)),
                              kill.node, TimelineMarker::Source::Drill});
    }
}

void DrillPage::onFinished(const Result<DrillReport> &report)
{
    if (sender() != m_drill.data())
        return;
    m_drill->deleteLater();
    m_drill = nullptr;
    if (m_running.createTopic)
        m_form->renewTopicName(true); // the drill's topic exists now: the next drill needs another
    if (!report) {
        m_run->stop(report.error().message);
        if (messageLog())
            messageLog()->error(report.error());
        setState(State::Failed);
        return;
    }
    m_run->stop();
    if (m_history) {
        const DrillPartitionReport &t = report->total;
        m_history->addMarker({report->finishedAt.isValid() ? report->finishedAt : QDateTime::currentDateTimeUtc(),
                              report->cancelled ? tr("Failure drill cancelled")
                                                : tr("Failure drill finished: %1 acknowledged, %2 lost, %3 duplicated")
                                                      .arg(t.acknowledged)
                                                      .arg(t.lost)
                                                      .arg(t.duplicated),
                              -1, TimelineMarker::Source::Drill});
    }
    showReport(*report);
}

void DrillPage::showReport(const DrillReport &report)
{
    const QMap<QString, QString> clientConfig = session() ? session()->settings().clientConfig
                                                          : report.config.connection.clientConfig;
    m_report->setReport(report, clientConfig);
    m_reportLive = m_history != nullptr;
    if (m_history)
        m_report->setHistory(m_history->events(), m_history->markers());
    setState(State::Report);
}

void DrillPage::refreshReportHistory()
{
    if (m_state == State::Running && m_history)
        m_run->setHistory(m_history->events(), m_history->markers());
    // Events of the drill's last seconds come with the next snapshots; the list catches up.
    if (m_state == State::Report && m_reportLive && m_history)
        m_report->setHistory(m_history->events(), m_history->markers());
}

void DrillPage::abandonDrill(const QString &why)
{
    FailureDrill *drill = m_drill;
    m_drill = nullptr;
    drill->disconnect(this);
    drill->disconnect(m_run);
    // Deleted once it has stopped on its own, so that no destructor waits on this thread.
    connect(drill, &FailureDrill::finished, drill, &QObject::deleteLater);
    drill->cancel();
    m_run->stop(why);
    setState(State::Failed);
}

} // namespace kafdesk
