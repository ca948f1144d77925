#pragma once

#include "apierror.h"
#include "graphqlrequest.h"
#include "graphqlresponse.h"

#include <QList>
#include <QStringList>

namespace Mainstay {

// One page (up to FilesPerPage) of the files a pull request changes, for rules that look at
// paths (the area labels). The document never changes; the pull request and the cursor travel as
// variables ($owner, $name, $number, $cursor), the cursor being the previous page's endCursor
// (none for the first page). PullRequestFilesJob walks every page.
class PullRequestFilesQuery
{
public:
    static constexpr int FilesPerPage = 100;

    struct File
    {
        QString path;
        int additions = 0;
        int deletions = 0;
        bool operator==(const File &) const = default;
    };

    struct Page
    {
        QList<File> files;
        bool hasNextPage = false;
        QString endCursor;    // pass to request() for the next page
        bool missing = false; // the pull request does not exist (files is empty)
        RateLimit rateLimit;
        int cost = -1;
        ApiError error; // set when the answer cannot be used; the rest is empty then

        bool isOk() const { return !error.isError(); }
        QStringList paths() const;
    };

    static QString document();
    static GraphQLRequest request(const QString &owner, const QString &name, int number,
                                  const QString &cursor = QString());
    // The most nodes one request can return, counted as GitHub does.
    static int nodeCount() { return FilesPerPage; }

    // A NOT_FOUND error on the pull request gives a Page with `missing` set, not an error.
    static Page parse(const GraphQLResponse &response);
};

} // namespace Mainstay
