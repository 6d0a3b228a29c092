#include "views/topicconfigstab.h"

#include "cluster/clustersession.h"
#include "models/configtablemodel.h"
#include "views/datatableview.h"
#include "widgets/messagelog.h"

#include <QApplication>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QProgressBar>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace kafdesk {

namespace {

// Shown again after this long, the tab reads the configs afresh (someone may have changed them).
constexpr qint64 staleAfterMs = 30000;

// Overrides first, then by name; a filter on names and raw values; defaults only when asked for.
class ConfigFilterProxy : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setNeedle(const QString &text)
    {
        const QString needle = text.trimmed();
        if (needle == m_needle)
            return;
        m_needle = needle;
        invalidateFilter();
    }
    QString needle() const { return m_needle; }
    void setShowDefaults(bool show)
    {
        if (show == m_showDefaults)
            return;
        m_showDefaults = show;
        invalidateFilter();
    }
    bool showDefaults() const { return m_showDefaults; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override
    {
        const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
        if (!m_showDefaults && !index.data(ConfigTableModel::OverrideRole).toBool())
            return false;
        return m_needle.isEmpty() ||
               index.data(ConfigTableModel::ConfigNameRole).toString().contains(m_needle, Qt::CaseInsensitive) ||
               index.data(ConfigTableModel::RawValueRole).toString().contains(m_needle, Qt::CaseInsensitive);
    }
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        const bool a = left.data(ConfigTableModel::OverrideRole).toBool();
        const bool b = right.data(ConfigTableModel::OverrideRole).toBool();
        if (a != b)
            return a;
        return left.data(ConfigTableModel::ConfigNameRole).toString() <
               right.data(ConfigTableModel::ConfigNameRole).toString();
    }

private:
    QString m_needle;
    bool m_showDefaults = false;
};

// The value column: the raw value as the broker sent it, then its human reading, dimmer.
class ConfigValueDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QString human = index.data(ConfigTableModel::HumanValueRole).toString();
        if (human.isEmpty()) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString raw = opt.text;
        opt.text.clear();
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

        const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(margin, 0, -margin, 0);
        const bool selected = opt.state & QStyle::State_Selected;
        const QPalette::ColorGroup group = opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
        QColor dim = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::PlaceholderText);
        painter->save();
        painter->setFont(opt.font);
        painter->setPen(opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
        const QFontMetrics fm(opt.font);
        const QString shownRaw = fm.elidedText(raw, Qt::ElideRight, textRect.width());
        painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, shownRaw);
        const int gap = fm.horizontalAdvance(QStringLiteral("MM"));
        QRect humanRect = textRect.adjusted(fm.horizontalAdvance(shownRaw) + gap, 0, 0, 0);
        if (humanRect.width() > 0) {
            QFont normal = opt.font;
            normal.setBold(false);
            painter->setFont(normal);
            painter->setPen(dim);
            painter->drawText(humanRect, Qt::AlignLeft | Qt::AlignVCenter,
                              QFontMetrics(normal).elidedText(human, Qt::ElideRight, humanRect.width()));
        }
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        const QString human = index.data(ConfigTableModel::HumanValueRole).toString();
        if (!human.isEmpty()) {
            const QFontMetrics fm(option.font);
            size.rwidth() += fm.horizontalAdvance(QStringLiteral("MM")) + fm.horizontalAdvance(human) + 2 * margin;
        }
        return size;
    }

private:
    static constexpr int margin = 3;
};

ConfigFilterProxy *filterOf(QSortFilterProxyModel *proxy)
{
    return static_cast<ConfigFilterProxy *>(proxy);
}

} // namespace

TopicConfigsTab::TopicConfigsTab(QWidget *parent)
    : QWidget(parent), m_model(new ConfigTableModel(this)), m_proxy(new ConfigFilterProxy(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setDynamicSortFilter(true);
    m_proxy->sort(ConfigTableModel::NameColumn);

    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter configs by name or value"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(m_filter->fontMetrics().horizontalAdvance(m_filter->placeholderText()) + 48);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        filterOf(m_proxy)->setNeedle(text);
        updateState();
    });
    bar->addWidget(m_filter, 2);
    m_showDefaults = new QCheckBox(tr("Show defaults"), this);
    m_showDefaults->setToolTip(tr("Also list the configs left at Kafka's default value"));
    connect(m_showDefaults, &QCheckBox::toggled, this, [this](bool show) {
        filterOf(m_proxy)->setShowDefaults(show);
        updateState();
    });
    bar->addWidget(m_showDefaults);
    bar->addStretch(1);
    m_edit = new QToolButton(this);
    m_edit->setText(tr("Edit Configs…"));
    m_edit->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_edit, &QToolButton::clicked, this, &TopicConfigsTab::editRequested);
    bar->addWidget(m_edit);
    layout->addLayout(bar);

    m_table = new QTableView(this);
    m_table->setModel(m_proxy);
    m_table->setItemDelegateForColumn(ConfigTableModel::ValueColumn, new ConfigValueDelegate(m_table));
    setUpDataTable(m_table, QAbstractItemView::ExtendedSelection);
    QHeaderView *header = m_table->horizontalHeader();
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(ConfigTableModel::NameColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ConfigTableModel::ValueColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ConfigTableModel::SourceColumn, QHeaderView::ResizeToContents);

    m_emptyText = new QLabel(this);
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setWordWrap(true);
    m_emptyText->setForegroundRole(QPalette::PlaceholderText);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_emptyText);
    layout->addWidget(m_stack, 1);

    auto *statusRow = new QHBoxLayout;
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setFixedSize(64, m_busy->fontMetrics().height() / 2 + 4);
    m_busy->hide();
    statusRow->addWidget(m_busy);
    m_status = new QLabel(this);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    statusRow->addWidget(m_status, 1);
    layout->addLayout(statusRow);

    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &TopicConfigsTab::updateState);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &TopicConfigsTab::updateState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &TopicConfigsTab::updateState);
    updateState();
}

void TopicConfigsTab::setSession(ClusterSession *session, MessageLog *log)
{
    if (session != m_session) {
        ++m_generation;
        m_request = 0;
        m_reloadAgain = false;
        m_loadedAt = {};
        m_error.clear();
        m_model->clear();
    }
    m_session = session;
    m_log = log;
    updateState();
}

void TopicConfigsTab::setTopic(const QString &topic)
{
    if (topic == m_topic) {
        reload();
        return;
    }
    ++m_generation;
    if (m_request != 0 && m_session)
        m_session->cancel(m_request);
    m_request = 0;
    m_reloadAgain = false;
    m_topic = topic;
    m_loadedAt = {};
    m_error.clear();
    m_model->clear();
    reload();
}

void TopicConfigsTab::reload()
{
    if (!m_session || m_topic.isEmpty())
        return;
    if (isLoading()) {
        m_reloadAgain = true;
        return;
    }
    m_reloadAgain = false;
    const QString topic = m_topic;
    const quint64 generation = m_generation;
    m_request = m_session->submit<QList<ConfigEntry>>(
        [topic](ClusterOperations &ops) { return ops.topics().topicConfigs(topic); }, this,
        [this, generation](const Result<QList<ConfigEntry>> &result) { finishLoad(generation, result); });
    updateState();
}

void TopicConfigsTab::finishLoad(quint64 generation, const Result<QList<ConfigEntry>> &result)
{
    if (generation != m_generation)
        return;
    m_request = 0;
    if (result) {
        m_model->setEntries(result.value());
        m_loadedAt = QDateTime::currentDateTime();
        m_error.clear();
    } else {
        m_error = result.error().message;
        if (m_log)
            m_log->error(Error{tr("Could not read the configs of “%1”: %2").arg(m_topic, result.error().message),
                               result.error().detail, false},
                         true);
    }
    updateState();
    Q_EMIT loadFinished(result.ok());
    if (m_reloadAgain)
        reload();
}

void TopicConfigsTab::setEditable(bool editable, const QString &toolTip)
{
    m_edit->setEnabled(editable);
    m_edit->setToolTip(toolTip);
}

void TopicConfigsTab::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void TopicConfigsTab::setFilterText(const QString &text)
{
    m_filter->setText(text);
}

void TopicConfigsTab::setShowDefaults(bool show)
{
    m_showDefaults->setChecked(show);
}

QString TopicConfigsTab::statusText() const
{
    return m_status->text();
}

void TopicConfigsTab::updateState()
{
    const bool firstLoad = isLoading() && !isLoaded();
    m_busy->setVisible(firstLoad);
    const int overrides = m_model->overrideCount();
    const int defaults = m_model->rowCount() - overrides;
    QString empty;
    if (m_proxy->rowCount() == 0) {
        if (m_topic.isEmpty())
            empty = tr("No topic chosen.");
        else if (!isLoaded())
            empty = m_error.isEmpty() ? tr("Loading the configs of “%1”…").arg(m_topic)
                                      : tr("Could not read the configs of “%1”:\n%2").arg(m_topic, m_error);
        else if (!m_filter->text().trimmed().isEmpty())
            empty = tr("No config matches “%1”.").arg(m_filter->text().trimmed());
        else
            empty = tr("Every config of “%1” has Kafka's default value.\nCheck “Show defaults” to list them.").arg(m_topic);
    }
    m_emptyText->setText(empty);
    m_stack->setCurrentIndex(empty.isEmpty() ? 0 : 1);

    QStringList parts;
    if (firstLoad)
        parts << tr("Loading configs…");
    if (isLoaded()) {
        parts << (overrides == 1 ? tr("1 override") : tr("%1 overrides").arg(overrides));
        if (!m_filter->text().trimmed().isEmpty())
            parts << tr("%1 of %2 shown").arg(m_proxy->rowCount()).arg(m_model->rowCount());
        else if (!m_showDefaults->isChecked() && defaults > 0)
            parts << (defaults == 1 ? tr("1 default hidden") : tr("%1 defaults hidden").arg(defaults));
        parts << tr("read at %1").arg(m_loadedAt.time().toString(QStringLiteral("HH:mm:ss")));
    }
    if (!m_error.isEmpty() && isLoaded())
        parts << tr("Could not read them again: %1").arg(m_error);
    m_status->setText(parts.join(QStringLiteral("  ·  ")));
}

void TopicConfigsTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (isLoaded() && m_loadedAt.msecsTo(QDateTime::currentDateTime()) > staleAfterMs)
        reload();
}

} // namespace kafdesk
