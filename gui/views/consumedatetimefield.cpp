#include "views/consumedatetimefield.h"

#include <QCalendarWidget>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QTimeEdit>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWidgetAction>

namespace kafdesk {

namespace {

const QString displayFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss");

} // namespace

ConsumeDateTimeField::ConsumeDateTimeField(QWidget *parent) : QWidget(parent)
{
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(2);
    m_edit = new QLineEdit(this);
    m_edit->setPlaceholderText(tr("2026-12-01 14:30, -15m, …"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setMinimumWidth(m_edit->fontMetrics().horizontalAdvance(QStringLiteral("2026-12-01 14:30:00.000")) + 36);
    row->addWidget(m_edit, 1);
    m_pick = new QToolButton(this);
    m_pick->setText(tr("Pick…"));
    m_pick->setToolTip(tr("Choose a date and time from a calendar"));
    row->addWidget(m_pick);
    connect(m_pick, &QToolButton::clicked, this, &ConsumeDateTimeField::showPicker);
    connect(m_edit, &QLineEdit::textChanged, this, [this] {
        updateHint();
        Q_EMIT changed();
    });
    setDateTime(QDateTime::currentDateTime().addSecs(-3600));
}

QString ConsumeDateTimeField::text() const
{
    return m_edit->text();
}

void ConsumeDateTimeField::setText(const QString &text)
{
    m_edit->setText(text);
}

void ConsumeDateTimeField::setDateTime(const QDateTime &dateTime)
{
    m_edit->setText(dateTime.toLocalTime().toString(displayFormat));
}

std::optional<QDateTime> ConsumeDateTimeField::dateTime() const
{
    return parse(m_edit->text());
}

QString ConsumeDateTimeField::formatsHint()
{
    return tr("Use local time such as 2026-12-01 14:30 or 2026-12-01 14:30:15.250, ISO 8601 with a zone such as "
              "2026-12-01T13:30:00Z, a time before now such as -15m, -2h or -1d, or milliseconds since the epoch.");
}

QString ConsumeDateTimeField::error() const
{
    const QString t = m_edit->text().trimmed();
    if (t.isEmpty())
        return tr("Enter the date-time to start reading at. %1").arg(formatsHint());
    if (!dateTime())
        return tr("The date-time \"%1\" does not parse. %2").arg(t, formatsHint());
    return {};
}

std::optional<QDateTime> ConsumeDateTimeField::parse(const QString &input, const QDateTime &now)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    if (text.compare(QLatin1String("now"), Qt::CaseInsensitive) == 0)
        return now;
    static const QRegularExpression relative(QStringLiteral("^-\\s*(\\d{1,9})\\s*(s|sec|m|min|h|d)$"),
                                             QRegularExpression::CaseInsensitiveOption);
    if (const auto m = relative.match(text); m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        const QString unit = m.captured(2).toLower();
        const qint64 seconds = unit.startsWith(QLatin1Char('s')) ? n
                               : unit.startsWith(QLatin1Char('m')) ? n * 60
                               : unit == QLatin1String("h")        ? n * 3600
                                                                   : n * 86400;
        return now.addSecs(-seconds);
    }
    static const QRegularExpression epochMs(QStringLiteral("^\\d{11,15}$"));
    if (epochMs.match(text).hasMatch())
        return QDateTime::fromMSecsSinceEpoch(text.toLongLong());
    // Local "yyyy-MM-dd HH:mm[:ss[.zzz]]" is ISO 8601 with a space for the T; no zone is local time.
    QString iso = text;
    static const QRegularExpression dateSpaceTime(QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})\\s+(\\d)"));
    iso.replace(dateSpaceTime, QStringLiteral("\\1T\\2"));
    static const QRegularExpression dateOnly(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (dateOnly.match(iso).hasMatch())
        iso += QStringLiteral("T00:00:00");
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}([.,]\\d{1,3})?)?(Z|[+-]\\d{2}:?\\d{2})?$"));
    if (!shape.match(iso).hasMatch())
        return std::nullopt;
    const QDateTime parsed = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!parsed.isValid())
        return std::nullopt;
    return parsed;
}

void ConsumeDateTimeField::updateHint()
{
    const std::optional<QDateTime> at = dateTime();
    if (at) {
        m_edit->setToolTip(tr("Start at the first message at or after %1 (%2 UTC).")
                               .arg(at->toLocalTime().toString(QStringLiteral("ddd yyyy-MM-dd HH:mm:ss.zzt")),
                                    at->toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))));
    } else {
        m_edit->setToolTip(error());
    }
}

void ConsumeDateTimeField::showPicker()
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    auto *panel = new QWidget(menu);
    auto *column = new QVBoxLayout(panel);
    auto *calendar = new QCalendarWidget(panel);
    auto *time = new QTimeEdit(panel);
    time->setDisplayFormat(QStringLiteral("HH:mm:ss"));
    const QDateTime current = dateTime().value_or(QDateTime::currentDateTime()).toLocalTime();
    calendar->setSelectedDate(current.date());
    time->setTime(current.time());
    auto *set = new QPushButton(tr("Use This Time"), panel);
    set->setDefault(true);
    column->addWidget(calendar);
    auto *row = new QHBoxLayout;
    row->addWidget(time, 1);
    row->addWidget(set);
    column->addLayout(row);
    auto *action = new QWidgetAction(menu);
    action->setDefaultWidget(panel);
    menu->addAction(action);
    connect(set, &QPushButton::clicked, menu, [this, menu, calendar, time] {
        setDateTime(QDateTime(calendar->selectedDate(), time->time()));
        menu->close();
    });
    menu->popup(m_pick->mapToGlobal(QPoint(0, m_pick->height())));
}

} // namespace kafdesk
