#pragma once

#include "graphqlrequest.h"
#include "graphqlresponse.h"

#include <QObject>
#include <QPointer>

namespace Mainstay {

class GitHubClient;
class RestJob;

// One GraphQL operation: POSTs {query, variables} to the client's graphqlUrl() through a RestJob,
// so GitHub's headers, the token rules, redirects, timeouts and the client's in-flight limit are
// those of REST, then reads the answer into a GraphQLResponse (see there for what counts as an
// error; note that a partial answer comes with a GraphQL error *and* data).
//
// Created by GitHubClient::graphql(); the request goes out from the event loop, so connect to
// finished() right after creating the job. Emits finished() exactly once, after which response()
// and error() are valid. Deletes itself after finished() unless setAutoDelete(false).
class GraphQLJob : public QObject
{
    Q_OBJECT
public:
    GraphQLJob(GitHubClient *client, GraphQLRequest request);
    ~GraphQLJob() override;

    const GraphQLRequest &request() const { return m_request; }
    const GraphQLResponse &response() const { return m_response; }
    const ApiError &error() const { return m_response.error; }
    bool isFinished() const { return m_finished; }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }
    // Aborts the request; finished() fires with a Cancelled error.
    void cancel();

Q_SIGNALS:
    void finished(Mainstay::GraphQLJob *job);

private:
    void onTransportFinished(RestJob *transport);

    GraphQLRequest m_request;
    GraphQLResponse m_response;
    QPointer<RestJob> m_transport;
    bool m_finished = false;
    bool m_autoDelete = true;
};

} // namespace Mainstay
