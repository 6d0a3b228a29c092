#include "messages/grouplabstate.h"

#include <QCoreApplication>

#include <numeric>

namespace kafdesk {

qint64 LabMember::totalConsumed() const
{
    return std::accumulate(consumed.cbegin(), consumed.cend(), qint64{0});
}

QString labMemberStateName(LabMember::State state)
{
    switch (state) {
    case LabMember::State::Joining:
        return QCoreApplication::translate("GroupLab", "Joining");
    case LabMember::State::Rebalancing:
        return QCoreApplication::translate("GroupLab", "Rebalancing");
    case LabMember::State::Assigned:
        return QCoreApplication::translate("GroupLab", "Reading");
    case LabMember::State::Idle:
        return QCoreApplication::translate("GroupLab", "Idle");
    case LabMember::State::Leaving:
        return QCoreApplication::translate("GroupLab", "Leaving");
    case LabMember::State::Crashed:
        return QCoreApplication::translate("GroupLab", "Crashed");
    case LabMember::State::Failed:
        break;
    }
    return QCoreApplication::translate("GroupLab", "Failed");
}

QString partitionListText(const QList<int> &partitions)
{
    QStringList parts;
    for (int p : partitions)
        parts << QString::number(p);
    return parts.join(QStringLiteral(", "));
}

QString describeLabEvent(const LabEvent &event)
{
    const QString list = partitionListText(event.partitions);
    const int n = static_cast<int>(event.partitions.size());
    const QString protocol = event.cooperative ? QCoreApplication::translate("GroupLab", "cooperative")
                                               : QCoreApplication::translate("GroupLab", "eager");
    switch (event.kind) {
    case LabEvent::Kind::Joining:
        return QCoreApplication::translate("GroupLab", "started and asked to join the group");
    case LabEvent::Kind::Assigned: {
        const QString owned = partitionListText(event.owned);
        if (n == 0 && event.owned.isEmpty())
            return QCoreApplication::translate("GroupLab", "was assigned nothing (%1): it is idle").arg(protocol);
        if (n == 0) // cooperative: nothing new, and it keeps what it has
            return QCoreApplication::translate("GroupLab", "got nothing new and kept %1 (%2)").arg(owned, protocol);
        QString text = (n == 1 ? QCoreApplication::translate("GroupLab", "was assigned partition %1 (%2)")
                               : QCoreApplication::translate("GroupLab", "was assigned partitions %1 (%2)"))
                           .arg(list, protocol);
        if (event.owned != event.partitions && !event.owned.isEmpty())
            text += QCoreApplication::translate("GroupLab", "; now owns %1").arg(owned);
        return text;
    }
    case LabEvent::Kind::Revoked:
    {
        if (n == 0)
            return QCoreApplication::translate("GroupLab", "gave nothing back (%1)").arg(protocol);
        QString text = (n == 1 ? QCoreApplication::translate("GroupLab", "gave back partition %1 (%2)")
                               : QCoreApplication::translate("GroupLab", "gave back partitions %1 (%2)"))
                           .arg(list, protocol);
        if (!event.owned.isEmpty())
            text += QCoreApplication::translate("GroupLab", "; keeps %1").arg(partitionListText(event.owned));
        return text;
    }
    case LabEvent::Kind::Lost:
        return (n == 1 ? QCoreApplication::translate("GroupLab", "lost partition %1: its session had expired")
                       : QCoreApplication::translate("GroupLab", "lost partitions %1: its session had expired"))
            .arg(list);
    case LabEvent::Kind::Left:
        return QCoreApplication::translate("GroupLab", "left the group");
    case LabEvent::Kind::Crashed:
        if (n > 0)
            return QCoreApplication::translate("GroupLab", "crashed without leaving, owning %1: the group waits for its "
                                                           "session to time out")
                .arg(list);
        return QCoreApplication::translate("GroupLab",
                                           "crashed without leaving: the group waits for its session to time out");
    case LabEvent::Kind::Expired:
        return QCoreApplication::translate("GroupLab", "was removed by the group after its session timed out");
    case LabEvent::Kind::Problem:
        break;
    }
    return event.text.section(QLatin1Char('\n'), 0, 0);
}

const LabMember *LabState::member(int id) const
{
    for (const LabMember &m : members)
        if (m.id == id)
            return &m;
    return nullptr;
}

QMap<int, int> LabState::owners() const
{
    QMap<int, int> out;
    for (const LabMember &m : members)
        for (int p : m.partitions)
            if (!out.contains(p))
                out.insert(p, m.id);
    return out;
}

QList<int> LabState::partitionsOwnedTwice() const
{
    QMap<int, int> claims;
    for (const LabMember &m : members)
        for (int p : m.partitions)
            ++claims[p];
    QList<int> out;
    for (auto it = claims.cbegin(); it != claims.cend(); ++it)
        if (it.value() > 1)
            out << it.key();
    return out;
}

int LabState::activeMembers() const
{
    return static_cast<int>(std::count_if(members.cbegin(), members.cend(), [](const LabMember &m) { return m.isActive(); }));
}

int LabState::idleMembers() const
{
    return static_cast<int>(std::count_if(members.cbegin(), members.cend(),
                                          [](const LabMember &m) { return m.state == LabMember::State::Idle; }));
}

} // namespace kafdesk
