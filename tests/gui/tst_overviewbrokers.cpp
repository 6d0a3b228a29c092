// The Overview, Brokers and Consumer groups pages against the real shared cluster, offscreen, each
// checked against an independent peer: kcat -L -J (brokers, topics, partitions, leaders and
// replicas per broker), Kafka's ConsumerGroupCommand --list (groups) and ConfigCommand --describe
// --all (broker configs). Then a cluster of the test's own with a broker killed: the down states.

#include "charts/brokerloadchart.h"
#include "cluster/clustersession.h"
#include "models/brokertablemodel.h"
#include "models/configtablemodel.h"
#include "models/grouplistmodel.h"
#include "support/screenshot.h"
#include "support/testsupport.h"
#include "views/brokerspage.h"
#include "views/groupspage.h"
#include "views/overviewpage.h"
#include "widgets/messagelog.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDir>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

#include <functional>
#include <memory>
#include <vector>

using namespace kafdesk;
using namespace kafdesk::test;
using namespace std::chrono_literals;

namespace {

// What kcat -L -J reports. Internal topics: the ones whose name starts with "__", as Kafdesk's.
struct KcatView {
    QMap<int, QString> brokers; // id -> host:port
    int topics = 0;
    int internalTopics = 0;
    int partitions = 0; // of every topic, internal ones included
    QMap<int, int> leaders;
    QMap<int, int> replicas;
};

KcatView kcatView(const QString &bootstrap)
{
    const RunResult r = run(QStringLiteral("kcat"), {QStringLiteral("-b"), bootstrap, QStringLiteral("-L"),
                                                      QStringLiteral("-J"), QStringLiteral("-m"), QStringLiteral("10")},
                            {}, 30000);
    KcatView v;
    const QJsonObject root = QJsonDocument::fromJson(r.out.toUtf8()).object();
    for (const QJsonValue &b : root.value(QStringLiteral("brokers")).toArray())
        v.brokers.insert(b[QStringLiteral("id")].toInt(), b[QStringLiteral("name")].toString());
    for (const QJsonValue &t : root.value(QStringLiteral("topics")).toArray()) {
        const bool internal = t[QStringLiteral("topic")].toString().startsWith(QStringLiteral("__"));
        ++(internal ? v.internalTopics : v.topics);
        for (const QJsonValue &p : t[QStringLiteral("partitions")].toArray()) {
            ++v.partitions;
            const int leader = p[QStringLiteral("leader")].toInt(-1);
            if (leader >= 0)
                ++v.leaders[leader];
            for (const QJsonValue &replica : p[QStringLiteral("replicas")].toArray())
                ++v.replicas[replica[QStringLiteral("id")].toInt()];
        }
    }
    return v;
}

// Asks the peer (a blocking run, outside any QTRY), then lets the event loop bring the page up to
// date; a cluster other tests change meanwhile gets a few more tries. Empty `differs` = agreed.
template <typename T>
QString agreesEventually(const std::function<T()> &peer, const std::function<QString(const T &)> &differs,
                         int attempts = 6, int waitMs = 8000)
{
    QString why;
    for (int i = 0; i < attempts; ++i) {
        const T expected = peer();
        if (QTest::qWaitFor([&] { return (why = differs(expected)).isEmpty(); }, waitMs))
            return {};
    }
    return why;
}

// ConfigCommand --describe --all: key -> value ("null" for a config without a value).
QMap<QString, QString> configCommandValues(const QString &output)
{
    QMap<QString, QString> values;
    static const QRegularExpression line(QStringLiteral("^\\s+([A-Za-z0-9._-]+)=(.*?) sensitive=(true|false) synonyms="),
                                         QRegularExpression::MultilineOption);
    for (auto it = line.globalMatch(output); it.hasNext();) {
        const auto m = it.next();
        if (m.captured(3) == QLatin1String("false"))
            values.insert(m.captured(1), m.captured(2));
    }
    return values;
}

int visibleRowOf(const QAbstractItemModel *proxy, int role, const QVariant &key)
{
    for (int r = 0; r < proxy->rowCount(); ++r)
        if (proxy->index(r, 0).data(role) == key)
            return r;
    return -1;
}


} // namespace

class TestOverviewBrokers : public QObject {
    Q_OBJECT

    QString m_bootstrap;
    QString m_topic = uniqueName(QStringLiteral("overview"));
    QString m_group = uniqueName(QStringLiteral("overview-group"));
    MessageLog m_log;
    std::unique_ptr<ClusterSession> m_session;
    std::unique_ptr<OverviewPage> m_overview;
    std::unique_ptr<BrokersPage> m_brokers;
    std::unique_ptr<GroupsPage> m_groups;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;

    void testModel(QAbstractItemModel *model)
    {
        m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
            model, QAbstractItemModelTester::FailureReportingMode::QtTest));
    }

    QStringList groupCommandList(const QString &bootstrap)
    {
        const RunResult r = kafkaTool(QStringLiteral("org.apache.kafka.tools.consumer.group.ConsumerGroupCommand"),
                                      {QStringLiteral("--bootstrap-server"), bootstrap, QStringLiteral("--list")});
        if (r.exitCode != 0)
            qWarning("ConsumerGroupCommand: %s", qPrintable(r.describe()));
        QStringList groups = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (QString &g : groups)
            g = g.trimmed();
        groups.removeAll(QString());
        return groups;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_bootstrap = sharedClusterState().bootstrapServers();
        const RunResult created = ctl({QStringLiteral("topics"), QStringLiteral("create"), m_topic, QStringLiteral("--partitions"),
                                       QStringLiteral("5"), QStringLiteral("--replication-factor"), QStringLiteral("2"),
                                       QStringLiteral("--bootstrap"), m_bootstrap});
        QVERIFY2(created.exitCode == 0, qPrintable(created.describe()));
        // Another client commits offsets for a group of ours (a simple group: it never joins).
        const QString script = QStringLiteral(
                                   "from confluent_kafka import Consumer, TopicPartition\n"
                                   "c = Consumer({'bootstrap.servers': '%1', 'group.id': '%2', 'enable.auto.commit': False})\n"
                                   "c.commit(offsets=[TopicPartition('%3', 0, 0)], asynchronous=False)\n"
                                   "c.close()\n")
                                   .arg(m_bootstrap, m_group, m_topic);
        // On a fresh cluster the group coordinator may still be loading: try again for a while.
        RunResult committed;
        waitUntil([&] {
            committed = run(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), script});
            return committed.exitCode == 0;
        }, 60s, 1000);
        QVERIFY2(committed.exitCode == 0, qPrintable(committed.describe()));

        m_session = std::make_unique<ClusterSession>(ConnectionSettings::forBootstrap(m_bootstrap));
        m_session->setPollInterval(1000);
        m_overview = std::make_unique<OverviewPage>();
        m_brokers = std::make_unique<BrokersPage>();
        m_groups = std::make_unique<GroupsPage>();
        QCOMPARE(m_overview->emptyStateText(), QStringLiteral("Not connected to a cluster."));
        QCOMPARE(m_groups->emptyStateText(), QStringLiteral("Not connected to a cluster."));
        testModel(m_brokers->brokerModel());
        testModel(m_brokers->brokerTable()->model());
        testModel(m_brokers->configModel());
        testModel(m_brokers->configTable()->model());
        testModel(m_groups->groupModel());
        testModel(m_groups->proxyModel());
        for (ClusterPage *page : std::initializer_list<ClusterPage *>{m_overview.get(), m_brokers.get(), m_groups.get()}) {
            connect(m_session.get(), &ClusterSession::snapshotReady, page, &ClusterPage::showSnapshot);
            page->attach(m_session.get(), &m_log);
            page->resize(1100, 700);
            page->show();
        }
        QVERIFY(!m_overview->emptyStateText().isEmpty()); // waiting for metadata
        m_session->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_overview->emptyStateText().isEmpty(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(m_brokers->brokerModel()->rowCount() > 0, 20000);
    }

    void overviewFiguresMatchKcat()
    {
        const QString why = agreesEventually<KcatView>([&] { return kcatView(m_bootstrap); }, [&](const KcatView &k) {
            const OverviewPage::Figures &f = m_overview->figures();
            const int n = static_cast<int>(k.brokers.size());
            if (f.brokersAlive != n || f.brokersTotal != n)
                return QStringLiteral("brokers %1/%2, kcat %3").arg(f.brokersAlive).arg(f.brokersTotal).arg(n);
            if (f.topics != k.topics || f.internalTopics != k.internalTopics)
                return QStringLiteral("topics %1 + %2 internal, kcat %3 + %4")
                    .arg(f.topics).arg(f.internalTopics).arg(k.topics).arg(k.internalTopics);
            if (f.partitions != k.partitions)
                return QStringLiteral("partitions %1, kcat %2").arg(f.partitions).arg(k.partitions);
            return QString();
        });
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QCOMPARE(m_overview->figures().brokersTotal, 3);
        QVERIFY(m_overview->figures().topics >= 1); // ours at least
        QCOMPARE(m_overview->figures().offline, 0);
    }

    void chartBarsMatchKcat()
    {
        BrokerLoadChart *chart = m_overview->chart();
        const QString why = agreesEventually<KcatView>([&] { return kcatView(m_bootstrap); }, [&](const KcatView &k) {
            QList<int> ids;
            for (const BrokerLoadChart::Broker &b : chart->brokers())
                ids << b.id;
            if (ids != k.brokers.keys())
                return QStringLiteral("chart brokers differ from kcat's");
            QList<double> leaders, replicas;
            for (const int id : ids) {
                leaders << k.leaders.value(id);
                replicas << k.replicas.value(id);
            }
            if (chart->leaderBarValues() != leaders || chart->replicaBarValues() != replicas)
                return QStringLiteral("bars differ from kcat's leaders/replicas");
            return QString();
        });
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QCOMPARE(chart->brokerLabels(), (QStringList{QStringLiteral("Broker 1"), QStringLiteral("Broker 2"),
                                                     QStringLiteral("Broker 3")}));
        // The same figures again redraw nothing.
        const int redraws = chart->redrawCount();
        m_overview->showSnapshot(m_session->latestSnapshot());
        m_overview->showSnapshot(m_session->latestSnapshot());
        QCOMPARE(chart->redrawCount(), redraws);
    }

    void groupCountMatchesConsumerGroupCommand()
    {
        const QString why = agreesEventually<QStringList>(
            [&] {
                const QStringList groups = groupCommandList(m_bootstrap);
                m_overview->refresh();
                m_groups->refresh();
                return groups;
            },
            [&](const QStringList &groups) {
                if (m_overview->isFetchingGroups() || m_groups->isLoading())
                    return QStringLiteral("still listing");
                if (m_overview->figures().groups != groups.size())
                    return QStringLiteral("overview counts %1 groups, ConsumerGroupCommand %2")
                        .arg(m_overview->figures().groups).arg(groups.size());
                QStringList ours;
                for (const GroupListModel::Row &r : m_groups->groupModel()->rows())
                    ours << r.groupId;
                QStringList theirs = groups;
                theirs.sort();
                ours.sort();
                return ours == theirs ? QString() : QStringLiteral("the groups page lists other groups");
            });
        QVERIFY2(why.isEmpty(), qPrintable(why));
        const int row = m_groups->groupModel()->rowOf(m_group);
        QVERIFY(row >= 0);
        const GroupListModel::Row &r = m_groups->groupModel()->rows().at(row);
        QCOMPARE(r.state, QStringLiteral("Empty")); // committed, never joined
        QCOMPARE(r.members, 0);
        QVERIFY(r.coordinatorId >= 1 && r.coordinatorId <= 3);
        QVERIFY(m_groups->emptyStateText().isEmpty());
    }

    void brokerTableMatchesKcat()
    {
        const QString why = agreesEventually<KcatView>([&] { return kcatView(m_bootstrap); }, [&](const KcatView &k) {
            QMap<int, QString> ours;
            for (const BrokerTableModel::Row &r : m_brokers->brokerModel()->rows()) {
                if (!r.alive)
                    return QStringLiteral("broker %1 is down").arg(r.id);
                ours.insert(r.id, r.address);
            }
            if (ours != k.brokers)
                return QStringLiteral("rows differ from kcat's brokers");
            for (const BrokerTableModel::Row &r : m_brokers->brokerModel()->rows())
                if (r.leaders != k.leaders.value(r.id) || r.replicas != k.replicas.value(r.id))
                    return QStringLiteral("counts of broker %1 differ from kcat's").arg(r.id);
            return QString();
        });
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QCOMPARE(m_brokers->brokerTable()->model()->rowCount(), 3);
    }

    void brokerConfigsMatchConfigCommand()
    {
        m_brokers->selectBroker(1);
        QCOMPARE(m_brokers->selectedBrokerId(), 1);
        QCOMPARE(m_brokers->configBrokerId(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!m_brokers->isLoadingConfigs() && m_brokers->configModel()->rowCount() > 0, 20000);
        QVERIFY(m_brokers->configStateText().isEmpty());

        const RunResult kafka = kafkaTool(QStringLiteral("kafka.admin.ConfigCommand"),
                                          {QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("--entity-type"),
                                           QStringLiteral("brokers"), QStringLiteral("--entity-name"), QStringLiteral("1"),
                                           QStringLiteral("--describe"), QStringLiteral("--all")});
        QVERIFY2(kafka.exitCode == 0, qPrintable(kafka.describe()));
        const QMap<QString, QString> theirs = configCommandValues(kafka.out);
        QVERIFY2(theirs.contains(QStringLiteral("log.retention.hours")), qPrintable(kafka.out.left(2000)));
        QVERIFY(theirs.contains(QStringLiteral("num.partitions")));
        int compared = 0;
        for (const ConfigTableModel::Row &r : m_brokers->configModel()->rows()) {
            if (r.entry.sensitive || !theirs.contains(r.entry.name))
                continue;
            const QString ours = r.entry.isValueNull ? QStringLiteral("null") : r.entry.value;
            QVERIFY2(ours == theirs.value(r.entry.name),
                     qPrintable(QStringLiteral("%1: %2 vs ConfigCommand's %3").arg(r.entry.name, ours, theirs.value(r.entry.name))));
            ++compared;
        }
        QVERIFY2(compared >= theirs.size() * 9 / 10, qPrintable(QStringLiteral("%1 of %2").arg(compared).arg(theirs.size())));

        // Defaults hidden: only overrides are listed; shown: everything.
        QAbstractItemModel *shown = m_brokers->configTable()->model();
        m_brokers->showDefaultsBox()->setChecked(false);
        for (int r = 0; r < shown->rowCount(); ++r)
            QVERIFY(shown->index(r, 0).data(ConfigTableModel::OverrideRole).toBool());
        QVERIFY(shown->rowCount() < m_brokers->configModel()->rowCount());
        m_brokers->showDefaultsBox()->setChecked(true);
        QCOMPARE(shown->rowCount(), m_brokers->configModel()->rowCount());

        // The value with its human units, the flags in the source column.
        const int retention = visibleRowOf(shown, ConfigTableModel::ConfigNameRole, QStringLiteral("log.retention.hours"));
        QVERIFY(retention >= 0);
        const QString value = shown->index(retention, ConfigTableModel::ValueColumn).data().toString();
        QVERIFY2(value.startsWith(theirs.value(QStringLiteral("log.retention.hours"))), qPrintable(value));
        if (theirs.value(QStringLiteral("log.retention.hours")) == QLatin1String("168"))
            QVERIFY2(value.contains(QStringLiteral("7 days")), qPrintable(value));
        const int brokerId = visibleRowOf(shown, ConfigTableModel::ConfigNameRole, QStringLiteral("node.id"));
        QVERIFY(brokerId >= 0);
        QVERIFY(shown->index(brokerId, ConfigTableModel::SourceColumn).data().toString().contains(QStringLiteral("read-only")));

        m_brokers->configFilterEdit()->setText(QStringLiteral("retention.HOURS"));
        QVERIFY(shown->rowCount() >= 1);
        for (int r = 0; r < shown->rowCount(); ++r)
            QVERIFY(shown->index(r, 0).data(ConfigTableModel::ConfigNameRole).toString().contains(QStringLiteral("retention.hours")));
        m_brokers->configFilterEdit()->clear();
    }

    void brokerFilterWorks()
    {
        QAbstractItemModel *shown = m_brokers->brokerTable()->model();
        const QString address2 = m_brokers->brokerModel()->rows().at(m_brokers->brokerModel()->rowOf(2)).address;
        m_brokers->focusFilter();
        m_brokers->filterEdit()->setText(address2);
        QCOMPARE(shown->rowCount(), 1);
        QCOMPARE(shown->index(0, 0).data(BrokerTableModel::BrokerIdRole).toInt(), 2);
        m_brokers->filterEdit()->setText(QStringLiteral("down"));
        QCOMPARE(shown->rowCount(), 0);
        m_brokers->filterEdit()->clear();
        QCOMPARE(shown->rowCount(), 3);

        m_groups->filterEdit()->setText(m_group);
        QCOMPARE(m_groups->proxyModel()->rowCount(), 1);
        QCOMPARE(m_groups->proxyModel()->index(0, 0).data(GroupListModel::GroupIdRole).toString(), m_group);
        m_groups->filterEdit()->clear();
        QVERIFY(m_groups->proxyModel()->rowCount() >= 1);
    }

    void selectionSurvivesRefresh()
    {
        m_brokers->brokerTable()->sortByColumn(BrokerTableModel::LeadersColumn, Qt::DescendingOrder);
        m_brokers->selectBroker(2);
        QTRY_VERIFY_WITH_TIMEOUT(!m_brokers->isLoadingConfigs(), 20000);
        QAbstractItemModel *configs = m_brokers->configTable()->model();
        const int retention = visibleRowOf(configs, ConfigTableModel::ConfigNameRole, QStringLiteral("log.retention.hours"));
        QVERIFY(retention >= 0);
        m_brokers->configTable()->selectRow(retention);
        QSignalSpy brokerResets(m_brokers->brokerModel(), &QAbstractItemModel::modelReset);
        QSignalSpy configResets(m_brokers->configModel(), &QAbstractItemModel::modelReset);
        QSignalSpy snapshots(m_session.get(), &ClusterSession::snapshotReady);

        m_session->refreshNow();
        m_brokers->refresh();
        QVERIFY(m_brokers->isLoadingConfigs());
        QTRY_VERIFY_WITH_TIMEOUT(snapshots.count() >= 2 && !m_brokers->isLoadingConfigs(), 20000);
        QCOMPARE(brokerResets.count(), 0);
        QCOMPARE(configResets.count(), 0);
        QCOMPARE(m_brokers->selectedBrokerId(), 2);
        QCOMPARE(m_brokers->configBrokerId(), 2);
        const QModelIndexList selected = m_brokers->configTable()->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().data(ConfigTableModel::ConfigNameRole).toString(), QStringLiteral("log.retention.hours"));
        m_brokers->brokerTable()->sortByColumn(BrokerTableModel::IdColumn, Qt::AscendingOrder);
        QCOMPARE(m_brokers->selectedBrokerId(), 2);

        const int groupRow = visibleRowOf(m_groups->proxyModel(), GroupListModel::GroupIdRole, m_group);
        QVERIFY(groupRow >= 0);
        m_groups->table()->selectRow(groupRow);
        QSignalSpy groupResets(m_groups->groupModel(), &QAbstractItemModel::modelReset);
        m_groups->refresh();
        QVERIFY(m_groups->isLoading());
        QTRY_VERIFY_WITH_TIMEOUT(!m_groups->isLoading(), 20000);
        QCOMPARE(groupResets.count(), 0);
        QCOMPARE(m_groups->selectedGroup(), m_group);
    }

    void screenshots()
    {
        m_brokers->selectBroker(1);
        QTRY_VERIFY_WITH_TIMEOUT(!m_brokers->isLoadingConfigs(), 20000);
        m_brokers->showDefaultsBox()->setChecked(false);
        QTest::qWait(300); // the chart's queued replot
        test::saveScreenshot(*m_overview.get(), QStringLiteral("overview.png"));
        test::saveScreenshot(*m_brokers.get(), QStringLiteral("brokers.png"));
        test::saveScreenshot(*m_groups.get(), QStringLiteral("groups.png"));

        // A dark palette: the chart follows it.
        const int redraws = m_overview->chart()->redrawCount();
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::AlternateBase, QColor(0x32, 0x32, 0x32));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
        dark.setColor(QPalette::Mid, QColor(0x55, 0x55, 0x55));
        m_overview->setPalette(dark);
        QVERIFY(m_overview->chart()->redrawCount() > redraws);
        QTest::qWait(300);
        test::saveScreenshot(*m_overview.get(), QStringLiteral("overview-dark.png"));
        m_overview->setPalette(QPalette());
    }

    void downBrokerAndEmptyCluster()
    {
        OwnCluster own(QStringLiteral("overview-down"));
        const QStringList name{QStringLiteral("--name"), own.name()};
        const RunResult started = ctl(QStringList{QStringLiteral("cluster"), QStringLiteral("start"), QStringLiteral("-q")} + name);
        QVERIFY2(started.exitCode == 0, qPrintable(started.describe()));
        const RunResult created = ctl({QStringLiteral("topics"), QStringLiteral("create"), QStringLiteral("replicated"),
                                       QStringLiteral("--partitions"), QStringLiteral("3"), QStringLiteral("--replication-factor"),
                                       QStringLiteral("3"), QStringLiteral("--bootstrap"), own.bootstrap()});
        QVERIFY2(created.exitCode == 0, qPrintable(created.describe()));

        ClusterSession session(ConnectionSettings::forBootstrap(own.bootstrap()));
        session.setPollInterval(500);
        MessageLog log;
        OverviewPage overview;
        BrokersPage brokers;
        GroupsPage groups;
        QAbstractItemModelTester t1(brokers.brokerModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(groups.groupModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (ClusterPage *page : std::initializer_list<ClusterPage *>{&overview, &brokers, &groups}) {
            connect(&session, &ClusterSession::snapshotReady, page, &ClusterPage::showSnapshot);
            page->attach(&session, &log);
            page->resize(1100, 700);
            page->show();
        }
        session.start();
        // A new cluster has no group: the groups page says how groups come about.
        QTRY_VERIFY_WITH_TIMEOUT(groups.hasLoaded(), 30000);
        QCOMPARE(groups.emptyStateText(),
                 QStringLiteral("No consumer groups yet — groups appear when a consumer commits offsets."));
        QTRY_COMPARE_WITH_TIMEOUT(overview.figures().groups, 0, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(overview.figures().brokersAlive, 3, 30000);

        const RunResult killed = ctl(QStringList{QStringLiteral("cluster"), QStringLiteral("kill"), QStringLiteral("2"),
                                                 QStringLiteral("-q")} + name);
        QVERIFY2(killed.exitCode == 0, qPrintable(killed.describe()));
        QTRY_COMPARE_WITH_TIMEOUT(overview.figures().brokersAlive, 2, 60000);
        QCOMPARE(overview.figures().brokersTotal, 3);
        QTRY_VERIFY_WITH_TIMEOUT(overview.figures().underReplicated > 0, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(overview.chart()->brokerLabels().value(1).contains(QStringLiteral("(down)")), 10000);
        QCOMPARE(brokers.brokerModel()->aliveCount(), 2);
        QCOMPARE(brokers.brokerModel()->rows().at(1).alive, false);

        // Its configs are not asked for (it cannot answer): the page says why, in place and in the log.
        const qsizetype logged = log.messages().size();
        brokers.selectBroker(2);
        QVERIFY(!brokers.isLoadingConfigs());
        QVERIFY2(brokers.configStateText().contains(QStringLiteral("Broker 2 is down")), qPrintable(brokers.configStateText()));
        QCOMPARE(log.messages().size(), logged + 1);
        QVERIFY(log.messages().last().text.contains(QStringLiteral("Broker 2 is down")));
        brokers.selectBroker(3);
        QTRY_VERIFY_WITH_TIMEOUT(!brokers.isLoadingConfigs() && brokers.configModel()->rowCount() > 0, 60000); // a describe right after a broker died can take a while on a loaded machine
        QTest::qWait(300);
        test::saveScreenshot(overview, QStringLiteral("overview-degraded.png"));
        brokers.selectBroker(2);
        test::saveScreenshot(brokers, QStringLiteral("brokers-down.png"));
        test::saveScreenshot(groups, QStringLiteral("groups-empty.png"));
        for (ClusterPage *page : std::initializer_list<ClusterPage *>{&overview, &brokers, &groups})
            page->attach(nullptr, nullptr);
        QCOMPARE(overview.emptyStateText(), QStringLiteral("Not connected to a cluster."));
    }

    void cleanupTestCase()
    {
        for (ClusterPage *page : std::initializer_list<ClusterPage *>{m_overview.get(), m_brokers.get(), m_groups.get()})
            if (page)
                page->attach(nullptr, nullptr);
        m_session.reset();
        (void)ctl({QStringLiteral("groups"), QStringLiteral("delete"), QStringLiteral("--group"), m_group,
                   QStringLiteral("--yes"), QStringLiteral("--bootstrap"), m_bootstrap});
        (void)ctl({QStringLiteral("topics"), QStringLiteral("delete"), m_topic, QStringLiteral("--yes"),
                   QStringLiteral("--bootstrap"), m_bootstrap});
    }
};

QTEST_MAIN(TestOverviewBrokers)
#include "tst_overviewbrokers.moc"
