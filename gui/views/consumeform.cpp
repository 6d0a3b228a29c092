#include "views/consumeform.h"

#include "views/consumedatetimefield.h"
#include "widgets/topiccombo.h"

#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace kafdesk {

namespace {

QLabel *label(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    l->setBuddy(buddy);
    return l;
}

// An error colour that reads on light and dark windows alike (the text also starts with a sign).
QColor errorColour(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128 ? QColor(255, 120, 110) : QColor(190, 30, 30);
}

} // namespace

ConsumeForm::ConsumeForm(QWidget *parent) : QWidget(parent)
{
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);

    auto *first = new QHBoxLayout;
    m_topic = new QComboBox(this);
    m_topic->setEditable(true);
    m_topic->setInsertPolicy(QComboBox::NoInsert);
    m_topic->setMinimumContentsLength(22);
    m_topic->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_topic->lineEdit()->setPlaceholderText(tr("Topic name"));
    m_topic->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_topic->completer()->setFilterMode(Qt::MatchContains);
    m_topic->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    first->addWidget(label(tr("&Topic:"), m_topic, this));
    first->addWidget(m_topic, 3);

    m_partitions = new QLineEdit(this);
    m_partitions->setPlaceholderText(tr("All"));
    m_partitions->setClearButtonEnabled(true);
    m_partitions->setMaximumWidth(m_partitions->fontMetrics().horizontalAdvance(QStringLiteral("0,1,2,10-12")) + 44);
    first->addSpacing(8);
    first->addWidget(label(tr("&Partitions:"), m_partitions, this));
    first->addWidget(m_partitions, 1);

    m_start = new QComboBox(this);
    m_start->addItem(tr("From beginning"), FromBeginning);
    m_start->addItem(tr("Latest (new messages)"), Latest);
    m_start->addItem(tr("At offset"), AtOffset);
    m_start->addItem(tr("At date-time"), AtDateTime);
    m_start->addItem(tr("Last N per partition"), LastN);
    first->addSpacing(8);
    first->addWidget(label(tr("&Start:"), m_start, this));
    first->addWidget(m_start);

    m_startInput = new QStackedWidget(this);
    m_startInput->addWidget(new QWidget(m_startInput)); // beginning, latest: nothing to enter
    m_offset = new QLineEdit(m_startInput);
    m_offset->setPlaceholderText(tr("Offset"));
    m_offset->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{0,18}")), m_offset));
    m_offset->setText(QStringLiteral("0"));
    m_offset->setToolTip(tr("The same offset on every partition read (clamped to what the log holds)"));
    m_startInput->addWidget(m_offset);
    m_dateTime = new ConsumeDateTimeField(m_startInput);
    m_startInput->addWidget(m_dateTime);
    m_lastN = new QSpinBox(m_startInput);
    m_lastN->setRange(1, 1000000000);
    m_lastN->setValue(100);
    m_lastN->setGroupSeparatorShown(true);
    m_lastN->setSuffix(tr(" per partition"));
    m_startInput->addWidget(m_lastN);
    m_startInput->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    first->addWidget(m_startInput, 2);
    column->addLayout(first);

    auto *second = new QHBoxLayout;
    m_mode = new QComboBox(this);
    m_mode->addItem(tr("By assignment (no commits)"));
    m_mode->addItem(tr("As consumer group (commits)"));
    m_mode->setToolTip(tr("By assignment reads without joining a group and commits nothing: the topic's consumers "
                          "do not notice. As a group member, offsets are committed, so the group appears under "
                          "Consumer groups and a later read of the group continues where this one stopped."));
    second->addWidget(label(tr("&Read:"), m_mode, this));
    second->addWidget(m_mode);
    m_group = new QLineEdit(this);
    m_group->setPlaceholderText(tr("Group id"));
    m_group->setClearButtonEnabled(true);
    second->addWidget(m_group, 2);

    m_keyDecoder = decoderCombo();
    m_valueDecoder = decoderCombo();
    second->addSpacing(8);
    second->addWidget(label(tr("&Key:"), m_keyDecoder, this));
    second->addWidget(m_keyDecoder);
    second->addWidget(label(tr("&Value:"), m_valueDecoder, this));
    second->addWidget(m_valueDecoder);
    second->addStretch(1);

    m_startButton = new QPushButton(tr("Start"), this);
    m_startButton->setToolTip(tr("Start reading (Enter)"));
    m_pauseButton = new QPushButton(tr("Pause"), this);
    m_stopButton = new QPushButton(tr("Stop"), this);
    second->addWidget(m_startButton);
    second->addWidget(m_pauseButton);
    second->addWidget(m_stopButton);
    column->addLayout(second);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    column->addWidget(m_error);

    connect(m_start, &QComboBox::currentIndexChanged, this, &ConsumeForm::updateStartInput);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &ConsumeForm::updateMode);
    connect(m_topic, &QComboBox::currentTextChanged, this, &ConsumeForm::updatePartitionHint);
    connect(m_keyDecoder, &QComboBox::currentIndexChanged, this, &ConsumeForm::decodersChanged);
    connect(m_valueDecoder, &QComboBox::currentIndexChanged, this, &ConsumeForm::decodersChanged);
    connect(m_startButton, &QPushButton::clicked, this, &ConsumeForm::startRequested);
    connect(m_pauseButton, &QPushButton::clicked, this, &ConsumeForm::pauseResumeRequested);
    connect(m_stopButton, &QPushButton::clicked, this, &ConsumeForm::stopRequested);
    updateStartInput();
    updateMode();
    updatePartitionHint();
    setSessionState(ConsumeSession::State::Idle, false);
}

QComboBox *ConsumeForm::decoderCombo()
{
    auto *combo = new QComboBox(this);
    for (Decoder d : allDecoders())
        combo->addItem(decoderName(d), decoderId(d));
    combo->setToolTip(tr("How the bytes are shown: Auto picks JSON, then UTF-8 text, then hex"));
    return combo;
}

void ConsumeForm::setSnapshot(const ClusterSnapshotPtr &snapshot)
{
    m_snapshot = snapshot;
    fillTopicCombo(m_topic, snapshot);
    updatePartitionHint();
}

void ConsumeForm::setTopic(const QString &topic)
{
    m_topic->setEditText(topic);
    updatePartitionHint();
}

QString ConsumeForm::topic() const
{
    return m_topic->currentText().trimmed();
}

int ConsumeForm::partitionCount(const QString &topic) const
{
    const TopicState *t = m_snapshot ? m_snapshot->topic(topic) : nullptr;
    return t ? int(t->partitions.size()) : -1;
}

void ConsumeForm::updatePartitionHint()
{
    const int count = partitionCount(topic());
    m_partitions->setToolTip(count > 0 ? tr("Every partition, or a list such as 0,2,4-6 (the topic has %1: 0–%2)")
                                             .arg(count)
                                             .arg(count - 1)
                                       : tr("Every partition, or a list such as 0,2,4-6"));
}

void ConsumeForm::updateStartInput()
{
    switch (m_start->currentData().toInt()) {
    case AtOffset: m_startInput->setCurrentWidget(m_offset); break;
    case AtDateTime: m_startInput->setCurrentWidget(m_dateTime); break;
    case LastN: m_startInput->setCurrentWidget(m_lastN); break;
    default: m_startInput->setCurrentIndex(0);
    }
}

void ConsumeForm::updateMode()
{
    const bool group = m_mode->currentIndex() == 1;
    m_group->setEnabled(group && m_mode->isEnabled());
    m_group->setVisible(group);
}

void ConsumeForm::setGroupAllowed(bool allowed, const QString &reason)
{
    m_groupAllowed = allowed;
    m_groupDisallowedReason = reason;
    if (!allowed)
        m_mode->setCurrentIndex(0);
    m_mode->setItemData(1, allowed ? QVariant() : QVariant(reason), Qt::ToolTipRole);
    // QStandardItemModel's flags role: 0 makes the item unselectable, no value restores the default.
    m_mode->setItemData(1, allowed ? QVariant() : QVariant(0), Qt::UserRole - 1);
    updateMode();
}

Result<QList<int>> ConsumeForm::parsePartitions(const QString &text, const QString &topic, int partitionCount)
{
    const QString t = text.trimmed();
    if (t.isEmpty() || t.compare(QLatin1String("all"), Qt::CaseInsensitive) == 0)
        return QList<int>{};
    QList<int> out;
    static const QRegularExpression range(QStringLiteral("^(\\d{1,6})\\s*-\\s*(\\d{1,6})$"));
    for (const QString &rawPart : t.split(QLatin1Char(','))) {
        const QString part = rawPart.trimmed();
        if (part.isEmpty())
            continue;
        bool isNumber = false;
        const int single = part.toInt(&isNumber);
        if (isNumber && single >= 0) {
            out << single;
            continue;
        }
        const auto m = range.match(part);
        if (!m.hasMatch())
            return Error{tr("\"%1\" is not a partition number or a range such as 4-6.").arg(part), {}, true};
        const int from = m.captured(1).toInt();
        const int to = m.captured(2).toInt();
        if (from > to)
            return Error{tr("The partition range %1 runs backwards.").arg(part), {}, true};
        for (int p = from; p <= to; ++p)
            out << p;
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    if (partitionCount >= 0) {
        for (int p : out) {
            if (p >= partitionCount) {
                return Error{partitionCount == 1
                                 ? tr("Partition %1 is out of range: topic \"%2\" has 1 partition (0).").arg(p).arg(topic)
                                 : tr("Partition %1 is out of range: topic \"%2\" has %3 partitions (0–%4).")
                                       .arg(p)
                                       .arg(topic)
                                       .arg(partitionCount)
                                       .arg(partitionCount - 1),
                             {}, true};
            }
        }
    }
    return out;
}

Result<ConsumeRequest> ConsumeForm::request() const
{
    ConsumeRequest r;
    r.topic = topic();
    if (r.topic.isEmpty())
        return Error{tr("Choose the topic to read."), {}, true};
    Result<QList<int>> partitions = parsePartitions(m_partitions->text(), r.topic, partitionCount(r.topic));
    if (!partitions)
        return partitions.error();
    r.partitions = partitions.value();
    switch (m_start->currentData().toInt()) {
    case FromBeginning: r.start.kind = ConsumeStart::Kind::Beginning; break;
    case Latest: r.start.kind = ConsumeStart::Kind::Latest; break;
    case AtOffset: {
        bool ok = false;
        r.start.kind = ConsumeStart::Kind::Offset;
        r.start.offset = m_offset->text().toLongLong(&ok);
        if (!ok)
            return Error{tr("Enter the offset to start at (0 or more)."), {}, true};
        break;
    }
    case AtDateTime: {
        const std::optional<QDateTime> at = m_dateTime->dateTime();
        if (!at)
            return Error{m_dateTime->error(), {}, true};
        r.start.kind = ConsumeStart::Kind::DateTime;
        r.start.dateTime = *at;
        break;
    }
    case LastN:
        r.start.kind = ConsumeStart::Kind::LastN;
        r.start.lastN = m_lastN->value();
        break;
    default: break;
    }
    if (m_mode->currentIndex() == 1) {
        if (!m_groupAllowed)
            return Error{m_groupDisallowedReason, {}, true};
        r.groupId = m_group->text();
        if (r.groupId.trimmed().isEmpty())
            return Error{tr("Enter the consumer group id to read as (or read by assignment, which commits nothing)."), {}, true};
    }
    if (const Status valid = validateConsumeRequest(r); !valid)
        return valid.error();
    return r;
}

Decoder ConsumeForm::keyDecoder() const
{
    return decoderFromId(m_keyDecoder->currentData().toString()).value_or(Decoder::Auto);
}

Decoder ConsumeForm::valueDecoder() const
{
    return decoderFromId(m_valueDecoder->currentData().toString()).value_or(Decoder::Auto);
}

void ConsumeForm::setDecoders(Decoder key, Decoder value)
{
    m_keyDecoder->setCurrentIndex(m_keyDecoder->findData(decoderId(key)));
    m_valueDecoder->setCurrentIndex(m_valueDecoder->findData(decoderId(value)));
}

void ConsumeForm::setSessionState(ConsumeSession::State state, bool haveSession)
{
    using State = ConsumeSession::State;
    const bool live = haveSession && (state == State::Starting || state == State::Running || state == State::Paused);
    for (QWidget *w : std::initializer_list<QWidget *>{m_topic, m_partitions, m_start, m_startInput, m_mode})
        w->setEnabled(!live);
    updateMode();
    m_startButton->setEnabled(!live);
    m_pauseButton->setEnabled(live && state != State::Starting);
    m_pauseButton->setText(state == State::Paused ? tr("Resume") : tr("Pause"));
    m_stopButton->setEnabled(live);
}

void ConsumeForm::showError(const QString &text)
{
    QPalette pal = m_error->palette();
    pal.setColor(QPalette::WindowText, errorColour(palette()));
    m_error->setPalette(pal);
    m_error->setText(QStringLiteral("\u26a0 ") + text);
    m_error->show();
}

void ConsumeForm::clearError()
{
    m_error->clear();
    m_error->hide();
}

QString ConsumeForm::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text().mid(2);
}

void ConsumeForm::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && m_startButton->isEnabled()) {
        Q_EMIT startRequested();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace kafdesk
