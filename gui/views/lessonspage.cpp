#include "views/lessonspage.h"

#include "cluster/clustersession.h"
#include "lessons/lessonengine.h"
#include "settings.h"
#include "widgets/messagelog.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMetaEnum>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace kafdesk {

namespace {

QStringList pageNames()
{
    const QMetaEnum e = QMetaEnum::fromType<NavigationTree::Page>();
    QStringList names;
    for (int i = 0; i < e.keyCount(); ++i)
        if (e.value(i) != int(NavigationTree::Page::None))
            names << QString::fromLatin1(e.key(i));
    return names;
}

NavigationTree::Page pageNamed(const QString &name)
{
    bool ok = false;
    const int value = QMetaEnum::fromType<NavigationTree::Page>().keyToValue(name.toLatin1().constData(), &ok);
    return ok ? NavigationTree::Page(value) : NavigationTree::Page::None;
}

QPixmap blankPixmap()
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    return pixmap;
}

QPixmap tick(const QColor &colour)
{
    QPixmap pixmap = blankPixmap();
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(colour, 2.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawPolyline(QPolygonF({QPointF(3, 8.5), QPointF(6.5, 12), QPointF(13, 4)}));
    return pixmap;
}

// Green on the list, in the highlighted text's colour on the selected row (green on blue is lost).
QIcon doneIcon(const QPalette &palette)
{
    QIcon icon(tick(QColor(0x2e, 0x9d, 0x4d)));
    icon.addPixmap(tick(palette.color(QPalette::HighlightedText)), QIcon::Selected);
    return icon;
}

QLabel *wrappingLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

LessonsPage::LessonsPage(QWidget *parent)
    : ClusterPage(parent)
    , m_engine(new LessonEngine(this))
    , m_list(new QListWidget(this))
    , m_title(new QLabel(this))
    , m_text(wrappingLabel(this))
    , m_disabled(wrappingLabel(this))
    , m_stepsLayout(new QVBoxLayout)
    , m_checkButton(new QPushButton(tr("Check"), this))
    , m_outcome(wrappingLabel(this))
    , m_showMeButton(new QPushButton(this))
    , m_commands(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("lessonsPage"));
    m_list->setObjectName(QStringLiteral("lessonList"));
    // Whole titles, wrapped: a learner picks by them.
    m_list->setWordWrap(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setSpacing(2);
    m_list->setFixedWidth(260);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_disabled->setStyleSheet(QStringLiteral("color: palette(highlight);"));
    m_outcome->setObjectName(QStringLiteral("lessonOutcome"));
    m_showMeButton->setObjectName(QStringLiteral("lessonShowMe"));
    m_checkButton->setObjectName(QStringLiteral("lessonCheck"));
    m_commands->setReadOnly(true);
    m_commands->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_commands->setMaximumHeight(150);
    // A command line wrapped at its hyphens reads as two; it scrolls instead.
    m_commands->setLineWrapMode(QPlainTextEdit::NoWrap);

    auto *detail = new QWidget(this);
    auto *d = new QVBoxLayout(detail);
    d->setContentsMargins(12, 0, 0, 0);
    d->addWidget(m_title);
    d->addWidget(m_text);
    d->addWidget(m_disabled);
    d->addSpacing(6);
    auto *stepsTitle = new QLabel(tr("<b>Do it</b>"), this);
    d->addWidget(stepsTitle);
    d->addLayout(m_stepsLayout);
    auto *checkRow = new QHBoxLayout;
    checkRow->addWidget(m_checkButton);
    checkRow->addWidget(m_outcome, 1);
    d->addLayout(checkRow);
    auto *seeRow = new QHBoxLayout;
    seeRow->addWidget(m_showMeButton);
    seeRow->addStretch(1);
    d->addLayout(seeRow);
    d->addSpacing(6);
    d->addWidget(new QLabel(tr("<b>The same by hand</b>"), this));
    d->addWidget(m_commands);
    d->addStretch(1);

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_list);
    layout->addWidget(detail, 1);

    auto loaded = loadLessons({}, pageNames());
    if (loaded) {
        m_lessons = loaded.value();
    } else {
        m_disabled->setText(loaded.error().fullText());
    }
    const QStringList completed = settings::completedLessons().get();
    for (int i = 0; i < m_lessons.size(); ++i) {
        auto *item = new QListWidgetItem(m_list);
        item->setData(LessonIdRole, m_lessons.at(i).id);
        markLesson(i, completed.contains(m_lessons.at(i).id));
    }
    connect(m_list, &QListWidget::currentRowChanged, this, &LessonsPage::showLesson);
    connect(m_engine, &LessonEngine::stepStarted, this, [this](const QString &id, int index) {
        if (current() && current()->id == id)
            m_stepStatus.value(index)->setText(tr("Working…"));
        updateActions();
    });
    connect(m_engine, &LessonEngine::stepFinished, this, &LessonsPage::onStepFinished);
    connect(m_engine, &LessonEngine::checkFinished, this, &LessonsPage::onCheckFinished);
    connect(m_engine, &LessonEngine::drillReported, this, &LessonsPage::drillReported);
    connect(m_checkButton, &QPushButton::clicked, this, [this] {
        if (const Lesson *lesson = current(); lesson && m_engine->runCheck(*lesson))
            m_outcome->setText(tr("Checking…"));
        updateActions();
    });
    connect(m_showMeButton, &QPushButton::clicked, this, &LessonsPage::showMe);
    if (!m_lessons.isEmpty())
        m_list->setCurrentRow(0);
    updateActions();
}

LessonsPage::~LessonsPage() = default;

void LessonsPage::attach(ClusterSession *session, MessageLog *log)
{
    ClusterPage::attach(session, log);
    m_engine->setConnection(session ? session->settings() : ConnectionSettings{});
    m_stepsDone = 0;
    showLesson(m_list->currentRow());
}

void LessonsPage::setLocalCluster(const QString &name, const QString &clustersRoot)
{
    m_local = !name.isEmpty();
    m_engine->setLocalCluster(name, clustersRoot);
    updateActions();
}

const Lesson *LessonsPage::current() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < m_lessons.size() ? &m_lessons.at(row) : nullptr;
}

void LessonsPage::selectLesson(const QString &id)
{
    for (int i = 0; i < m_lessons.size(); ++i)
        if (m_lessons.at(i).id == id)
            m_list->setCurrentRow(i);
}

QString LessonsPage::currentLessonId() const
{
    return current() ? current()->id : QString();
}

void LessonsPage::showLesson(int row)
{
    qDeleteAll(m_stepButtons);
    qDeleteAll(m_stepStatus);
    m_stepButtons.clear();
    m_stepStatus.clear();
    while (QLayoutItem *item = m_stepsLayout->takeAt(0))
        delete item;
    m_stepsDone = 0;
    m_passed = false;
    m_outcome->clear();
    if (row < 0 || row >= m_lessons.size())
        return;
    const Lesson &lesson = m_lessons.at(row);
    m_title->setText(lessonText(lesson.title));
    QString html;
    for (const QString &p : lesson.paragraphs)
        html += QStringLiteral("<p>%1</p>").arg(lessonText(p).toHtmlEscaped());
    m_text->setText(html);
    for (int i = 0; i < lesson.steps.size(); ++i) {
        auto *button = new QPushButton(QStringLiteral("%1. %2").arg(i + 1).arg(lessonText(lesson.steps.at(i).label)), this);
        button->setObjectName(QStringLiteral("lessonStep%1").arg(i));
        auto *status = wrappingLabel(this);
        auto *row2 = new QHBoxLayout;
        row2->addWidget(button);
        row2->addWidget(status, 1);
        m_stepsLayout->addLayout(row2);
        m_stepButtons << button;
        m_stepStatus << status;
        connect(button, &QPushButton::clicked, this, [this, i] {
            const Lesson *l = current();
            if (!l || m_engine->isBusy())
                return;
            if (i == 0) { // a fresh run: the lesson's reset goes first
                m_stepsDone = 0;
                for (QLabel *s : std::as_const(m_stepStatus))
                    s->clear();
                m_outcome->clear();
                m_passed = false;
            }
            m_engine->runStep(*l, i);
            updateActions();
        });
    }
    m_showMeButton->setText(lesson.see.label.isEmpty() ? tr("Show me") : lessonText(lesson.see.label));
    // One width for the buttons, so what each step did lines up in one column.
    QList<QPushButton *> buttons = m_stepButtons;
    buttons << m_checkButton << m_showMeButton;
    int width = 0;
    for (QPushButton *b : std::as_const(buttons)) {
        b->setMinimumWidth(0);
        width = std::max(width, b->sizeHint().width());
    }
    for (QPushButton *b : std::as_const(buttons))
        b->setMinimumWidth(width);
    // One bootstrap server is enough for a command line, and keeps it readable.
    const QString bootstrap = session() ? session()->settings().clientConfig.value(QStringLiteral("bootstrap.servers"))
                                              .section(QLatin1Char(','), 0, 0).trimmed()
                                        : QStringLiteral("localhost:9092");
    QStringList commands;
    for (const QString &c : lesson.commands)
        commands << QString(c).replace(QLatin1String("{bootstrap}"), bootstrap);
    m_commands->setPlainText(commands.join(QLatin1Char('\n')));
    updateActions();
}

QString LessonsPage::disabledReason() const
{
    const Lesson *lesson = current();
    if (!lesson)
        return {};
    if (!session())
        return tr("Connect to a cluster to run this lesson (Local cluster starts the bundled one).");
    if (isReadOnly())
        return readOnlyReason();
    if (lesson->needsLocalCluster && !m_local)
        return tr("This lesson kills a broker, so it runs only on the bundled local cluster, not on %1.")
            .arg(session()->settings().name);
    return {};
}

bool LessonsPage::isBusy() const
{
    return m_engine->isBusy();
}

void LessonsPage::updateActions()
{
    const QString reason = disabledReason();
    m_disabled->setText(reason);
    m_disabled->setVisible(!reason.isEmpty());
    const bool can = reason.isEmpty() && !m_engine->isBusy();
    for (int i = 0; i < m_stepButtons.size(); ++i) {
        // Steps build on each other: each one opens once the one before it worked.
        m_stepButtons.at(i)->setEnabled(can && i <= m_stepsDone);
        m_stepButtons.at(i)->setToolTip(reason);
    }
    m_checkButton->setEnabled(can);
    m_checkButton->setToolTip(reason);
    m_showMeButton->setEnabled(session() != nullptr);
    // The local cluster panel exists only for the bundled cluster.
    if (const Lesson *lesson = current())
        m_showMeButton->setVisible(!lesson->see.page.isEmpty() &&
                                   (lesson->see.page != QLatin1String("LocalCluster") || m_local));
}

void LessonsPage::onStepFinished(const QString &lessonId, int index, bool ok, const QString &text)
{
    if (current() && current()->id == lessonId) {
        if (QLabel *status = m_stepStatus.value(index))
            status->setText(ok ? QStringLiteral("✔ ") + text : QStringLiteral("✘ ") + text);
        if (ok)
            m_stepsDone = std::max(m_stepsDone, index + 1);
        if (!ok && messageLog())
            messageLog()->error(failure(text));
    }
    updateActions();
}

void LessonsPage::onCheckFinished(const QString &lessonId, bool passed, const QString &text)
{
    if (current() && current()->id == lessonId) {
        m_passed = passed;
        QString shown = (passed ? QStringLiteral("✔ ") : QStringLiteral("✘ ")) + text;
        if (!passed && !current()->hint.isEmpty())
            shown += QLatin1Char(' ') + lessonText(current()->hint);
        m_outcome->setText(shown);
        m_outcome->setStyleSheet(passed ? QStringLiteral("color: #2e9d4d; font-weight: bold;")
                                        : QStringLiteral("color: #c0392b;"));
        if (passed)
            markLesson(m_list->currentRow(), true);
    }
    updateActions();
}

void LessonsPage::markLesson(int row, bool passed)
{
    QListWidgetItem *item = m_list->item(row);
    if (!item || row >= m_lessons.size())
        return;
    if (passed && !item->data(CompletedRole).toBool()) {
        item->setData(CompletedRole, true);
        QStringList completed = settings::completedLessons().get();
        if (!completed.contains(m_lessons.at(row).id))
            settings::completedLessons().set(completed << m_lessons.at(row).id);
    }
    const bool done = item->data(CompletedRole).toBool();
    // Numbered, and ticked once its check has passed (an empty icon keeps the others aligned).
    item->setText(QStringLiteral("%1. %2").arg(row + 1).arg(lessonText(m_lessons.at(row).title)));
    item->setIcon(done ? doneIcon(m_list->palette()) : QIcon(blankPixmap()));
}

QString LessonsPage::stepStatusText(int index) const
{
    const QLabel *status = m_stepStatus.value(index);
    return status ? status->text() : QString();
}

QString LessonsPage::outcomeText() const
{
    return m_outcome->text();
}

QString LessonsPage::commandsText() const
{
    return m_commands->toPlainText();
}

void LessonsPage::showMe()
{
    const Lesson *lesson = current();
    if (!lesson)
        return;
    const NavigationTree::Page page = pageNamed(lesson->see.page);
    const QString &topic = lesson->see.topic;
    if (page == NavigationTree::Page::Consume && !topic.isEmpty())
        Q_EMIT consumeRequested(topic);
    else if (page == NavigationTree::Page::GroupLab && !topic.isEmpty())
        Q_EMIT groupLabRequested(topic);
    else if (page == NavigationTree::Page::TopicDetail && !topic.isEmpty())
        Q_EMIT topicActivated(topic);
    else if (page == NavigationTree::Page::GroupDetail && !lesson->see.group.isEmpty())
        Q_EMIT groupActivated(lesson->see.group);
    else if (page != NavigationTree::Page::None)
        Q_EMIT pageRequested(page);
}

} // namespace kafdesk
