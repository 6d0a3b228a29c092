#include "widgets/nodelogview.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTextBlock>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace kafdesk {

namespace {

constexpr int pollMs = 500;
constexpr int maxHighlights = 2000; // beyond that the count still says how many, the view stays quick
constexpr int maxLines = 20000;     // the document drops its oldest lines beyond this while following

} // namespace

NodeLogView::NodeLogView(QWidget *parent)
    : QWidget(parent)
    , m_node(new QComboBox(this))
    , m_file(new QComboBox(this))
    , m_follow(new QToolButton(this))
    , m_find(new QLineEdit(this))
    , m_previous(new QToolButton(this))
    , m_next(new QToolButton(this))
    , m_findStatus(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_text(new QPlainTextEdit(this))
    , m_empty(new QLabel(this))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("nodeLogView"));
    m_node->setObjectName(QStringLiteral("logNode"));
    m_node->setToolTip(tr("The node whose log shows"));
    m_file->setObjectName(QStringLiteral("logFile"));
    m_file->addItem(QStringLiteral("server.log"), static_cast<int>(File::Server));
    m_file->addItem(QStringLiteral("stdout.log"), static_cast<int>(File::Stdout));
    m_file->setToolTip(tr("server.log: the broker's own log. stdout.log: everything the JVM printed, start-up "
                          "errors included."));
    m_follow->setObjectName(QStringLiteral("logFollow"));
    m_follow->setText(tr("Follow"));
    m_follow->setCheckable(true);
    m_follow->setChecked(true);
    m_follow->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_follow->setToolTip(tr("Show lines as the node writes them"));
    m_find->setObjectName(QStringLiteral("logSearch"));
    m_find->setPlaceholderText(tr("Search the log"));
    m_find->setClearButtonEnabled(true);
    m_find->setMaximumWidth(280);
    m_previous->setArrowType(Qt::UpArrow);
    m_previous->setToolTip(tr("Previous match (Shift+F3)"));
    m_next->setArrowType(Qt::DownArrow);
    m_next->setToolTip(tr("Next match (F3, Enter)"));
    m_findStatus->setMinimumWidth(90);

    m_text->setObjectName(QStringLiteral("logText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setMaximumBlockCount(maxLines);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_empty->setObjectName(QStringLiteral("logEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(m_text);
    m_stack->addWidget(m_empty);

    auto *findNextAction = new QAction(this);
    findNextAction->setShortcut(QKeySequence::FindNext);
    findNextAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(findNextAction);
    auto *findPreviousAction = new QAction(this);
    findPreviousAction->setShortcut(QKeySequence::FindPrevious);
    findPreviousAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(findPreviousAction);
    auto *shiftReturn = new QAction(m_find);
    shiftReturn->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Return));
    shiftReturn->setShortcutContext(Qt::WidgetShortcut);
    m_find->addAction(shiftReturn);

    connect(findNextAction, &QAction::triggered, this, [this] { search(false); });
    connect(findPreviousAction, &QAction::triggered, this, [this] { search(true); });
    connect(shiftReturn, &QAction::triggered, this, [this] { search(true); });
    connect(m_find, &QLineEdit::returnPressed, this, [this] { search(false); });
    connect(m_next, &QToolButton::clicked, this, [this] { search(false); });
    connect(m_previous, &QToolButton::clicked, this, [this] { search(true); });
    connect(m_find, &QLineEdit::textChanged, this, &NodeLogView::highlightMatches);
    connect(m_node, &QComboBox::currentIndexChanged, this, &NodeLogView::reload);
    connect(m_file, &QComboBox::currentIndexChanged, this, &NodeLogView::reload);
    connect(m_follow, &QToolButton::toggled, this, &NodeLogView::setFollowing);
    m_timer->setInterval(pollMs);
    connect(m_timer, &QTimer::timeout, this, &NodeLogView::poll);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("<b>Log</b>"), this);
    bar->addWidget(title);
    bar->addWidget(m_node);
    bar->addWidget(m_file);
    bar->addWidget(m_follow);
    bar->addStretch();
    bar->addWidget(m_find, 1);
    bar->addWidget(m_previous);
    bar->addWidget(m_next);
    bar->addWidget(m_findStatus);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);
    showEmpty(tr("No node to show."));
}

void NodeLogView::setCluster(const ClusterPaths &paths, const QList<int> &nodeIds)
{
    const int current = nodeId();
    QList<int> shown;
    for (int i = 0; i < m_node->count(); ++i)
        shown << m_node->itemData(i).toInt();
    if (paths.dir() == m_paths.dir() && shown == nodeIds)
        return;
    m_paths = paths;
    {
        const QSignalBlocker blocker(m_node);
        m_node->clear();
        for (const int id : nodeIds)
            m_node->addItem(tr("Node %1").arg(id), id);
        const int again = m_node->findData(current);
        m_node->setCurrentIndex(again >= 0 ? again : 0);
    }
    reload();
}

void NodeLogView::showNode(int id, File which)
{
    const int index = m_node->findData(id);
    if (index < 0)
        return;
    const QSignalBlocker nodeBlocker(m_node);
    const QSignalBlocker fileBlocker(m_file);
    m_node->setCurrentIndex(index);
    m_file->setCurrentIndex(m_file->findData(static_cast<int>(which)));
    reload();
}

int NodeLogView::nodeId() const
{
    return m_node->currentIndex() < 0 ? -1 : m_node->currentData().toInt();
}

NodeLogView::File NodeLogView::file() const
{
    return static_cast<File>(m_file->currentData().toInt());
}

QString NodeLogView::filePath() const
{
    if (nodeId() < 0 || m_paths.name().isEmpty())
        return {};
    return file() == File::Server ? m_paths.serverLog(nodeId()) : m_paths.stdoutLog(nodeId());
}

bool NodeLogView::isFollowing() const
{
    return m_follow->isChecked();
}

void NodeLogView::setFollowing(bool follow)
{
    if (m_follow->isChecked() != follow)
        m_follow->setChecked(follow); // comes back here through toggled()
    if (follow && isVisible()) {
        poll();
        m_timer->start();
    } else {
        m_timer->stop();
    }
}

QString NodeLogView::emptyText() const
{
    return m_stack->currentWidget() == m_empty ? m_empty->text() : QString();
}

void NodeLogView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (isFollowing()) {
        poll();
        m_timer->start();
    }
}

void NodeLogView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer->stop();
}

void NodeLogView::showEmpty(const QString &text)
{
    m_text->clear();
    m_empty->setText(text);
    m_stack->setCurrentWidget(m_empty);
    m_position = 0;
    m_decoder.resetState();
    highlightMatches(); // no match in an empty view
}

void NodeLogView::reload()
{
    const QString path = filePath();
    if (path.isEmpty()) {
        showEmpty(tr("No node to show."));
        return;
    }
    QFile f(path);
    if (!f.exists() || f.size() == 0) {
        showEmpty(tr("Node %1 has not written a log yet.\n(%2 %3)")
                      .arg(nodeId())
                      .arg(QFileInfo(path).fileName(), f.exists() ? tr("is empty") : tr("does not exist")));
        return;
    }
    if (!f.open(QIODevice::ReadOnly)) {
        showEmpty(tr("Cannot read %1: %2").arg(path, f.errorString()));
        return;
    }
    const qint64 size = f.size();
    const qint64 from = std::max<qint64>(0, size - tailBytes);
    f.seek(from);
    QByteArray bytes = f.read(size - from);
    if (from > 0) {
        // Started mid-file: begin at the first whole line.
        const qsizetype newline = bytes.indexOf('\n');
        bytes.remove(0, newline < 0 ? 0 : newline + 1);
    }
    m_decoder.resetState();
    m_text->setPlainText(m_decoder(bytes));
    m_position = from + (size - from);
    m_stack->setCurrentWidget(m_text);
    m_text->verticalScrollBar()->setValue(m_text->verticalScrollBar()->maximum());
    highlightMatches();
}

void NodeLogView::poll()
{
    const QString path = filePath();
    if (path.isEmpty())
        return;
    QFile f(path);
    const qint64 size = f.exists() ? f.size() : 0;
    if (m_stack->currentWidget() == m_empty || size < m_position) {
        // A log that appeared, or one rolled over or wiped (reset): read it afresh.
        if (size > 0 || m_stack->currentWidget() != m_empty)
            reload();
        return;
    }
    if (size == m_position)
        return;
    if (size - m_position > tailBytes) {
        reload(); // more than a tail's worth appeared at once: skip to the tail
        return;
    }
    if (!f.open(QIODevice::ReadOnly) || !f.seek(m_position))
        return;
    const QByteArray bytes = f.read(size - m_position);
    m_position += bytes.size();
    appendBytes(bytes);
}

void NodeLogView::appendBytes(const QByteArray &bytes)
{
    QScrollBar *bar = m_text->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 2;
    QTextCursor end(m_text->document());
    end.movePosition(QTextCursor::End);
    end.insertText(m_decoder(bytes));
    if (atEnd) // someone reading further up keeps their place
        bar->setValue(bar->maximum());
    if (!m_find->text().isEmpty())
        highlightMatches();
}

void NodeLogView::highlightMatches()
{
    QList<QTextEdit::ExtraSelection> selections;
    m_matches = 0;
    const QString text = m_find->text();
    if (!text.isEmpty()) {
        QTextCharFormat format;
        format.setBackground(palette().color(QPalette::Highlight).lighter(160));
        QTextCursor c(m_text->document());
        while (!(c = m_text->document()->find(text, c)).isNull()) {
            ++m_matches;
            if (selections.size() < maxHighlights)
                selections << QTextEdit::ExtraSelection{c, format};
        }
    }
    m_text->setExtraSelections(selections);
    m_findStatus->setText(text.isEmpty() ? QString()
                          : m_matches == 0 ? tr("Not found")
                                           : tr("%n match(es)", nullptr, m_matches));
}

bool NodeLogView::findNext(const QString &text, bool backward)
{
    if (m_find->text() != text)
        m_find->setText(text); // highlights every match
    if (text.isEmpty())
        return false;
    const QTextDocument::FindFlags flags = backward ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    if (m_text->find(text, flags))
        return true;
    // Wrap around once.
    QTextCursor c = m_text->textCursor();
    c.movePosition(backward ? QTextCursor::End : QTextCursor::Start);
    m_text->setTextCursor(c);
    return m_text->find(text, flags);
}

void NodeLogView::search(bool backward)
{
    findNext(m_find->text(), backward);
}

} // namespace kafdesk
