#include "views/welcomepage.h"

#include "local/kafkadistribution.h"
#include "widgets/appicon.h"
#include "widgets/centredcolumn.h"

#include <QCommandLinkButton>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStyle>
#include <QtConcurrent>
#include <QToolButton>
#include <QVBoxLayout>

namespace kafdesk {

namespace {

QString fetchScript()
{
    return QStringLiteral("scripts/fetch-kafka-jars.sh");
}

// A command as the user types it: in a fixed-width font when the text is rich.
QString command(const QString &text, bool rich)
{
    return rich ? QStringLiteral("<code>%1</code>")
                      .arg(text.toHtmlEscaped().replace(QLatin1Char(' '), QStringLiteral("&nbsp;")))
                : text;
}

// A choice on a rounded panel in the palette's base colour, so the two choices read as two things
// to pick, in light and dark palettes alike.
class Card : public QWidget {
public:
    using QWidget::QWidget;

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(palette().color(QPalette::Mid));
        painter.setBrush(palette().color(QPalette::Base));
        painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);
    }
};

QString path(const QString &text, bool rich)
{
    return rich ? text.toHtmlEscaped() : text;
}

} // namespace

LocalPrerequisites LocalPrerequisites::check()
{
    LocalPrerequisites found;
    found.javaFromEnv = !qEnvironmentVariable("KAFDESK_JAVA").trimmed().isEmpty();
    found.jarsDir = qEnvironmentVariable("KAFDESK_KAFKA_JARS").trimmed();
    found.jarsFromEnv = !found.jarsDir.isEmpty();
    const auto java = KafkaDistribution::findJava();
    found.javaFound = java.ok();
    found.javaDetail = java ? java.value() : java.error().fullText();
    const auto jars = KafkaDistribution::findJars();
    found.jarsFound = jars.ok();
    found.jarsDetail = jars ? jars.value() : jars.error().fullText();
    return found;
}

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
    , m_start(new QCommandLinkButton(this))
    , m_connect(new QCommandLinkButton(this))
    , m_lessons(new QCommandLinkButton(this))
    , m_problem(new QLabel(this))
    , m_problemIcon(new QLabel(this))
    , m_checkAgain(new QPushButton(tr("Check Again"), this))
    , m_profilesTitle(new QLabel(tr("Saved connections"), this))
    , m_profiles(new QWidget(this))
    , m_profilesLayout(new QVBoxLayout(m_profiles))
{
    setObjectName(QStringLiteral("welcomePage"));
    auto *icon = new QLabel(this);
    icon->setObjectName(QStringLiteral("welcomeIcon"));
    icon->setPixmap(appicon::plain().pixmap(QSize(96, 96), devicePixelRatioF()));
    icon->setAlignment(Qt::AlignCenter);

    auto *heading = new QLabel(tr("Welcome to Kafdesk"), this);
    heading->setObjectName(QStringLiteral("welcomeHeading"));
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    heading->setFont(big);
    heading->setAlignment(Qt::AlignCenter);
    auto *intro = new QLabel(tr("A desktop console for Apache Kafka. Where would you like to begin?"), this);
    intro->setAlignment(Qt::AlignCenter);
    intro->setWordWrap(true);

    m_start->setObjectName(QStringLiteral("welcomeStart"));
    m_start->setDescription(tr("Real Apache Kafka brokers on this computer, started for you: a safe place to try "
                               "things, and to stop or kill a broker and watch what Kafka does."));
    m_start->setEnabled(false); // until the check has found Java and the jars
    setBrokerCount(m_brokers);
    m_lessons->setObjectName(QStringLiteral("welcomeLessons"));
    m_lessons->setText(tr("Learn Kafka with guided lessons"));
    m_lessons->setDescription(tr("Partitions, keys, consumer groups, leaders and failover: do each step on the "
                                 "local cluster and see what Kafka does."));
    m_lessons->setEnabled(false); // the lessons run on the local cluster, like Start
    m_connect->setObjectName(QStringLiteral("welcomeConnect"));
    m_connect->setText(tr("Connect to a cluster"));
    m_connect->setDescription(tr("Open a saved connection or add one: bootstrap servers, TLS and SASL, with "
                                 "passwords kept in the system keychain."));

    m_problem->setObjectName(QStringLiteral("welcomeProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::RichText);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse); // the command can be copied
    m_problemIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(16, 16));
    m_problemIcon->hide();
    m_checkAgain->setObjectName(QStringLiteral("welcomeCheckAgain"));
    m_checkAgain->hide();
    // What goes under a choice lines up with the choice's own description.
    const int indent = m_start->icon().actualSize(m_start->iconSize()).width() + 13;
    auto *problemRow = new QHBoxLayout;
    problemRow->setContentsMargins(indent - 20, 0, 0, 0);
    problemRow->addWidget(m_problemIcon, 0, Qt::AlignTop);
    problemRow->addWidget(m_problem, 1);
    problemRow->addWidget(m_checkAgain, 0, Qt::AlignTop);

    m_profilesTitle->setObjectName(QStringLiteral("welcomeProfilesTitle"));
    QFont bold = font();
    bold.setBold(true);
    m_profilesTitle->setFont(bold);
    m_profilesLayout->setContentsMargins(0, 0, 0, 0);
    m_profilesLayout->setSpacing(0);
    auto *profilesBox = new QVBoxLayout;
    profilesBox->setContentsMargins(indent, 4, 0, 0);
    profilesBox->setSpacing(2);
    profilesBox->addWidget(m_profilesTitle);
    profilesBox->addWidget(m_profiles);
    m_profilesTitle->hide();

    auto *startCard = new Card(this);
    auto *startLayout = new QVBoxLayout(startCard);
    startLayout->setContentsMargins(6, 6, 6, 6);
    startLayout->addWidget(m_start);
    startLayout->addLayout(problemRow);
    startLayout->addWidget(m_lessons);
    auto *connectCard = new Card(this);
    auto *connectLayout = new QVBoxLayout(connectCard);
    connectLayout->setContentsMargins(6, 6, 6, 6);
    connectLayout->addWidget(m_connect);
    connectLayout->addLayout(profilesBox);

    // A centred column, as on the status page: wrapped labels get the column's width.
    QVBoxLayout *columnLayout = addCentredColumn(this, 600);
    columnLayout->addWidget(icon);
    columnLayout->addSpacing(8);
    columnLayout->addWidget(heading);
    columnLayout->addWidget(intro);
    columnLayout->addSpacing(20);
    columnLayout->addWidget(startCard);
    columnLayout->addSpacing(12);
    columnLayout->addWidget(connectCard);

    connect(m_start, &QCommandLinkButton::clicked, this, &WelcomePage::startLocalRequested);
    connect(m_connect, &QCommandLinkButton::clicked, this, &WelcomePage::connectRequested);
    connect(m_lessons, &QCommandLinkButton::clicked, this, &WelcomePage::lessonsRequested);
    connect(m_checkAgain, &QPushButton::clicked, this, &WelcomePage::recheck);
    connect(&m_watcher, &QFutureWatcher<LocalPrerequisites>::finished, this, [this] {
        m_checking = false;
        showPrerequisites(m_watcher.result());
        if (m_checkPending) {
            m_checkPending = false;
            recheck();
        }
    });
    recheck();
}

WelcomePage::~WelcomePage() = default; // a running check touches nothing of the page

void WelcomePage::setBrokerCount(int brokers)
{
    m_brokers = brokers;
    m_start->setText(tr("Start a local cluster (%n brokers)", nullptr, brokers));
}

void WelcomePage::setProfileNames(const QStringList &names)
{
    while (QLayoutItem *item = m_profilesLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    constexpr int shown = 5;
    for (const QString &name : names.mid(0, shown)) {
        // A tool button is as wide as its text (a push button has a minimum width): the names line up.
        auto *link = new QToolButton(m_profiles);
        link->setText(name);
        link->setObjectName(QStringLiteral("welcomeProfile"));
        link->setAutoRaise(true);
        link->setToolButtonStyle(Qt::ToolButtonTextOnly);
        link->setCursor(Qt::PointingHandCursor);
        link->setToolTip(tr("Connect to %1").arg(name));
        link->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
        connect(link, &QToolButton::clicked, this, [this, name] { Q_EMIT profileRequested(name); });
        m_profilesLayout->addWidget(link, 0, Qt::AlignLeft);
    }
    if (names.size() > shown) {
        auto *more = new QLabel(tr("and %n more in Connections…", nullptr, int(names.size() - shown)), m_profiles);
        more->setContentsMargins(4, 2, 4, 2);
        m_profilesLayout->addWidget(more);
    }
    m_profilesTitle->setVisible(!names.isEmpty());
    m_profiles->setVisible(!names.isEmpty());
    colourLinks();
}

void WelcomePage::colourLinks()
{
    for (auto *link : m_profiles->findChildren<QToolButton *>()) {
        QPalette p = palette();
        p.setColor(QPalette::ButtonText, p.color(QPalette::Link));
        link->setPalette(p);
    }
}

void WelcomePage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        colourLinks();
}

void WelcomePage::recheck()
{
    if (m_checking) {
        m_checkPending = true;
        return;
    }
    m_checking = true;
    if (!m_checkedOnce)
        m_problem->setText(tr("Looking for Java and the Kafka broker jars…"));
    m_watcher.setFuture(QtConcurrent::run(&LocalPrerequisites::check));
}

void WelcomePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Shown again (after a disconnect, say): the user may have installed what was missing.
    if (m_checkedOnce)
        recheck();
}

QStringList WelcomePage::problems() const
{
    return m_problems;
}

QStringList WelcomePage::problemSentences(const LocalPrerequisites &found, bool rich)
{
    QStringList sentences;
    if (!found.javaFound) {
        if (found.javaFromEnv)
            sentences << tr("Java is not where KAFDESK_JAVA points: install Java 17 with %1, or correct KAFDESK_JAVA.")
                             .arg(command(javaInstallCommand(), rich));
        else
            sentences << tr("Java 17 is missing: install it with %1.").arg(command(javaInstallCommand(), rich));
    }
    if (!found.jarsFound) {
        if (found.jarsFromEnv)
            sentences << tr("The Kafka broker jars are missing from %1, where KAFDESK_KAFKA_JARS points: unset it and "
                            "install them with %2, or run %3 from the Kafdesk source tree.")
                             .arg(path(found.jarsDir, rich), command(jarsInstallCommand(), rich),
                                  command(fetchScript(), rich));
        else
            sentences << tr("The Kafka broker jars are missing: install them with %1, or run %2 from the Kafdesk "
                            "source tree.")
                             .arg(command(jarsInstallCommand(), rich), command(fetchScript(), rich));
    }
    return sentences;
}

void WelcomePage::showPrerequisites(const LocalPrerequisites &found)
{
    m_found = found;
    m_checkedOnce = true;
    const QStringList plain = problemSentences(found, false);
    const QStringList rich = problemSentences(found, true);
    m_problems = plain;
    m_problem->setText(rich.join(QStringLiteral("<br>")));
    m_problem->setVisible(!rich.isEmpty());
    m_problemIcon->setVisible(!rich.isEmpty());
    QStringList details;
    if (!found.javaFound)
        details << found.javaDetail;
    if (!found.jarsFound)
        details << found.jarsDetail;
    m_problem->setToolTip(details.join(QLatin1Char('\n')));
    m_checkAgain->setVisible(!found.ok());
    updateStartButton();
    Q_EMIT checked(found);
}

void WelcomePage::updateStartButton()
{
    m_start->setEnabled(m_found.ok());
    m_start->setToolTip(m_found.ok() ? tr("Start the bundled cluster, or open it if it runs already")
                                     : m_problems.join(QLatin1Char(' ')));
    m_lessons->setEnabled(m_found.ok());
    m_lessons->setToolTip(m_found.ok() ? tr("Start the bundled cluster and open the lessons")
                                       : m_problems.join(QLatin1Char(' ')));
}

} // namespace kafdesk
