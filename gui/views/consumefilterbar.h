#pragma once

#include "messages/messagefilter.h"

#include <QTimer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace kafdesk {

// The filter over the consume buffer: a pattern, substring or regular expression, case, and the
// fields it looks at (key, value, headers), plus the "12,345 of 1,000,000 match" count. A changed
// filter is compiled after a short pause in typing; one that does not compile (a bad regular
// expression) is shown as such and not applied. GUI thread only.
class ConsumeFilterBar : public QWidget {
    Q_OBJECT
public:
    static constexpr int typingPauseMs = 200;

    explicit ConsumeFilterBar(QWidget *parent = nullptr);

    MessageFilterSpec spec() const;
    void setSpec(const MessageFilterSpec &spec);
    // Compiles and emits now (no typing pause).
    void applyNow();
    QString errorText() const;
    void setCounts(qsizetype matches, qsizetype scanned, qsizetype total, bool filtering);
    QString countText() const;

    QLineEdit *patternEdit() const { return m_pattern; }
    QCheckBox *regexBox() const { return m_regex; }
    QCheckBox *caseBox() const { return m_case; }
    QCheckBox *keyBox() const { return m_key; }
    QCheckBox *valueBox() const { return m_value; }
    QCheckBox *headersBox() const { return m_headers; }

Q_SIGNALS:
    void filterChanged(const kafdesk::MessageFilter &filter);

private:
    void compile();

    QLineEdit *m_pattern = nullptr;
    QCheckBox *m_regex = nullptr;
    QCheckBox *m_case = nullptr;
    QCheckBox *m_key = nullptr;
    QCheckBox *m_value = nullptr;
    QCheckBox *m_headers = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_error = nullptr;
    QTimer m_typing;
    MessageFilterSpec m_applied;
};

} // namespace kafdesk
