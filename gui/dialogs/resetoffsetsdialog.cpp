#include "dialogs/resetoffsetsdialog.h"

#include "admin/validation.h"
#include "commands/kafkacommand.h"
#include "dialogs/resetoffsetspreviewmodel.h"
#include "dialogs/topicdialogmessage.h"
#include "views/datatableview.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace kafdesk {

ResetOffsetsDialog::ResetOffsetsDialog(QWidget *parent, ClusterSession *session, MessageLog *log,
                                       const QString &group, const QStringList &groupTopics, const QString &topic)
    : TopicDialog(parent, session, log, tr("Execute Reset…"))
    , m_group(group)
    , m_groupTopics(groupTopics)
    , m_model(new ResetOffsetsPreviewModel(this))
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("resetOffsetsDialog"));
    setWindowTitle(tr("Reset Offsets — %1").arg(group));
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(previewDelayMs);
    connect(m_debounce, &QTimer::timeout, this, &ResetOffsetsDialog::preview);

    contentLayout()->addWidget(buildScope());
    contentLayout()->addWidget(buildPreview(), 1);
    setCommandPlaceholder(tr("Choose a topic and a strategy to see the command."));

    const ClusterSnapshotPtr snapshot = latestSnapshot();
    fillTopics(snapshot);
    if (!topic.isEmpty())
        setTopic(topic);
    fillPartitions(snapshot);
    updateStrategyFields();

    connect(m_topic, &QComboBox::currentIndexChanged, this, [this] {
        fillPartitions(latestSnapshot());
        inputsChanged();
    });
    connect(m_all, &QRadioButton::toggled, this, [this] {
        m_partitions->setEnabled(m_chosen->isChecked());
        inputsChanged();
    });
    connect(m_partitions, &QListWidget::itemChanged, this, &ResetOffsetsDialog::inputsChanged);
    connect(m_strategy, &QComboBox::currentIndexChanged, this, [this] {
        updateStrategyFields();
        inputsChanged();
    });
    connect(m_dateTime, &QDateTimeEdit::dateTimeChanged, this, &ResetOffsetsDialog::inputsChanged);
    connect(m_value, &QLineEdit::textChanged, this, &ResetOffsetsDialog::inputsChanged);
    connect(m_previewButton, &QPushButton::clicked, this, &ResetOffsetsDialog::preview);

    resize(860, 720);
    inputsChanged();
    m_strategy->setFocus();
}

ResetOffsetsDialog::~ResetOffsetsDialog() = default;

QWidget *ResetOffsetsDialog::buildScope()
{
    auto *scope = new QWidget(this);
    m_form = new QFormLayout(scope);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    auto *groupLabel = new QLabel(QStringLiteral("<b>%1</b>").arg(m_group.toHtmlEscaped()), scope);
    groupLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    groupLabel->setObjectName(QStringLiteral("groupLabel"));
    m_form->addRow(tr("Group:"), groupLabel);

    m_topic = new QComboBox(scope);
    m_topic->setObjectName(QStringLiteral("topicBox"));
    m_topic->setMinimumContentsLength(30);
    m_topic->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    auto *topicLabel = new QLabel(tr("&Topic:"), scope);
    topicLabel->setBuddy(m_topic);
    m_form->addRow(topicLabel, m_topic);

    auto *partitionsBox = new QWidget(scope);
    auto *partitionsLayout = new QVBoxLayout(partitionsBox);
    partitionsLayout->setContentsMargins(0, 0, 0, 0);
    auto *radios = new QHBoxLayout;
    m_all = new QRadioButton(tr("&All partitions"), partitionsBox);
    m_chosen = new QRadioButton(tr("C&hosen:"), partitionsBox);
    m_all->setChecked(true);
    auto *buttons = new QButtonGroup(partitionsBox);
    buttons->addButton(m_all);
    buttons->addButton(m_chosen);
    radios->addWidget(m_all);
    radios->addWidget(m_chosen);
    radios->addStretch(1);
    m_partitions = new QListWidget(partitionsBox);
    m_partitions->setObjectName(QStringLiteral("partitionList"));
    m_partitions->setFlow(QListView::LeftToRight);
    m_partitions->setWrapping(true);
    m_partitions->setResizeMode(QListView::Adjust);
    m_partitions->setSpacing(2);
    m_partitions->setMaximumHeight(m_partitions->fontMetrics().height() * 3 + 16);
    m_partitions->setEnabled(false);
    partitionsLayout->addLayout(radios);
    partitionsLayout->addWidget(m_partitions);
    m_form->addRow(tr("Partitions:"), partitionsBox);

    m_strategy = new QComboBox(scope);
    m_strategy->setObjectName(QStringLiteral("strategyBox"));
    m_strategy->addItem(tr("Earliest — the log start (--to-earliest)"), static_cast<int>(ResetStrategy::Earliest));
    m_strategy->addItem(tr("Latest — the log end, skipping every message (--to-latest)"),
                        static_cast<int>(ResetStrategy::Latest));
    m_strategy->addItem(tr("Date and time — the first message at or after it (--to-datetime)"),
                        static_cast<int>(ResetStrategy::DateTime));
    m_strategy->addItem(tr("Offset — one offset on every chosen partition (--to-offset)"),
                        static_cast<int>(ResetStrategy::Offset));
    m_strategy->addItem(tr("Shift by ±N — from the current commit (--shift-by)"),
                        static_cast<int>(ResetStrategy::ShiftBy));
    auto *strategyLabel = new QLabel(tr("&Strategy:"), scope);
    strategyLabel->setBuddy(m_strategy);
    m_form->addRow(strategyLabel, m_strategy);

    auto *timeRow = new QWidget(scope);
    auto *timeLayout = new QHBoxLayout(timeRow);
    timeLayout->setContentsMargins(0, 0, 0, 0);
    m_dateTime = new QDateTimeEdit(QDateTime::currentDateTime().addSecs(-3600), timeRow);
    m_dateTime->setObjectName(QStringLiteral("dateTimeEdit"));
    m_dateTime->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    m_dateTime->setCalendarPopup(true);
    m_dateTime->setTimeSpec(Qt::LocalTime);
    m_utc = new QLabel(timeRow);
    m_utc->setForegroundRole(QPalette::PlaceholderText);
    timeLayout->addWidget(m_dateTime);
    timeLayout->addWidget(m_utc, 1);
    m_form->addRow(tr("&Date and time:"), timeRow);
    qobject_cast<QLabel *>(m_form->labelForField(timeRow))->setBuddy(m_dateTime);

    m_value = new QLineEdit(scope);
    m_value->setObjectName(QStringLiteral("valueEdit"));
    m_valueLabel = new QLabel(tr("&Offset:"), scope);
    m_valueLabel->setBuddy(m_value);
    m_form->addRow(m_valueLabel, m_value);

    m_inputMessage = new TopicDialogMessage(scope);
    m_inputMessage->setObjectName(QStringLiteral("inputMessage"));
    m_inputMessage->addToForm(m_form);
    return scope;
}

QWidget *ResetOffsetsDialog::buildPreview()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 6, 0, 0);
    auto *row = new QHBoxLayout;
    m_previewButton = new QPushButton(tr("&Preview"), box);
    m_previewButton->setObjectName(QStringLiteral("previewButton"));
    m_previewButton->setAutoDefault(false);
    m_previewButton->setToolTip(tr("Ask the cluster what the reset would do (nothing is written)"));
    m_status = new QLabel(box);
    m_status->setObjectName(QStringLiteral("previewStatus"));
    m_status->setWordWrap(true);
    row->addWidget(m_previewButton);
    row->addWidget(m_status, 1);
    layout->addLayout(row);

    m_table = new QTableView(box);
    m_table->setObjectName(QStringLiteral("previewTable"));
    m_table->setModel(m_model);
    setUpDataTable(m_table, QAbstractItemView::NoSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    const QFontMetrics fm = m_table->fontMetrics();
    for (const int c : {ResetOffsetsPreviewModel::PartitionColumn, ResetOffsetsPreviewModel::ChangeColumn})
        m_table->setColumnWidth(c, fm.horizontalAdvance(QStringLiteral("Partition")) + 28);
    for (const int c : {ResetOffsetsPreviewModel::CurrentColumn, ResetOffsetsPreviewModel::NewColumn,
                        ResetOffsetsPreviewModel::LogStartColumn, ResetOffsetsPreviewModel::LogEndColumn})
        m_table->setColumnWidth(c, fm.horizontalAdvance(QStringLiteral("0000000000")) + 24);
    m_table->setMinimumHeight(fm.height() * 8);
    layout->addWidget(m_table, 1);

    m_planMessage = new TopicDialogMessage(box);
    m_planMessage->setObjectName(QStringLiteral("planMessage"));
    layout->addWidget(m_planMessage);
    return box;
}

void ResetOffsetsDialog::fillTopics(const ClusterSnapshotPtr &snapshot)
{
    const QString current = m_topic->currentData().toString();
    QStringList others;
    if (snapshot)
        for (const TopicState &t : snapshot->topics)
            if (!t.internal && !m_groupTopics.contains(t.name))
                others << t.name;
    QStringList wanted = m_groupTopics;
    if (!others.isEmpty())
        wanted << QString() << others; // a separator between the group's topics and the others
    QStringList have;
    for (int i = 0; i < m_topic->count(); ++i)
        have << m_topic->itemData(i).toString();
    if (have == wanted)
        return;
    const QSignalBlocker blocker(m_topic);
    m_topic->clear();
    for (const QString &t : std::as_const(m_groupTopics))
        m_topic->addItem(t, t);
    if (!others.isEmpty()) {
        if (!m_groupTopics.isEmpty())
            m_topic->insertSeparator(m_topic->count());
        for (const QString &t : std::as_const(others))
            m_topic->addItem(t, t);
    }
    const int index = m_topic->findData(current);
    m_topic->setCurrentIndex(index >= 0 ? index : 0);
}

void ResetOffsetsDialog::setTopic(const QString &topic)
{
    const int index = m_topic->findData(topic);
    if (index >= 0)
        m_topic->setCurrentIndex(index);
}

void ResetOffsetsDialog::fillPartitions(const ClusterSnapshotPtr &snapshot)
{
    const TopicState *t = snapshot ? snapshot->topic(m_topic->currentData().toString()) : nullptr;
    QList<int> ids;
    if (t)
        for (const PartitionState &p : t->partitions)
            ids << p.id;
    if (ids == m_knownPartitions && m_partitions->count() == ids.size())
        return;
    QSet<int> checked;
    for (int i = 0; i < m_partitions->count(); ++i)
        if (m_partitions->item(i)->checkState() == Qt::Checked)
            checked.insert(m_partitions->item(i)->data(Qt::UserRole).toInt());
    m_knownPartitions = ids;
    const QSignalBlocker blocker(m_partitions);
    m_partitions->clear();
    for (const int id : std::as_const(ids)) {
        auto *item = new QListWidgetItem(QString::number(id), m_partitions);
        item->setData(Qt::UserRole, id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(id) ? Qt::Checked : Qt::Unchecked);
    }
}

void ResetOffsetsDialog::setStrategy(ResetStrategy strategy)
{
    m_strategy->setCurrentIndex(m_strategy->findData(static_cast<int>(strategy)));
}

void ResetOffsetsDialog::updateStrategyFields()
{
    const auto strategy = static_cast<ResetStrategy>(m_strategy->currentData().toInt());
    m_form->setRowVisible(m_dateTime->parentWidget(), strategy == ResetStrategy::DateTime);
    const bool needsValue = strategy == ResetStrategy::Offset || strategy == ResetStrategy::ShiftBy;
    m_form->setRowVisible(m_value, needsValue);
    if (strategy == ResetStrategy::Offset) {
        m_valueLabel->setText(tr("&Offset:"));
        m_value->setPlaceholderText(tr("the offset every chosen partition restarts from, e.g. 0"));
    } else {
        m_valueLabel->setText(tr("&Shift by:"));
        m_value->setPlaceholderText(tr("+N skips N messages forward, −N re-reads N messages"));
    }
}

Result<ResetOffsetsRequest> ResetOffsetsDialog::currentRequest() const
{
    auto bad = [](const QString &message) {
        Error e{message, {}};
        e.badInput = true;
        return e;
    };
    ResetOffsetsRequest r;
    r.group = m_group;
    r.topic = m_topic->currentData().toString();
    r.strategy = static_cast<ResetStrategy>(m_strategy->currentData().toInt());
    if (r.topic.isEmpty())
        return bad(tr("Choose a topic."));
    const ClusterSnapshotPtr snapshot = latestSnapshot();
    if (snapshot && !snapshot->topic(r.topic))
        return bad(tr("There is no topic named \"%1\".").arg(r.topic));
    if (m_chosen->isChecked()) {
        for (int i = 0; i < m_partitions->count(); ++i)
            if (m_partitions->item(i)->checkState() == Qt::Checked)
                r.partitions << m_partitions->item(i)->data(Qt::UserRole).toInt();
        if (r.partitions.isEmpty())
            return bad(tr("No partition is chosen: tick at least one, or choose All partitions."));
    }
    if (r.strategy == ResetStrategy::Offset || r.strategy == ResetStrategy::ShiftBy) {
        QString text = m_value->text().trimmed();
        text.replace(QChar(0x2212), QLatin1Char('-'));
        if (text.startsWith(QLatin1Char('+')))
            text.remove(0, 1);
        bool ok = false;
        r.value = text.toLongLong(&ok);
        if (text.isEmpty())
            return bad(r.strategy == ResetStrategy::Offset ? tr("Type the offset to reset to.")
                                                           : tr("Type how far to shift: +N or −N messages."));
        if (!ok)
            return bad(tr("\"%1\" is not a whole number.").arg(m_value->text().trimmed()));
    }
    if (r.strategy == ResetStrategy::DateTime)
        r.dateTime = m_dateTime->dateTime();
    if (const Status s = validation::validate(r); !s)
        return bad(s.error().message);
    return r;
}

void ResetOffsetsDialog::showSnapshot(const ClusterSnapshotPtr &snapshot)
{
    if (!snapshot)
        return;
    const QString before = m_topic->currentData().toString();
    const QList<int> partitionsBefore = m_knownPartitions;
    fillTopics(snapshot);
    fillPartitions(snapshot);
    if (before != m_topic->currentData().toString() || partitionsBefore != m_knownPartitions)
        inputsChanged();
}

} // namespace kafdesk
