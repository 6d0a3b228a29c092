// ProfileListModel under QAbstractItemModelTester: the local cluster first, then the store's
// profiles, merged (not reset) when the store changes. No broker, no keychain (no session bus).

#include "models/profilelistmodel.h"
#include "profiles/profilestore.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kafdesk;

class TestProfileListModel : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    // Saves a profile through the store and waits for the keychain's answer, whatever it is.
    static void saveDirectly(ProfileStore &store, const ConnectionProfile &p)
    {
        QSignalSpy saved(&store, &ProfileStore::saved);
        QSignalSpy failed(&store, &ProfileStore::secretsFailed);
        QVERIFY(store.save(p).ok());
        QTRY_VERIFY_WITH_TIMEOUT(saved.size() + failed.size() == 1, 8000);
    }

    static ConnectionProfile plain(const QString &name, const QString &bootstrap)
    {
        ConnectionProfile p;
        p.name = name;
        p.bootstrapServers = bootstrap;
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        qunsetenv("DISPLAY");
        qunsetenv("WAYLAND_DISPLAY");
    }

    void listModelFollowsTheStore()
    {
        auto store = std::make_unique<ProfileStore>(m_dir.filePath(QStringLiteral("settings.conf")));
        saveDirectly(*store, plain(QStringLiteral("b"), QStringLiteral("b:9092")));
        ProfileListModel model(store.get(), QStringLiteral("local"));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.index(0).data(ProfileListModel::IsLocalRole).toBool());
        QCOMPARE(model.index(0).data().toString(), QStringLiteral("Local cluster"));
        const QPersistentModelIndex b = model.index(1);
        QCOMPARE(b.data().toString(), QStringLiteral("b"));

        ConnectionProfile a = plain(QStringLiteral("a"), QStringLiteral("a:9092"));
        a.readOnly = true;
        a.labelColour = QStringLiteral("#d03a2f");
        saveDirectly(*store, a);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(1).data().toString(), QStringLiteral("a"));
        QVERIFY(model.index(1).data(ProfileListModel::ReadOnlyRole).toBool());
        QCOMPARE(model.index(1).data(ProfileListModel::ColourRole).value<QColor>(), QColor(0xd0, 0x3a, 0x2f));
        QCOMPARE(b.row(), 2); // merged, not reset: the persistent index moved with its row

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        ConnectionProfile b2 = plain(QStringLiteral("b"), QStringLiteral("b:9093"));
        saveDirectly(*store, b2);
        QCOMPARE(changed.size(), 1);
        QVERIFY(b.data(ProfileListModel::SubtitleRole).toString().contains(QStringLiteral("b:9093")));
        QVERIFY(store->remove(QStringLiteral("a")).ok());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(b.row(), 1);
    }

    void emptyStoreHasOnlyTheLocalCluster()
    {
        ProfileListModel model(nullptr, QStringLiteral("mine"));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.index(0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("\u201cmine\u201d")));
        QCOMPARE(model.rowOf(QStringLiteral("mine")), -1);
        QVERIFY(!model.indexOf(QStringLiteral("x")).isValid());
    }
};

QTEST_GUILESS_MAIN(TestProfileListModel)
#include "tst_gui_profilelistmodel.moc"
