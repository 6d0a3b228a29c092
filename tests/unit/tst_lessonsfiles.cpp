// The lesson files (resources/lessons, compiled into the core): every one parses, names only
// known action and check kinds, and removes what it creates; bad files are refused with a sentence.

#include "lessons/lesson.h"

#include <QProcess>
#include <QTest>
#include <QXmlStreamReader>

using namespace kafdesk;

class TestLessonFiles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyBundledLessonParses()
    {
        auto lessons = loadLessons();
        QVERIFY2(lessons.ok(), lessons.ok() ? "" : qPrintable(lessons.error().fullText()));
        QCOMPARE(lessons->size(), 10);
        QStringList ids;
        for (const Lesson &lesson : lessons.value()) {
            ids << lesson.id;
            QVERIFY(!lesson.paragraphs.isEmpty());
            QVERIFY2(!lesson.commands.isEmpty(), qPrintable(lesson.id));
            QVERIFY2(!lesson.hint.isEmpty(), qPrintable(lesson.id));
            QVERIFY(lessonCheckKinds().contains(lesson.check.kind));
            for (const LessonStep &step : lesson.steps) {
                QVERIFY(lessonActionKinds().contains(step.action.kind));
                // Whatever a step names must be reset by the lesson, or a re-run would trip on it.
                const QString topic = step.action.text(QStringLiteral("topic"));
                if (!topic.isEmpty())
                    QVERIFY2(lesson.topics.contains(topic), qPrintable(lesson.id + QLatin1Char(' ') + topic));
                const QString group = step.action.text(QStringLiteral("group"));
                if (!group.isEmpty())
                    QVERIFY2(lesson.groups.contains(group), qPrintable(lesson.id + QLatin1Char(' ') + group));
                // A step that breaks a broker marks its lesson, so the page can refuse it elsewhere.
                if (step.action.kind == QLatin1String("killLeader") || step.action.kind == QLatin1String("drill"))
                    QVERIFY2(lesson.needsLocalCluster, qPrintable(lesson.id));
            }
            for (const QString &command : lesson.commands)
                QVERIFY2(!command.contains(QLatin1String("localhost:9092")), qPrintable(command)); // {bootstrap}
        }
        QVERIFY(ids.contains(QStringLiteral("keys-partitions")));
        QVERIFY(ids.contains(QStringLiteral("consumer-groups")));
        QVERIFY(ids.contains(QStringLiteral("leader-failover")));
    }

    void pagesAreCheckedWhenGiven()
    {
        const QByteArray good = R"({"id": "x", "title": "X", "text": ["t"], "steps": [{"label": "s",
            "action": {"kind": "createTopic", "topic": "lesson-x"}}], "check": {"kind": "topicLayout"},
            "see": {"page": "PartitionMap"}, "topics": ["lesson-x"]})";
        auto parsed = parseLesson(good, QStringLiteral("x.json"), {QStringLiteral("PartitionMap")});
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().fullText()));
        QCOMPARE(parsed->steps.first().action.kind, QStringLiteral("createTopic"));
        QCOMPARE(parsed->steps.first().action.text(QStringLiteral("topic")), QStringLiteral("lesson-x"));
        QVERIFY(!parsed->steps.first().action.params.contains(QStringLiteral("kind")));
        QVERIFY(!parseLesson(good, QStringLiteral("x.json"), {QStringLiteral("Overview")}).ok());
    }

    void badFilesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("says");
        const QByteArray steps = R"("steps": [{"label": "s", "action": {"kind": "produce"}}])";
        QTest::newRow("not json") << QByteArray("{\"id\": ") << QStringLiteral("bad.json");
        QTest::newRow("an array") << QByteArray("[]") << QStringLiteral("not an object");
        QTest::newRow("no id") << QByteArray(R"({"title": "T", "text": ["t"], )" + steps + R"(, "check": {"kind": "drillHeld"}})")
                               << QStringLiteral("\"id\"");
        QTest::newRow("no text") << QByteArray(R"({"id": "a", "title": "T", )" + steps + R"(, "check": {"kind": "drillHeld"}})")
                                 << QStringLiteral("paragraph");
        QTest::newRow("unknown action")
            << QByteArray(R"({"id": "a", "title": "T", "text": ["t"], "steps": [{"label": "s", "action": {"kind": "explode"}}],
                "check": {"kind": "drillHeld"}})")
            << QStringLiteral("explode");
        QTest::newRow("step without label")
            << QByteArray(R"({"id": "a", "title": "T", "text": ["t"], "steps": [{"action": {"kind": "produce"}}],
                "check": {"kind": "drillHeld"}})")
            << QStringLiteral("label");
        QTest::newRow("no steps") << QByteArray(R"({"id": "a", "title": "T", "text": ["t"], "check": {"kind": "drillHeld"}})")
                                  << QStringLiteral("at least one step");
        QTest::newRow("unknown check")
            << QByteArray(R"({"id": "a", "title": "T", "text": ["t"], )" + steps + R"(, "check": {"kind": "vibes"}})")
            << QStringLiteral("vibes");
        QTest::newRow("foreign topic")
            << QByteArray(R"({"id": "a", "title": "T", "text": ["t"], )" + steps + R"(, "check": {"kind": "drillHeld"},
                "topics": ["orders"]})")
            << QStringLiteral("lesson-");
        QTest::newRow("unknown page")
            << QByteArray(R"({"id": "a", "title": "T", "text": ["t"], )" + steps + R"(, "check": {"kind": "drillHeld"},
                "see": {"page": "Nowhere"}})")
            << QStringLiteral("Nowhere");
    }

    void badFilesAreRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, says);
        auto parsed = parseLesson(json, QStringLiteral("bad.json"), {QStringLiteral("Overview")});
        QVERIFY(!parsed.ok());
        QVERIFY(parsed.error().badInput);
        QVERIFY2(parsed.error().message.contains(QStringLiteral("bad.json")), qPrintable(parsed.error().message));
        QVERIFY2(parsed.error().message.contains(says), qPrintable(parsed.error().message));
    }

    void aDirectoryWithoutIndexIsRefused()
    {
        auto lessons = loadLessons(QStringLiteral("/nonexistent-kafdesk-lessons"));
        QVERIFY(!lessons.ok());
        QVERIFY(lessons.error().message.contains(QStringLiteral("index.json")));
    }

    void theTranslatorsFileListsEveryText()
    {
        // scripts/lesson-strings.py writes the .ts translators work on: every text the page shows
        // through lessonText() must be in it, or it would stay untranslated.
        QProcess script;
        script.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral(KAFDESK_SOURCE_DIR "/scripts/lesson-strings.py"), QStringLiteral("de")});
        QVERIFY(script.waitForFinished(30000));
        QCOMPARE(script.exitCode(), 0);
        QXmlStreamReader ts(script.readAllStandardOutput());
        QStringList sources;
        while (!ts.atEnd())
            if (ts.readNext() == QXmlStreamReader::StartElement && ts.name() == QLatin1String("source"))
                sources << ts.readElementText();
        QVERIFY2(!ts.hasError(), qPrintable(ts.errorString()));
        auto lessons = loadLessons();
        QVERIFY(lessons.ok());
        QStringList shown;
        for (const Lesson &lesson : lessons.value()) {
            shown << lesson.title << lesson.paragraphs << lesson.see.label << lesson.hint;
            for (const LessonStep &step : lesson.steps)
                shown << step.label;
        }
        shown.removeAll(QString());
        for (const QString &text : std::as_const(shown))
            QVERIFY2(sources.contains(text), qPrintable(text));
        shown.removeDuplicates();
        QCOMPARE(sources.size(), shown.size());
    }

    void textsAreShownAsWrittenWithoutATranslation()
    {
        QCOMPARE(lessonText(QStringLiteral("Keys decide the partition")), QStringLiteral("Keys decide the partition"));
    }
};

QTEST_GUILESS_MAIN(TestLessonFiles)
#include "tst_lessonsfiles.moc"
