#include "local/portallocator.h"

#include <QFile>
#include <QRandomGenerator>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <vector>

namespace kafdesk {

namespace {

// An open, bound socket; held while more ports are picked so that none is picked twice.
class BoundSocket {
public:
    explicit BoundSocket(quint16 port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (m_fd < 0) {
            m_error = errno;
            return;
        }
        // Kafka binds with SO_REUSEADDR too, so a port in TIME_WAIT counts as free, as it will be for Kafka.
        const int one = 1;
        ::setsockopt(m_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(port);
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::bind(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 || ::listen(m_fd, 1) != 0)
            m_error = errno;
    }
    ~BoundSocket()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    BoundSocket(BoundSocket &&other) noexcept : m_fd(std::exchange(other.m_fd, -1)), m_error(other.m_error) {}
    BoundSocket(const BoundSocket &) = delete;
    BoundSocket &operator=(const BoundSocket &) = delete;
    BoundSocket &operator=(BoundSocket &&) = delete;

    bool ok() const { return m_fd >= 0 && m_error == 0; }
    QString errorText() const { return QString::fromLocal8Bit(std::strerror(m_error)); }

private:
    int m_fd = -1;
    int m_error = 0;
};

} // namespace

PortAllocator::Range PortAllocator::safeRange()
{
    Range range;
    QFile f(QStringLiteral("/proc/sys/net/ipv4/ip_local_port_range"));
    if (!f.open(QIODevice::ReadOnly))
        return range;
    const QList<QByteArray> parts = f.readAll().simplified().split(' ');
    if (parts.size() != 2)
        return range;
    const int ephemeralLow = parts[0].toInt();
    const int ephemeralHigh = parts[1].toInt();
    if (ephemeralLow > 12000) {
        range.first = 10000;
        range.last = static_cast<quint16>(std::min(ephemeralLow - 1, 32000));
    } else if (ephemeralHigh < 60000) {
        range.first = static_cast<quint16>(ephemeralHigh + 1);
        range.last = 65000;
    }
    return range;
}

QString PortAllocator::bindError(quint16 port)
{
    const BoundSocket s(port);
    return s.ok() ? QString() : s.errorText();
}

bool PortAllocator::isFree(quint16 port)
{
    return bindError(port).isEmpty();
}

Result<QList<quint16>> PortAllocator::allocate(int count, const QSet<quint16> &exclude, quint16 basePort)
{
    QList<quint16> ports;
    std::vector<BoundSocket> held;
    if (basePort != 0) {
        if (basePort + count - 1 > 65535)
            return failure(QStringLiteral("Ports %1 to %2 are out of range.").arg(basePort).arg(basePort + count - 1));
        for (int i = 0; i < count; ++i) {
            const auto port = static_cast<quint16>(basePort + i);
            BoundSocket s(port);
            if (!s.ok())
                return failure(QStringLiteral("Port %1 on 127.0.0.1 cannot be bound: %2.").arg(port).arg(s.errorText()),
                               QStringLiteral("Choose another --base-port, or stop what listens there."));
            if (exclude.contains(port))
                return failure(QStringLiteral("Port %1 belongs to another Kafdesk cluster.").arg(port));
            ports << port;
            held.push_back(std::move(s));
        }
        return ports;
    }

    // Scan the whole range once from a random point, so that clusters started side by side
    // spread out but a nearly full range is still searched to the end.
    const Range range = safeRange();
    const int span = int(range.last) - int(range.first) + 1;
    const int offset = QRandomGenerator::global()->bounded(span);
    for (int i = 0; i < span && ports.size() < count; ++i) {
        const auto port = static_cast<quint16>(range.first + (offset + i) % span);
        if (exclude.contains(port))
            continue;
        BoundSocket s(port);
        if (!s.ok())
            continue;
        ports << port;
        held.push_back(std::move(s));
    }
    if (ports.size() < count)
        return failure(QStringLiteral("Could not find %1 free ports on 127.0.0.1 between %2 and %3.")
                           .arg(count)
                           .arg(range.first)
                           .arg(range.last));
    return ports;
}

} // namespace kafdesk
