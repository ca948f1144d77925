#include "rfcissueformfetcher.h"

#include "githubclient.h"
#include "restjob.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Mainstay {

RfcIssueFormFetcher::RfcIssueFormFetcher(GitHubClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

void RfcIssueFormFetcher::fetch(const QString &repository)
{
    if (m_job)
        m_job->cancel();
    ++m_generation;
    m_repository = repository;
    m_candidates.clear();
    m_formsRead = 0;
    m_form = RfcIssueForm();
    m_errorString.clear();
    m_error = ApiError();
    m_running = true;
    const quint64 generation = m_generation;
    m_job = m_client->get(QStringLiteral("/repos/%1/contents/%2").arg(repository, TemplateFolder));
    connect(m_job, &RestJob::finished, this, [this, generation](RestJob *job) {
        if (generation == m_generation)
            onListing(job);
    });
}

void RfcIssueFormFetcher::onListing(RestJob *job)
{
    m_job = nullptr;
    const ApiResponse &response = job->response();
    if (!response.isOk()) {
        if (response.error.kind == ApiError::Kind::NotFound)
            finish(QStringLiteral("The repository has no %1 folder, so there is no RFC form "
                                  "to compare with.")
                       .arg(TemplateFolder));
        else
            finish(QStringLiteral("The issue templates could not be read: %1")
                       .arg(response.error.message()),
                   response.error);
        return;
    }
    const QJsonDocument listing = QJsonDocument::fromJson(response.body);
    if (!listing.isArray()) {
        finish(QStringLiteral("%1 is not a folder.").arg(TemplateFolder));
        return;
    }
    QStringList likely, others;
    for (const QJsonValue &value : listing.array()) {
        const QJsonObject entry = value.toObject();
        const QString name = entry.value(QLatin1String("name")).toString();
        const QString path = entry.value(QLatin1String("path")).toString();
        if (entry.value(QLatin1String("type")).toString() != QLatin1String("file") ||
            path.isEmpty())
            continue;
        const QString lower = name.toLower();
        if (!(lower.endsWith(QLatin1String(".yml")) || lower.endsWith(QLatin1String(".yaml"))) ||
            lower == QLatin1String("config.yml") || lower == QLatin1String("config.yaml"))
            continue; // Markdown templates and the chooser's config are not forms
        (lower.contains(QLatin1String("rfc")) ? likely : others).append(path);
    }
    m_candidates = likely + others;
    if (m_candidates.isEmpty()) {
        finish(QStringLiteral("%1 holds no YAML issue forms.").arg(TemplateFolder));
        return;
    }
    fetchNextCandidate();
}

void RfcIssueFormFetcher::fetchNextCandidate()
{
    if (m_candidates.isEmpty()) {
        finish(QStringLiteral("None of the %1 issue form(s) in %2 is an RFC form.")
                   .arg(m_formsRead)
                   .arg(TemplateFolder));
        return;
    }
    const QString path = m_candidates.takeFirst();
    const quint64 generation = m_generation;
    m_job = m_client->get(QStringLiteral("/repos/%1/contents/%2").arg(m_repository, path));
    connect(m_job, &RestJob::finished, this, [this, generation, path](RestJob *job) {
        if (generation != m_generation)
            return;
        m_job = nullptr;
        const ApiResponse &response = job->response();
        if (!response.isOk()) {
            finish(QStringLiteral("%1 could not be read: %2").arg(path, response.error.message()),
                   response.error);
            return;
        }
        const QJsonObject file = QJsonDocument::fromJson(response.body).object();
        QByteArray content = file.value(QLatin1String("content")).toString().toLatin1();
        if (file.value(QLatin1String("encoding")).toString() == QLatin1String("base64"))
            content = QByteArray::fromBase64(content.replace('\n', QByteArray()));
        ++m_formsRead;
        RfcIssueForm form = RfcIssueForm::parse(content);
        if (form.isValid() && form.isRfcForm()) {
            form.setPath(path);
            m_form = form;
            finish();
            return;
        }
        fetchNextCandidate();
    });
}

void RfcIssueFormFetcher::finish(const QString &errorString, const ApiError &error)
{
    m_running = false;
    m_errorString = errorString;
    m_error = error;
    Q_EMIT finished();
}

} // namespace Mainstay
