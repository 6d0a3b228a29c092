// Every guided lesson end to end, offscreen, on a bundled cluster of the test's own (lessons kill
// brokers): each step's button pressed in order, each lesson's own check against the live cluster
// asserted, "Show me" followed once, and screenshots of three lessons.

#include "cluster/clustersession.h"
#include "messages/grouplab.h"
#include "settings.h"
#include "support/screenshot.h"
#include "support/testsupport.h"
#include "views/drillpage.h"
#include "views/lessonspage.h"
#include "views/mainwindow.h"
#include "views/welcomepage.h"
#include "widgets/messagelog.h"

#include <QDir>
#include <QCommandLinkButton>
#include <QListWidget>
#include <QMetaEnum>
#include <QPushButton>
#include <QTest>
#include <QTranslator>

using namespace kafdesk;
using namespace kafdesk::test;

class TestLessons : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { settings::keepLocalClusterRunning().set(true); } // OwnCluster takes it down
    void cleanupTestCase() { GroupLab::waitForAllMembers(30000); }

    void aPassedLessonStaysTicked()
    {
        settings::completedLessons().set({QStringLiteral("keys-partitions")});
        LessonsPage page;
        QVERIFY(!page.lessonList()->item(0)->data(LessonsPage::CompletedRole).toBool());
        QCOMPARE(page.lessonList()->item(1)->data(LessonsPage::LessonIdRole).toString(), QStringLiteral("keys-partitions"));
        QVERIFY(page.lessonList()->item(1)->data(LessonsPage::CompletedRole).toBool());
        QVERIFY(!page.lessonList()->item(1)->icon().isNull());
        settings::completedLessons().set({});
    }

    void withoutAClusterTheStepsSayWhy()
    {
        LessonsPage page;
        QCOMPARE(page.lessons().size(), 10); // every file parses and every "Show me" page exists
        QCOMPARE(page.lessonList()->count(), 10);
        page.selectLesson(QStringLiteral("keys-partitions"));
        QCOMPARE(page.currentLessonId(), QStringLiteral("keys-partitions"));
        QCOMPARE(page.stepCount(), 2);
        QVERIFY(!page.stepButton(0)->isEnabled());
        QVERIFY(!page.checkButton()->isEnabled());
        QVERIFY(page.disabledReason().contains(QStringLiteral("Connect")));
        QVERIFY(page.commandsText().contains(QStringLiteral("--property parse.key=true")));
    }

    void textsGoThroughTheTranslator()
    {
        // What a .qm made from scripts/lesson-strings.py's .ts does: texts of context "lessons".
        struct Marking : QTranslator {
            QString translate(const char *context, const char *source, const char *, int) const override
            {
                return qstrcmp(context, "lessons") == 0 ? QStringLiteral("[xx] ") + QString::fromUtf8(source) : QString();
            }
            bool isEmpty() const override { return false; }
        } marking;
        QVERIFY(QCoreApplication::installTranslator(&marking));
        LessonsPage page;
        page.selectLesson(QStringLiteral("keys-partitions"));
        QVERIFY2(page.lessonList()->currentItem()->text().contains(QStringLiteral("[xx] Keys decide the partition")),
                 qPrintable(page.lessonList()->currentItem()->text()));
        QVERIFY2(page.stepButton(0)->text().contains(QStringLiteral("[xx] Create lesson-keys")),
                 qPrintable(page.stepButton(0)->text()));
        QVERIFY(!page.commandsText().contains(QStringLiteral("[xx]"))); // command lines stay as they are
        QCoreApplication::removeTranslator(&marking);
    }

    void onAnExternalClusterBrokerKillsAreRefused()
    {
        // The shared cluster as an external one: no kills there, and nothing on a read-only one.
        const QString bootstrap = sharedClusterState().bootstrapServers();
        MessageLog log;
        ClusterSession session(ConnectionSettings::forBootstrap(bootstrap, QStringLiteral("external")));
        LessonsPage page;
        page.setLocalCluster({}, {});
        page.attach(&session, &log);
        page.selectLesson(QStringLiteral("leader-failover"));
        QVERIFY2(page.disabledReason().contains(QStringLiteral("only on the bundled local cluster")),
                 qPrintable(page.disabledReason()));
        QVERIFY(!page.stepButton(0)->isEnabled());
        QCOMPARE(page.stepButton(0)->toolTip(), page.disabledReason());
        page.selectLesson(QStringLiteral("keys-partitions"));
        QVERIFY(page.disabledReason().isEmpty());
        QVERIFY(page.stepButton(0)->isEnabled());
        QVERIFY(!page.stepButton(1)->isEnabled()); // steps open one after another
        QVERIFY(page.commandsText().contains(bootstrap.section(QLatin1Char(','), 0, 0)));

        ConnectionSettings readOnly = ConnectionSettings::forBootstrap(bootstrap, QStringLiteral("prod"));
        readOnly.readOnly = true;
        ClusterSession readOnlySession(readOnly);
        page.attach(&readOnlySession, &log);
        QVERIFY(page.disabledReason().contains(QStringLiteral("read-only")));
        QVERIFY(!page.stepButton(0)->isEnabled());
        page.attach(nullptr, &log);
    }

    void everyLessonEndToEnd();

private:
    void runStep(LessonsPage *page, int index)
    {
        const QString lesson = page->currentLessonId();
        QTRY_VERIFY_WITH_TIMEOUT(page->stepButton(index)->isEnabled(), 60000);
        page->stepButton(index)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy() && !page->stepStatusText(index).isEmpty() &&
                                     page->stepStatusText(index) != QStringLiteral("Working…"),
                                 240000);
        QVERIFY2(page->stepStatusText(index).startsWith(QStringLiteral("✔")),
                 qPrintable(lesson + QStringLiteral(" step %1: ").arg(index + 1) + page->stepStatusText(index)));
        qInfo().noquote() << lesson << "step" << index + 1 << page->stepStatusText(index);
    }

    // Presses Check until the lesson's own check passes (a rebalance or an ISR takes seconds).
    void expectCheckPasses(LessonsPage *page, const QString &says)
    {
        const QString lesson = page->currentLessonId();
        for (int attempt = 0; attempt < 20 && !page->outcomePassed(); ++attempt) {
            QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy() && page->checkButton()->isEnabled(), 120000);
            if (page->outcomePassed())
                break;
            if (attempt > 0)
                QTest::qWait(3000);
            page->checkButton()->click();
            QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy() && !page->outcomeText().startsWith(QStringLiteral("Checking")), 120000);
        }
        QVERIFY2(page->outcomePassed(), qPrintable(lesson + QStringLiteral(": ") + page->outcomeText()));
        QVERIFY2(page->outcomeText().contains(says), qPrintable(lesson + QStringLiteral(": ") + page->outcomeText()));
        qInfo().noquote() << lesson << "check" << page->outcomeText();
    }
};

void TestLessons::everyLessonEndToEnd()
{
    OwnCluster own(QStringLiteral("lessons"));
    settings::completedLessons().set({});
    MainWindow::Options options;
    options.localClusterName = own.name();
    options.clustersRoot = clustersDir();
    options.openLocalCluster = false; // the welcome page's "Learn Kafka" starts it
    options.newClusterBrokers = 3;
    options.profilesFile = QDir::tempPath() + QStringLiteral("/kafdesk-tst-lessons-profiles.ini");
    MainWindow window(options);
    window.resize(1280, 900);
    window.show();
    QCOMPARE(window.currentPage(), window.welcomePage());
    QTRY_VERIFY_WITH_TIMEOUT(window.welcomePage()->lessonsButton()->isEnabled(), 30000);
    window.welcomePage()->lessonsButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(window.isConnected(), 150000);
    QTRY_COMPARE_WITH_TIMEOUT(window.statusTexts().value(1), QStringLiteral("3 of 3 brokers alive"), 60000);

    // Once connected, the window opens the lessons, as the welcome page promised.
    QTRY_COMPARE_WITH_TIMEOUT(window.navigation()->currentPage(), NavigationTree::Page::Lessons, 30000);
    auto *page = qobject_cast<LessonsPage *>(window.currentPage());
    QVERIFY(page);
    QCOMPARE(page->lessons().size(), 10);
    QVERIFY2(page->disabledReason().isEmpty(), qPrintable(page->disabledReason()));
    const QString bootstrap = own.cluster().state()->bootstrapServers();

    // What each lesson's check must say when it passes.
    const QMap<QString, QString> says{
        {QStringLiteral("topics-partitions"), QStringLiteral("has 3 partitions, each with 3 replicas in sync")},
        {QStringLiteral("keys-partitions"), QStringLiteral("All 10 messages with key user-42 are in partition")},
        {QStringLiteral("consumers-pull"), QStringLiteral("read all 5 messages")},
        {QStringLiteral("consumer-groups"), QStringLiteral("Each of the 3 members owns exactly one partition")},
        {QStringLiteral("leader-failover"), QStringLiteral("is in the ISR again")},
        {QStringLiteral("controller-quorum"), QStringLiteral("is the active controller; 3 voters")},
        {QStringLiteral("offsets"), QStringLiteral("committed offsets adding up to 10")},
        {QStringLiteral("retention"), QStringLiteral("168 hours")},
        {QStringLiteral("adding-partitions"), QStringLiteral("lesson-grow has 5 partitions")},
        {QStringLiteral("idempotence"), QStringLiteral("read back once each")},
    };
    const QMap<QString, QString> screenshots{
        {QStringLiteral("keys-partitions"), QStringLiteral("lessons-keys-partitions.png")},
        {QStringLiteral("consumer-groups"), QStringLiteral("lessons-consumer-groups.png")},
        {QStringLiteral("leader-failover"), QStringLiteral("lessons-leader-failover.png")},
    };
    for (const Lesson &lesson : page->lessons()) {
        page->selectLesson(lesson.id);
        QVERIFY(page->commandsText().contains(bootstrap.section(QLatin1Char(','), 0, 0)));
        QVERIFY(!page->commandsText().contains(QStringLiteral("{bootstrap}")));
        for (int i = 0; i < page->stepCount(); ++i) {
            runStep(page, i);
            if (QTest::currentTestFailed())
                return;
            if (lesson.id == QLatin1String("leader-failover") && i == 1) {
                // Between the kill and the restart: a new leader, and the dead node out of the ISR.
                expectCheckPasses(page, QStringLiteral("the ISR shrank"));
                if (QTest::currentTestFailed())
                    return;
                QTRY_COMPARE_WITH_TIMEOUT(window.statusTexts().value(1), QStringLiteral("2 of 3 brokers alive"), 30000);
                saveScreenshot(window, screenshots.value(lesson.id));
            }
        }
        expectCheckPasses(page, says.value(lesson.id));
        if (QTest::currentTestFailed())
            return;
        if (screenshots.contains(lesson.id) && lesson.id != QLatin1String("leader-failover"))
            saveScreenshot(window, screenshots.value(lesson.id));
        // The button to where the effect shows opens that page (on the lesson's topic or group).
        const int seePage = QMetaEnum::fromType<NavigationTree::Page>().keyToValue(lesson.see.page.toLatin1().constData());
        QVERIFY2(seePage > 0 && page->showMeButton()->isVisible(), qPrintable(lesson.id));
        page->showMeButton()->click();
        QTRY_COMPARE(window.navigation()->currentPage(), NavigationTree::Page(seePage));
        if (lesson.id == QLatin1String("idempotence")) { // the drill page shows the lesson's report
            auto *drill = qobject_cast<DrillPage *>(window.currentPage());
            QVERIFY(drill);
            QCOMPARE(drill->state(), DrillPage::State::Report);
            saveScreenshot(window, QStringLiteral("lessons-idempotence-drill-report.png"));
        }
        window.showPage(NavigationTree::Page::Lessons);
        QCOMPARE(window.currentPage(), page);
    }

    // Each passed check is remembered (the list ticks it next time too).
    QStringList completed = settings::completedLessons().get();
    completed.sort();
    QStringList all;
    for (const Lesson &lesson : page->lessons())
        all << lesson.id;
    all.sort();
    QCOMPARE(completed, all);

    // A lesson runs again from a clean state: its topic is removed and made anew.
    page->selectLesson(QStringLiteral("keys-partitions"));
    runStep(page, 0);
    runStep(page, 1);
    expectCheckPasses(page, says.value(QStringLiteral("keys-partitions")));
}

QTEST_MAIN(TestLessons)
#include "tst_lessons.moc"
