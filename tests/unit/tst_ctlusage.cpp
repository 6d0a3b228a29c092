// kafdesk-ctl's answers to bad input: a clear message and the right exit code, no broker needed.

#include "local/clusterpaths.h"
#include "support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace kafdesk;
using namespace kafdesk::test;

class TestCtlUsage : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_root;
    QTemporaryDir m_completionRoot;

    RunResult ctlIn(const QStringList &args)
    {
        return ctl(args, {{QStringLiteral("KAFDESK_CLUSTERS_DIR"), m_root.path()}});
    }

private Q_SLOTS:
    void badInputIsRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("nothing") << QStringList{} << 2 << QStringLiteral("Usage: kafdesk-ctl");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frob")} << 2
                                         << QStringLiteral("unknown command \"frob\"");
        QTest::newRow("no verb") << QStringList{QStringLiteral("cluster")} << 2 << QStringLiteral("Name a verb");
        QTest::newRow("unknown verb") << QStringList{QStringLiteral("cluster"), QStringLiteral("explode")} << 2
                                      << QStringLiteral("Unknown verb \"explode\"");
        QTest::newRow("kill without id") << QStringList{QStringLiteral("cluster"), QStringLiteral("kill")} << 2
                                         << QStringLiteral("needs a node id");
        QTest::newRow("id not a number")
            << QStringList{QStringLiteral("cluster"), QStringLiteral("kill"), QStringLiteral("two")} << 2
            << QStringLiteral("\"two\" is not a node id");
        QTest::newRow("status with id")
            << QStringList{QStringLiteral("cluster"), QStringLiteral("status"), QStringLiteral("1")} << 2
            << QStringLiteral("takes no node id");
        QTest::newRow("too many brokers") << QStringList{QStringLiteral("cluster"), QStringLiteral("start"),
                                                         QStringLiteral("--brokers"), QStringLiteral("9")}
                                          << 2 << QStringLiteral("--brokers takes a number from 1 to 5");
        QTest::newRow("bad base port") << QStringList{QStringLiteral("cluster"), QStringLiteral("start"),
                                                      QStringLiteral("--base-port"), QStringLiteral("80")}
                                       << 2 << QStringLiteral("--base-port takes a port");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("cluster"), QStringLiteral("status"),
                                                       QStringLiteral("--colour")}
                                        << 2 << QStringLiteral("Unknown option 'colour'");
        QTest::newRow("bad name") << QStringList{QStringLiteral("cluster"), QStringLiteral("status"),
                                                 QStringLiteral("--name"), QStringLiteral("../etc")}
                                  << 2 << QStringLiteral("not a valid cluster name");
        QTest::newRow("no such cluster") << QStringList{QStringLiteral("cluster"), QStringLiteral("status"),
                                                        QStringLiteral("--name"), QStringLiteral("ghost")}
                                         << 1 << QStringLiteral("There is no local cluster named \"ghost\"");
        QTest::newRow("kill in no cluster")
            << QStringList{QStringLiteral("cluster"), QStringLiteral("kill"), QStringLiteral("1"),
                           QStringLiteral("--name"), QStringLiteral("ghost")}
            << 1 << QStringLiteral("There is no local cluster named \"ghost\"");
    }

    void badInputIsRefused()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const RunResult r = ctlIn(args);
        QVERIFY(r.started);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.describe()));
        QVERIFY(r.out.isEmpty());
    }

    void helpAndVersion()
    {
        const RunResult version = ctlIn({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.contains(QStringLiteral("Apache Kafka 4.1.2")));
        const RunResult help = ctlIn({QStringLiteral("cluster"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char *verb : {"start", "stop", "kill", "pause", "resume", "restart", "status", "logs", "down", "reset"})
            QVERIFY2(help.out.contains(QStringLiteral("  ") + QLatin1String(verb)), verb);
    }

    // Every command answers --help with its usage on stdout and exit code 0.
    void everyCommandHasHelp_data()
    {
        QTest::addColumn<QString>("command");
        for (const char *command : {"cluster", "describe", "topics", "groups", "acls", "drill", "watch"})
            QTest::newRow(command) << QString::fromLatin1(command);
    }

    void everyCommandHasHelp()
    {
        QFETCH(QString, command);
        for (const QString &flag : {QStringLiteral("--help"), QStringLiteral("-h")}) {
            const RunResult r = ctlIn({command, flag});
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(r.out.startsWith(QStringLiteral("Usage: kafdesk-ctl ") + command), qPrintable(r.describe()));
            QCOMPARE(r.err, QString());
        }
        // The top-level help names the command.
        QVERIFY(ctlIn({QStringLiteral("--help")}).out.contains(QStringLiteral("\n  ") + command + QLatin1Char(' ')));
    }

    // packaging/completion/kafdesk-ctl, run by bash as bash-completion would: the words so far,
    // and what TAB offers.
    void bashCompletion_data()
    {
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<QStringList>("offered");
        const auto row = [](const char *name, const QStringList &words, const QStringList &offered) {
            QTest::newRow(name) << words << offered;
        };
        row("commands", {QString()},
            {QStringLiteral("cluster"), QStringLiteral("describe"), QStringLiteral("topics"), QStringLiteral("groups"),
             QStringLiteral("acls"), QStringLiteral("drill"), QStringLiteral("watch")});
        row("a command's prefix", {QStringLiteral("gr")}, {QStringLiteral("groups")});
        row("top-level options", {QStringLiteral("--v")}, {QStringLiteral("--version")});
        row("cluster verbs", {QStringLiteral("cluster"), QStringLiteral("re")},
            {QStringLiteral("resume"), QStringLiteral("restart"), QStringLiteral("reset")});
        row("topics verbs", {QStringLiteral("topics"), QStringLiteral("")},
            {QStringLiteral("list"), QStringLiteral("describe"), QStringLiteral("create"), QStringLiteral("delete"),
             QStringLiteral("alter"), QStringLiteral("add-partitions")});
        row("an option", {QStringLiteral("drill"), QStringLiteral("--ac")}, {QStringLiteral("--acks")});
        row("an option's values", {QStringLiteral("drill"), QStringLiteral("--acks"), QString()},
            {QStringLiteral("all"), QStringLiteral("1")});
        row("reset targets", {QStringLiteral("groups"), QStringLiteral("reset"), QStringLiteral("--to-e")},
            {QStringLiteral("--to-earliest")});
        row("a cluster name", {QStringLiteral("cluster"), QStringLiteral("status"), QStringLiteral("--name"), QString()},
            {QStringLiteral("completion-probe")});
        row("no verb after the verb", {QStringLiteral("topics"), QStringLiteral("list"), QString()}, {});
    }

    void bashCompletion()
    {
        QFETCH(QStringList, words);
        QFETCH(QStringList, offered);
        // A cluster for --name to offer: `cluster list` lists the directories with a state file.
        const ClusterPaths probe(m_completionRoot.path(), QStringLiteral("completion-probe"));
        QVERIFY(QDir().mkpath(QFileInfo(probe.stateFile()).absolutePath()));
        QFile state(probe.stateFile());
        QVERIFY(state.open(QIODevice::WriteOnly));
        state.close();
        const QString script = QStringLiteral(QT_TESTCASE_SOURCEDIR "/../../packaging/completion/kafdesk-ctl");
        QString quoted;
        for (const QString &w : words)
            quoted += QStringLiteral(" '") + w + QLatin1Char('\'');
        const QString program = QStringLiteral("source '%1' || exit 9\n"
                                               "COMP_WORDS=(kafdesk-ctl%2); COMP_CWORD=%3\n"
                                               "_kafdesk_ctl; printf '%s\\n' \"${COMPREPLY[@]}\"\n")
                                    .arg(script, quoted)
                                    .arg(words.size());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PATH"), QFileInfo(ctlPath()).absolutePath() + QLatin1Char(':') + env.value(QStringLiteral("PATH")));
        env.insert(QStringLiteral("KAFDESK_CLUSTERS_DIR"), m_completionRoot.path());
        const RunResult r = run(QStringLiteral("bash"), {QStringLiteral("--norc"), QStringLiteral("-c"), program}, env);
        QCOMPARE(r.exitCode, 0);
        QStringList got = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(got, offered);
    }

    void listIsEmptyWithoutClusters()
    {
        const RunResult r = ctlIn({QStringLiteral("cluster"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QString());
    }
};

QTEST_GUILESS_MAIN(TestCtlUsage)
#include "tst_ctlusage.moc"
