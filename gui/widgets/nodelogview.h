#pragma once

#include "local/clusterpaths.h"

#include <QList>
#include <QStringDecoder>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;
class QTimer;
class QToolButton;

namespace kafdesk {

// One node's log file of the bundled cluster: server.log (log4j) or stdout.log (what the JVM
// printed). Shows the file's tail, follows it as it grows (polled every 500 ms while shown),
// searches forward and back with every match highlighted. Reads are bounded (the last 256 KB at
// first, then only the bytes appended since, 256 KB at most per poll) and local: cheap enough for
// the GUI thread, which never waits on anything else here.
class NodeLogView : public QWidget {
    Q_OBJECT
public:
    enum class File { Server, Stdout };
    static constexpr qint64 tailBytes = 256 * 1024;

    explicit NodeLogView(QWidget *parent = nullptr);

    void setCluster(const ClusterPaths &paths, const QList<int> &nodeIds);
    void showNode(int nodeId, File file = File::Server);
    int nodeId() const;
    File file() const;
    QString filePath() const;

    bool isFollowing() const;
    void setFollowing(bool follow);
    // Selects the next (or previous) match of the search text, wrapping around; false if none.
    bool findNext(const QString &text, bool backward = false);
    int matchCount() const { return m_matches; }

    QPlainTextEdit *textView() const { return m_text; }
    // The empty state's sentence, or empty while the file shows.
    QString emptyText() const;
    // Reads what the file appended since the last read (what a poll does).
    void poll();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void reload();
    void appendBytes(const QByteArray &bytes);
    void showEmpty(const QString &text);
    void highlightMatches();
    void search(bool backward);

    ClusterPaths m_paths{QString(), QString()};
    QComboBox *m_node;
    QComboBox *m_file;
    QToolButton *m_follow;
    QLineEdit *m_find;
    QToolButton *m_previous;
    QToolButton *m_next;
    QLabel *m_findStatus;
    QStackedWidget *m_stack;
    QPlainTextEdit *m_text;
    QLabel *m_empty;
    QTimer *m_timer;
    qint64 m_position = 0; // bytes of the file read so far
    QStringDecoder m_decoder{QStringDecoder::Utf8}; // keeps a character split across two reads
    int m_matches = 0;
};

} // namespace kafdesk
