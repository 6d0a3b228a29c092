#include "dialogs/topicdialogchangepreview.h"

#include "dialogs/topicdialogmessage.h"
#include "models/configtablemodel.h"

#include <QHBoxLayout>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kafdesk {

TopicDialogChangePreview::TopicDialogChangePreview(QWidget *parent)
    : QGroupBox(parent)
    , m_tree(new QTreeWidget(this))
    , m_undo(new QPushButton(tr("&Undo"), this))
    , m_message(new TopicDialogMessage(this))
{
    setObjectName(QStringLiteral("changesBox"));
    m_tree->setObjectName(QStringLiteral("changePreview"));
    m_tree->setHeaderLabels({tr("Config"), tr("Now"), tr("After"), tr("Source now")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setColumnWidth(0, m_tree->fontMetrics().horizontalAdvance(QStringLiteral("message.timestamp.type")) + 24);
    m_tree->setColumnWidth(1, 200);
    m_tree->setColumnWidth(2, 200);
    m_undo->setObjectName(QStringLiteral("undoChange"));
    m_undo->setAutoDefault(false);
    m_undo->setToolTip(tr("Drop the selected changes from the list"));
    m_undo->setEnabled(false);
    m_message->setObjectName(QStringLiteral("validationMessage"));

    connect(m_tree, &QTreeWidget::itemSelectionChanged, this,
            [this] { m_undo->setEnabled(!m_tree->selectedItems().isEmpty()); });
    connect(m_undo, &QPushButton::clicked, this, [this] {
        QStringList names;
        for (const QTreeWidgetItem *item : m_tree->selectedItems())
            names << item->text(0);
        Q_EMIT undoRequested(names);
    });

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_undo);
    buttons->addStretch();
    auto *row = new QHBoxLayout;
    row->addWidget(m_tree, 1);
    row->addLayout(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row, 1);
    layout->addWidget(m_message);
    setChanges({});
}

void TopicDialogChangePreview::setChanges(const QList<TopicDialogConfigChange> &changes)
{
    using Kind = TopicDialogConfigChange::Kind;
    m_tree->clear();
    for (const TopicDialogConfigChange &c : changes) {
        auto *item = new QTreeWidgetItem(m_tree);
        item->setText(0, c.name);
        item->setText(1, c.kind == Kind::Added && c.before.isEmpty()
                             ? tr("(none)")
                             : TopicDialogConfigChange::withUnits(c.name, c.before));
        item->setText(3, c.beforeSource.isEmpty() ? QStringLiteral("—") : ConfigTableModel::sourceText(c.beforeSource));
        item->setToolTip(0, c.text());
        QFont font = item->font(2);
        if (c.kind == Kind::Reset) {
            item->setText(2, tr("reset to default"));
            font.setItalic(true);
        } else {
            item->setText(2, TopicDialogConfigChange::withUnits(c.name, c.after));
            font.setBold(true);
        }
        item->setFont(2, font);
    }
    setTitle(changes.isEmpty() ? tr("Changes to apply: none yet") : tr("Changes to apply (%1)").arg(changes.size()));
}

} // namespace kafdesk
