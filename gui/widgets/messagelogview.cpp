#include "widgets/messagelogview.h"

#include "widgets/messagelog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kafdesk {

MessageLogView::MessageLogView(MessageLog *log, QWidget *parent)
    : QWidget(parent)
    , m_log(log)
    , m_list(new QTreeWidget(this))
{
    m_list->setObjectName(QStringLiteral("messageLogList"));
    m_list->setHeaderLabels({tr("Time"), tr("Message")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(false);
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);
    auto *clear = new QPushButton(tr("Clear"), this);
    connect(clear, &QPushButton::clicked, m_log, &MessageLog::clear);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(clear);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_list);
    layout->addLayout(buttons);

    for (const LogMessage &m : log->messages())
        append(m);
    connect(log, &MessageLog::posted, this, &MessageLogView::append);
    connect(log, &MessageLog::cleared, m_list, &QTreeWidget::clear);
}

int MessageLogView::rowCount() const
{
    return m_list->topLevelItemCount();
}

void MessageLogView::append(const LogMessage &message)
{
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    if (message.severity == LogMessage::Severity::Error)
        icon = QStyle::SP_MessageBoxCritical;
    else if (message.severity == LogMessage::Severity::Warning)
        icon = QStyle::SP_MessageBoxWarning;
    QString text = message.text;
    if (!message.detail.isEmpty())
        text += QLatin1Char('\n') + message.detail;
    auto *item = new QTreeWidgetItem({message.at.toString(QStringLiteral("HH:mm:ss")), text});
    item->setIcon(0, style()->standardIcon(icon));
    item->setToolTip(1, text);
    item->setToolTip(0, QLocale().toString(message.at, QLocale::LongFormat));
    if (m_list->topLevelItemCount() >= MessageLog::maxMessages)
        delete m_list->takeTopLevelItem(0);
    m_list->addTopLevelItem(item);
    m_list->scrollToItem(item);
}

} // namespace kafdesk
