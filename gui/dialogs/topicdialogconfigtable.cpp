#include "dialogs/topicdialogconfigtable.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace kafdesk {

TopicDialogConfigTable::TopicDialogConfigTable(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 2, this))
    , m_add(new QPushButton(tr("Add"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
{
    m_table->setObjectName(QStringLiteral("otherConfigs"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->verticalHeader()->setVisible(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked |
                             QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    m_table->setTabKeyNavigation(false); // Tab leaves the table, as in the rest of the form
    m_table->setAccessibleName(tr("Other configs"));
    const int rowHeight = m_table->verticalHeader()->defaultSectionSize();
    m_table->setMinimumHeight(m_table->horizontalHeader()->sizeHint().height() + 3 * rowHeight +
                              2 * m_table->frameWidth());
    // It takes the room the dialog has to spare (a dialog grows for a message, and does not shrink back).
    QSizePolicy grows(QSizePolicy::Expanding, QSizePolicy::Expanding);
    grows.setVerticalStretch(1);
    m_table->setSizePolicy(grows);
    setSizePolicy(grows);

    m_add->setObjectName(QStringLiteral("addConfig"));
    m_add->setAutoDefault(false);
    m_add->setToolTip(tr("Add a config by name, such as segment.bytes or compression.type"));
    m_remove->setObjectName(QStringLiteral("removeConfig"));
    m_remove->setAutoDefault(false);
    m_remove->setEnabled(false);

    connect(m_add, &QPushButton::clicked, this, [this] {
        const int row = addEntry();
        m_table->setCurrentCell(row, 0);
        m_table->editItem(m_table->item(row, 0));
    });
    connect(m_remove, &QPushButton::clicked, this, &TopicDialogConfigTable::removeSelected);
    connect(m_table, &QTableWidget::itemChanged, this, [this] { Q_EMIT changed(); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
            [this] { m_remove->setEnabled(!m_table->selectedItems().isEmpty()); });

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
}

QList<QPair<QString, QString>> TopicDialogConfigTable::entries() const
{
    QList<QPair<QString, QString>> out;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *name = m_table->item(row, 0);
        const QTableWidgetItem *value = m_table->item(row, 1);
        const QString n = name ? name->text().trimmed() : QString();
        const QString v = value ? value->text().trimmed() : QString();
        if (!n.isEmpty() || !v.isEmpty())
            out.append({n, v});
    }
    return out;
}

int TopicDialogConfigTable::addEntry(const QString &name, const QString &value)
{
    const int row = m_table->rowCount();
    {
        const QSignalBlocker blocker(m_table);
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(name));
        m_table->setItem(row, 1, new QTableWidgetItem(value));
    }
    Q_EMIT changed();
    return row;
}

void TopicDialogConfigTable::removeSelected()
{
    QList<int> rows;
    for (const QTableWidgetItem *item : m_table->selectedItems())
        if (!rows.contains(item->row()))
            rows << item->row();
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (const int row : rows)
        m_table->removeRow(row);
    Q_EMIT changed();
}

} // namespace kafdesk
