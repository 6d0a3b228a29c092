#include "local/portallocator.h"

#include <QTcpServer>
#include <QTest>

using namespace kafdesk;

class TestPortAllocator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void picksDistinctFreePortsOutsideTheEphemeralRange()
    {
        const auto range = PortAllocator::safeRange();
        QVERIFY(range.first < range.last);
        for (int round = 0; round < 20; ++round) {
            auto ports = PortAllocator::allocate(10);
            QVERIFY(ports.ok());
            QCOMPARE(ports->size(), 10);
            QCOMPARE(QSet<quint16>(ports->cbegin(), ports->cend()).size(), 10);
            for (const quint16 p : ports.value()) {
                QVERIFY(p >= range.first && p <= range.last);
                QVERIFY(PortAllocator::isFree(p));
            }
        }
    }

    void respectsExcludedPorts()
    {
        const auto range = PortAllocator::safeRange();
        QSet<quint16> excluded;
        // Exclude all but a small window so the allocator must find the few that remain.
        for (int p = range.first; p <= range.last - 40; ++p)
            excluded << static_cast<quint16>(p);
        auto ports = PortAllocator::allocate(6, excluded);
        QVERIFY2(ports.ok(), qPrintable(ports.ok() ? QString() : ports.error().message));
        for (const quint16 p : ports.value())
            QVERIFY(!excluded.contains(p));
    }

    void basePortGivesConsecutivePorts()
    {
        auto probe = PortAllocator::allocate(1);
        QVERIFY(probe.ok());
        // Find a base with 4 free consecutive ports near a random free one.
        quint16 base = probe->first();
        while (!(PortAllocator::isFree(base) && PortAllocator::isFree(base + 1) && PortAllocator::isFree(base + 2) &&
                 PortAllocator::isFree(base + 3)))
            ++base;
        auto ports = PortAllocator::allocate(4, {}, base);
        QVERIFY(ports.ok());
        QCOMPARE(ports.value(), (QList<quint16>{base, quint16(base + 1), quint16(base + 2), quint16(base + 3)}));
    }

    void busyBasePortIsNamed()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        const quint16 busy = server.serverPort();
        QVERIFY(!PortAllocator::isFree(busy));
        QVERIFY(!PortAllocator::bindError(busy).isEmpty());
        auto ports = PortAllocator::allocate(2, {}, busy);
        QVERIFY(!ports.ok());
        QVERIFY2(ports.error().message.contains(QString::number(busy)), qPrintable(ports.error().message));
        QVERIFY(ports.error().message.contains(QStringLiteral("cannot be bound")));
    }

    void portsOfOtherClustersAreRefusedAsBase()
    {
        auto probe = PortAllocator::allocate(1);
        QVERIFY(probe.ok());
        auto ports = PortAllocator::allocate(1, {probe->first()}, probe->first());
        QVERIFY(!ports.ok());
        QVERIFY(ports.error().message.contains(QStringLiteral("another Kafdesk cluster")));
    }
};

QTEST_GUILESS_MAIN(TestPortAllocator)
#include "tst_portallocator.moc"
