#include "widgets/messagedetailview.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace kafdesk {

namespace {

QString sizeText(qsizetype bytes)
{
    return bytes == 1 ? MessageDetailView::tr("1 byte") : MessageDetailView::tr("%1 bytes").arg(QLocale().toString(bytes));
}

QPlainTextEdit *textView(QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setReadOnly(true);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    edit->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return edit;
}

QLabel *noteLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->hide();
    return label;
}

QWidget *page(QWidget *parent, QWidget *main, QLabel *note)
{
    auto *w = new QWidget(parent);
    auto *column = new QVBoxLayout(w);
    column->setContentsMargins(0, 4, 0, 0);
    column->addWidget(main, 1);
    column->addWidget(note);
    return w;
}

// Decodes (a bounded head of) the bytes into the view and the note under it.
void showBytes(QPlainTextEdit *view, QLabel *note, const std::optional<QByteArray> &bytes, Decoder decoder, const QString &what)
{
    if (!bytes) {
        view->setPlainText(QString());
        view->setPlaceholderText(what == QLatin1String("value")
                                     ? MessageDetailView::tr("null: the message has no value (a tombstone)")
                                     : MessageDetailView::tr("null: the message has no key"));
        note->hide();
        return;
    }
    view->setPlaceholderText(bytes->isEmpty() ? MessageDetailView::tr("(empty: 0 bytes)") : QString());
    const QByteArrayView all(*bytes);
    const bool cut = all.size() > MessageDetailView::maxDecodedBytes;
    const Decoded decoded = decode(cut ? all.first(MessageDetailView::maxDecodedBytes) : all, decoder, true);
    view->setPlainText(decoded.text);
    QStringList notes;
    if (decoder == Decoder::Auto && !bytes->isEmpty())
        notes << MessageDetailView::tr("Shown as %1 (auto).").arg(decoderName(decoded.used));
    if (!decoded.error.isEmpty())
        notes << decoded.error;
    if (cut)
        notes << MessageDetailView::tr("Only the first %1 of %2 are shown.")
                     .arg(sizeText(MessageDetailView::maxDecodedBytes), sizeText(all.size()));
    note->setText(notes.join(QLatin1Char(' ')));
    note->setVisible(!notes.isEmpty());
}

} // namespace

MessageDetailView::MessageDetailView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack);

    auto *empty = new QLabel(tr("Select a message to see it in full."), m_stack);
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    empty->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(empty);

    auto *detail = new QWidget(m_stack);
    auto *column = new QVBoxLayout(detail);
    column->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(detail);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(m_summary);

    m_tabs = new QTabWidget(detail);
    m_tabs->setDocumentMode(true);
    m_value = textView(m_tabs);
    m_valueNote = noteLabel(m_tabs);
    m_key = textView(m_tabs);
    m_keyNote = noteLabel(m_tabs);
    m_headers = new QTableWidget(0, 2, m_tabs);
    m_headers->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    m_headers->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->verticalHeader()->hide();
    m_headers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_headers->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_headers->setWordWrap(false);
    m_tabs->addTab(page(m_tabs, m_value, m_valueNote), tr("Value"));
    m_tabs->addTab(page(m_tabs, m_key, m_keyNote), tr("Key"));
    m_tabs->addTab(m_headers, tr("Headers"));
    column->addWidget(m_tabs, 1);
    m_stack->addWidget(detail);
}

void MessageDetailView::setMessage(const Message &message, Decoder keyDecoder, Decoder valueDecoder)
{
    m_message = message;
    m_keyDecoder = keyDecoder;
    m_valueDecoder = valueDecoder;
    refresh();
}

void MessageDetailView::setDecoders(Decoder keyDecoder, Decoder valueDecoder)
{
    m_keyDecoder = keyDecoder;
    m_valueDecoder = valueDecoder;
    if (m_message)
        refresh();
}

void MessageDetailView::clear()
{
    m_message.reset();
    m_stack->setCurrentIndex(0);
}

void MessageDetailView::refresh()
{
    const Message &m = *m_message;
    m_stack->setCurrentIndex(1);
    QString time = tr("none");
    if (m.timestampMs >= 0) {
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(m.timestampMs);
        time = at.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) + QLatin1Char(' ') + at.timeZoneAbbreviation();
        time += QStringLiteral(" \u00b7 ") +
                (m.timestampType == TimestampType::LogAppendTime ? tr("log append time") : tr("create time"));
    }
    auto sizeOf = [](const std::optional<QByteArray> &bytes) { return bytes ? sizeText(bytes->size()) : tr("null"); };
    m_summary->setText(tr("<b>Partition</b> %1 &nbsp; <b>Offset</b> %2<br><b>Timestamp</b> %3<br>"
                          "<b>Key</b> %4 &nbsp; <b>Value</b> %5 &nbsp; <b>Headers</b> %6")
                           .arg(m.partition)
                           .arg(m.offset)
                           .arg(time.toHtmlEscaped(), sizeOf(m.key), sizeOf(m.value))
                           .arg(m.headers.size()));

    showBytes(m_value, m_valueNote, m.value, m_valueDecoder, QStringLiteral("value"));
    showBytes(m_key, m_keyNote, m.key, m_keyDecoder, QStringLiteral("key"));

    m_headers->setRowCount(int(m.headers.size()));
    for (int i = 0; i < m.headers.size(); ++i) {
        const MessageHeader &h = m.headers.at(i);
        m_headers->setItem(i, 0, new QTableWidgetItem(QString::fromUtf8(h.name)));
        auto *value = new QTableWidgetItem(h.value ? preview(*h.value, Decoder::Auto, 500) : tr("null"));
        if (!h.value)
            value->setForeground(palette().brush(QPalette::PlaceholderText));
        else
            value->setToolTip(decode(*h.value, Decoder::Auto, true).text.left(2000));
        m_headers->setItem(i, 1, value);
    }
    m_tabs->setTabText(2, m.headers.isEmpty() ? tr("Headers") : tr("Headers (%1)").arg(m.headers.size()));
}

QString MessageDetailView::valueText() const
{
    return m_value->toPlainText();
}

QString MessageDetailView::keyText() const
{
    return m_key->toPlainText();
}

QString MessageDetailView::summaryText() const
{
    return m_summary->text();
}

QString MessageDetailView::valueNote() const
{
    return m_valueNote->isHidden() ? QString() : m_valueNote->text();
}

} // namespace kafdesk
