#include "widgets/messagebanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

namespace kafdesk {

namespace {

QStyle::StandardPixmap iconFor(LogMessage::Severity severity)
{
    switch (severity) {
    case LogMessage::Severity::Error: return QStyle::SP_MessageBoxCritical;
    case LogMessage::Severity::Warning: return QStyle::SP_MessageBoxWarning;
    case LogMessage::Severity::Info: break;
    }
    return QStyle::SP_MessageBoxInformation;
}

// A tint of the severity's colour over the window colour: readable in light and dark palettes.
QColor tint(const QPalette &palette, LogMessage::Severity severity)
{
    QColor accent;
    switch (severity) {
    case LogMessage::Severity::Error: accent = QColor(0xd0, 0x30, 0x30); break;
    case LogMessage::Severity::Warning: accent = QColor(0xe0, 0xa0, 0x20); break;
    case LogMessage::Severity::Info: accent = palette.color(QPalette::Highlight); break;
    }
    const QColor base = palette.color(QPalette::Window);
    const qreal a = 0.18;
    return QColor::fromRgbF(base.redF() * (1 - a) + accent.redF() * a, base.greenF() * (1 - a) + accent.greenF() * a,
                            base.blueF() * (1 - a) + accent.blueF() * a);
}

} // namespace

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_detailButton(new QToolButton(this))
    , m_logButton(new QToolButton(this))
    , m_closeButton(new QToolButton(this))
    , m_hideTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("messageBanner"));
    setFrameShape(QFrame::StyledPanel);
    setFocusPolicy(Qt::NoFocus);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setObjectName(QStringLiteral("bannerText"));
    m_detailButton->setText(tr("Details"));
    m_detailButton->setCheckable(true);
    m_detailButton->setToolTip(tr("Show the broker's own message"));
    m_logButton->setText(tr("Log"));
    m_logButton->setToolTip(tr("Show every message of this session"));
    m_closeButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_closeButton->setAutoRaise(true);
    m_closeButton->setToolTip(tr("Close"));
    for (QToolButton *b : {m_detailButton, m_logButton, m_closeButton})
        b->setFocusPolicy(Qt::NoFocus);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_detailButton, 0, Qt::AlignTop);
    layout->addWidget(m_logButton, 0, Qt::AlignTop);
    layout->addWidget(m_closeButton, 0, Qt::AlignTop);

    m_hideTimer->setSingleShot(true);
    connect(m_hideTimer, &QTimer::timeout, this, &QWidget::hide);
    connect(m_closeButton, &QToolButton::clicked, this, &QWidget::hide);
    connect(m_logButton, &QToolButton::clicked, this, &MessageBanner::logRequested);
    connect(m_detailButton, &QToolButton::toggled, this, [this](bool on) {
        m_showDetail = on;
        m_hideTimer->stop(); // someone is reading it
        updateText();
    });
    hide();
}

void MessageBanner::showMessage(const LogMessage &message)
{
    m_current = message;
    m_showDetail = false;
    m_detailButton->setChecked(false);
    m_detailButton->setVisible(!message.detail.isEmpty());
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(iconFor(message.severity)).pixmap(size, size));
    updateText();
    update();
    show();
    if (message.transient)
        m_hideTimer->start(transientMs);
    else
        m_hideTimer->stop();
}

void MessageBanner::updateText()
{
    QString html = m_current.text.toHtmlEscaped();
    if (m_showDetail && !m_current.detail.isEmpty())
        html += QStringLiteral("<br><tt>%1</tt>").arg(m_current.detail.toHtmlEscaped().replace(QLatin1Char('\n'),
                                                                                               QStringLiteral("<br>")));
    m_text->setText(html);
}

// Painted from the palette in use now (not a palette of our own, which would keep the tint of the
// palette it was made from when the user switches between light and dark).
void MessageBanner::paintEvent(QPaintEvent *event)
{
    QPainter painter(this);
    painter.fillRect(rect(), tint(palette(), m_current.severity));
    painter.end();
    QFrame::paintEvent(event);
}

} // namespace kafdesk
