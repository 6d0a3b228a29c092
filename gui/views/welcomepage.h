#pragma once

#include <QFutureWatcher>
#include <QString>
#include <QStringList>
#include <QWidget>

class QCommandLinkButton;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace kafdesk {

// What the local cluster needs on this computer, as found by a check off the GUI thread.
struct LocalPrerequisites {
    bool javaFound = false;
    bool javaFromEnv = false; // KAFDESK_JAVA chose it (and it is wrong when !javaFound)
    bool jarsFound = false;
    bool jarsFromEnv = false; // KAFDESK_KAFKA_JARS chose them
    QString javaDetail;       // the check's own words, for the tooltip
    QString jarsDetail;
    QString jarsDir; // the directory KAFDESK_KAFKA_JARS names, when it does

    bool ok() const { return javaFound && jarsFound; }
    // KafkaDistribution::findJava() and findJars(): reads files only, but on a worker thread all the same.
    static LocalPrerequisites check();
};

// The page shown while no cluster is open: the application's icon and two choices, "Start a local
// cluster (3 brokers)" and "Connect to a cluster", with the saved connections under the second.
// Before the first choice can be taken, a check on a worker thread looks for Java and the Kafka
// broker jars; what is missing is said in one sentence with the command that installs it, and
// the Start button stays disabled with that reason.
class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);
    ~WelcomePage() override;

    void setBrokerCount(int brokers);
    // Names of saved connection profiles, shown as one-click links (at most a handful).
    void setProfileNames(const QStringList &names);
    // Runs the check again (the page also does at construction, and when it is shown again).
    void recheck();

    bool isChecking() const { return m_checking; }
    const LocalPrerequisites &prerequisites() const { return m_found; }
    // The sentences that say what is missing (plain text), or empty when nothing is.
    QStringList problems() const;
    QCommandLinkButton *startButton() const { return m_start; }
    QCommandLinkButton *connectButton() const { return m_connect; }
    QCommandLinkButton *lessonsButton() const { return m_lessons; }

    // What is missing, one sentence for Java and one for the jars, each with the command that
    // installs it; rich text puts the commands in a fixed-width font.
    static QStringList problemSentences(const LocalPrerequisites &found, bool rich);
    static QString javaInstallCommand() { return QStringLiteral("sudo apt install openjdk-17-jre-headless"); }
    static QString jarsInstallCommand() { return QStringLiteral("sudo apt install kafdesk-kafka"); }

Q_SIGNALS:
    void startLocalRequested();
    // The local cluster, then the guided lessons on it.
    void lessonsRequested();
    void connectRequested();
    void profileRequested(const QString &name);
    void checked(const kafdesk::LocalPrerequisites &found);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void showPrerequisites(const LocalPrerequisites &found);
    void updateStartButton();
    void colourLinks(); // the saved connections in the palette's link colour

    QCommandLinkButton *m_start;
    QCommandLinkButton *m_connect;
    QCommandLinkButton *m_lessons;
    QLabel *m_problem;
    QLabel *m_problemIcon;
    QPushButton *m_checkAgain;
    QLabel *m_profilesTitle;
    QWidget *m_profiles;
    QVBoxLayout *m_profilesLayout;
    QFutureWatcher<LocalPrerequisites> m_watcher;
    LocalPrerequisites m_found;
    QStringList m_problems;
    int m_brokers = 3;
    bool m_checkedOnce = false;
    bool m_checking = false;     // from recheck() until its result is shown
    bool m_checkPending = false; // asked again while a check ran
};

} // namespace kafdesk
