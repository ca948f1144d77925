#include "pullrequestfilesquery.h"

#include "jsonarrayreader.h"
#include "jsonreader.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Mainstay {

using GitHubJson::JsonArrayReader;
using GitHubJson::JsonPath;
using GitHubJson::JsonReader;

QStringList PullRequestFilesQuery::Page::paths() const
{
    QStringList out;
    out.reserve(files.size());
    for (const File &file : files)
        out.append(file.path);
    return out;
}

QString PullRequestFilesQuery::document()
{
    return u"query PullRequestFiles($owner: String!, $name: String!, $number: Int!, "
           "$cursor: String) {\n"
           "  repository(owner: $owner, name: $name) {\n"
           "    pullRequest(number: $number) {\n"
           "      files(first: %1, after: $cursor) {\n"
           "        nodes { path additions deletions }\n"
           "        pageInfo { hasNextPage endCursor }\n"
           "      }\n"
           "    }\n"
           "  }\n"
           "  rateLimit { cost remaining resetAt limit used }\n"
           "}\n"_s.arg(FilesPerPage);
}

GraphQLRequest PullRequestFilesQuery::request(const QString &owner, const QString &name, int number,
                                              const QString &cursor)
{
    QJsonObject variables{{u"owner"_s, owner}, {u"name"_s, name}, {u"number"_s, number}};
    // null, not "", for the first page: an empty cursor is not a valid one.
    variables.insert(u"cursor"_s, cursor.isEmpty() ? QJsonValue(QJsonValue::Null) : cursor);
    return GraphQLRequest{document(), variables};
}

PullRequestFilesQuery::Page PullRequestFilesQuery::parse(const GraphQLResponse &response)
{
    Page page;
    page.rateLimit = response.rateLimit;
    page.cost = response.cost;
    if (response.error.isError()) {
        const bool onlyThisPullIsMissing =
            response.error.kind == ApiError::Kind::GraphQL &&
            std::all_of(response.errors.cbegin(), response.errors.cend(),
                        [](const GraphQLError &error) {
                            return error.type == "NOT_FOUND"_L1 &&
                                   error.path == QStringList{u"repository"_s, u"pullRequest"_s};
                        });
        if (!onlyThisPullIsMissing) {
            page.error = response.error;
            return page;
        }
    }

    QString problem;
    const JsonPath root;
    const JsonPath dataPath(&root, "data"_L1);
    const JsonReader data(response.data, dataPath, &problem);
    if (const std::optional<JsonReader> repository = data.requiredObject("repository"_L1)) {
        const std::optional<JsonReader> pull = repository->optionalObject("pullRequest"_L1);
        if (!pull && data.ok()) {
            page.missing = true;
            return page;
        }
        if (pull)
            if (const std::optional<JsonReader> files = pull->requiredObject("files"_L1)) {
                const JsonArrayReader nodes = files->requiredArray("nodes"_L1);
                page.files.reserve(nodes.size());
                for (qsizetype i = 0; i < nodes.size() && data.ok(); ++i)
                    if (const std::optional<JsonReader> node = nodes.objectAt(i)) {
                        File &file = page.files.emplace_back();
                        file.path = node->requiredString("path"_L1);
                        file.additions = node->requiredInt("additions"_L1);
                        file.deletions = node->requiredInt("deletions"_L1);
                    }
                if (const std::optional<JsonReader> info = files->requiredObject("pageInfo"_L1)) {
                    page.hasNextPage = info->requiredBool("hasNextPage"_L1);
                    page.endCursor = info->optionalString("endCursor"_L1);
                    if (page.hasNextPage && page.endCursor.isEmpty() && data.ok())
                        info->fail("endCursor"_L1, u"missing although hasNextPage is true"_s);
                }
            }
    }
    if (!problem.isEmpty()) {
        page = Page{};
        page.rateLimit = response.rateLimit;
        page.cost = response.cost;
        page.error = ApiError::malformed(problem);
        page.error.httpStatus = response.http.status;
        page.error.context = response.error.context;
    }
    return page;
}

} // namespace Mainstay
