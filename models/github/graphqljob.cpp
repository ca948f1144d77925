#include "graphqljob.h"

#include "githubclient.h"
#include "restjob.h"

#include <QJsonDocument>

namespace Mainstay {

GraphQLJob::GraphQLJob(GitHubClient *client, GraphQLRequest request)
    : QObject(client)
    , m_request(std::move(request))
{
    m_transport = client->postQuery(client->graphqlUrl(), QJsonDocument(m_request.toJson()));
    connect(m_transport, &RestJob::finished, this, &GraphQLJob::onTransportFinished);
}

GraphQLJob::~GraphQLJob()
{
    if (m_transport && !m_transport->isFinished()) {
        // Nobody is left to read the answer; do not let the request hold a slot.
        m_transport->disconnect(this);
        m_transport->cancel();
    }
}

void GraphQLJob::cancel()
{
    if (m_finished || !m_transport)
        return;
    m_transport->cancel(); // its finished() reports the cancellation here
}

void GraphQLJob::onTransportFinished(RestJob *transport)
{
    if (m_finished)
        return;
    m_finished = true;
    m_response = GraphQLResponse::fromHttp(transport->response(), QDateTime::currentDateTimeUtc());
    Q_EMIT finished(this);
    if (m_autoDelete)
        deleteLater();
}

} // namespace Mainstay
