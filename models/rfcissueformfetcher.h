#pragma once

#include "apierror.h"
#include "rfcissueform.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

namespace Mainstay {

class GitHubClient;
class RestJob;

// Finds a repository's RFC issue form: lists .github/ISSUE_TEMPLATE/ through the contents API,
// then reads its YAML forms (files named like rfc first) until one is the RFC form
// (RfcIssueForm::isRfcForm). Conditional requests through the client's response cache make a
// repeat cost no rate limit.
//
// finished() fires once per fetch(): form() is valid when one was found; otherwise
// errorString() says why (no template folder, no RFC form among N forms, or the API error).
class RfcIssueFormFetcher : public QObject
{
    Q_OBJECT
public:
    static inline const QString TemplateFolder = QStringLiteral(".github/ISSUE_TEMPLATE");

    explicit RfcIssueFormFetcher(GitHubClient *client, QObject *parent = nullptr);

    // `repository` is "owner/name". Cancels a fetch in progress.
    void fetch(const QString &repository);
    bool isRunning() const { return m_running; }

    const RfcIssueForm &form() const { return m_form; }
    QString errorString() const { return m_errorString; }
    const ApiError &error() const { return m_error; }

Q_SIGNALS:
    void finished();

private:
    void onListing(RestJob *job);
    void fetchNextCandidate();
    void finish(const QString &errorString = QString(), const ApiError &error = {});

    GitHubClient *m_client;
    QString m_repository;
    QStringList m_candidates; // paths still to read
    int m_formsRead = 0;
    QPointer<RestJob> m_job;
    RfcIssueForm m_form;
    QString m_errorString;
    ApiError m_error;
    quint64 m_generation = 0;
    bool m_running = false;
};

} // namespace Mainstay
