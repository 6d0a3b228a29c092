#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QPointer>
#include <QString>

namespace kafdesk {

class ProfileStore;

// The connections a user can pick: row 0 is always the bundled local cluster, then the saved
// profiles of a ProfileStore, sorted by name. Follows the store's profilesChanged() by merging
// (rows of profiles that stay keep their persistent indexes, so the selection survives a save).
// Never holds a secret.
class ProfileListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        ProfileNameRole = Qt::UserRole + 1, // QString: the profile's name; empty for the local cluster
        IsLocalRole,                        // bool
        ReadOnlyRole,                       // bool
        ColourRole,                         // QColor: the label colour, invalid when none
        SubtitleRole,                       // QString: protocol and servers, or what the local cluster is
    };

    struct Row {
        QString name;
        bool readOnly = false;
        QString colour;   // "#rrggbb" or empty
        QString subtitle; // "SASL_SSL · b1:9093, b2:9093"
        friend bool operator==(const Row &, const Row &) = default;
    };

    static constexpr int localRow = 0;

    ProfileListModel(ProfileStore *store, QString localClusterName, QObject *parent = nullptr);

    // Rereads the store (also done on its profilesChanged()).
    void refresh();
    // The row of a saved profile, or -1.
    int rowOf(const QString &profileName) const;
    QModelIndex indexOf(const QString &profileName) const;
    const QString &localClusterName() const { return m_localClusterName; }
    const QList<Row> &profiles() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QPointer<ProfileStore> m_store;
    QString m_localClusterName;
    QList<Row> m_rows; // the saved profiles, sorted by name; model row = index + 1
};

} // namespace kafdesk
