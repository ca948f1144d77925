#pragma once

#include "manualclock.h"
#include "workspacestore.h"

#include <gtest/gtest.h>

#include <QTemporaryDir>

#include <memory>

namespace Mainstay::StoreTest {

inline const QString repository = QStringLiteral("aws-powertools/powertools-lambda-python");

// A data directory of its own and a store on it, with a clock tests move by hand.
class StoreFixture : public ::testing::Test
{
protected:
    void SetUp() override;
    // Opens (or reopens) the store; fails the test when open() does not succeed.
    StoreOpenResult
    open(WorkspaceStore::CacheCheck cacheCheck = WorkspaceStore::CacheCheck::Structure);
    void close() { m_store.reset(); }
    QString dataDir() const { return m_dir.path(); }
    QString workspaceDir() const;
    QString cachePath() const;
    QString userDataPath() const;

    QTemporaryDir m_dir;
    ManualClock m_clock;
    std::unique_ptr<WorkspaceStore> m_store;
};

// Silences the store's own warnings while a test provokes a failure on purpose (the test main
// turns every Qt warning into a failure).
class ExpectStoreWarnings
{
public:
    ExpectStoreWarnings();
    ~ExpectStoreWarnings();
};

// Runs SQL (statements separated by ";" at line ends, "--" comments allowed) on a file.
bool runSql(const QString &path, const QString &sql, QString *error);
// One value of a query on a file, through a connection of its own.
QVariant queryValue(const QString &path, const QString &sql);
QByteArray readFile(const QString &path);
void writeFile(const QString &path, const QByteArray &bytes);
// The permission bits (e.g. 0600) of a file or folder.
int unixMode(const QString &path);
// Files in the folder whose name starts with `prefix`.
QStringList filesStartingWith(const QString &folder, const QString &prefix);

} // namespace Mainstay::StoreTest
