#include "dialogs/topicdialogmessage.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QStyle>

namespace kafdesk {

namespace {

QStyle::StandardPixmap pixmapOf(TopicDialogMessage::Kind kind)
{
    switch (kind) {
    case TopicDialogMessage::Kind::Info:
    case TopicDialogMessage::Kind::Success:
        return QStyle::SP_MessageBoxInformation;
    case TopicDialogMessage::Kind::Warning:
        return QStyle::SP_MessageBoxWarning;
    case TopicDialogMessage::Kind::Error:
        return QStyle::SP_MessageBoxCritical;
    }
    return QStyle::SP_MessageBoxInformation;
}

QString spokenKind(TopicDialogMessage::Kind kind)
{
    switch (kind) {
    case TopicDialogMessage::Kind::Info:
        return TopicDialogMessage::tr("Note");
    case TopicDialogMessage::Kind::Success:
        return TopicDialogMessage::tr("Done");
    case TopicDialogMessage::Kind::Warning:
        return TopicDialogMessage::tr("Warning");
    case TopicDialogMessage::Kind::Error:
        return TopicDialogMessage::tr("Error");
    }
    return {};
}

} // namespace

TopicDialogMessage::TopicDialogMessage(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_detail(new QLabel(this))
{
    for (QLabel *label : {m_text, m_detail}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    }
    m_text->setObjectName(QStringLiteral("messageText"));
    m_detail->setObjectName(QStringLiteral("messageDetail"));
    // The broker's own words, set apart from Kafdesk's sentence.
    QFont detailFont = m_detail->font();
    detailFont.setItalic(true);
    m_detail->setFont(detailFont);
    m_icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(6);
    layout->setVerticalSpacing(2);
    layout->addWidget(m_icon, 0, 0, 2, 1, Qt::AlignTop);
    layout->addWidget(m_text, 0, 1);
    layout->addWidget(m_detail, 1, 1);
    layout->setColumnStretch(1, 1);
    setVisible(false);
}

void TopicDialogMessage::showMessage(Kind kind, const QString &text, const QString &detail)
{
    if (text.isEmpty()) {
        clear();
        return;
    }
    m_kind = kind;
    m_textValue = text;
    m_detailValue = detail;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(pixmapOf(kind), nullptr, this).pixmap(size, size));
    m_icon->setAccessibleName(spokenKind(kind));
    m_text->setText(text);
    m_detail->setText(detail);
    m_detail->setVisible(!detail.isEmpty());
    setAccessibleName(spokenKind(kind) + QStringLiteral(": ") + text);
    const bool was = !isHidden();
    setVisible(true);
    if (!was)
        Q_EMIT shownChanged(true);
}

void TopicDialogMessage::clear()
{
    m_textValue.clear();
    m_detailValue.clear();
    m_text->clear();
    m_detail->clear();
    const bool was = !isHidden();
    setVisible(false);
    if (was)
        Q_EMIT shownChanged(false);
}

void TopicDialogMessage::addToForm(QFormLayout *form)
{
    form->addRow(static_cast<QWidget *>(nullptr), this);
    form->setRowVisible(this, !isHidden());
    connect(this, &TopicDialogMessage::shownChanged, form,
            [this, form](bool shown) { form->setRowVisible(this, shown); });
}

} // namespace kafdesk
