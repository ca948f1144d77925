#include "demorepositoryfiles.h"

namespace Mainstay::DemoRepositoryFiles {

namespace {

const char RfcForm[] = R"(name: Request for comments (RFC)
description: Propose a larger change and discuss its design before anyone writes code
title: "RFC: TITLE"
labels: ["RFC", "triage"]
body:
  - type: markdown
    attributes:
      value: |
        Thank you for taking the time to write an RFC. A good RFC explains the problem, the
        proposed mechanics and what was left out, so that anyone could implement it.
  - type: input
    id: related_issue
    attributes:
      label: Is this related to an existing feature request or issue?
      description: Link the feature request that led to this RFC, if any.
      placeholder: "#1234"
    validations:
      required: false
  - type: dropdown
    id: area
    attributes:
      label: Which Powertools for AWS Lambda (Python) utility does this relate to?
      options:
        - Logger
        - Tracer
        - Metrics
        - Event Handler
        - Parameters
        - Idempotency
        - Batch processing
        - Parser
        - Validation
        - Feature flags
        - Other
    validations:
      required: true
  - type: textarea
    id: summary
    attributes:
      label: Summary
      description: One paragraph explanation of the feature.
    validations:
      required: true
  - type: textarea
    id: problem
    attributes:
      label: Use case
      description: The use case you want to solve, and who has it.
    validations:
      required: true
  - type: textarea
    id: proposal
    attributes:
      label: Proposal
      description: How it would work for someone using it, with a code example.
    validations:
      required: true
  - type: textarea
    id: scope
    attributes:
      label: Out of scope
      description: What this RFC deliberately does not cover.
    validations:
      required: true
  - type: textarea
    id: challenges
    attributes:
      label: Potential challenges
      description: Anything that could make this hard to build or to maintain.
    validations:
      required: true
  - type: textarea
    id: integrations
    attributes:
      label: Dependencies and Integrations
      description: New dependencies, or utilities this needs to work with.
    validations:
      required: false
  - type: textarea
    id: alternatives
    attributes:
      label: Alternative solutions
      description: Other ways to solve it that you considered.
    validations:
      required: false
  - type: checkboxes
    id: acknowledgment
    attributes:
      label: Acknowledgment
      options:
        - label: This feature request meets the project's tenets
          required: true
        - label: Should this be considered in the other Powertools for AWS Lambda languages?
          required: false
)";

const char BugReport[] = R"(name: Bug report
description: Report a reproducible bug to help us improve
title: "Bug: TITLE"
labels: ["bug", "triage"]
body:
  - type: textarea
    id: expected_behaviour
    attributes:
      label: Expected Behaviour
    validations:
      required: true
  - type: textarea
    id: current_behaviour
    attributes:
      label: Current Behaviour
    validations:
      required: true
  - type: textarea
    id: code_snippet
    attributes:
      label: Code snippet
      render: python
    validations:
      required: true
  - type: textarea
    id: solution
    attributes:
      label: Possible Solution
    validations:
      required: false
)";

const char FeatureRequest[] = R"(name: Feature request
description: Suggest an idea for this project
title: "Feature request: TITLE"
labels: ["feature-request", "triage"]
body:
  - type: textarea
    id: problem
    attributes:
      label: Use case
    validations:
      required: true
  - type: textarea
    id: suggestion
    attributes:
      label: Solution/User Experience
    validations:
      required: true
  - type: textarea
    id: alternatives
    attributes:
      label: Alternative solutions
    validations:
      required: false
)";

const char Config[] = R"(blank_issues_enabled: false
contact_links:
  - name: Ask a question
    url: https://github.com/aws-powertools/powertools-lambda-python/discussions
    about: Questions and ideas that are not yet a feature request
)";

} // namespace

const QMap<QString, QByteArray> &files()
{
    static const QMap<QString, QByteArray> all{
        {QStringLiteral(".github/ISSUE_TEMPLATE/bug_report.yml"), QByteArray(BugReport)},
        {QStringLiteral(".github/ISSUE_TEMPLATE/config.yml"), QByteArray(Config)},
        {QStringLiteral(".github/ISSUE_TEMPLATE/feature_request.yml"), QByteArray(FeatureRequest)},
        {QStringLiteral(".github/ISSUE_TEMPLATE/rfc.yml"), QByteArray(RfcForm)},
    };
    return all;
}

} // namespace Mainstay::DemoRepositoryFiles
