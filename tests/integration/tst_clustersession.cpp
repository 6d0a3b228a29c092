// ClusterSession against the shared cluster: snapshots, states, ordered requests, read-only.

#include "cluster/clustersession.h"
#include "support/testsupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace kafdesk;
using namespace kafdesk::test;

class TestClusterSession : public QObject {
    Q_OBJECT
private:
    static ConnectionSettings shared(bool readOnly = false)
    {
        ConnectionSettings s = ConnectionSettings::forBootstrap(sharedClusterState().bootstrapServers(),
                                                                QStringLiteral("shared"));
        s.readOnly = readOnly;
        return s;
    }

private Q_SLOTS:
    void snapshotsAndStateArrive()
    {
        ClusterSession session(shared());
        QSignalSpy snapshots(&session, &ClusterSession::snapshotReady);
        QSignalSpy states(&session, &ClusterSession::stateChanged);
        session.setPollInterval(500);
        session.start();
        QVERIFY(snapshots.wait(15000));
        QCOMPARE(session.state(), ConnectionState::Connected);
        const ClusterSnapshotPtr snap = session.latestSnapshot();
        QVERIFY(snap);
        QCOMPARE(snap->aliveBrokerIds(), (QList<int>{1, 2, 3}));
        QVERIFY(snap->topic(QStringLiteral("__consumer_offsets")) == nullptr ||
                snap->topic(QStringLiteral("__consumer_offsets"))->internal);
        QCOMPARE(states.count(), 1);
        // Polling goes on by itself.
        QTRY_VERIFY_WITH_TIMEOUT(snapshots.count() >= 3, 10000);
    }

    void requestsRunInOrderAndResultsArriveAsValues()
    {
        ClusterSession session(shared());
        session.start();
        QList<int> order;
        for (int i = 0; i < 5; ++i)
            session.submit<int>([i](ClusterOperations &) -> Result<int> { return i; }, this,
                                [&order](const Result<int> &r) { order << r.value(); });
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), 5, 15000);
        QCOMPARE(order, (QList<int>{0, 1, 2, 3, 4}));

        const QString topic = uniqueName(QStringLiteral("session"));
        std::optional<Status> created;
        session.submit<Done>(
            [topic](ClusterOperations &ops) -> Status {
                return ops.createTopic(CreateTopicRequest{topic, 2, 3, {}, {}});
            },
            this, [&created](const Status &s) { created = s; });
        QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), 20000);
        QVERIFY2(created->ok(), qPrintable(created->ok() ? QString() : created->error().fullText()));
        // A second create is refused: by validation when metadata already lists the topic, else by
        // the broker (metadata reaches every broker a moment after the create returns).
        std::optional<Status> again;
        session.submit<Done>(
            [topic](ClusterOperations &ops) -> Status {
                return ops.createTopic(CreateTopicRequest{topic, 2, 3, {}, {}});
            },
            this, [&again](const Status &s) { again = s; });
        QTRY_VERIFY_WITH_TIMEOUT(again.has_value(), 20000);
        QVERIFY(!again->ok());
        QVERIFY2(again->error().message.contains(QStringLiteral("exists already")) ||
                     again->error().detail.contains(QStringLiteral("TOPIC_ALREADY_EXISTS")),
                 qPrintable(again->error().fullText()));
        // ...and what only the broker can refuse comes back with its own text.
        std::optional<Status> refused;
        session.submit<Done>(
            [topic](ClusterOperations &ops) -> Status {
                return ops.createTopic(CreateTopicRequest{topic + QStringLiteral("-x"), 1, 3, {},
                                                          {{QStringLiteral("no.such.config"), QStringLiteral("1")}}});
            },
            this, [&refused](const Status &s) { refused = s; });
        QTRY_VERIFY_WITH_TIMEOUT(refused.has_value(), 20000);
        QVERIFY(!refused->ok());
        QVERIFY(!refused->error().badInput);
        QVERIFY2(refused->error().detail.contains(QStringLiteral("no.such.config")), qPrintable(refused->error().fullText()));
    }

    void cancelledRequestsSayCancelled()
    {
        ClusterSession session(shared());
        session.start();
        std::atomic_bool release{false};
        std::optional<Status> first;
        std::optional<Status> second;
        session.submit<Done>(
            [&release](ClusterOperations &) -> Status {
                while (!release.load())
                    QThread::msleep(10);
                return ok();
            },
            this, [&first](const Status &s) { first = s; });
        const quint64 queued =
            session.submit<Done>([](ClusterOperations &) -> Status { return ok(); }, this,
                                 [&second](const Status &s) { second = s; });
        session.cancel(queued);
        release = true;
        QTRY_VERIFY_WITH_TIMEOUT(first.has_value() && second.has_value(), 10000);
        QVERIFY(first->ok());
        QVERIFY(!second->ok());
        QCOMPARE(second->error().message, QStringLiteral("Cancelled."));
    }

    void readOnlyRefusesInCore()
    {
        ClusterSession session(shared(true));
        session.start();
        std::optional<Status> created;
        session.submit<Done>(
            [](ClusterOperations &ops) -> Status {
                return ops.createTopic(CreateTopicRequest{QStringLiteral("never-created"), 1, 1, {}, {}});
            },
            this, [&created](const Status &s) { created = s; });
        QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), 10000);
        QVERIFY(!created->ok());
        QVERIFY2(created->error().message.contains(QStringLiteral("read-only")), qPrintable(created->error().message));
    }

    void nothingListeningIsLostWithAClearMessage()
    {
        ClusterSession session(ConnectionSettings::forBootstrap(QStringLiteral("127.0.0.1:1")));
        QSignalSpy states(&session, &ClusterSession::stateChanged);
        session.start();
        QVERIFY(states.wait(15000));
        QCOMPARE(session.state(), ConnectionState::Lost);
        const Error e = states.first().at(1).value<Error>();
        QVERIFY2(e.message.contains(QStringLiteral("Nothing is listening at 127.0.0.1:1")), qPrintable(e.fullText()));
    }

    void destroyingASessionWithPendingWorkIsSafe()
    {
        bool called = false;
        {
            ClusterSession session(ConnectionSettings::forBootstrap(QStringLiteral("127.0.0.1:1")));
            session.start();
            session.submit<int>([](ClusterOperations &) -> Result<int> { return 1; }, this,
                                [&called](const Result<int> &) { called = true; });
        }
        QTest::qWait(200);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestClusterSession)
#include "tst_clustersession.moc"
