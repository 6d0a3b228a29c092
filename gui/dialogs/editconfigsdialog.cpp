#include "dialogs/editconfigsdialog.h"

#include "admin/validation.h"
#include "dialogs/topicdialogchangepreview.h"
#include "dialogs/topicdialogmessage.h"
#include "models/configtablemodel.h"

#include <QCompleter>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace kafdesk {

namespace {

const QString topicOverride = QStringLiteral("DYNAMIC_TOPIC_CONFIG");

QTableView *configView(const QString &objectName, QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setTabKeyNavigation(false);
    view->verticalHeader()->setVisible(false);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setSectionResizeMode(ConfigTableModel::NameColumn, QHeaderView::Interactive);
    view->horizontalHeader()->setSectionResizeMode(ConfigTableModel::ValueColumn, QHeaderView::Stretch);
    view->horizontalHeader()->setSectionResizeMode(ConfigTableModel::SourceColumn, QHeaderView::ResizeToContents);
    view->setColumnWidth(ConfigTableModel::NameColumn,
                         view->fontMetrics().horizontalAdvance(QStringLiteral("message.timestamp.before.max.ms")) + 24);
    return view;
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

} // namespace

EditConfigsDialog::EditConfigsDialog(QWidget *parent, ClusterSession *session, MessageLog *log, const QString &topic)
    : TopicDialog(parent, session, log, tr("Apply Changes"))
    , m_topic(topic)
    , m_model(new ConfigTableModel(this))
{
    setObjectName(QStringLiteral("editConfigsDialog"));
    setWindowTitle(tr("Edit Configs — %1").arg(topic));

    m_topicLabel = new QLabel(this);
    m_topicLabel->setObjectName(QStringLiteral("topicName"));
    m_topicLabel->setTextFormat(Qt::RichText);
    m_reload = new QPushButton(tr("&Reload"), this);
    m_reload->setObjectName(QStringLiteral("reloadConfigs"));
    m_reload->setAutoDefault(false);
    m_reload->setToolTip(tr("Read the topic's configs from the cluster again (pending changes stay)"));
    connect(m_reload, &QPushButton::clicked, this, &EditConfigsDialog::load);
    auto *header = new QHBoxLayout;
    header->addWidget(m_topicLabel, 1);
    header->addWidget(m_reload);

    contentLayout()->addLayout(header);
    contentLayout()->addWidget(buildTables(), 3);
    contentLayout()->addWidget(buildEditor());
    m_preview = new TopicDialogChangePreview(this);
    connect(m_preview, &TopicDialogChangePreview::undoRequested, this, &EditConfigsDialog::undo);
    contentLayout()->addWidget(m_preview, 1);

    setCommandPlaceholder(tr("Set or reset a config to see the command that does the same."));
    setMinimumSize(720, 640);
    resize(820, 760);
    showSnapshot(latestSnapshot());
    updatePreview();
    load();
}

QWidget *EditConfigsDialog::buildTables()
{
    m_overridesProxy = new QSortFilterProxyModel(this);
    m_overridesProxy->setSourceModel(m_model);
    m_overridesProxy->setFilterRole(ConfigTableModel::SourceRole);
    m_overridesProxy->setFilterFixedString(topicOverride);
    m_overridesProxy->setFilterKeyColumn(ConfigTableModel::NameColumn);

    // Everything but the topic's overrides, then narrowed by the filter box.
    m_inheritedSourceProxy = new QSortFilterProxyModel(this);
    m_inheritedSourceProxy->setSourceModel(m_model);
    m_inheritedSourceProxy->setFilterRole(ConfigTableModel::SourceRole);
    m_inheritedSourceProxy->setFilterRegularExpression(QStringLiteral("^(?!DYNAMIC_TOPIC_CONFIG$)"));
    m_inheritedSourceProxy->setFilterKeyColumn(ConfigTableModel::NameColumn);
    m_inheritedProxy = new QSortFilterProxyModel(this);
    m_inheritedProxy->setSourceModel(m_inheritedSourceProxy);
    m_inheritedProxy->setFilterKeyColumn(ConfigTableModel::NameColumn);
    m_inheritedProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    auto *box = new QWidget(this);
    m_overridesTitle = heading(tr("Set on this topic"), box);
    m_overrides = configView(QStringLiteral("overrides"), m_overridesProxy, box);
    m_overrides->setColumnHidden(ConfigTableModel::SourceColumn, true); // all "Topic override"
    m_overrides->setMinimumHeight(m_overrides->verticalHeader()->defaultSectionSize() * 4);
    m_inherited = configView(QStringLiteral("inherited"), m_inheritedProxy, box);
    m_filter = new QLineEdit(box);
    m_filter->setObjectName(QStringLiteral("inheritedFilter"));
    m_filter->setPlaceholderText(tr("Filter by name"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaximumWidth(260);
    connect(m_filter, &QLineEdit::textChanged, m_inheritedProxy, &QSortFilterProxyModel::setFilterFixedString);

    auto *inheritedHeader = new QHBoxLayout;
    inheritedHeader->addWidget(heading(tr("Inherited from the brokers or Kafka's defaults"), box), 1);
    inheritedHeader->addWidget(m_filter);

    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_overridesTitle);
    layout->addWidget(m_overrides, 2);
    layout->addSpacing(6);
    layout->addLayout(inheritedHeader);
    layout->addWidget(m_inherited, 3);

    // One row chosen at a time, in either table.
    for (QTableView *view : {m_overrides, m_inherited}) {
        QTableView *other = view == m_overrides ? m_inherited : m_overrides;
        connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                [this, other](const QModelIndex &current) {
                    if (current.isValid())
                        other->selectionModel()->clear();
                    onRowActivated(current);
                });
    }
    return box;
}

QWidget *EditConfigsDialog::buildEditor()
{
    auto *box = new QGroupBox(tr("Change a config"), this);
    m_name = new QLineEdit(box);
    m_name->setObjectName(QStringLiteral("configName"));
    m_name->setPlaceholderText(tr("e.g. retention.ms"));
    m_name->setClearButtonEnabled(true);
    auto *completer = new QCompleter(m_model, m_name);
    completer->setCompletionColumn(ConfigTableModel::NameColumn);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_name->setCompleter(completer);
    m_value = new QLineEdit(box);
    m_value->setObjectName(QStringLiteral("configValue"));
    m_value->setPlaceholderText(tr("new value"));
    m_value->setClearButtonEnabled(true);
    m_setButton = new QPushButton(tr("&Set"), box);
    m_setButton->setObjectName(QStringLiteral("setConfig"));
    m_setButton->setAutoDefault(false);
    m_resetButton = new QPushButton(tr("Reset to &default"), box);
    m_resetButton->setObjectName(QStringLiteral("resetConfig"));
    m_resetButton->setAutoDefault(false);
    m_editorMessage = new TopicDialogMessage(box);
    m_editorMessage->setObjectName(QStringLiteral("editorMessage"));

    auto *nameLabel = new QLabel(tr("&Name:"), box);
    nameLabel->setBuddy(m_name);
    auto *valueLabel = new QLabel(tr("&Value:"), box);
    valueLabel->setBuddy(m_value);
    auto *grid = new QGridLayout(box);
    grid->addWidget(nameLabel, 0, 0);
    grid->addWidget(m_name, 0, 1);
    grid->addWidget(valueLabel, 0, 2);
    grid->addWidget(m_value, 0, 3);
    grid->addWidget(m_setButton, 0, 4);
    grid->addWidget(m_resetButton, 0, 5);
    grid->addWidget(m_editorMessage, 1, 1, 1, 5);
    grid->setColumnStretch(1, 3);
    grid->setColumnStretch(3, 2);

    connect(m_name, &QLineEdit::textChanged, this, &EditConfigsDialog::updateEditor);
    connect(m_value, &QLineEdit::textChanged, this, &EditConfigsDialog::updateEditor);
    connect(m_setButton, &QPushButton::clicked, this,
            [this] { setPending(m_name->text().trimmed(), m_value->text().trimmed()); });
    connect(m_resetButton, &QPushButton::clicked, this, [this] { resetPending(m_name->text().trimmed()); });
    m_name->installEventFilter(this);
    m_value->installEventFilter(this);
    updateEditor();
    return box;
}

bool EditConfigsDialog::eventFilter(QObject *watched, QEvent *event)
{
    if ((watched == m_name || watched == m_value) && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            if (watched == m_name)
                m_value->setFocus();
            else if (m_setButton->isEnabled())
                m_setButton->click();
            return true;
        }
    }
    return TopicDialog::eventFilter(watched, event);
}

AlterTopicConfigsRequest EditConfigsDialog::request() const
{
    QStringList remove = m_remove;
    remove.sort();
    return AlterTopicConfigsRequest{m_topic, m_set, remove};
}

QList<TopicDialogConfigChange> EditConfigsDialog::changes() const
{
    return TopicDialogConfigChange::compute(m_entries, request());
}

void EditConfigsDialog::showSnapshot(const ClusterSnapshotPtr &snapshot)
{
    const TopicState *topic = snapshot ? snapshot->topic(m_topic) : nullptr;
    m_replicationFactor = topic ? topic->replicationFactor() : -1;
    QString text = tr("Topic: <b>%1</b>").arg(m_topic.toHtmlEscaped());
    if (topic)
        text +=
            QStringLiteral(" &nbsp;·&nbsp; ") +
            (topic->partitions.size() == 1
                 ? tr("1 partition, replication factor %1").arg(m_replicationFactor)
                 : tr("%1 partitions, replication factor %2").arg(topic->partitions.size()).arg(m_replicationFactor));
    else if (snapshot)
        text += QStringLiteral(" &nbsp;·&nbsp; ") + tr("not in the cluster's topic list");
    m_topicLabel->setText(text);
    updateEditor();
    updatePreview();
}

void EditConfigsDialog::load()
{
    const QString topic = m_topic;
    runRequest<QList<ConfigEntry>>(
        tr("Reading the configs of %1…").arg(topic),
        [topic](ClusterOperations &ops) { return ops.topics().topicConfigs(topic); },
        [this](const QList<ConfigEntry> &entries) { onLoaded(entries); });
}

void EditConfigsDialog::onLoaded(const QList<ConfigEntry> &entries)
{
    m_entries = entries;
    m_model->setEntries(entries);
    m_loaded = true;
    // Pending changes that the configs as read now make pointless are dropped.
    for (auto it = m_set.begin(); it != m_set.end();) {
        const auto current = overrideOf(it.key());
        it = current && *current == it.value() ? m_set.erase(it) : std::next(it);
    }
    m_remove.erase(
        std::remove_if(m_remove.begin(), m_remove.end(), [this](const QString &name) { return !overrideOf(name); }),
        m_remove.end());
    const int overrides = m_overridesProxy->rowCount();
    m_overridesTitle->setText(overrides == 0 ? tr("Set on this topic: nothing, every config is inherited")
                                             : tr("Set on this topic (%1)").arg(overrides));
    updateEditor();
    updatePreview();
}

const ConfigEntry *EditConfigsDialog::entry(const QString &name) const
{
    for (const ConfigEntry &e : m_entries)
        if (e.name == name)
            return &e;
    return nullptr;
}

std::optional<QString> EditConfigsDialog::overrideOf(const QString &name) const
{
    const ConfigEntry *e = entry(name);
    if (e && e->source == topicOverride && !e->isValueNull)
        return e->value;
    return std::nullopt;
}

void EditConfigsDialog::onRowActivated(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    m_name->setText(index.data(ConfigTableModel::ConfigNameRole).toString());
    m_value->setText(m_set.value(m_name->text(), index.data(ConfigTableModel::RawValueRole).toString()));
}

void EditConfigsDialog::setPending(const QString &name, const QString &value)
{
    const auto current = overrideOf(name);
    if (current && *current == value)
        m_set.remove(name);
    else
        m_set.insert(name, value);
    m_remove.removeAll(name);
    updateEditor();
    updatePreview();
}

void EditConfigsDialog::resetPending(const QString &name)
{
    m_set.remove(name);
    if (overrideOf(name) && !m_remove.contains(name))
        m_remove << name;
    updateEditor();
    updatePreview();
}

void EditConfigsDialog::undo(const QStringList &names)
{
    for (const QString &name : names) {
        m_set.remove(name);
        m_remove.removeAll(name);
    }
    updateEditor();
    updatePreview();
}

void EditConfigsDialog::updateEditor()
{
    const QString name = m_name->text().trimmed();
    const QString value = m_value->text().trimmed();
    const ConfigEntry *e = entry(name);
    const auto current = overrideOf(name);
    QString problem;
    QString hint;
    if (!name.isEmpty()) {
        if (e && e->readOnly)
            problem = tr("%1 is read-only: only the brokers' properties files set it.").arg(name);
        else if (const Status s = validation::validateConfig(name, value, m_replicationFactor); !s && !value.isEmpty())
            problem = s.error().message;
        if (m_remove.contains(name))
            hint = tr("Pending: reset to default.");
        else if (m_set.contains(name))
            hint = tr("Pending: %1.").arg(TopicDialogConfigChange::withUnits(name, m_set.value(name)));
        if (e) {
            const QString now = e->sensitive ? tr("(hidden)") : TopicDialogConfigChange::withUnits(name, e->value);
            hint = tr("Now %1 — %2.").arg(now, ConfigTableModel::sourceText(e->source)) +
                   (hint.isEmpty() ? QString() : QLatin1Char(' ') + hint);
        } else if (m_loaded) {
            hint = tr("Not a config the topic lists: the broker decides whether it knows it.") +
                   (hint.isEmpty() ? QString() : QLatin1Char(' ') + hint);
        }
    }
    if (!problem.isEmpty())
        m_editorMessage->showMessage(TopicDialogMessage::Kind::Error, problem);
    else if (!hint.isEmpty())
        m_editorMessage->showMessage(TopicDialogMessage::Kind::Info, hint);
    else
        m_editorMessage->clear();

    const bool writable = !isReadOnly() && m_loaded;
    const bool sameAsPending = m_set.contains(name) ? m_set.value(name) == value : current && *current == value;
    m_setButton->setEnabled(writable && !name.isEmpty() && !value.isEmpty() && problem.isEmpty() && !sameAsPending);
    m_resetButton->setEnabled(writable && !name.isEmpty() &&
                              ((current && !m_remove.contains(name)) || m_set.contains(name)));
    m_resetButton->setToolTip(current ? tr("Remove the topic's override: it inherits the default again")
                                      : tr("Drop the pending value"));
    if (isReadOnly()) {
        m_setButton->setToolTip(readOnlyReason());
        m_resetButton->setToolTip(readOnlyReason());
    }
}

void EditConfigsDialog::updatePreview()
{
    const AlterTopicConfigsRequest r = request();
    const QList<TopicDialogConfigChange> list = changes();
    m_preview->setChanges(list);

    QString problem;
    if (!list.isEmpty()) {
        if (const Status s = validation::validate(r, m_replicationFactor); !s)
            problem = s.error().message;
        for (const ConfigEntry &e : m_entries)
            if (problem.isEmpty() && e.source == topicOverride && e.sensitive && !r.set.contains(e.name) &&
                !r.remove.contains(e.name))
                problem = tr("%1 is a sensitive topic override that cannot be read back: set it again in the same "
                             "change, or the broker would lose it.")
                              .arg(e.name);
    }
    if (problem.isEmpty())
        m_preview->message()->clear();
    else
        m_preview->message()->showMessage(TopicDialogMessage::Kind::Error, problem);
    setCommand(list.isEmpty() ? commands::KafkaCommand{} : commands::alterTopicConfigs(commandTarget(), r));
    setSubmittable(m_loaded && !list.isEmpty() && problem.isEmpty());
}

void EditConfigsDialog::submit()
{
    const AlterTopicConfigsRequest r = request();
    QStringList done;
    for (const TopicDialogConfigChange &c : changes())
        done << c.text();
    runRequest<Done>(
        tr("Changing the configs of %1…").arg(m_topic),
        [r](ClusterOperations &ops) { return ops.alterTopicConfigs(r); },
        [this, done](const Done &) {
            finishWithSuccess(
                tr("Changed the configs of topic \"%1\": %2.").arg(m_topic, done.join(QStringLiteral("; "))));
        });
}

} // namespace kafdesk
