// Prints every GraphQL document the client can send, built by the client's own functions for a
// representative set of inputs, as {"documents": [{name, query, variables, nodeCount}]} on
// stdout. validate-queries.mjs checks each against GitHub's published schema.
//
// A new query in models/github must add its documents here.

#include "pullrequestdetailsquery.h"
#include "pullrequestfilesquery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace Mainstay;
using namespace Qt::StringLiterals;

namespace {

QJsonObject entry(const QString &name, const GraphQLRequest &request, int nodeCount)
{
    return QJsonObject{{u"name"_s, name},
                       {u"query"_s, request.query},
                       {u"variables"_s, request.variables},
                       {u"nodeCount"_s, nodeCount}};
}

} // namespace

int main()
{
    const QString owner = u"aws-powertools"_s;
    const QString name = u"powertools-lambda-python"_s;

    QList<int> hundred;
    for (int n = 0; n < PullRequestDetailsQuery::MaxPullsPerQuery; ++n)
        hundred.append(7000 - 13 * n);

    QJsonArray documents;
    documents.append(entry(u"pull request details, 1 pull request"_s,
                           PullRequestDetailsQuery::request(owner, name, {4242}),
                           PullRequestDetailsQuery::nodeCount(1)));
    documents.append(entry(u"pull request details, 100 pull requests"_s,
                           PullRequestDetailsQuery::request(owner, name, hundred),
                           PullRequestDetailsQuery::nodeCount(int(hundred.size()))));
    const QList<int> openOnes = hundred.mid(0, 60);
    documents.append(
        entry(u"pull request details, 100 pull requests, 60 with files"_s,
              PullRequestDetailsQuery::request(owner, name, hundred, openOnes),
              PullRequestDetailsQuery::nodeCount(int(hundred.size()), int(openOnes.size()))));
    documents.append(entry(u"pull request files, first page"_s,
                           PullRequestFilesQuery::request(owner, name, 4242),
                           PullRequestFilesQuery::nodeCount()));
    documents.append(entry(u"pull request files, with a cursor"_s,
                           PullRequestFilesQuery::request(owner, name, 4242, u"Y3Vyc29yOjEwMA=="_s),
                           PullRequestFilesQuery::nodeCount()));

    const QByteArray json =
        QJsonDocument(QJsonObject{{u"documents"_s, documents}}).toJson(QJsonDocument::Indented);
    return std::fwrite(json.constData(), 1, size_t(json.size()), stdout) == size_t(json.size()) ? 0
                                                                                                : 1;
}
