#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QWidget>

class QPushButton;
class QTableWidget;

namespace kafdesk {

// Free-form topic configs as name = value rows, with Add and Remove buttons; for the configs a
// dialog has no dedicated field for. Rows left entirely empty are ignored. GUI thread only.
class TopicDialogConfigTable : public QWidget {
    Q_OBJECT
public:
    explicit TopicDialogConfigTable(QWidget *parent = nullptr);

    // The rows that are not empty, in table order, names and values trimmed.
    QList<QPair<QString, QString>> entries() const;
    // Appends a row; returns its index.
    int addEntry(const QString &name = {}, const QString &value = {});
    QTableWidget *table() const { return m_table; }

Q_SIGNALS:
    void changed();

private:
    void removeSelected();

    QTableWidget *m_table = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
};

} // namespace kafdesk
