#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace kafdesk {

// Errors are data: a clear sentence for people, and the broker's or tool's own text when
// there is one, so the GUI and kafdesk-ctl can show both.
struct Error {
    QString message;
    QString detail;
    bool badInput = false; // refused before anything was sent: the request itself is wrong

    QString fullText() const { return detail.isEmpty() ? message : message + QLatin1Char('\n') + detail; }
};

// A value or an Error (GCC 12 has no std::expected).
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_value(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_value); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_value); }
    T &value() & { return std::get<T>(m_value); }
    T &&value() && { return std::get<T>(std::move(m_value)); }
    const T *operator->() const { return &value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const { return std::get<Error>(m_value); }

private:
    std::variant<T, Error> m_value;
};

struct Done {};
// The result of an operation that returns nothing but may fail.
using Status = Result<Done>;

inline Status ok() { return Done{}; }
inline Error failure(QString message, QString detail = {}) { return Error{std::move(message), std::move(detail)}; }
// What an operation that was cancelled on request returns.
inline Error cancelledError() { return failure(QStringLiteral("Cancelled.")); }

} // namespace kafdesk
