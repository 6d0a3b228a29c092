#pragma once

#include "drill/failuredrill.h"
#include "lessons/lesson.h"
#include "views/clusterpage.h"
#include "views/navigationtree.h"

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QVBoxLayout;

namespace kafdesk {

class LessonEngine;

// Guided lessons (resources/lessons, lessons/lesson.h): the list on the left; on the right the
// selected lesson's explanation, a button per step with what it did, its check against the live
// cluster, a link to the view where the effect shows, and the same by hand as Kafka command
// lines. Steps and checks run on the LessonEngine's worker: the page never waits.
class LessonsPage : public ClusterPage {
    Q_OBJECT
public:
    // The lesson list's items: the lesson's id, and whether its check has passed (ever).
    enum ItemRole { LessonIdRole = Qt::UserRole, CompletedRole };

    explicit LessonsPage(QWidget *parent = nullptr);
    ~LessonsPage() override;

    void attach(ClusterSession *session, MessageLog *log) override;
    // The bundled cluster that lessons which kill brokers act on; empty: an external cluster.
    void setLocalCluster(const QString &name, const QString &clustersRoot);

    const QList<Lesson> &lessons() const { return m_lessons; }
    void selectLesson(const QString &id);
    QString currentLessonId() const;

    // For tests.
    QListWidget *lessonList() const { return m_list; }
    QPushButton *stepButton(int index) const { return m_stepButtons.value(index); }
    QString stepStatusText(int index) const;
    int stepCount() const { return int(m_stepButtons.size()); }
    QPushButton *checkButton() const { return m_checkButton; }
    QPushButton *showMeButton() const { return m_showMeButton; }
    QString outcomeText() const;
    bool outcomePassed() const { return m_passed; }
    bool isBusy() const;
    QString commandsText() const;
    QString disabledReason() const;

Q_SIGNALS:
    // "Show me" on a page without a topic or group (the window shows it).
    void pageRequested(kafdesk::NavigationTree::Page page);
    // A lesson's drill ended: its report, for the failure drill page.
    void drillReported(const kafdesk::DrillReport &report);

private:
    void showLesson(int row);
    void updateActions();
    void onStepFinished(const QString &lessonId, int index, bool ok, const QString &text);
    void onCheckFinished(const QString &lessonId, bool passed, const QString &text);
    void showMe();
    void markLesson(int row, bool passed);
    const Lesson *current() const;

    QList<Lesson> m_lessons;
    LessonEngine *m_engine;
    QListWidget *m_list;
    QLabel *m_title;
    QLabel *m_text;
    QLabel *m_disabled;
    QVBoxLayout *m_stepsLayout;
    QList<QPushButton *> m_stepButtons;
    QList<QLabel *> m_stepStatus;
    QPushButton *m_checkButton;
    QLabel *m_outcome;
    QPushButton *m_showMeButton;
    QPlainTextEdit *m_commands;
    int m_stepsDone = 0;   // steps of the current lesson done in order, this run
    bool m_passed = false;
    bool m_local = false;
};

} // namespace kafdesk
