#include "models/localnodemodel.h"

#include "models/brokertablemodel.h"
#include "models/partitionmapsupport.h"

#include <QFont>

namespace kafdesk {

namespace {

constexpr auto byId = [](const LocalNodeModel::Row &a, const LocalNodeModel::Row &b) { return a.id < b.id; };
// A JVM that runs but has not registered for this long after it started is still starting; after
// it, it is a running process that metadata does not list (the In metadata column says so).
constexpr qint64 startingGraceSeconds = 120;

} // namespace

LocalNodeModel::LocalNodeModel(QObject *parent) : MergingTableModel(parent), m_now(QDateTime::currentDateTimeUtc()) {}

void LocalNodeModel::setObservations(const QList<NodeObservation> &nodes)
{
    m_observed = nodes;
    rebuild();
}

void LocalNodeModel::setSnapshot(const ClusterSnapshotPtr &snapshot)
{
    m_snapshot = snapshot;
    rebuild();
}

void LocalNodeModel::setActiveController(int nodeId)
{
    m_activeController = nodeId;
    rebuild();
}

void LocalNodeModel::setPending(int nodeId, const QString &verb)
{
    m_pendingNode = nodeId;
    m_pendingVerb = nodeId < 0 ? QString() : verb;
    rebuild();
}

void LocalNodeModel::setNow(const QDateTime &now)
{
    m_now = now;
    rebuild();
    // Uptime is computed from m_now when shown, not stored in a row: say it changed.
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, UptimeColumn), index(static_cast<int>(m_rows.size()) - 1, UptimeColumn),
                           {Qt::DisplayRole});
}

void LocalNodeModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_observed.clear();
    m_snapshot.reset();
    m_activeController = -1;
    m_pendingNode = -1;
    m_pendingVerb.clear();
    endResetModel();
}

void LocalNodeModel::rebuild()
{
    QMap<int, int> leaders;
    if (m_snapshot) {
        for (const BrokerTableModel::Row &b : BrokerTableModel::rowsOf(*m_snapshot))
            leaders.insert(b.id, b.leaders);
    }
    QList<Row> target;
    for (const NodeObservation &o : std::as_const(m_observed)) {
        Row r;
        r.id = o.recorded.id;
        r.brokerPort = o.recorded.brokerPort;
        r.controllerPort = o.recorded.controllerPort;
        r.status = o.status;
        const bool alive = o.status == NodeStatus::Running || o.status == NodeStatus::Paused;
        r.pid = alive ? o.recorded.pid : 0;
        r.startedAt = alive ? o.recorded.startedAt : QDateTime();
        if (m_snapshot) {
            const BrokerState *b = m_snapshot->broker(r.id);
            r.listed = b && b->alive ? 1 : 0;
            r.leaders = leaders.value(r.id, 0);
        }
        r.activeController = r.id == m_activeController && o.status == NodeStatus::Running;
        r.pending = r.id == m_pendingNode ? m_pendingVerb : QString();
        switch (o.status) {
        case NodeStatus::Running: {
            const bool young = r.startedAt.isValid() && r.startedAt.secsTo(m_now) < startingGraceSeconds;
            r.shown = r.listed == 0 && young ? Shown::Starting : Shown::Running;
            break;
        }
        case NodeStatus::Paused: r.shown = Shown::Paused; break;
        case NodeStatus::Stopped: r.shown = Shown::Stopped; break;
        case NodeStatus::Killed: r.shown = Shown::Killed; break;
        case NodeStatus::Exited: r.shown = Shown::Exited; break;
        }
        target << r;
    }
    mergeRows(m_rows, std::move(target), byId, ColumnCount);
}

int LocalNodeModel::rowOf(int nodeId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == nodeId)
            return i;
    return -1;
}

const LocalNodeModel::Row *LocalNodeModel::row(int nodeId) const
{
    const int i = rowOf(nodeId);
    return i < 0 ? nullptr : &m_rows.at(i);
}

QString LocalNodeModel::nameOf(Shown shown)
{
    switch (shown) {
    case Shown::Running: return tr("running");
    case Shown::Starting: return tr("starting");
    case Shown::Paused: return tr("paused");
    case Shown::Stopped: return tr("stopped");
    case Shown::Killed: return tr("killed");
    case Shown::Exited: return tr("exited");
    }
    return {};
}

QString LocalNodeModel::formatUptime(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    if (seconds < 86400)
        return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
    return tr("%1 d %2 h").arg(seconds / 86400).arg((seconds % 86400) / 3600);
}

int LocalNodeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int LocalNodeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LocalNodeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case NodeIdRole: return r.id;
    case StatusRole: return static_cast<int>(r.status);
    case ActiveControllerRole: return r.activeController;
    case Qt::ToolTipRole: return toolTip(r, index.column());
    case Qt::TextAlignmentRole: {
        const int c = index.column();
        if (c == NodeColumn || c == BrokerPortColumn || c == ControllerPortColumn || c == LeadersColumn ||
            c == UptimeColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    }
    case Qt::FontRole:
        if (r.activeController && (index.column() == NodeColumn || index.column() == RolesColumn)) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == StateColumn)
            return partitionmap::stateDot(r.shown == Shown::Running);
        if (index.column() == ListedColumn && r.listed >= 0)
            return partitionmap::stateDot(r.listed == 1);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case NodeColumn: return r.id;
    case RolesColumn:
        return r.activeController ? tr("broker, controller (active)") : tr("broker, controller");
    case BrokerPortColumn: return r.brokerPort;
    case ControllerPortColumn: return r.controllerPort;
    case ProcessColumn: return r.pid > 0 ? tr("pid %1").arg(r.pid) : QStringLiteral("—");
    case StateColumn: return r.pending.isEmpty() ? nameOf(r.shown) : r.pending + QStringLiteral("…");
    case UptimeColumn:
        return r.startedAt.isValid() ? formatUptime(r.startedAt.secsTo(m_now)) : QStringLiteral("—");
    case LeadersColumn: return r.leaders < 0 ? QVariant(QStringLiteral("…")) : QVariant(r.leaders);
    case ListedColumn: return r.listed < 0 ? tr("…") : r.listed ? tr("listed") : tr("not listed");
    default: return {};
    }
}

QString LocalNodeModel::toolTip(const Row &r, int column) const
{
    switch (column) {
    case RolesColumn:
        return r.activeController ? tr("Node %1 is the active controller: the KRaft quorum's leader, which "
                                       "decides leader elections and topic changes.")
                                        .arg(r.id)
                                  : tr("Each node of the bundled cluster is a broker and a controller (a voter "
                                       "of the KRaft quorum).");
    case StateColumn:
        switch (r.shown) {
        case Shown::Running: return tr("The node's JVM runs.");
        case Shown::Starting: return tr("The JVM runs but the cluster's metadata does not list it yet.");
        case Shown::Paused: return tr("The JVM is stopped by SIGSTOP: a hung broker. Resume it with SIGCONT.");
        case Shown::Stopped: return tr("Stopped by a controlled shutdown.");
        case Shown::Killed: return tr("Killed with SIGKILL: no controlled shutdown.");
        case Shown::Exited: return tr("The JVM exited on its own: its stdout.log and server.log say why.");
        }
        return {};
    case ListedColumn:
        return tr("Whether the cluster's metadata lists the node as a live broker.");
    case LeadersColumn:
        return tr("Partitions this node leads, from the latest metadata.");
    default:
        return {};
    }
}

QVariant LocalNodeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NodeColumn: return tr("Node");
    case RolesColumn: return tr("Roles");
    case BrokerPortColumn: return tr("Broker port");
    case ControllerPortColumn: return tr("Controller port");
    case ProcessColumn: return tr("Process");
    case StateColumn: return tr("State");
    case UptimeColumn: return tr("Uptime");
    case LeadersColumn: return tr("Leaders");
    case ListedColumn: return tr("In metadata");
    default: return {};
    }
}

} // namespace kafdesk
