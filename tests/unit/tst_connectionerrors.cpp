// The distinct sentences for connection failures, from librdkafka's own error texts.

#include "kafka/errors.h"

#include <librdkafka/rdkafka.h>

#include <QTest>

using namespace kafdesk;

class TestConnectionErrors : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void eachCauseHasItsOwnSentence_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bad address") << int(RD_KAFKA_RESP_ERR__RESOLVE)
                                     << QStringLiteral("nosuchhost:9092/bootstrap: Failed to resolve 'nosuchhost:9092'")
                                     << QStringLiteral("could not be resolved");
        QTest::newRow("nothing listening")
            << int(RD_KAFKA_RESP_ERR__TRANSPORT)
            << QStringLiteral("127.0.0.1:1/bootstrap: Connect to ipv4#127.0.0.1:1 failed: Connection refused")
            << QStringLiteral("Nothing is listening at");
        QTest::newRow("timed out") << int(RD_KAFKA_RESP_ERR__TIMED_OUT) << QString() << QStringLiteral("answered within");
        QTest::newRow("authentication")
            << int(RD_KAFKA_RESP_ERR__AUTHENTICATION)
            << QStringLiteral("sasl_ssl://127.0.0.1:9093/bootstrap: SASL authentication error: Authentication failed "
                              "during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512")
            << QStringLiteral("Authentication failed");
        QTest::newRow("mechanism")
            << int(RD_KAFKA_RESP_ERR__AUTHENTICATION)
            << QStringLiteral("127.0.0.1:9093/bootstrap: SASL PLAIN mechanism handshake failed: Broker: Unsupported SASL "
                              "mechanism: broker's supported mechanisms: SCRAM-SHA-512")
            << QStringLiteral("does not enable this SASL mechanism");
        QTest::newRow("unknown CA")
            << int(RD_KAFKA_RESP_ERR__SSL)
            << QStringLiteral("ssl://127.0.0.1:9093/bootstrap: SSL handshake failed: error:0A000086:SSL routines::"
                              "certificate verify failed: broker certificate could not be verified")
            << QStringLiteral("not signed by a trusted CA");
        QTest::newRow("host name")
            << int(RD_KAFKA_RESP_ERR__SSL)
            << QStringLiteral("ssl://localhost:9093/bootstrap: SSL handshake failed: Broker certificate hostname mismatch")
            << QStringLiteral("does not match its host name");
        QTest::newRow("plaintext to TLS")
            << int(RD_KAFKA_RESP_ERR__TRANSPORT)
            << QStringLiteral("127.0.0.1:9093/bootstrap: Disconnected while requesting ApiVersion: might be caused by "
                              "incorrect security.protocol configuration (connecting to a SSL listener?) or broker "
                              "version is < 0.10 (see api.version.request)")
            << QStringLiteral("it probably expects TLS or SASL");
        QTest::newRow("TLS without SASL")
            << int(RD_KAFKA_RESP_ERR__TRANSPORT)
            << QStringLiteral("ssl://127.0.0.1:9093/bootstrap: Disconnected: verify that security.protocol is correctly "
                              "configured, broker might require SASL authentication (after 6ms in state UP)")
            << QStringLiteral("it requires SASL authentication");
    }

    void eachCauseHasItsOwnSentence()
    {
        QFETCH(int, code);
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const Error e = kafkaerrors::connectionError(code, text, QStringLiteral("127.0.0.1:9093"), 2000);
        QVERIFY2(e.message.contains(expected), qPrintable(e.message));
        // librdkafka's own words stay with it.
        if (!text.isEmpty())
            QCOMPARE(e.detail, text);
    }

    void brokerErrorsKeepTheirCodeName()
    {
        const Error e = kafkaerrors::fromCode(RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED, QStringLiteral("Creating topic t"),
                                              QStringLiteral("Authorization failed."));
        QCOMPARE(e.message, QStringLiteral("Creating topic t failed: authorization was denied (an ACL does not allow it)."));
        QVERIFY(e.detail.contains(QStringLiteral("TOPIC_AUTHORIZATION_FAILED")));
    }
};

QTEST_GUILESS_MAIN(TestConnectionErrors)
#include "tst_connectionerrors.moc"
