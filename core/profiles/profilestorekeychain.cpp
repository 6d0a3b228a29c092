#include "profiles/profilestore.h"

#include <qt6keychain/keychain.h>
#include <QTimer>

// The keychain side of ProfileStore: QtKeychain jobs, run in order and reported once per batch.

namespace kafdesk {

namespace {

// A key no profile can have (profile keys are "<name>/<field>").
const QString probeKey = QStringLiteral("kafdesk-probe");

QString fieldLabel(const QString &field)
{
    if (field == QLatin1String("password"))
        return QStringLiteral("password");
    if (field == QLatin1String("keyPassword"))
        return QStringLiteral("key password");
    if (field == QLatin1String("pkcs12Password"))
        return QStringLiteral("PKCS#12 password");
    return QStringLiteral("secret %1").arg(field.section(QLatin1Char('/'), 1));
}

// With this backend every failure is OtherError, whatever the cause: a failure that is not about
// the entry means the keychain itself did not answer.
bool meansUnreachable(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::OtherError:
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return true;
    default:
        return false;
    }
}

} // namespace

QString ProfileStore::keychainProblem() const
{
    if (m_keychainState != KeychainState::Unavailable)
        return {};
    return QStringLiteral("No keychain is reachable (%1): the password will be asked each time.")
        .arg(m_keychainProblem);
}

Error ProfileStore::keychainError(const KeychainOutcome &outcome) const
{
    if (outcome.unreachable)
        return failure(QStringLiteral("No keychain is reachable (%1): the password will be asked each time.")
                           .arg(outcome.problem));
    return failure(QStringLiteral("The keychain refused the request: the password will be asked."), outcome.problem);
}

void ProfileStore::setKeychainState(KeychainState state, const QString &problem)
{
    if (state == KeychainState::Unavailable)
        m_keychainProblem = problem;
    else
        m_keychainProblem.clear();
    if (state == m_keychainState)
        return;
    m_keychainState = state;
    Q_EMIT keychainStateChanged(state);
}

void ProfileStore::checkKeychain()
{
    // A read is not enough: a secrets service without a login collection reads "not found" but
    // cannot store anything. Writing and deleting an entry of no value shows that it can.
    runKeychain({KeychainOp{KeychainOp::Kind::Write, probeKey, QStringLiteral("probe")},
                 KeychainOp{KeychainOp::Kind::Delete, probeKey, {}}},
                [this](const KeychainOutcome &) { Q_EMIT keychainChecked(keychainAvailable()); });
}

void ProfileStore::loadSecrets(const QString &name)
{
    const Result<ConnectionProfile> loaded = load(name);
    if (!loaded) {
        const Error error = loaded.error();
        QMetaObject::invokeMethod(
            this, [this, name, error] { Q_EMIT secretsFailed(name, error); }, Qt::QueuedConnection);
        return;
    }
    const QStringList fields = secretFields(name);
    QList<KeychainOp> ops;
    for (const QString &field : fields)
        ops << KeychainOp{KeychainOp::Kind::Read, entryKey(name, field), {}};
    const ConnectionProfile profile = loaded.value();
    runKeychain(ops, [this, name, fields, profile](const KeychainOutcome &outcome) {
        if (!outcome.problem.isEmpty()) {
            Q_EMIT secretsFailed(name, keychainError(outcome));
            return;
        }
        ConnectionProfile full = profile;
        QStringList missing;
        for (const QString &field : fields) {
            const QString key = entryKey(name, field);
            if (outcome.read.contains(key))
                full.setSecret(field, outcome.read.value(key));
            else
                missing << fieldLabel(field);
        }
        if (!missing.isEmpty()) {
            // A locked keyring answers "not found" too.
            Q_EMIT secretsFailed(name, failure(QStringLiteral("The keychain holds no %1 for the profile \"%2\" (or it "
                                                              "is locked): it will be asked.")
                                                   .arg(missing.join(QStringLiteral(", ")), name)));
            return;
        }
        Q_EMIT secretsLoaded(name, full);
    });
}

void ProfileStore::runKeychain(const QList<KeychainOp> &ops, Completion done)
{
    struct Run {
        KeychainOutcome outcome;
        qsizetype remaining = 0;
        bool finished = false;
        bool answered = false;
        Completion done;
        QTimer *timer = nullptr;
    };
    auto run = std::make_shared<Run>();
    run->done = std::move(done);
    run->remaining = ops.size();
    if (ops.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [run] { run->done(run->outcome); }, Qt::QueuedConnection);
        return;
    }
    // The state follows the whole batch: after a failed write, the delete of the same entry
    // "succeeds" on a keychain that cannot store anything.
    const auto finish = [this, run] {
        run->finished = true;
        run->timer->stop();
        run->timer->deleteLater();
        if (run->outcome.unreachable)
            setKeychainState(KeychainState::Unavailable, run->outcome.problem);
        else if (run->answered)
            setKeychainState(KeychainState::Available, {});
        run->done(run->outcome);
    };
    run->timer = new QTimer(this);
    run->timer->setSingleShot(true);
    connect(run->timer, &QTimer::timeout, this, [this, run, finish] {
        if (run->finished)
            return;
        run->outcome.unreachable = true;
        run->outcome.problem = QStringLiteral("the keychain did not answer within %1 s").arg(m_timeoutMs / 1000.0);
        finish();
    });
    run->timer->start(m_timeoutMs);

    for (const KeychainOp &op : ops) {
        QKeychain::Job *job = nullptr;
        if (op.kind == KeychainOp::Kind::Read) {
            job = new QKeychain::ReadPasswordJob(keychainService());
        } else if (op.kind == KeychainOp::Kind::Write) {
            auto *write = new QKeychain::WritePasswordJob(keychainService());
            write->setTextData(op.value);
            job = write;
        } else {
            job = new QKeychain::DeletePasswordJob(keychainService());
        }
        // Never parented: a job deleted while libsecret still works for it would be called back.
        job->setAutoDelete(true);
        job->setInsecureFallback(false);
        job->setKey(op.key);
        connect(job, &QKeychain::Job::finished, this, [run, finish, op](QKeychain::Job *finishedJob) {
            if (run->finished)
                return;
            const QKeychain::Error error = finishedJob->error();
            if (error == QKeychain::NoError || error == QKeychain::EntryNotFound) {
                if (op.kind == KeychainOp::Kind::Read && error == QKeychain::NoError)
                    run->outcome.read.insert(op.key,
                                             static_cast<QKeychain::ReadPasswordJob *>(finishedJob)->textData());
                else if (op.kind == KeychainOp::Kind::Read)
                    run->outcome.notFound << op.key;
                run->answered = true;
            } else {
                const QString text = finishedJob->errorString().isEmpty()
                                         ? QStringLiteral("error %1").arg(static_cast<int>(error))
                                         : finishedJob->errorString();
                if (meansUnreachable(error) && !run->outcome.unreachable) {
                    run->outcome.unreachable = true;
                    run->outcome.problem = text;
                } else if (run->outcome.problem.isEmpty()) {
                    run->outcome.problem = text;
                }
            }
            if (--run->remaining == 0)
                finish();
        });
        job->start();
    }
}

} // namespace kafdesk
