#pragma once

#include "cluster/replicationevent.h"
#include "cluster/replicationhistory.h"
#include "drill/failuredrill.h"
#include "util/result.h"

#include <QMap>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTreeWidget;

namespace kafdesk {

class CommandLinePreview;
class DrillReportModel;

// A finished drill: the verdict (green when Kafka's guarantee held, red with the numbers when
// not), the counts per partition with their totals, the outcome explained in words, the kcat
// lines that check it independently, and beside them what happened meanwhile: the kills, and
// the replication events and markers recorded between start and finish.
class DrillReportView : public QWidget {
    Q_OBJECT
public:
    enum class Verdict { None, Held, Broken, Cancelled };

    explicit DrillReportView(QWidget *parent = nullptr);

    // clientConfig: the connection's (for the kcat lines: bootstrap.servers and security options).
    void setReport(const DrillReport &report, const QMap<QString, QString> &clientConfig);
    // What happened during the drill, from the window's history: only what lies between the
    // report's start and finish, and concerns the drill's topic or a broker, is shown.
    void setHistory(const QList<ReplicationEvent> &events, const QList<TimelineMarker> &markers);
    void clear();

    bool hasReport() const { return m_hasReport; }
    const DrillReport &report() const { return m_report; }
    Verdict verdict() const { return m_verdict; }
    QString verdictText() const;
    QString explanationText() const; // the paragraphs as plain text
    QString kcatCommand() const;
    DrillReportModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QTreeWidget *killTree() const { return m_kills; }
    QTreeWidget *eventTree() const { return m_events; }
    QPushButton *saveButton() const { return m_save; }

    // JSON (a name ending in .json) or plain text (anything else).
    Status saveReport(const QString &path) const;
    QString reportText() const;

    // The lines that count and check the topic with kcat, an independent client.
    static QString kcatLines(const QString &topic, const QMap<QString, QString> &clientConfig);

Q_SIGNALS:
    // After "Save report…": where it went, or why it could not.
    void reportSaved(const QString &path);
    void saveFailed(const kafdesk::Error &error);

private:
    void showVerdict();
    void fitTable();
    void chooseFileAndSave();

    DrillReport m_report;
    bool m_hasReport = false;
    Verdict m_verdict = Verdict::None;
    QMap<QString, QString> m_clientConfig;
    QStringList m_shownHistory; // what the event list shows, to skip rebuilding it unchanged

    QLabel *m_verdictLabel = nullptr;
    QLabel *m_summary = nullptr;
    DrillReportModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_explanation = nullptr;
    CommandLinePreview *m_kcat = nullptr;
    QTreeWidget *m_kills = nullptr;
    QTreeWidget *m_events = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace kafdesk
