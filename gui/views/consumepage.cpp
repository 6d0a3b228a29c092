#include "views/consumepage.h"

#include "charts/messageratechart.h"
#include "cluster/clustersession.h"
#include "models/messagefiltermodel.h"
#include "models/messagetablemodel.h"
#include "settings.h"
#include "views/consumeexporter.h"
#include "views/consumefilterbar.h"
#include "views/consumeform.h"
#include "views/datatableview.h"
#include "widgets/messagedetailview.h"
#include "widgets/messagelog.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace kafdesk {

namespace {

// The consume pane's own settings (keys and defaults in one place).
const SettingValue<int> &bufferCapacitySetting()
{
    static const SettingValue<int> value(QStringLiteral("consume/bufferCapacity"), int(MessageStore::defaultCapacity));
    return value;
}
const SettingValue<QString> &keyDecoderSetting()
{
    static const SettingValue<QString> value(QStringLiteral("consume/keyDecoder"), QStringLiteral("auto"));
    return value;
}
const SettingValue<QString> &valueDecoderSetting()
{
    static const SettingValue<QString> value(QStringLiteral("consume/valueDecoder"), QStringLiteral("auto"));
    return value;
}

constexpr int minCapacity = 1000;
constexpr int maxCapacity = 10000000;

} // namespace

ConsumePage::ConsumePage(QWidget *parent)
    : ClusterPage(parent), m_model(new MessageTableModel(this)), m_filterModel(new MessageFilterModel(this)),
      m_exporter(new ConsumeExporter(this))
{
    m_filterModel->setMessageModel(m_model);
    auto *layout = new QVBoxLayout(this);

    m_form = new ConsumeForm(this);
    m_form->setDecoders(decoderFromId(keyDecoderSetting().get()).value_or(Decoder::Auto),
                        decoderFromId(valueDecoderSetting().get()).value_or(Decoder::Auto));
    layout->addWidget(m_form);
    connect(m_form, &ConsumeForm::startRequested, this, &ConsumePage::start);
    connect(m_form, &ConsumeForm::pauseResumeRequested, this, &ConsumePage::pauseOrResume);
    connect(m_form, &ConsumeForm::stopRequested, this, &ConsumePage::stop);
    connect(m_form, &ConsumeForm::decodersChanged, this, &ConsumePage::applyDecoders);

    m_filterBar = new ConsumeFilterBar(this);
    layout->addWidget(m_filterBar);
    connect(m_filterBar, &ConsumeFilterBar::filterChanged, m_filterModel, &MessageFilterModel::setFilter);
    connect(m_filterModel, &MessageFilterModel::progressChanged, this, &ConsumePage::updateCounts);

    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->setChildrenCollapsible(false);
    m_split = new QSplitter(Qt::Horizontal, vertical);
    m_split->setChildrenCollapsible(false);
    m_split->addWidget(buildTableArea());
    m_detail = new MessageDetailView(m_split);
    m_detail->setMinimumWidth(260);
    m_split->addWidget(m_detail);
    m_split->setStretchFactor(0, 2);
    m_split->setStretchFactor(1, 1);
    m_split->setSizes({780, 380});
    vertical->addWidget(m_split);
    m_chart = new MessageRateChart(vertical);
    vertical->addWidget(m_chart);
    vertical->setStretchFactor(0, 1);
    vertical->setStretchFactor(1, 0);
    vertical->setSizes({600, 130});
    layout->addWidget(vertical, 1);
    layout->addWidget(buildStatusRow());

    connect(m_model, &MessageTableModel::storeChanged, this, [this] {
        if (!m_statusTimer.isActive())
            updateStatus(); // not reading: show at once (clear, capacity); reading: on the timer
    });
    m_statusTimer.setInterval(statusIntervalMs);
    connect(&m_statusTimer, &QTimer::timeout, this, &ConsumePage::updateStatus);
    connect(m_exporter, &ConsumeExporter::progress, this, [this](qint64 done, qint64 total) {
        m_exportProgress->setMaximum(int(std::max<qint64>(total, 1)));
        m_exportProgress->setValue(int(done));
    });
    connect(m_exporter, &ConsumeExporter::finished, this, [this](const ConsumeExporter::Outcome &outcome) {
        m_exportProgress->hide();
        m_exportCancel->hide();
        updateActions();
        QString message;
        if (outcome.ok) {
            message = tr("Exported %1 messages to %2.").arg(QLocale().toString(outcome.stats.messages), outcome.path);
            if (messageLog())
                messageLog()->info(message);
        } else {
            message = outcome.error.message;
            if (messageLog())
                messageLog()->error(outcome.error, outcome.error.message == cancelledError().message);
        }
        Q_EMIT exportFinished(outcome.ok, message);
    });
    setCapacity(bufferCapacitySetting().get());
    applyDecoders();
    updateStatus();
    updateCounts();
    updateActions();
}

ConsumePage::~ConsumePage()
{
    discardSession();
}

QWidget *ConsumePage::buildTableArea()
{
    auto *area = new QWidget(m_split);
    auto *column = new QVBoxLayout(area);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    m_dropped = new QLabel(area);
    m_dropped->setWordWrap(true);
    m_dropped->setAutoFillBackground(true);
    m_dropped->setBackgroundRole(QPalette::AlternateBase);
    m_dropped->setContentsMargins(6, 4, 6, 4);
    m_dropped->hide();
    column->addWidget(m_dropped);

    m_table = new QTableView(area);
    m_table->setModel(m_filterModel);
    setUpDataTable(m_table, QAbstractItemView::SingleSelection);
    m_table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->setTextElideMode(Qt::ElideRight);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    const QFontMetrics fm = m_table->fontMetrics();
    const int air = 2 * fm.horizontalAdvance(QLatin1Char('M'));
    header->resizeSection(MessageTableModel::PartitionColumn, fm.horizontalAdvance(tr("Partition")) + air);
    header->resizeSection(MessageTableModel::OffsetColumn, fm.horizontalAdvance(QStringLiteral("00000000")) + air);
    header->resizeSection(MessageTableModel::TimestampColumn, fm.horizontalAdvance(QStringLiteral("2026-12-01 14:30:00.000")) + air);
    header->resizeSection(MessageTableModel::KeyColumn, fm.horizontalAdvance(QLatin1Char('x')) * 12 + air);
    header->resizeSection(MessageTableModel::HeadersColumn, fm.horizontalAdvance(tr("Headers")) + air);
    header->setSectionResizeMode(MessageTableModel::ValueColumn, QHeaderView::Stretch);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ConsumePage::showCurrent);
    m_copyValue = new QAction(tr("Copy Value"), m_table);
    m_copyValue->setShortcut(QKeySequence::Copy);
    m_copyValue->setShortcutContext(Qt::WidgetShortcut);
    connect(m_copyValue, &QAction::triggered, this, [this] {
        if (const auto m = currentMessage(); m && m->value)
            QGuiApplication::clipboard()->setText(decode(*m->value, m_form->valueDecoder(), true).text);
    });
    m_copyKey = new QAction(tr("Copy Key"), m_table);
    connect(m_copyKey, &QAction::triggered, this, [this] {
        if (const auto m = currentMessage(); m && m->key)
            QGuiApplication::clipboard()->setText(decode(*m->key, m_form->keyDecoder(), true).text);
    });
    m_copyJson = new QAction(tr("Copy as JSON Line"), m_table);
    connect(m_copyJson, &QAction::triggered, this, [this] {
        if (const auto m = currentMessage()) {
            MessageBatch one;
            one.append(*m);
            QByteArray line;
            appendJsonLine(line, m_readingTopic, one, 0);
            line.chop(1); // the newline
            QGuiApplication::clipboard()->setText(QString::fromUtf8(line));
        }
    });
    m_table->addAction(m_copyValue);
    m_table->installEventFilter(this); // Ctrl+C: the value, not the table's own copy of one cell
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, &ConsumePage::showContextMenu);
    // Dropping the oldest rows shifts the rows under a reader who scrolled up: keep them in place.
    connect(m_filterModel, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex &, int first, int last) {
        QScrollBar *bar = m_table->verticalScrollBar();
        if (first == 0 && bar->value() > 0 && bar->value() < bar->maximum())
            bar->setValue(std::max(0, bar->value() - (last - first + 1)));
    });
    m_empty = new QLabel(m_table->viewport());
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    auto *overlay = new QVBoxLayout(m_table->viewport());
    overlay->addWidget(m_empty);
    column->addWidget(m_table, 1);
    return area;
}

QWidget *ConsumePage::buildStatusRow()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_status = new QLabel(bar);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->addWidget(m_status, 1);

    m_exportProgress = new QProgressBar(bar);
    m_exportProgress->setMaximumWidth(160);
    m_exportProgress->setFormat(tr("Exporting %p%"));
    m_exportProgress->hide();
    row->addWidget(m_exportProgress);
    m_exportCancel = new QToolButton(bar);
    m_exportCancel->setText(tr("Cancel"));
    m_exportCancel->hide();
    connect(m_exportCancel, &QToolButton::clicked, m_exporter, &ConsumeExporter::cancel);
    row->addWidget(m_exportCancel);

    auto *bufferLabel = new QLabel(tr("&Buffer:"), bar);
    m_capacity = new QSpinBox(bar);
    m_capacity->setRange(minCapacity, maxCapacity);
    m_capacity->setSingleStep(10000);
    m_capacity->setGroupSeparatorShown(true);
    m_capacity->setSuffix(tr(" messages"));
    m_capacity->setKeyboardTracking(false);
    m_capacity->setToolTip(tr("How many messages the pane keeps; when it is full, the oldest are dropped"));
    bufferLabel->setBuddy(m_capacity);
    connect(m_capacity, &QSpinBox::valueChanged, this, &ConsumePage::setCapacity);
    row->addWidget(bufferLabel);
    row->addWidget(m_capacity);

    m_clearButton = new QToolButton(bar);
    m_clearButton->setText(tr("Clear"));
    m_clearButton->setToolTip(tr("Empty the buffer (reading goes on)"));
    connect(m_clearButton, &QToolButton::clicked, this, [this] {
        m_model->clear();
        m_detail->clear();
        updateActions();
    });
    row->addWidget(m_clearButton);

    m_exportButton = new QToolButton(bar);
    m_exportButton->setText(tr("Export"));
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_exportButton);
    menu->addAction(tr("Buffer as JSON Lines…"), this, [this] { chooseExportFile(ExportFormat::JsonLines, false); });
    menu->addAction(tr("Buffer as CSV…"), this, [this] { chooseExportFile(ExportFormat::Csv, false); });
    menu->addSeparator();
    m_filteredJson = menu->addAction(tr("Filtered Rows as JSON Lines…"), this, [this] { chooseExportFile(ExportFormat::JsonLines, true); });
    m_filteredCsv = menu->addAction(tr("Filtered Rows as CSV…"), this, [this] { chooseExportFile(ExportFormat::Csv, true); });
    m_exportButton->setMenu(menu);
    row->addWidget(m_exportButton);
    return bar;
}

void ConsumePage::focusFilter()
{
    m_filterBar->patternEdit()->setFocus(Qt::ShortcutFocusReason);
    m_filterBar->patternEdit()->selectAll();
}

void ConsumePage::setTopic(const QString &topic)
{
    m_form->setTopic(topic);
}

QString ConsumePage::topic() const
{
    return m_form->topic();
}

void ConsumePage::showSnapshot(const ClusterSnapshotPtr &snapshot)
{
    m_form->setSnapshot(snapshot);
}

void ConsumePage::applyDecoders()
{
    const Decoder key = m_form->keyDecoder();
    const Decoder value = m_form->valueDecoder();
    m_model->setKeyDecoder(key);
    m_model->setValueDecoder(value);
    m_detail->setDecoders(key, value);
    keyDecoderSetting().set(decoderId(key));
    valueDecoderSetting().set(decoderId(value));
}

void ConsumePage::setCapacity(int capacity)
{
    capacity = std::clamp(capacity, minCapacity, maxCapacity);
    if (m_capacity->value() != capacity) {
        const QSignalBlocker blocker(m_capacity);
        m_capacity->setValue(capacity);
    }
    m_model->setCapacity(capacity);
    if (bufferCapacitySetting().get() != capacity)
        bufferCapacitySetting().set(capacity);
    updateStatus();
}

bool ConsumePage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->matches(QKeySequence::Copy)) {
        m_copyValue->trigger();
        return true;
    }
    return ClusterPage::eventFilter(watched, event);
}

std::optional<Message> ConsumePage::currentMessage() const
{
    const QModelIndex source = m_filterModel->mapToSource(m_table->currentIndex());
    if (!source.isValid())
        return std::nullopt;
    return m_model->message(source.row());
}

void ConsumePage::showContextMenu(const QPoint &pos)
{
    if (!m_table->indexAt(pos).isValid())
        return;
    const std::optional<Message> m = currentMessage();
    m_copyValue->setEnabled(m && m->value);
    m_copyKey->setEnabled(m && m->key);
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addActions({m_copyValue, m_copyKey, m_copyJson});
    menu->popup(m_table->viewport()->mapToGlobal(pos)); // no nested event loop
}

void ConsumePage::showCurrent()
{
    const QModelIndex current = m_table->currentIndex();
    const QModelIndex source = m_filterModel->mapToSource(current);
    if (!source.isValid())
        return; // keep the message shown: it is a copy, still worth reading after it left the buffer
    m_detail->setMessage(m_model->message(source.row()), m_form->keyDecoder(), m_form->valueDecoder());
}

} // namespace kafdesk
