#include "models/profilelistmodel.h"

#include "models/sortedmerge.h"
#include "profiles/profilestore.h"

#include <QColor>

namespace kafdesk {

namespace {

// What a list entry says under the name: how and where, never a secret.
QString subtitleOf(const ConnectionProfile &p)
{
    QStringList servers;
    for (const QString &s : p.bootstrapServers.split(QLatin1Char(','), Qt::SkipEmptyParts))
        servers << s.trimmed();
    QString text = nameOf(p.securityProtocol);
    if (usesSasl(p.securityProtocol) && p.saslMechanism != SaslMechanism::None)
        text += QLatin1Char(' ') + nameOf(p.saslMechanism);
    if (!servers.isEmpty())
        text += QStringLiteral(" \u00b7 ") + servers.join(QStringLiteral(", "));
    return text;
}

bool nameLess(const ProfileListModel::Row &a, const ProfileListModel::Row &b)
{
    return a.name < b.name;
}

} // namespace

ProfileListModel::ProfileListModel(ProfileStore *store, QString localClusterName, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
    , m_localClusterName(std::move(localClusterName))
{
    if (m_store)
        connect(m_store, &ProfileStore::profilesChanged, this, &ProfileListModel::refresh);
    refresh();
}

void ProfileListModel::refresh()
{
    QList<Row> target;
    if (m_store) {
        for (const QString &name : m_store->profileNames()) {
            Row row;
            row.name = name;
            if (const Result<ConnectionProfile> p = m_store->load(name); p) {
                row.readOnly = p->readOnly;
                row.colour = p->labelColour;
                row.subtitle = subtitleOf(p.value());
            } else {
                row.subtitle = p.error().message;
            }
            target << row;
        }
    }
    sortUniqueRows(target, nameLess);
    // Model rows are offset by one: the local cluster stays in row 0.
    const QList<int> changed = sortedMerge(
        m_rows, std::move(target), nameLess,
        [this](int first, int last, const auto &apply) {
            beginRemoveRows({}, first + 1, last + 1);
            apply();
            endRemoveRows();
        },
        [this](int first, int last, const auto &apply) {
            beginInsertRows({}, first + 1, last + 1);
            apply();
            endInsertRows();
        });
    for (const auto &[first, last] : changedRanges(changed, static_cast<int>(m_rows.size())))
        Q_EMIT dataChanged(index(first + 1), index(last + 1));
}

int ProfileListModel::rowOf(const QString &profileName) const
{
    Row key;
    key.name = profileName;
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), key, nameLess);
    if (it == m_rows.cend() || it->name != profileName)
        return -1;
    return static_cast<int>(it - m_rows.cbegin()) + 1;
}

QModelIndex ProfileListModel::indexOf(const QString &profileName) const
{
    const int row = rowOf(profileName);
    return row < 0 ? QModelIndex() : index(row);
}

int ProfileListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size()) + 1;
}

QVariant ProfileListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (index.row() == localRow) {
        switch (role) {
        case Qt::DisplayRole:
            return tr("Local cluster");
        case Qt::ToolTipRole:
            return tr("The Apache Kafka cluster \u201c%1\u201d that Kafdesk runs on this computer (127.0.0.1). "
                      "Connecting starts it if it is not running.")
                .arg(m_localClusterName);
        case SubtitleRole:
            return tr("Bundled \u00b7 \u201c%1\u201d on 127.0.0.1").arg(m_localClusterName);
        case IsLocalRole:
            return true;
        case ReadOnlyRole:
            return false;
        case ProfileNameRole:
            return QString();
        case ColourRole:
            return QColor();
        default:
            return {};
        }
    }
    const Row &row = m_rows.at(index.row() - 1);
    switch (role) {
    case Qt::DisplayRole:
    case ProfileNameRole:
        return row.name;
    case Qt::ToolTipRole:
        return row.readOnly ? tr("%1\nRead-only: Kafdesk refuses every change on this connection.").arg(row.subtitle)
                            : row.subtitle;
    case SubtitleRole:
        return row.subtitle;
    case IsLocalRole:
        return false;
    case ReadOnlyRole:
        return row.readOnly;
    case ColourRole:
        return row.colour.isEmpty() ? QColor() : QColor::fromString(row.colour);
    default:
        return {};
    }
}

QHash<int, QByteArray> ProfileListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(ProfileNameRole, "profileName");
    names.insert(IsLocalRole, "isLocal");
    names.insert(ReadOnlyRole, "readOnly");
    names.insert(ColourRole, "colour");
    names.insert(SubtitleRole, "subtitle");
    return names;
}

} // namespace kafdesk
