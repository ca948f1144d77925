#include "democorpus.h"

namespace Mainstay::DemoCorpus {

const QList<LabelSpec> &labelSpecs()
{
    // As the default policy's label table has them, except for a few planted differences the
    // label catalogue shows: `not-a-bug`'s colour, `feature-request`'s description, both for
    // `need-rfc`; `event_sources` is not in the policy, and the policy's `data_classes`,
    // `streaming` and `middleware_factory` are missing here.
    static const QList<LabelSpec> specs = {
        {"triage", "fbca04", "New issue a maintainer has yet to review"},
        {"bug", "d73a4a", "Reproducible runtime behaviour that differs from what was intended"},
        {"not-a-bug", "e4e669", "Filed as a bug but behaves as intended; kept for analytics"},
        {"documentation", "0075ca", "Improves, adds or fixes documentation"},
        {"feature-request", "a2eeef", "feature request"},
        {"typing", "bfd4f2", "New or improved static typing"},
        {"RFC", "c5def5", "Technical design proposal for a feature request"},
        {"bug-upstream", "b60205", "Bug whose cause lies in an upstream dependency"},
        {"help wanted", "008672", "Anyone is welcome to help move this forward"},
        {"need-customer-feedback", "d876e3", "Needs more feedback from users before going ahead"},
        {"need-more-information", "d4c5f9",
         "Waiting for details from the author before a decision"},
        {"need-documentation", "c2e0c6", "Pull request lacks documentation or has only part of it"},
        {"need-issue", "f9d0c4", "Pull request has no related issue to track the change"},
        {"need-rfc", "bfd4f2", "Feature request requires a RFC to improve discussion"},
        {"pending-release", "0e8a16",
         "Merged; ships in the next release, which notifies and closes it"},
        {"revisit-in-3-months", "bfdadc", "Blocked for now; look at it again in three months"},
        {"breaking-change", "e11d21", "Affects existing users and needs careful review"},
        {"do-not-merge", "ee0701", "Pull request blocked for now; the timeline is uncertain"},
        {"size/XS", "c2f0c2", "0-9 changed lines"},
        {"size/S", "a8e6a1", "10-29 changed lines"},
        {"size/M", "ffe08a", "30-99 changed lines"},
        {"size/L", "fbb36b", "100-499 changed lines"},
        {"size/XL", "f4845f", "500-999 changed lines; often grew with review feedback"},
        {"size/XXL", "e0414b", "1000 or more changed lines; mostly documentation"},
        {"tests", "bfe5bf", "Adds or changes tests"},
        {"feature", "84b6eb", "Pull request adding a feature or a minor change"},
        {"dependencies", "0366d6", "Touches dependencies, e.g. Dependabot updates"},
        {"github-actions", "1d76db", "Changes GitHub Actions workflows"},
        {"github-templates", "d2b48c", "Changes issue or pull request templates"},
        {"internal", "ededed", "Governance and chores such as linting or project baseline"},
        {"tech-debt", "f7c6c7", "Pays down technical debt"},
        {"customer-reference", "ffc0cb", "Permission to name the company in our documentation"},
        {"community-content", "c9f0ff", "Community content suggested for our documentation"},
        {"good first issue", "7057ff", "A good start for first-time contributors"},
        {"logger", "006b75", "Logger utility"},
        {"tracer", "006b75", "Tracer utility"},
        {"metrics", "006b75", "Metrics utility"},
        {"parameters", "006b75", "Parameters utility"},
        {"idempotency", "006b75", "Idempotency utility"},
        {"batch", "006b75", "Batch processing utility"},
        {"event_handler", "006b75", "Event handler utility"},
        {"parser", "006b75", "Parser utility"},
        {"validation", "006b75", "Validation utility"},
        {"feature_flags", "006b75", "Feature flags utility"},
        {"data_masking", "006b75", "Data masking utility"},
        {"event_sources", "bfdadc", "Event Source Data Class utility"},
    };
    return specs;
}

const QList<Area> &areas()
{
    static const QList<Area> list = {
        {QStringLiteral("logger"),
         QStringLiteral("Logger"),
         QStringLiteral("from aws_lambda_powertools import Logger"),
         {QStringLiteral("correlation_id"),
          QStringLiteral("the log level from POWERTOOLS_LOG_LEVEL"),
          QStringLiteral("exception stack traces"), QStringLiteral("custom formatter keys"),
          QStringLiteral("the log sampling rate"), QStringLiteral("child logger keys"),
          QStringLiteral("the xray_trace_id key"), QStringLiteral("append_keys")},
         {QStringLiteral("a buffered log handler"), QStringLiteral("thread-safe append_keys"),
          QStringLiteral("serialization of dataclasses"),
          QStringLiteral("per-request log levels")}},
        {QStringLiteral("tracer"),
         QStringLiteral("Tracer"),
         QStringLiteral("from aws_lambda_powertools import Tracer"),
         {QStringLiteral("subsegment annotations"), QStringLiteral("captured response metadata"),
          QStringLiteral("async method capture"), QStringLiteral("boto3 patching"),
          QStringLiteral("the cold start annotation")},
         {QStringLiteral("OpenTelemetry support"), QStringLiteral("ignore_endpoint for httpx"),
          QStringLiteral("capturing generator methods")}},
        {QStringLiteral("metrics"),
         QStringLiteral("Metrics"),
         QStringLiteral("from aws_lambda_powertools import Metrics"),
         {QStringLiteral("default dimensions"), QStringLiteral("high-resolution metrics"),
          QStringLiteral("the ColdStart metric"), QStringLiteral("namespace validation"),
          QStringLiteral("the EMF blob size limit")},
         {QStringLiteral("a Datadog provider"), QStringLiteral("metric timestamps in the past"),
          QStringLiteral("flushing metrics without a handler")}},
        {QStringLiteral("parameters"),
         QStringLiteral("Parameters"),
         QStringLiteral("from aws_lambda_powertools.utilities import parameters"),
         {QStringLiteral("the SSM cache TTL"), QStringLiteral("AppConfig configuration profiles"),
          QStringLiteral("the secrets transform"), QStringLiteral("the DynamoDB provider"),
          QStringLiteral("max_age overrides")},
         {QStringLiteral("setting parameters in SSM"), QStringLiteral("batch get for secrets"),
          QStringLiteral("a custom cache backend")}},
        {QStringLiteral("idempotency"),
         QStringLiteral("Idempotency"),
         QStringLiteral("from aws_lambda_powertools.utilities.idempotency import idempotent"),
         {QStringLiteral("payload validation"), QStringLiteral("in-progress expiry"),
          QStringLiteral("the DynamoDB persistence key"),
          QStringLiteral("the Redis persistence layer"), QStringLiteral("custom key prefixes")},
         {QStringLiteral("a Redis persistence layer"),
          QStringLiteral("returning the stored response status"),
          QStringLiteral("manipulating the idempotent response")}},
        {QStringLiteral("batch"),
         QStringLiteral("Batch processing"),
         QStringLiteral("from aws_lambda_powertools.utilities.batch import BatchProcessor"),
         {QStringLiteral("partial failure responses"), QStringLiteral("SQS FIFO ordering"),
          QStringLiteral("Kinesis sequence numbers"), QStringLiteral("the async processor")},
         {QStringLiteral("skipping group on error for FIFO"),
          QStringLiteral("DynamoDB Streams models"),
          QStringLiteral("a bounded concurrency option")}},
        {QStringLiteral("event_handler"),
         QStringLiteral("Event Handler"),
         QStringLiteral("from aws_lambda_powertools.event_handler import APIGatewayRestResolver"),
         {QStringLiteral("the OpenAPI schema"), QStringLiteral("CORS headers"),
          QStringLiteral("route path parameters"), QStringLiteral("Router includes"),
          QStringLiteral("validation errors"), QStringLiteral("middleware order"),
          QStringLiteral("binary responses")},
         {QStringLiteral("per-route middlewares"), QStringLiteral("OpenAPI security schemes"),
          QStringLiteral("a Bedrock Agents resolver"), QStringLiteral("custom serializers"),
          QStringLiteral("WebSocket routes")}},
        {QStringLiteral("parser"),
         QStringLiteral("Parser"),
         QStringLiteral("from aws_lambda_powertools.utilities.parser import event_parser"),
         {QStringLiteral("the SQS envelope"), QStringLiteral("the EventBridge model"),
          QStringLiteral("Pydantic v2 validators"),
          QStringLiteral("the S3 event notification model")},
         {QStringLiteral("a Cognito pre-signup model"), QStringLiteral("Kafka envelopes"),
          QStringLiteral("TypeAdapter support")}},
        {QStringLiteral("validation"),
         QStringLiteral("Validation"),
         QStringLiteral("from aws_lambda_powertools.utilities.validation import validator"),
         {QStringLiteral("custom formats"), QStringLiteral("JMESPath envelopes")},
         {QStringLiteral("returning all validation errors")}},
        {QStringLiteral("feature_flags"),
         QStringLiteral("Feature Flags"),
         QStringLiteral("from aws_lambda_powertools.utilities.feature_flags import FeatureFlags"),
         {QStringLiteral("time-based rules"), QStringLiteral("the modulo range action")},
         {QStringLiteral("a LaunchDarkly store"), QStringLiteral("evaluating flags in bulk")}},
        {QStringLiteral("data_masking"),
         QStringLiteral("Data Masking"),
         QStringLiteral("from aws_lambda_powertools.utilities.data_masking import DataMasking"),
         {QStringLiteral("nested field masking"), QStringLiteral("the KMS provider")},
         {QStringLiteral("custom masking rules"), QStringLiteral("regex-based erasure")}},
        {QStringLiteral("event_sources"),
         QStringLiteral("Event Source Data Classes"),
         QStringLiteral("from aws_lambda_powertools.utilities.data_classes import event_source"),
         {QStringLiteral("the ALB event"), QStringLiteral("the CloudWatch Logs decoder"),
          QStringLiteral("multi-value headers")},
         {QStringLiteral("an AppSync events data class"), QStringLiteral("an IoT rule event")}},
    };
    return list;
}

const QStringList &maintainerLogins()
{
    static const QStringList list = {QStringLiteral("ayla-lambda"), QStringLiteral("bram-tracer"),
                                     QStringLiteral("chidi-metrics"),
                                     QStringLiteral("dana-layers")};
    return list;
}

const QStringList &userLoginStems()
{
    static const QStringList list = {
        QStringLiteral("alex"),  QStringLiteral("sam"),  QStringLiteral("rio"),
        QStringLiteral("kai"),   QStringLiteral("mina"), QStringLiteral("jo"),
        QStringLiteral("lee"),   QStringLiteral("ren"),  QStringLiteral("ola"),
        QStringLiteral("ivo"),   QStringLiteral("zoe"),  QStringLiteral("ari"),
        QStringLiteral("teo"),   QStringLiteral("nia"),  QStringLiteral("eli"),
        QStringLiteral("uma"),   QStringLiteral("max"),  QStringLiteral("pia"),
        QStringLiteral("oli"),   QStringLiteral("yan"),  QStringLiteral("bea"),
        QStringLiteral("cato"),  QStringLiteral("dov"),  QStringLiteral("fen"),
        QStringLiteral("gus"),   QStringLiteral("hana"), QStringLiteral("ines"),
        QStringLiteral("jules"), QStringLiteral("kofi"), QStringLiteral("luz"),
        QStringLiteral("milo"),  QStringLiteral("noor"), QStringLiteral("otto"),
        QStringLiteral("quinn"), QStringLiteral("rosa"), QStringLiteral("sven"),
    };
    return list;
}

const QStringList &userLoginSuffixes()
{
    static const QStringList list = {
        QStringLiteral("-dev"), QStringLiteral("-codes"), QStringLiteral("-aws"),
        QStringLiteral("-io"),  QStringLiteral("42"),     QStringLiteral("-sre"),
        QStringLiteral("-ops"), QStringLiteral("-py"),    QStringLiteral("-cloud"),
        QStringLiteral("-hq"),  QStringLiteral("x"),      QStringLiteral("-builds"),
    };
    return list;
}

const QStringList &bugConditions()
{
    static const QStringList list = {
        QStringLiteral("when running on Python 3.12"),
        QStringLiteral("with Lambda SnapStart enabled"),
        QStringLiteral("inside a thread pool"),
        QStringLiteral("after a cold start"),
        QStringLiteral("when the event is empty"),
        QStringLiteral("with a custom boto3 session"),
        QStringLiteral("under high concurrency"),
        QStringLiteral("when POWERTOOLS_DEV is set"),
        QStringLiteral("on arm64"),
        QStringLiteral("with Pydantic v2"),
    };
    return list;
}

const QStringList &exceptions()
{
    static const QStringList list = {QStringLiteral("KeyError"), QStringLiteral("TypeError"),
                                     QStringLiteral("ValueError"), QStringLiteral("AttributeError"),
                                     QStringLiteral("RecursionError")};
    return list;
}

const QStringList &rfcTopics()
{
    static const QStringList list = {
        QStringLiteral("Event Handler support for WebSockets"),
        QStringLiteral("Metrics providers for third-party observability vendors"),
        QStringLiteral("Idempotency support for Redis"),
        QStringLiteral("Data Masking utility"),
        QStringLiteral("Streaming large S3 objects"),
        QStringLiteral("Middleware factory v2"),
        QStringLiteral("OpenAPI validation for Event Handler"),
        QStringLiteral("Drop support for Python 3.8"),
    };
    return list;
}

const QStringList &maintenanceTopics()
{
    static const QStringList list = {
        QStringLiteral("migrate %1 tests to pytest-xdist"),
        QStringLiteral("enable mypy strict mode in %1"),
        QStringLiteral("reduce %1 import time"),
        QStringLiteral("remove deprecated %1 parameters"),
        QStringLiteral("add e2e tests for %1"),
        QStringLiteral("consolidate %1 type definitions"),
    };
    return list;
}

const QStringList &ciTopics()
{
    static const QStringList list = {
        QStringLiteral("pin third-party actions to commit sha"),
        QStringLiteral("run e2e tests on Python 3.13"),
        QStringLiteral("cache poetry dependencies"),
        QStringLiteral("add Scorecard workflow"),
        QStringLiteral("fail release when provenance verification fails"),
        QStringLiteral("speed up layer deployment across regions"),
        QStringLiteral("add region ca-west-1 to layer deployment"),
        QStringLiteral("harden GITHUB_TOKEN permissions"),
    };
    return list;
}

const QStringList &dependencies()
{
    static const QStringList list = {
        QStringLiteral("boto3|1.34.%1|1.34.%2|pip"),
        QStringLiteral("pydantic|2.7.%1|2.7.%2|pip"),
        QStringLiteral("mypy-boto3-s3|1.34.%1|1.34.%2|pip"),
        QStringLiteral("ruff|0.4.%1|0.4.%2|pip"),
        QStringLiteral("mkdocs-material|9.5.%1|9.5.%2|pip"),
        QStringLiteral("aws-cdk-lib|2.14%1.0|2.14%2.0|pip"),
        QStringLiteral("actions/checkout|4.1.%1|4.1.%2|github_actions"),
        QStringLiteral("actions/setup-python|5.1.%1|5.1.%2|github_actions"),
        QStringLiteral("aws-actions/configure-aws-credentials|4.0.%1|4.0.%2|github_actions"),
        QStringLiteral("pytest|8.2.%1|8.2.%2|pip"),
    };
    return list;
}

const QStringList &awsRegions()
{
    static const QStringList list = {
        QStringLiteral("us-east-1"),      QStringLiteral("us-east-2"),
        QStringLiteral("us-west-1"),      QStringLiteral("us-west-2"),
        QStringLiteral("ca-central-1"),   QStringLiteral("ca-west-1"),
        QStringLiteral("sa-east-1"),      QStringLiteral("eu-west-1"),
        QStringLiteral("eu-west-2"),      QStringLiteral("eu-west-3"),
        QStringLiteral("eu-central-1"),   QStringLiteral("eu-central-2"),
        QStringLiteral("eu-north-1"),     QStringLiteral("eu-south-1"),
        QStringLiteral("eu-south-2"),     QStringLiteral("me-south-1"),
        QStringLiteral("me-central-1"),   QStringLiteral("il-central-1"),
        QStringLiteral("af-south-1"),     QStringLiteral("ap-east-1"),
        QStringLiteral("ap-south-1"),     QStringLiteral("ap-northeast-1"),
        QStringLiteral("ap-northeast-2"), QStringLiteral("ap-southeast-1"),
        QStringLiteral("ap-southeast-2"),
    };
    return list;
}

const QStringList &pythonVersions()
{
    static const QStringList list = {QStringLiteral("3.9"), QStringLiteral("3.10"),
                                     QStringLiteral("3.11"), QStringLiteral("3.12"),
                                     QStringLiteral("3.13")};
    return list;
}

const QStringList &maintainerTriageReplies()
{
    static const QStringList list = {
        QStringLiteral(
            "Hey @%1, thanks for opening this issue! I can reproduce it with the snippet "
            "you shared. We'll look into a fix for the next release."),
        QStringLiteral("Thanks for the detailed report @%1! Could you share the full stack trace "
                       "and the version you're on? That'll help us narrow it down."),
        QStringLiteral("Hi @%1 :wave: thanks for the suggestion. This makes sense to me; would you "
                       "be interested in contributing a PR? Happy to guide you through it."),
        QStringLiteral("Thanks @%1! I'm adding this to our backlog. We'd love to hear from other "
                       "customers whether they need this too - please :+1: the issue."),
        QStringLiteral("Hey @%1, appreciate you taking the time. Before we decide, could you tell "
                       "us more about your use case?\n\n- How many functions are affected?\n- Are "
                       "you using the Lambda Layer or PyPi?"),
    };
    return list;
}

const QStringList &maintainerFollowUps()
{
    static const QStringList list = {
        QStringLiteral("I've opened a draft PR with a fix, @%1 would you mind testing it?"),
        QStringLiteral("Quick update: we discussed this in our planning and it's on the roadmap "
                       "for the next minor release."),
        QStringLiteral("Thanks for confirming @%1. I'll pair with you on the implementation "
                       "if you'd like."),
        QStringLiteral("We're still looking into it; the root cause seems to be in how we "
                       "initialise the provider at import time."),
    };
    return list;
}

const QStringList &maintainerClosingReplies()
{
    static const QStringList list = {
        QStringLiteral("Closing as this was fixed in the latest release. Thanks again @%1!"),
        QStringLiteral("Closing this as we haven't heard back. Feel free to reopen with more "
                       "details @%1."),
        QStringLiteral("This is working as intended, so I'm closing it. Thanks for raising it "
                       "though @%1 - we'll make the docs clearer."),
    };
    return list;
}

const QStringList &userReplies()
{
    static const QStringList list = {
        QStringLiteral("Thanks for the quick response! Here's the full trace:\n\n```\nTraceback "
                       "(most recent call last):\n  File \"/var/task/app.py\", line 12, in "
                       "handler\n    return app.resolve(event, context)\nKeyError: "
                       "'requestContext'\n```"),
        QStringLiteral("I'm on the latest version from PyPi, Python 3.12, arm64."),
        QStringLiteral("Sure, happy to send a PR! Any pointers on where to start?"),
        QStringLiteral("Any update on this? It's blocking our migration."),
        QStringLiteral("I tried the workaround but it still fails for us when the function is "
                       "invoked concurrently."),
        QStringLiteral("That works, thank you!"),
    };
    return list;
}

const QStringList &otherUserReplies()
{
    static const QStringList list = {
        QStringLiteral("+1, we're seeing the same thing in production."),
        QStringLiteral("We'd use this too - currently we maintain a fork just for this."),
        QStringLiteral("Same here after upgrading last week."),
    };
    return list;
}

const QStringList &reviewComments()
{
    static const QStringList list = {
        QStringLiteral("Thanks @%1! Looks great, just one nit on the docs. Approving."),
        QStringLiteral("@%1 could you add a test for the failure path? Otherwise LGTM."),
        QStringLiteral("Merging this - thank you so much for your contribution @%1 :rocket:"),
        QStringLiteral("@%1 I pushed a small change to fix the mypy errors, hope you don't mind."),
    };
    return list;
}

} // namespace Mainstay::DemoCorpus
