#include "widgets/commandlinepreview.h"

#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QTextOption>
#include <QTextBlock>
#include <QTextLayout>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace kafdesk {

namespace {

const QString continuation = QStringLiteral(" \\");
const QString indent = QStringLiteral("    ");

// The words of a shell line as commands::shellJoin writes them: split at spaces outside single
// quotes; a backslash outside quotes escapes the next character ('\'' inside a quoted word).
QStringList shellWords(const QString &line)
{
    QStringList words;
    QString word;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (!quoted && c == QLatin1Char('\\') && i + 1 < line.size()) {
            word += c;
            word += line.at(++i);
            continue;
        }
        if (c == QLatin1Char('\''))
            quoted = !quoted;
        if (c == QLatin1Char(' ') && !quoted) {
            if (!word.isEmpty())
                words << word;
            word.clear();
            continue;
        }
        word += c;
    }
    if (!word.isEmpty())
        words << word;
    return words;
}

// Options with the values that follow them; the tool's name starts the first group; "&&" is a group of its own.
QStringList optionGroups(const QStringList &words)
{
    QStringList groups;
    for (const QString &w : words) {
        const bool starts = groups.isEmpty() || w.startsWith(QLatin1Char('-')) || w == QLatin1String("&&") ||
                            groups.constLast() == QLatin1String("&&");
        if (starts)
            groups << w;
        else
            groups.last() += QLatin1Char(' ') + w;
    }
    return groups;
}

} // namespace

CommandLinePreview::CommandLinePreview(QWidget *parent)
    : QWidget(parent)
    , m_text(new QPlainTextEdit(this))
    , m_copy(new QPushButton(tr("Copy"), this))
{
    m_text->setObjectName(QStringLiteral("commandText"));
    m_text->setReadOnly(true);
    m_text->setTabChangesFocus(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth); // only for a word longer than a line
    m_text->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_text->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setAccessibleName(tr("Equivalent command line"));
    setVisibleLines(4);
    m_text->installEventFilter(this);

    m_copy->setObjectName(QStringLiteral("copyCommand"));
    m_copy->setAutoDefault(false);
    m_copy->setToolTip(tr("Copy the command line to the clipboard"));
    m_copy->setEnabled(false);
    // Wide enough for "Copied" as well, so the button does not jump.
    m_copy->setMinimumWidth(
        std::max(m_copy->sizeHint().width(), m_copy->fontMetrics().horizontalAdvance(tr("Copied")) + 24));
    connect(m_copy, &QPushButton::clicked, this, &CommandLinePreview::copy);

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_copy);
    buttons->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text, 1);
    layout->addLayout(buttons);
}

void CommandLinePreview::setCommand(const QString &command)
{
    if (command == m_command)
        return;
    m_command = command;
    m_copy->setEnabled(!command.isEmpty());
    reflow();
}

QString CommandLinePreview::displayedText() const
{
    return m_text->toPlainText();
}

QString CommandLinePreview::layOut(const QString &command, int columns)
{
    if (command.contains(QLatin1Char('\n')))
        return command;
    const int width = std::max(columns, 24) - static_cast<int>(continuation.size());
    QStringList lines;
    QString line;
    // An option whose value does not fit on a line of its own is split from its value.
    QStringList groups;
    for (const QString &group : optionGroups(shellWords(command))) {
        if (indent.size() + group.size() > width)
            groups << shellWords(group);
        else
            groups << group;
    }
    for (const QString &group : std::as_const(groups)) {
        if (group == QLatin1String("&&")) {
            lines << line + QStringLiteral(" &&");
            line.clear();
        } else if (line.isEmpty()) {
            line = lines.isEmpty() || lines.constLast().endsWith(QLatin1String("&&")) ? group : indent + group;
        } else if (line.size() + 1 + group.size() <= width) {
            line += QLatin1Char(' ') + group;
        } else {
            lines << line + continuation;
            line = indent + group;
        }
    }
    if (!line.isEmpty())
        lines << line;
    return lines.join(QLatin1Char('\n'));
}

bool CommandLinePreview::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_text && event->type() == QEvent::Resize)
        reflow();
    return QWidget::eventFilter(watched, event);
}

void CommandLinePreview::reflow()
{
    // Fractional: a fixed font's advance is rarely a whole number of pixels.
    const qreal charWidth = std::max<qreal>(1.0, QFontMetricsF(m_text->font()).horizontalAdvance(QLatin1Char('M')));
    const int documentMargin = 8; // QTextDocument's default 4 on each side
    // From the box's own width, always leaving room for a vertical scroll bar: the layout must
    // not depend on whether the bar is shown, or the bar coming and going would re-lay it out.
    const int scrollBar = m_text->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_text);
    const int columns =
        static_cast<int>((m_text->width() - 2 * m_text->frameWidth() - documentMargin - scrollBar) / charWidth);
    const QString text = layOut(m_command, columns);
    if (text == m_text->toPlainText())
        return;
    m_text->setPlainText(text);
    fitHeight();
}

void CommandLinePreview::setPlaceholder(const QString &text)
{
    m_text->setPlaceholderText(text);
}

void CommandLinePreview::setVisibleLines(int lines)
{
    m_minLines = std::max(1, lines);
    fitHeight();
}

void CommandLinePreview::fitHeight()
{
    // As tall as the command, between the minimum and a few lines more; it scrolls beyond that.
    const int maxLines = m_minLines + 4;
    // Lines as shown: a word longer than the width (a long bootstrap list) wraps onto more.
    int lines = 0;
    for (QTextBlock block = m_text->document()->begin(); block.isValid(); block = block.next()) {
        const QTextLayout *layout = block.layout();
        lines += layout && layout->lineCount() > 0 ? layout->lineCount() : 1;
    }
    m_text->setVerticalScrollBarPolicy(lines > maxLines ? Qt::ScrollBarAsNeeded : Qt::ScrollBarAlwaysOff);
    const int shown = std::clamp(lines, m_minLines, maxLines);
    const QMargins margins = m_text->contentsMargins();
    const int documentMargin = 2 * 4; // QTextDocument's default margin, top and bottom
    m_text->setFixedHeight(QFontMetrics(m_text->font()).lineSpacing() * shown + 2 * m_text->frameWidth() +
                           documentMargin + margins.top() + margins.bottom());
}

void CommandLinePreview::copy()
{
    if (m_command.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(m_command);
    m_copy->setText(tr("Copied"));
    const int generation = ++m_copyGeneration;
    QTimer::singleShot(1500, this, [this, generation] {
        if (generation == m_copyGeneration)
            m_copy->setText(tr("Copy"));
    });
    Q_EMIT copied(m_command);
}

} // namespace kafdesk
