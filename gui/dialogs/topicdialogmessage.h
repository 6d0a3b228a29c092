#pragma once

#include <QString>
#include <QWidget>

class QFormLayout;
class QLabel;

namespace kafdesk {

// One inline message in a topic dialog: a validation problem under its field, a warning, or the
// broker's answer to a request. The style's icon (named for screen readers) says what kind it is,
// so it reads without colour; the broker's own text goes under Kafdesk's sentence. Hidden while empty.
class TopicDialogMessage : public QWidget {
    Q_OBJECT
public:
    enum class Kind { Info, Warning, Error, Success };

    explicit TopicDialogMessage(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text, const QString &detail = {});
    void clear();

    Kind kind() const { return m_kind; }
    QString text() const { return m_textValue; }
    QString detail() const { return m_detailValue; }
    bool isEmpty() const { return m_textValue.isEmpty(); }

    // Adds the message as a row of its own under a form's fields; the row is there only while
    // the message shows, so an empty message leaves no gap.
    void addToForm(QFormLayout *form);

Q_SIGNALS:
    void shownChanged(bool shown);

private:
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QLabel *m_detail = nullptr;
    Kind m_kind = Kind::Info;
    QString m_textValue;
    QString m_detailValue;
};

} // namespace kafdesk
