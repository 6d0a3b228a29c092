// The ACLs page and its dialogs against the shared real cluster, offscreen, checked with Kafka's
// own AclCommand: the table lists what AclCommand created, the filters narrow it, the selected
// ACL's kafka-acls.sh line, Create ACL validating field by field before sending, Delete listing
// what goes, read-only connections, the navigation entry; screenshots of each. Every ACL names a
// principal of this run only, never ANONYMOUS (which every other test connects as).

#include "cluster/clustersession.h"
#include "commands/aclcommand.h"
#include "dialogs/createacldialog.h"
#include "dialogs/deleteaclsdialog.h"
#include "dialogs/topicdialogmessage.h"
#include "models/acltablemodel.h"
#include "support/screenshot.h"
#include "support/testsupport.h"
#include "views/aclspage.h"
#include "views/navigationtree.h"
#include "widgets/commandlinepreview.h"
#include "widgets/messagelog.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableView>
#include <QTest>

using namespace kafdesk;
using namespace kafdesk::test;

namespace {

const QString aclCommandClass = QStringLiteral("org.apache.kafka.tools.AclCommand");

} // namespace

class TestAclsPage : public QObject {
    Q_OBJECT
private:
    QString m_bootstrap;
    std::unique_ptr<ClusterSession> m_session;
    MessageLog m_log;
    const QString m_principal = QStringLiteral("User:") + uniqueName(QStringLiteral("kafdesk-test-gui"));
    const QString m_topic = uniqueName(QStringLiteral("aclgui"));

    RunResult aclCommand(const QStringList &args)
    {
        return kafkaTool(aclCommandClass, QStringList{QStringLiteral("--bootstrap-server"), m_bootstrap} + args);
    }
    // The entries AclCommand lists for our principal, as "OPERATION permissionType" words.
    QStringList kafkaEntries()
    {
        const RunResult r = aclCommand({QStringLiteral("--list"), QStringLiteral("--principal"), m_principal});
        QStringList out;
        static const QRegularExpression entry(QStringLiteral("operation=(\\w+), permissionType=(\\w+)"));
        for (auto it = entry.globalMatch(r.out); it.hasNext();) {
            const auto m = it.next();
            out << m.captured(1) + QLatin1Char(' ') + m.captured(2);
        }
        out.sort();
        return out;
    }
    void attach(AclsPage &page, ClusterSession *session = nullptr)
    {
        ClusterSession *s = session ? session : m_session.get();
        connect(s, &ClusterSession::snapshotReady, &page, &AclsPage::showSnapshot);
        page.attach(s, &m_log);
    }
    int rowsOfOurPrincipal(const AclsPage &page) const
    {
        int n = 0;
        for (const AclBinding &a : page.aclModel()->acls())
            n += a.principal == m_principal ? 1 : 0;
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_bootstrap = sharedClusterState().bootstrapServers();
        QVERIFY(!m_bootstrap.isEmpty());
        m_session = std::make_unique<ClusterSession>(ConnectionSettings::forBootstrap(m_bootstrap));
        m_session->setPollInterval(2000);
        m_session->start();
        QVERIFY(QTest::qWaitFor([&] { return m_session->latestSnapshot() != nullptr; }, 30000));
    }

    void cleanupTestCase()
    {
        // Whatever a failed step left behind.
        aclCommand({QStringLiteral("--remove"), QStringLiteral("--force"), QStringLiteral("--topic"), m_topic,
                    QStringLiteral("--resource-pattern-type"), QStringLiteral("any")});
        aclCommand({QStringLiteral("--remove"), QStringLiteral("--force"), QStringLiteral("--group"), m_topic,
                    QStringLiteral("--resource-pattern-type"), QStringLiteral("any")});
    }

    void navigationHasAnAclsEntry()
    {
        NavigationTree tree;
        tree.setCluster(QStringLiteral("c"), false);
        QTreeWidgetItem *found = nullptr;
        for (int i = 0; i < tree.topLevelItem(0)->childCount(); ++i)
            if (tree.topLevelItem(0)->child(i)->text(0) == QLatin1String("ACLs"))
                found = tree.topLevelItem(0)->child(i);
        QVERIFY(found);
        tree.setCurrentItem(found);
        QCOMPARE(tree.currentPage(), NavigationTree::Page::Acls);
    }

    void listsWhatAclCommandCreated()
    {
        // The shared cluster may have no ACL at all now: then the empty state shows first.
        AclsPage empty;
        empty.resize(1100, 500);
        attach(empty);
        empty.show();
        QTRY_VERIFY_WITH_TIMEOUT(empty.hasLoaded(), 30000);
        if (empty.aclModel()->rowCount() == 0) {
            QCOMPARE(empty.emptyStateText(), QStringLiteral("No ACLs."));
            saveScreenshot(empty, QStringLiteral("acls-empty.png"));
        }

        for (const QString &op : {QStringLiteral("Read"), QStringLiteral("Write")}) {
            const RunResult r = aclCommand({QStringLiteral("--add"), QStringLiteral("--allow-principal"), m_principal,
                                            QStringLiteral("--operation"), op, QStringLiteral("--topic"), m_topic});
            QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        }
        const RunResult deny = aclCommand({QStringLiteral("--add"), QStringLiteral("--deny-principal"), m_principal,
                                           QStringLiteral("--deny-host"), QStringLiteral("192.0.2.9"), QStringLiteral("--operation"),
                                           QStringLiteral("Describe"), QStringLiteral("--group"), m_topic,
                                           QStringLiteral("--resource-pattern-type"), QStringLiteral("prefixed")});
        QVERIFY2(deny.exitCode == 0, qPrintable(deny.describe()));

        AclsPage page;
        QAbstractItemModelTester sourceTester(page.aclModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(page.proxyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.resize(1100, 500);
        attach(page);
        page.show();
        QTRY_VERIFY_WITH_TIMEOUT(page.hasLoaded(), 30000);
        // ACLs reach every broker through the metadata log: F5 until they are all there.
        QTRY_VERIFY_WITH_TIMEOUT((page.refresh(), rowsOfOurPrincipal(page) == 3), 30000);
        QVERIFY(page.emptyStateText().isEmpty());

        page.principalFilter()->setText(m_principal.mid(5)); // without "User:"
        QCOMPARE(page.proxyModel()->rowCount(), 3);
        page.resourceFilter()->setText(m_topic);
        QCOMPARE(page.proxyModel()->rowCount(), 3);
        page.operationFilter()->setCurrentIndex(page.operationFilter()->findData(int(AclOperation::Write)));
        QCOMPARE(page.proxyModel()->rowCount(), 1);
        page.operationFilter()->setCurrentIndex(0);
        QCOMPARE(page.proxyModel()->rowCount(), 3);

        // The deny row reads as Kafka has it.
        const AclBinding denied{AclResourceType::Group, m_topic, AclPatternType::Prefixed, m_principal,
                                QStringLiteral("192.0.2.9"), AclOperation::Describe, AclPermission::Deny};
        QVERIFY(page.selectAcl(denied));
        QCOMPARE(page.selectedAcls(), QList<AclBinding>{denied});
        QCOMPARE(page.commandLine()->command(), commands::createAcl(commands::Target(m_bootstrap), denied).line);
        const int row = page.table()->currentIndex().row();
        const auto cell = [&](int column) { return page.proxyModel()->index(row, column).data().toString(); };
        QCOMPARE(cell(AclTableModel::PrincipalColumn), m_principal);
        QCOMPARE(cell(AclTableModel::HostColumn), QStringLiteral("192.0.2.9"));
        QCOMPARE(cell(AclTableModel::ResourceTypeColumn), QStringLiteral("Group"));
        QCOMPARE(cell(AclTableModel::PatternColumn), QStringLiteral("Prefixed"));
        QCOMPARE(cell(AclTableModel::ResourceColumn), m_topic);
        QCOMPARE(cell(AclTableModel::OperationColumn), QStringLiteral("Describe"));
        QCOMPARE(cell(AclTableModel::PermissionColumn), QStringLiteral("Deny"));
        QVERIFY(page.createAction()->isEnabled());
        QVERIFY(page.deleteAction()->isEnabled());
        saveScreenshot(page, QStringLiteral("acls-table.png"));

        // A refresh merges: the selection stays on its row.
        page.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!page.isLoading(), 30000);
        QCOMPARE(page.selectedAcls(), QList<AclBinding>{denied});
    }

    void createDialogValidatesBeforeSending()
    {
        AclsPage page;
        attach(page);
        page.show();
        QTRY_VERIFY_WITH_TIMEOUT(page.hasLoaded(), 30000);
        auto *dialog = qobject_cast<CreateAclDialog *>(page.createAcl());
        QVERIFY(dialog);
        QVERIFY(!dialog->actionButton()->isEnabled()); // nothing typed yet
        QVERIFY(dialog->messageFor(aclvalidation::Field::Principal)->isEmpty()); // not yet wrong

        dialog->principalEdit()->setText(QStringLiteral("alice"));
        dialog->resourceEdit()->setText(m_topic);
        dialog->hostEdit()->setText(QStringLiteral("db.example.com"));
        QVERIFY(dialog->messageFor(aclvalidation::Field::Principal)->text().contains(QLatin1String("has no type")));
        QVERIFY(dialog->messageFor(aclvalidation::Field::Host)->text().contains(QLatin1String("not an IP address")));
        QVERIFY(!dialog->actionButton()->isEnabled());
        saveScreenshot(*dialog, QStringLiteral("create-acl-invalid.png"));

        // A group offers only the group operations.
        dialog->resourceTypeCombo()->setCurrentIndex(dialog->resourceTypeCombo()->findData(int(AclResourceType::Group)));
        QStringList offered;
        for (int i = 0; i < dialog->operationCombo()->count(); ++i)
            offered << dialog->operationCombo()->itemText(i);
        QCOMPARE(offered, (QStringList{QStringLiteral("All"), QStringLiteral("Read"), QStringLiteral("Delete"),
                                       QStringLiteral("Describe")}));
        // The cluster has one name, shown and fixed.
        dialog->resourceTypeCombo()->setCurrentIndex(dialog->resourceTypeCombo()->findData(int(AclResourceType::Cluster)));
        QCOMPARE(dialog->resourceEdit()->text(), acl::clusterResourceName());
        QVERIFY(!dialog->resourceEdit()->isEnabled());
        dialog->resourceTypeCombo()->setCurrentIndex(dialog->resourceTypeCombo()->findData(int(AclResourceType::Topic)));
        QCOMPARE(dialog->resourceEdit()->text(), m_topic);
        // librdkafka 2.0.2 cannot send transactional ids: said, with the line to run instead.
        dialog->resourceTypeCombo()->setCurrentIndex(
            dialog->resourceTypeCombo()->findData(int(AclResourceType::TransactionalId)));
        QVERIFY(dialog->messageFor(aclvalidation::Field::ResourceType)->text().contains(QLatin1String("librdkafka 2.0.2")));
        QVERIFY(dialog->commandLine()->command().contains(QLatin1String("--transactional-id")));
        dialog->resourceTypeCombo()->setCurrentIndex(dialog->resourceTypeCombo()->findData(int(AclResourceType::Topic)));

        dialog->principalEdit()->setText(m_principal);
        dialog->hostEdit()->setText(QStringLiteral("*"));
        dialog->operationCombo()->setCurrentIndex(dialog->operationCombo()->findData(int(AclOperation::AlterConfigs)));
        dialog->patternCombo()->setCurrentIndex(dialog->patternCombo()->findData(int(AclPatternType::Prefixed)));
        dialog->permissionCombo()->setCurrentIndex(dialog->permissionCombo()->findData(int(AclPermission::Deny)));
        for (const auto f : {aclvalidation::Field::Principal, aclvalidation::Field::Host, aclvalidation::Field::ResourceName})
            QVERIFY(dialog->messageFor(f)->isEmpty());
        QVERIFY(dialog->warning()->text().contains(QLatin1String("deny wins")));
        QVERIFY(dialog->actionButton()->isEnabled());
        const AclBinding expected{AclResourceType::Topic, m_topic, AclPatternType::Prefixed, m_principal,
                                  QStringLiteral("*"), AclOperation::AlterConfigs, AclPermission::Deny};
        QCOMPARE(dialog->acl(), expected);
        QCOMPARE(dialog->commandLine()->command(), commands::createAcl(commands::Target(m_bootstrap), expected).line);
        saveScreenshot(*dialog, QStringLiteral("create-acl-ready.png"));

        QPointer<CreateAclDialog> guard(dialog);
        QTest::mouseClick(dialog->actionButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!guard || !guard->isVisible(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(kafkaEntries().contains(QStringLiteral("ALTER_CONFIGS DENY")), 60000);
        QTRY_VERIFY_WITH_TIMEOUT((page.refresh(), page.aclModel()->rowOf(expected) >= 0), 30000);
    }

    void deleteListsWhatGoes()
    {
        AclsPage page;
        page.resize(1100, 500);
        attach(page);
        page.show();
        QTRY_VERIFY_WITH_TIMEOUT(page.hasLoaded() && rowsOfOurPrincipal(page) >= 3, 30000);
        page.principalFilter()->setText(m_principal);
        page.table()->selectAll();
        const QList<AclBinding> chosen = page.selectedAcls();
        QCOMPARE(chosen.size(), rowsOfOurPrincipal(page));
        auto *dialog = qobject_cast<DeleteAclsDialog *>(page.deleteAcls());
        QVERIFY(dialog);
        QCOMPARE(dialog->list()->count(), chosen.size());
        QCOMPARE(dialog->list()->item(0)->text(), acl::sentence(chosen.first()));
        QCOMPARE(dialog->commandLine()->command(), commands::deleteAcls(commands::Target(m_bootstrap), chosen).line);
        QVERIFY(dialog->actionButton()->isEnabled());
        saveScreenshot(*dialog, QStringLiteral("delete-acls.png"));
        QPointer<DeleteAclsDialog> guard(dialog);
        QTest::mouseClick(dialog->actionButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!guard || !guard->isVisible(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(kafkaEntries().isEmpty(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT((page.refresh(), rowsOfOurPrincipal(page) == 0), 30000);
    }

    void readOnlyDisablesChanges()
    {
        ConnectionSettings settings = ConnectionSettings::forBootstrap(m_bootstrap, QStringLiteral("prod (read-only)"));
        settings.readOnly = true;
        ClusterSession session(settings);
        session.start();
        QVERIFY(QTest::qWaitFor([&] { return session.latestSnapshot() != nullptr; }, 30000));
        AclsPage page;
        attach(page, &session);
        page.show();
        QTRY_VERIFY_WITH_TIMEOUT(page.hasLoaded(), 30000); // listing is allowed
        QVERIFY(!page.createAction()->isEnabled());
        QCOMPARE(page.createAction()->toolTip(), page.readOnlyReason());
        QVERIFY(page.readOnlyReason().contains(QLatin1String("read-only")));
        QVERIFY(!page.deleteAction()->isEnabled());
        QCOMPARE(page.deleteAction()->toolTip(), page.readOnlyReason());
        QVERIFY(!page.createAcl());
        page.attach(nullptr, nullptr);
    }
};

QTEST_MAIN(TestAclsPage)
#include "tst_aclspage.moc"
