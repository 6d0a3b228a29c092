#pragma once

#include <QDateTime>
#include <QWidget>

#include <optional>

class QLineEdit;
class QToolButton;

namespace kafdesk {

// Where to start reading by time: typed text (local time "2026-12-01 14:30", ISO 8601 with a zone,
// "-15m" / "-2h" / "-1d" before now, or epoch milliseconds) or picked from a calendar with a time.
// What the text means is shown in its tooltip; text that does not parse says so. GUI thread only.
class ConsumeDateTimeField : public QWidget {
    Q_OBJECT
public:
    explicit ConsumeDateTimeField(QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text);
    void setDateTime(const QDateTime &dateTime);
    // The parsed date-time, or nullopt (error() says why).
    std::optional<QDateTime> dateTime() const;
    QString error() const;
    QLineEdit *lineEdit() const { return m_edit; }

    // Every format the field accepts; `now` anchors the relative ones.
    static std::optional<QDateTime> parse(const QString &text, const QDateTime &now = QDateTime::currentDateTime());
    static QString formatsHint();

Q_SIGNALS:
    void changed();

private:
    void showPicker();
    void updateHint();

    QLineEdit *m_edit = nullptr;
    QToolButton *m_pick = nullptr;
};

} // namespace kafdesk
