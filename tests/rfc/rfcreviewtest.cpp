#include "rfcreview.h"
#include "demodatagenerator.h"
#include "demogithubbackend.h"
#include "demorepositoryfiles.h"
#include "githubclient.h"
#include "httprequest.h"
#include "httpresponse.h"
#include "loopbackhttpserver.h"
#include "manualclock.h"
#include "policy.h"
#include "rfcissueform.h"
#include "rfcissueformfetcher.h"
#include "workspacestore.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace Mainstay;
using namespace Qt::StringLiterals;

namespace {

RfcIssueForm demoForm()
{
    QString error;
    const RfcIssueForm form = RfcIssueForm::parse(
        DemoRepositoryFiles::files().value(u".github/ISSUE_TEMPLATE/rfc.yml"_s), &error);
    EXPECT_TRUE(error.isEmpty()) << error.toStdString();
    return form;
}

const char SampleForm[] = R"(name: RFC
description: Propose something
labels: RFC, triage
body:
  - type: markdown
    attributes:
      value: "Thanks!"
  - type: textarea
    attributes:
      label: Summary
    validations:
      required: true
  - type: input
    attributes:
      label: Related issue
  - type: checkboxes
    attributes:
      label: Acknowledgment
      options:
        - label: I read the tenets
          required: true
)";

} // namespace

TEST(RfcIssueForm, ReadsTheFieldsOfAnIssueForm)
{
    const RfcIssueForm form = demoForm();
    ASSERT_TRUE(form.isValid());
    EXPECT_TRUE(form.isRfcForm());
    EXPECT_EQ(form.labels(), (QStringList{u"RFC"_s, u"triage"_s}));
    QStringList labels;
    QStringList required;
    for (const RfcIssueForm::Section &section : form.sections()) {
        labels.append(section.label);
        if (section.required)
            required.append(section.label);
    }
    EXPECT_EQ(labels.size(), 10) << "the markdown item is no section";
    EXPECT_EQ(labels.first(), u"Is this related to an existing feature request or issue?"_s);
    EXPECT_EQ(labels.last(), u"Acknowledgment"_s);
    EXPECT_FALSE(required.contains(u"Alternative solutions"_s));
    EXPECT_TRUE(required.contains(u"Summary"_s));
    EXPECT_TRUE(required.contains(u"Acknowledgment"_s)) << "one option is required";

    const RfcIssueForm sample = RfcIssueForm::parse(SampleForm);
    ASSERT_TRUE(sample.isValid());
    EXPECT_EQ(sample.labels(), (QStringList{u"RFC"_s, u"triage"_s})) << "comma-separated labels";
    EXPECT_EQ(sample.sections().size(), 3);

    const RfcIssueForm bug = RfcIssueForm::parse(
        DemoRepositoryFiles::files().value(u".github/ISSUE_TEMPLATE/bug_report.yml"_s));
    EXPECT_TRUE(bug.isValid());
    EXPECT_FALSE(bug.isRfcForm());
}

TEST(RfcIssueForm, BadFormsSayWhy)
{
    QString error;
    EXPECT_FALSE(RfcIssueForm::parse("name: [unclosed", &error).isValid());
    EXPECT_TRUE(error.contains(u"YAML"_s)) << error.toStdString();
    EXPECT_FALSE(RfcIssueForm::parse("- just\n- a list\n", &error).isValid());
    EXPECT_FALSE(error.isEmpty());
    EXPECT_FALSE(RfcIssueForm::parse("name: x\nabout: a markdown template\n", &error).isValid());
    EXPECT_TRUE(error.contains(u"body"_s)) << error.toStdString();
    EXPECT_FALSE(
        RfcIssueForm::parse(
            "name: x\nbody:\n  - type: markdown\n    attributes:\n      value: hi\n", &error)
            .isValid());
}

struct BodyCase
{
    const char *name;
    const char *body;
    QStringList missing;
    QStringList emptyRequired;
};

class RfcBodyCheck : public ::testing::TestWithParam<BodyCase>
{};

TEST_P(RfcBodyCheck, ComparesTheHeadingsGitHubRendersFromTheForm)
{
    const RfcIssueForm form = RfcIssueForm::parse(SampleForm);
    const RfcIssueForm::Check check = form.check(QString::fromUtf8(GetParam().body));
    EXPECT_EQ(check.missing, GetParam().missing);
    EXPECT_EQ(check.emptyRequired, GetParam().emptyRequired);
    EXPECT_EQ(check.passed(), GetParam().missing.isEmpty() && GetParam().emptyRequired.isEmpty());
}

INSTANTIATE_TEST_SUITE_P(
    SampleBodies, RfcBodyCheck,
    ::testing::Values(
        BodyCase{"complete",
                 "### Summary\n\nA plan.\n\n### Related issue\n\n_No response_\n\n"
                 "### Acknowledgment\n\n- [x] I read the tenets\n",
                 {},
                 {}},
        BodyCase{"crlfAndCase",
                 "### summary\r\n\r\nA plan.\r\n### Related issue ###\r\n#12\r\n"
                 "### ACKNOWLEDGMENT\r\n- [X] I read the tenets\r\n",
                 {},
                 {}},
        BodyCase{"freehand",
                 "## Summary of my idea\n\nWe should do X.\n",
                 {u"Summary"_s, u"Related issue"_s, u"Acknowledgment"_s},
                 {}},
        BodyCase{"requiredLeftEmpty",
                 "### Summary\n\n_No response_\n\n### Related issue\n\n#3\n\n"
                 "### Acknowledgment\n\n- [ ] I read the tenets\n",
                 {},
                 {u"Summary"_s, u"Acknowledgment"_s}},
        BodyCase{"headingsInCodeDoNotCount",
                 "### Summary\n\n```markdown\n### Related issue\n### Acknowledgment\n```\n",
                 {u"Related issue"_s, u"Acknowledgment"_s},
                 {}},
        BodyCase{"empty", "", {u"Summary"_s, u"Related issue"_s, u"Acknowledgment"_s}, {}}),
    [](const ::testing::TestParamInfo<BodyCase> &info) { return std::string(info.param.name); });

TEST(RfcIssueForm, TheDemoRfcsVaryAsRealOnesDo)
{
    const RfcIssueForm form = demoForm();
    const DemoDataset data = DemoDataGenerator::generate(
        DemoDataGenerator::DefaultSeed, QDateTime::fromSecsSinceEpoch(1'790'000'000, Qt::UTC));
    int passed = 0, missingAcknowledgment = 0, freehand = 0;
    for (const Issue &issue : data.issues) {
        if (!RfcReview::isRfc(issue))
            continue;
        const RfcIssueForm::Check check = form.check(issue.body);
        if (check.passed())
            ++passed;
        else if (check.missing == QStringList{u"Acknowledgment"_s})
            ++missingAcknowledgment;
        else if (check.missing.size() >=
                 form.sections().size() - 1) // only the Summary heading kept
            ++freehand;
        else
            ADD_FAILURE() << issue.number << ": " << check.summary().toStdString();
    }
    EXPECT_GT(passed, 0);
    EXPECT_GT(missingAcknowledgment, 0);
    EXPECT_GT(freehand, 0);
}

TEST(RfcReview, RecognisesRfcsByLabelOrTitle)
{
    Issue issue;
    issue.title = u"RFC: structured logging for batch"_s;
    EXPECT_TRUE(RfcReview::isRfc(issue));
    issue.title = u"  rfc : lower case"_s;
    EXPECT_TRUE(RfcReview::isRfc(issue));
    issue.title = u"[RFC] bracketed"_s;
    EXPECT_TRUE(RfcReview::isRfc(issue));
    issue.title = u"Feature request: RFC 3339 dates in the logger"_s;
    EXPECT_FALSE(RfcReview::isRfc(issue));
    Label label;
    label.name = u"rfc"_s;
    issue.labels = {label};
    EXPECT_TRUE(RfcReview::isRfc(issue));
}

TEST(RfcReview, AnswersRoundTripThroughTheLocalStore)
{
    QTemporaryDir dir;
    WorkspaceStore store;
    ASSERT_TRUE(store.open(dir.path(), u"o/r"_s).ok);
    const QStringList questions = Policy::defaultPolicy().rfcReviewQuestions;
    ASSERT_EQ(questions.size(), 8);

    RfcReview review(questions);
    EXPECT_TRUE(review.isEmpty());
    review.setAnswer(0, RfcReview::Answer::Yes);
    review.setAnswer(2, RfcReview::Answer::Unsure);
    review.setNote(2, u"Which handlers?\nOnly REST?"_s);
    review.setAnswer(5, RfcReview::Answer::No);
    review.setAnswer(99, RfcReview::Answer::No); // out of range: ignored
    EXPECT_EQ(review.answeredCount(), 3);
    ASSERT_TRUE(review.save(store.userData(), 42));

    EXPECT_EQ(RfcReview::load(store.userData(), 42, questions), review);
    EXPECT_EQ(RfcReview::load(store.userData(), 43, questions), RfcReview(questions));
    const QJsonValue stored = store.userData().localValue(RfcReview::LocalScope, u"42"_s);
    EXPECT_EQ(stored.toObject()[u"answers"_s].toArray().size(), 8);
    EXPECT_EQ(stored.toObject()[u"answers"_s][2][u"answer"_s].toString(), u"unsure"_s);

    // A policy that reorders and drops questions keeps the answers that still apply.
    const QStringList edited{questions[5], u"A new question?"_s, questions[0]};
    const RfcReview reloaded = RfcReview::load(store.userData(), 42, edited);
    EXPECT_EQ(reloaded.items()[0].answer, RfcReview::Answer::No);
    EXPECT_EQ(reloaded.items()[1].answer, RfcReview::Answer::Unanswered);
    EXPECT_EQ(reloaded.items()[2].answer, RfcReview::Answer::Yes);

    // Clearing every answer removes the stored value.
    ASSERT_TRUE(RfcReview(questions).save(store.userData(), 42));
    EXPECT_TRUE(store.userData().localValue(RfcReview::LocalScope, u"42"_s).isUndefined());
}

TEST(RfcReview, TurnsTheAnswersIntoAReviewComment)
{
    RfcReview review({u"Was the RFC template used?"_s, u"Is it in line with the tenets?"_s,
                      u"Who maintains it?"_s});
    review.setAnswer(0, RfcReview::Answer::No);
    review.setAnswer(1, RfcReview::Answer::Yes);
    review.setNote(1, u"Keeps the *lean* core.\nNo new dependency."_s);
    RfcIssueForm::Check check;
    check.missing = {u"Use case"_s, u"Acknowledgment"_s};
    EXPECT_EQ(review.toMarkdown(u"octocat"_s, check),
              u"### RFC review\n\n"
              "Thank you @octocat for writing this RFC! Here is where the review stands against "
              "the questions we ask of every RFC.\n\n"
              "- Was the RFC template used? **No**\n"
              "- Is it in line with the tenets? **Yes** — Keeps the *lean* core.\n"
              "  No new dependency.\n"
              "\nStill open:\n"
              "- Who maintains it?\n"
              "\n**RFC template:** please use the RFC form; missing: “Use case”, "
              "“Acknowledgment”.\n"_s);
    review.setAnswer(2, RfcReview::Answer::Unsure);
    const QString complete = review.toMarkdown(QString(), RfcIssueForm::Check{});
    EXPECT_FALSE(complete.contains(u"Still open"_s));
    EXPECT_FALSE(complete.contains(u"Thank you"_s));
    EXPECT_TRUE(complete.contains(u"- Who maintains it? **Unsure**\n"_s));
    EXPECT_TRUE(complete.contains(u"all sections of the RFC form are filled in"_s));
    EXPECT_FALSE(review.toMarkdown().contains(u"**RFC template:**"_s)) << "no check, no line";
}

class RfcFormFetcherTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_backend = std::make_shared<DemoGitHubBackend>(
            DemoDataGenerator::generate(5, m_clock.now()), &m_clock);
        std::weak_ptr<DemoGitHubBackend> backend = m_backend;
        m_server.setHandler(
            [backend](const HttpRequest &request) { return backend.lock()->handle(request); });
        ASSERT_TRUE(m_server.start());
        m_client.setApiUrl(m_server.baseUrl());
        GitHubClient::RetryPolicy quick;
        quick.maxRetries = 0;
        m_client.setRetryPolicy(quick);
    }

    bool fetch(RfcIssueFormFetcher &fetcher, const QString &repository)
    {
        QSignalSpy done(&fetcher, &RfcIssueFormFetcher::finished);
        fetcher.fetch(repository);
        return done.wait(10'000) && done.size() == 1;
    }

    ManualClock m_clock{QDateTime::fromSecsSinceEpoch(1'790'000'000, Qt::UTC)};
    std::shared_ptr<DemoGitHubBackend> m_backend;
    LoopbackHttpServer m_server;
    QNetworkAccessManager m_nam;
    GitHubClient m_client{&m_nam};
};

TEST_F(RfcFormFetcherTest, FindsTheRfcFormInTheIssueTemplates)
{
    RfcIssueFormFetcher fetcher(&m_client);
    ASSERT_TRUE(fetch(fetcher, m_backend->dataset().fullName()));
    ASSERT_TRUE(fetcher.form().isValid()) << fetcher.errorString().toStdString();
    EXPECT_EQ(fetcher.form().path(), u".github/ISSUE_TEMPLATE/rfc.yml"_s);
    EXPECT_EQ(fetcher.form().sections(), demoForm().sections());
    // The listing, then the likeliest file only.
    QStringList paths;
    for (const HttpRequest &request : m_server.requestLog())
        paths.append(request.path);
    EXPECT_EQ(paths, (QStringList{u"/repos/%1/contents/.github/ISSUE_TEMPLATE"_s.arg(
                                      m_backend->dataset().fullName()),
                                  u"/repos/%1/contents/.github/ISSUE_TEMPLATE/rfc.yml"_s.arg(
                                      m_backend->dataset().fullName())}));
}

TEST_F(RfcFormFetcherTest, SaysWhyThereIsNoForm)
{
    RfcIssueFormFetcher fetcher(&m_client);
    ASSERT_TRUE(fetch(fetcher, u"nobody/nothing"_s));
    EXPECT_FALSE(fetcher.form().isValid());
    EXPECT_TRUE(fetcher.errorString().contains(u".github/ISSUE_TEMPLATE"_s))
        << fetcher.errorString().toStdString();

    // Only non-RFC forms: every one is read, then it says so.
    m_backend->setFault([](const HttpRequest &request) -> std::optional<HttpResponse> {
        if (request.path.endsWith(u"/ISSUE_TEMPLATE"_s)) {
            return HttpResponse::json(
                200, R"([{"name":"bug_report.yml","path":".github/ISSUE_TEMPLATE/bug_report.yml",
                          "type":"file"},{"name":"config.yml",
                          "path":".github/ISSUE_TEMPLATE/config.yml","type":"file"}])");
        }
        return std::nullopt;
    });
    ASSERT_TRUE(fetch(fetcher, m_backend->dataset().fullName()));
    EXPECT_FALSE(fetcher.form().isValid());
    EXPECT_TRUE(fetcher.errorString().contains(u"None of the 1 issue form"_s))
        << fetcher.errorString().toStdString();

    // A server error is reported with GitHub's words.
    m_backend->setFault([](const HttpRequest &) -> std::optional<HttpResponse> {
        return HttpResponse::json(500, R"({"message":"Server Error"})");
    });
    ASSERT_TRUE(fetch(fetcher, m_backend->dataset().fullName()));
    EXPECT_TRUE(fetcher.error().isError());
    EXPECT_TRUE(fetcher.errorString().contains(u"could not be read"_s))
        << fetcher.errorString().toStdString();
}
