#include "views/consumefilterbar.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QVBoxLayout>

namespace kafdesk {

ConsumeFilterBar::ConsumeFilterBar(QWidget *parent) : QWidget(parent)
{
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    auto *row = new QHBoxLayout;
    m_pattern = new QLineEdit(this);
    m_pattern->setPlaceholderText(tr("Filter messages (Ctrl+F)"));
    m_pattern->setClearButtonEnabled(true);
    m_pattern->setToolTip(tr("Shows the messages whose key, value or headers contain this text (or match this "
                             "regular expression). Nothing typed here is ever run."));
    auto *clear = new QAction(m_pattern);
    clear->setShortcut(Qt::Key_Escape);
    clear->setShortcutContext(Qt::WidgetShortcut);
    connect(clear, &QAction::triggered, m_pattern, &QLineEdit::clear);
    m_pattern->addAction(clear);
    row->addWidget(m_pattern, 3);

    m_regex = new QCheckBox(tr("Regex"), this);
    m_regex->setToolTip(tr("Treat the filter as a regular expression (Perl-compatible syntax)"));
    m_case = new QCheckBox(tr("Match case"), this);
    m_key = new QCheckBox(tr("Key"), this);
    m_value = new QCheckBox(tr("Value"), this);
    m_headers = new QCheckBox(tr("Headers"), this);
    m_headers->setToolTip(tr("Header names and values"));
    m_key->setChecked(true);
    m_value->setChecked(true);
    for (QCheckBox *box : {m_regex, m_case}) {
        row->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &ConsumeFilterBar::applyNow);
    }
    auto *in = new QLabel(tr("in"), this);
    in->setForegroundRole(QPalette::PlaceholderText);
    row->addSpacing(6);
    row->addWidget(in);
    for (QCheckBox *box : {m_key, m_value, m_headers}) {
        row->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &ConsumeFilterBar::applyNow);
    }
    m_count = new QLabel(this);
    m_count->setForegroundRole(QPalette::PlaceholderText);
    m_count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_count->setMinimumWidth(m_count->fontMetrics().horizontalAdvance(QStringLiteral("10,000,000 of 10,000,000 match (99%)")));
    row->addWidget(m_count, 1);
    column->addLayout(row);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->hide();
    column->addWidget(m_error);

    m_typing.setSingleShot(true);
    m_typing.setInterval(typingPauseMs);
    connect(&m_typing, &QTimer::timeout, this, &ConsumeFilterBar::compile);
    connect(m_pattern, &QLineEdit::textChanged, &m_typing, qOverload<>(&QTimer::start));
}

MessageFilterSpec ConsumeFilterBar::spec() const
{
    MessageFilterSpec s;
    s.pattern = m_pattern->text();
    s.regularExpression = m_regex->isChecked();
    s.caseSensitive = m_case->isChecked();
    s.fields = (m_key->isChecked() ? MessageFilterSpec::Key : 0) | (m_value->isChecked() ? MessageFilterSpec::Value : 0) |
               (m_headers->isChecked() ? MessageFilterSpec::Headers : 0);
    return s;
}

void ConsumeFilterBar::setSpec(const MessageFilterSpec &s)
{
    const QSignalBlocker blockers[] = {QSignalBlocker(m_regex), QSignalBlocker(m_case), QSignalBlocker(m_key),
                                       QSignalBlocker(m_value), QSignalBlocker(m_headers)};
    m_regex->setChecked(s.regularExpression);
    m_case->setChecked(s.caseSensitive);
    m_key->setChecked(s.fields & MessageFilterSpec::Key);
    m_value->setChecked(s.fields & MessageFilterSpec::Value);
    m_headers->setChecked(s.fields & MessageFilterSpec::Headers);
    m_pattern->setText(s.pattern);
    applyNow();
}

void ConsumeFilterBar::applyNow()
{
    m_typing.stop();
    compile();
}

void ConsumeFilterBar::compile()
{
    const MessageFilterSpec s = spec();
    const Result<MessageFilter> filter = MessageFilter::create(s);
    if (!filter) {
        QPalette pal = m_error->palette();
        pal.setColor(QPalette::WindowText, palette().color(QPalette::Window).lightness() < 128 ? QColor(255, 120, 110)
                                                                                               : QColor(190, 30, 30));
        m_error->setPalette(pal);
        m_error->setText(QStringLiteral("\u26a0 ") + filter.error().message + QLatin1Char(' ') +
                         tr("The previous filter stays applied."));
        m_error->show();
        return;
    }
    m_error->hide();
    m_error->clear();
    // Nothing changes when only the fields or options of an empty filter did.
    if (s == m_applied || (s.pattern.isEmpty() && m_applied.pattern.isEmpty())) {
        m_applied = s;
        return;
    }
    m_applied = s;
    Q_EMIT filterChanged(filter.value());
}

QString ConsumeFilterBar::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text().mid(2);
}

void ConsumeFilterBar::setCounts(qsizetype matches, qsizetype scanned, qsizetype total, bool filtering)
{
    const QLocale locale;
    if (!filtering) {
        m_count->setText(total == 1 ? tr("1 message") : tr("%1 messages").arg(locale.toString(total)));
    } else if (scanned < total) {
        m_count->setText(tr("%1 of %2 match so far (%3% checked)")
                             .arg(locale.toString(matches), locale.toString(total))
                             .arg(total > 0 ? scanned * 100 / total : 100));
    } else {
        m_count->setText(tr("%1 of %2 match").arg(locale.toString(matches), locale.toString(total)));
    }
}

QString ConsumeFilterBar::countText() const
{
    return m_count->text();
}

} // namespace kafdesk
