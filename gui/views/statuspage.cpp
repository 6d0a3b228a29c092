#include "views/statuspage.h"

#include "widgets/centredcolumn.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace kafdesk {

StatusPage::StatusPage(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_text(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_primary(new QPushButton(this))
    , m_secondary(new QPushButton(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("statusPage"));
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setObjectName(QStringLiteral("statusTitle"));
    m_text->setObjectName(QStringLiteral("statusText"));
    for (QLabel *l : {m_title, m_text}) {
        l->setAlignment(Qt::AlignCenter);
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setFixedWidth(360);
    m_primary->setObjectName(QStringLiteral("statusPrimary"));
    m_primary->setDefault(true);
    m_secondary->setObjectName(QStringLiteral("statusSecondary"));
    m_cancel->setObjectName(QStringLiteral("statusCancel"));

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_primary);
    buttons->addWidget(m_secondary);
    buttons->addWidget(m_cancel);
    buttons->addStretch();
    QVBoxLayout *columnLayout = addCentredColumn(this, 640);
    columnLayout->addWidget(m_icon);
    columnLayout->addWidget(m_title);
    columnLayout->addWidget(m_progress, 0, Qt::AlignHCenter);
    columnLayout->addWidget(m_text);
    columnLayout->addSpacing(8);
    columnLayout->addLayout(buttons);
    m_icon->setAlignment(Qt::AlignCenter);

    connect(m_primary, &QPushButton::clicked, this, &StatusPage::primaryClicked);
    connect(m_secondary, &QPushButton::clicked, this, &StatusPage::secondaryClicked);
    connect(m_cancel, &QPushButton::clicked, this, &StatusPage::cancelClicked);
    showMessage({}, {}, {});
}

void StatusPage::setMode(Mode mode)
{
    m_mode = mode;
    m_progress->setVisible(mode == Mode::Progress);
    m_cancel->setVisible(mode == Mode::Progress);
    m_icon->setVisible(mode == Mode::Error);
    if (mode == Mode::Error)
        m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(48, 48));
}

void StatusPage::showMessage(const QString &title, const QString &text, const QString &primary,
                             const QString &secondary)
{
    setMode(Mode::Message);
    m_title->setText(title);
    m_text->setText(text);
    m_primary->setText(primary);
    m_primary->setVisible(!primary.isEmpty());
    m_secondary->setText(secondary);
    m_secondary->setVisible(!secondary.isEmpty());
}

void StatusPage::showProgress(const QString &title, bool cancellable)
{
    setMode(Mode::Progress);
    m_title->setText(title);
    m_text->clear();
    m_primary->hide();
    m_secondary->hide();
    m_cancel->setEnabled(cancellable);
}

void StatusPage::setProgressText(const QString &text)
{
    m_text->setText(text);
}

void StatusPage::showError(const Error &error, const QString &retryText)
{
    setMode(Mode::Error);
    m_title->setText(error.message);
    QString html;
    if (!error.detail.isEmpty())
        html = QStringLiteral("<tt>%1</tt>").arg(error.detail.toHtmlEscaped().replace(QLatin1Char('\n'),
                                                                                      QStringLiteral("<br>")));
    m_text->setText(html);
    m_primary->setText(retryText);
    m_primary->setVisible(!retryText.isEmpty());
    m_secondary->setText(tr("Connections…"));
    m_secondary->show();
}

QString StatusPage::title() const
{
    return m_title->text();
}

QString StatusPage::text() const
{
    return m_text->text();
}

} // namespace kafdesk
