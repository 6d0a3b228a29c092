#include "profiles/profilestore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kafdesk;

namespace {

const QStringList secretValues = {QStringLiteral("Pw4kafdeskTest"), QStringLiteral("KeyPw4kafdeskTest"),
                                  QStringLiteral("StorePw4kafdeskTest"), QStringLiteral("OauthSecret4kafdeskTest")};

ConnectionProfile fullProfile(const QString &name)
{
    ConnectionProfile p;
    p.name = name;
    p.bootstrapServers = QStringLiteral("b1.example.com:9093,b2.example.com:9093");
    p.securityProtocol = SecurityProtocol::SaslSsl;
    p.saslMechanism = SaslMechanism::ScramSha512;
    p.userName = QStringLiteral("alice");
    p.password = secretValues[0];
    p.caFile = QStringLiteral("/etc/kafka/ca.pem");
    p.clientCertFile = QStringLiteral("/etc/kafka/client.pem");
    p.clientKeyFile = QStringLiteral("/etc/kafka/client.key");
    p.keyPassword = secretValues[1];
    p.pkcs12File = QStringLiteral("/etc/kafka/other.p12");
    p.pkcs12Password = secretValues[2];
    p.extraProperties = {{QStringLiteral("acks"), QStringLiteral("all")},
                         {QStringLiteral("client.id"), QStringLiteral("kafdesk test")},
                         {QStringLiteral("sasl.oauthbearer.client.secret"), secretValues[3]}};
    p.readOnly = true;
    p.labelColour = QStringLiteral("#d03a2f");
    return p;
}

ConnectionProfile plainProfile(const QString &name)
{
    ConnectionProfile p;
    p.name = name;
    p.bootstrapServers = QStringLiteral("127.0.0.1:9092");
    return p;
}

} // namespace

// Runs plainly (ctest tst_profilestore: no session bus, so no keychain, which the test asserts) and
// through tests/support/run-with-keychain.sh (tst_profilestore_keychain: KAFDESK_EXPECT_KEYCHAIN=1,
// where a keychain that does not answer is a failure).
class TestProfileStore : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    bool m_expectKeychain = false;
    int m_files = 0;

    QString newSettingsFile() { return m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_files)); }

    // Every file under the test's directory (settings, XDG_CONFIG_HOME), searched for secrets.
    QStringList filesHoldingSecrets() const
    {
        QStringList found;
        QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = f.readAll();
            for (const QString &secret : secretValues)
                if (bytes.contains(secret.toUtf8()) ||
                    bytes.contains(QByteArray(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2)))
                    found << f.fileName() + QStringLiteral(" holds ") + secret;
        }
        return found;
    }

    static void verifyNoKeychainSentence(const QString &text)
    {
        QVERIFY2(text.startsWith(QStringLiteral("No keychain is reachable (")), qPrintable(text));
        QVERIFY2(text.endsWith(QStringLiteral("): the password will be asked each time.")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("()")), qPrintable(text)); // a reason is given
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_expectKeychain = qEnvironmentVariableIntValue("KAFDESK_EXPECT_KEYCHAIN") == 1;
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("config")));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("config"))));
        if (!m_expectKeychain) {
            // No bus to find or launch: the no-keychain path, and never the keychain of whoever runs this.
            qunsetenv("DBUS_SESSION_BUS_ADDRESS");
            qunsetenv("DISPLAY");
            qunsetenv("WAYLAND_DISPLAY");
            QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("run")));
            QFile(m_dir.filePath(QStringLiteral("run")))
                .setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_dir.filePath(QStringLiteral("run"))));
        }
    }

    void keychainStateIsKnown()
    {
        ProfileStore store(newSettingsFile());
        store.setKeychainTimeout(4000);
        QSignalSpy checked(&store, &ProfileStore::keychainChecked);
        QSignalSpy changed(&store, &ProfileStore::keychainStateChanged);
        QCOMPARE(store.keychainState(), ProfileStore::KeychainState::Unknown);
        store.checkKeychain();
        QVERIFY(checked.wait(5000));
        QCOMPARE(changed.size(), 1);
        const bool available = checked.first().first().toBool();
        QCOMPARE(store.keychainAvailable(), available);
        if (m_expectKeychain) {
            QVERIFY2(available, qPrintable(store.keychainProblem()));
            QCOMPARE(store.keychainState(), ProfileStore::KeychainState::Available);
            QVERIFY(store.keychainProblem().isEmpty());
        } else {
            QVERIFY(!available);
            QCOMPARE(store.keychainState(), ProfileStore::KeychainState::Unavailable);
            verifyNoKeychainSentence(store.keychainProblem());
            qInfo("%s", qPrintable(store.keychainProblem()));
        }
    }

    void settingsHoldNoSecret()
    {
        const QString file = newSettingsFile();
        ProfileStore store(file);
        QSignalSpy saved(&store, &ProfileStore::saved);
        QSignalSpy failed(&store, &ProfileStore::secretsFailed);
        QVERIFY(store.save(fullProfile(QStringLiteral("secret holder"))).ok());
        QTRY_VERIFY_WITH_TIMEOUT(saved.size() + failed.size() == 1, 5000);
        if (m_expectKeychain) {
            QCOMPARE(saved.size(), 1);
        } else {
            QCOMPARE(failed.size(), 1);
            QCOMPARE(failed.first().first().toString(), QStringLiteral("secret holder"));
            verifyNoKeychainSentence(failed.first().at(1).value<Error>().message);
            QVERIFY(!store.keychainAvailable());
        }
        QFile settings(file);
        QVERIFY(settings.open(QIODevice::ReadOnly));
        const QByteArray bytes = settings.readAll();
        QVERIFY(bytes.contains("alice"));
        for (const QString &secret : secretValues)
            QVERIFY2(!bytes.contains(secret.toUtf8()), qPrintable(secret));
        QVERIFY2(filesHoldingSecrets().isEmpty(), qPrintable(filesHoldingSecrets().join(QLatin1Char('\n'))));
        QCOMPARE(store.secretFields(QStringLiteral("secret holder")),
                 (QStringList{QStringLiteral("extra/sasl.oauthbearer.client.secret"), QStringLiteral("keyPassword"),
                              QStringLiteral("password"), QStringLiteral("pkcs12Password")}));
    }

    void nonSecretFieldsRoundTrip()
    {
        const QString file = newSettingsFile();
        const ConnectionProfile original = fullProfile(QStringLiteral("prod eu.1"));
        {
            ProfileStore store(file);
            QSignalSpy changed(&store, &ProfileStore::profilesChanged);
            QVERIFY(store.save(original).ok());
            QCOMPARE(changed.size(), 1);
            QVERIFY(store.save(plainProfile(QStringLiteral("local"))).ok());
        }
        ProfileStore reopened(file);
        QCOMPARE(reopened.profileNames(), (QStringList{QStringLiteral("local"), QStringLiteral("prod eu.1")}));
        const Result<ConnectionProfile> loaded = reopened.load(QStringLiteral("prod eu.1"));
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.value(), original.withoutSecrets());
        QCOMPARE(reopened.load(QStringLiteral("local")).value(), plainProfile(QStringLiteral("local")));
        QCOMPARE(reopened.secretFields(QStringLiteral("local")), QStringList());
        QSettings raw(file, QSettings::IniFormat);
        QCOMPARE(raw.value(QStringLiteral("connections/count")).toInt(), 2);
        QCOMPARE(raw.value(QStringLiteral("profiles/prod eu.1/securityProtocol")).toString(),
                 QStringLiteral("SASL_SSL"));
    }

    void countFollowsEveryChange()
    {
        const QString file = newSettingsFile();
        ProfileStore store(file);
        const auto count = [&file] {
            return QSettings(file, QSettings::IniFormat).value(QStringLiteral("connections/count")).toInt();
        };
        QVERIFY(store.save(plainProfile(QStringLiteral("a"))).ok());
        QVERIFY(store.save(plainProfile(QStringLiteral("b"))).ok());
        QVERIFY(store.save(plainProfile(QStringLiteral("b"))).ok());
        QCOMPARE(count(), 2);
        QVERIFY(store.rename(QStringLiteral("a"), QStringLiteral("c")).ok());
        QCOMPARE(store.profileNames(), (QStringList{QStringLiteral("b"), QStringLiteral("c")}));
        QCOMPARE(count(), 2);
        QCOMPARE(store.load(QStringLiteral("c")).value().bootstrapServers, QStringLiteral("127.0.0.1:9092"));
        QCOMPARE(store.rename(QStringLiteral("b"), QStringLiteral("c")).error().message,
                 QStringLiteral("A profile named \"c\" already exists."));
        QCOMPARE(store.rename(QStringLiteral("x"), QStringLiteral("y")).error().message,
                 QStringLiteral("There is no profile named \"x\"."));
        QVERIFY(store.remove(QStringLiteral("b")).ok());
        QCOMPARE(count(), 1);
        QCOMPARE(store.remove(QStringLiteral("b")).error().message, QStringLiteral("There is no profile named \"b\"."));
        QCOMPARE(store.save(plainProfile(QStringLiteral("eu/prod"))).error().message,
                 QStringLiteral("The profile name cannot contain / or \\."));
        QVERIFY(!store.save(plainProfile(QString())).ok());
        QCOMPARE(count(), 1);
        QVERIFY(!store.load(QStringLiteral("b")).ok());
    }

    void profileWithoutSecretsNeedsNoKeychain()
    {
        ProfileStore store(newSettingsFile());
        QSignalSpy saved(&store, &ProfileStore::saved);
        QSignalSpy loaded(&store, &ProfileStore::secretsLoaded);
        QVERIFY(store.save(plainProfile(QStringLiteral("local"))).ok());
        QVERIFY(saved.wait(2000));
        store.loadSecrets(QStringLiteral("local"));
        QVERIFY(loaded.wait(2000));
        QCOMPARE(loaded.first().at(1).value<ConnectionProfile>(), plainProfile(QStringLiteral("local")));
    }

    void unknownProfileFailsAsync()
    {
        ProfileStore store(newSettingsFile());
        QSignalSpy failed(&store, &ProfileStore::secretsFailed);
        store.loadSecrets(QStringLiteral("missing"));
        QCOMPARE(failed.size(), 0);
        QVERIFY(failed.wait(2000));
        QCOMPARE(failed.first().at(1).value<Error>().message, QStringLiteral("There is no profile named \"missing\"."));
    }

    void noKeychainMeansAskEachTime()
    {
        if (m_expectKeychain)
            QSKIP("A keychain is reachable in this run.");
        ProfileStore store(newSettingsFile());
        QSignalSpy failed(&store, &ProfileStore::secretsFailed);
        QSignalSpy loaded(&store, &ProfileStore::secretsLoaded);
        const ConnectionProfile p = fullProfile(QStringLiteral("asked"));
        QVERIFY(store.save(p).ok());
        QVERIFY(failed.wait(5000));
        store.loadSecrets(QStringLiteral("asked"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 5000);
        QCOMPARE(loaded.size(), 0);
        verifyNoKeychainSentence(failed.at(1).at(1).value<Error>().message);
        QVERIFY(!store.keychainAvailable());
        verifyNoKeychainSentence(store.keychainProblem());
        // The rest of the profile is there; the caller asks for the secrets.
        QCOMPARE(store.load(QStringLiteral("asked")).value(), p.withoutSecrets());
        QVERIFY(store.secretFields(QStringLiteral("asked")).contains(QStringLiteral("password")));
        QVERIFY(filesHoldingSecrets().isEmpty());
    }

    void secretsRoundTripThroughKeychain()
    {
        if (!m_expectKeychain)
            QSKIP("No keychain in the plain run; tst_profilestore_keychain runs this with one.");
        const QString file = newSettingsFile();
        const ConnectionProfile original = fullProfile(QStringLiteral("round trip"));
        {
            ProfileStore store(file);
            QSignalSpy saved(&store, &ProfileStore::saved);
            QSignalSpy failed(&store, &ProfileStore::secretsFailed);
            QVERIFY(store.save(original).ok());
            QVERIFY(saved.wait(5000));
            QCOMPARE(failed.size(), 0);
        }
        ProfileStore store(file);
        QSignalSpy loaded(&store, &ProfileStore::secretsLoaded);
        QSignalSpy failed(&store, &ProfileStore::secretsFailed);
        store.loadSecrets(original.name);
        QVERIFY(loaded.wait(5000));
        QCOMPARE(loaded.first().first().toString(), original.name);
        QCOMPARE(loaded.first().at(1).value<ConnectionProfile>(), original);
        QVERIFY(store.keychainAvailable());

        // Renaming moves the secrets.
        QSignalSpy renamed(&store, &ProfileStore::renamed);
        QVERIFY(store.rename(original.name, QStringLiteral("renamed")).ok());
        QVERIFY(renamed.wait(5000));
        store.loadSecrets(QStringLiteral("renamed"));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 2, 5000);
        ConnectionProfile expected = original;
        expected.name = QStringLiteral("renamed");
        QCOMPARE(loaded.at(1).at(1).value<ConnectionProfile>(), expected);

        // Clearing a secret deletes it from the keychain: listing the field again finds nothing.
        QSignalSpy saved(&store, &ProfileStore::saved);
        expected.password.clear();
        QVERIFY(store.save(expected).ok());
        QVERIFY(saved.wait(5000));
        {
            QSettings raw(file, QSettings::IniFormat);
            QStringList fields = raw.value(QStringLiteral("profiles/renamed/secretFields")).toStringList();
            QVERIFY(!fields.contains(QStringLiteral("password")));
            raw.setValue(QStringLiteral("profiles/renamed/secretFields"), fields << QStringLiteral("password"));
        }
        ProfileStore third(file);
        QSignalSpy thirdFailed(&third, &ProfileStore::secretsFailed);
        third.loadSecrets(QStringLiteral("renamed"));
        QVERIFY(thirdFailed.wait(5000));
        QVERIFY2(thirdFailed.first().at(1).value<Error>().message.startsWith(
                     QStringLiteral("The keychain holds no password for the profile \"renamed\"")),
                 qPrintable(thirdFailed.first().at(1).value<Error>().message));

        QSignalSpy removed(&store, &ProfileStore::removed);
        QVERIFY(store.remove(QStringLiteral("renamed")).ok());
        QVERIFY(removed.wait(5000));
        QCOMPARE(failed.size(), 0);
        QVERIFY(filesHoldingSecrets().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
