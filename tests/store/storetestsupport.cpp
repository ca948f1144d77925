#include "storetestsupport.h"

#include "scopedconnection.h"
#include "sqlvalues.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QSqlQuery>

#include <sys/stat.h>

namespace Mainstay::StoreTest {

void StoreFixture::SetUp()
{
    ASSERT_TRUE(m_dir.isValid());
}

StoreOpenResult StoreFixture::open(WorkspaceStore::CacheCheck cacheCheck)
{
    m_store.reset();
    m_store = std::make_unique<WorkspaceStore>(&m_clock);
    StoreOpenResult result = m_store->open(dataDir(), repository, cacheCheck);
    EXPECT_TRUE(result.ok) << result.error.toStdString();
    return result;
}

QString StoreFixture::workspaceDir() const
{
    return WorkspaceStore::workspacePath(dataDir(), repository);
}

QString StoreFixture::cachePath() const
{
    return QDir(workspaceDir()).filePath(QStringLiteral("cache.sqlite"));
}

QString StoreFixture::userDataPath() const
{
    return QDir(workspaceDir()).filePath(QStringLiteral("userdata.sqlite"));
}

ExpectStoreWarnings::ExpectStoreWarnings()
{
    QLoggingCategory::setFilterRules(QStringLiteral("mainstay.store.warning=false"));
}

ExpectStoreWarnings::~ExpectStoreWarnings()
{
    QLoggingCategory::setFilterRules(QString());
}

bool runSql(const QString &path, const QString &sql, QString *error)
{
    ScopedConnection connection(path, u"test-sql");
    if (!connection.open(error))
        return false;
    QString statement;
    for (const QString &line : sql.split(QLatin1Char('\n'))) {
        if (line.trimmed().startsWith(QLatin1String("--")))
            continue;
        statement += line + QLatin1Char('\n');
        if (line.trimmed().endsWith(QLatin1Char(';'))) {
            if (!SqlValues::exec(connection.database(), statement, error))
                return false;
            statement.clear();
        }
    }
    return statement.trimmed().isEmpty() ||
           SqlValues::exec(connection.database(), statement, error);
}

QVariant queryValue(const QString &path, const QString &sql)
{
    ScopedConnection connection(path, u"test-query", ScopedConnection::Mode::ReadOnly);
    QString error;
    if (!connection.open(&error))
        return QStringLiteral("cannot open: ") + error;
    const QVariant value = SqlValues::scalar(connection.database(), sql, &error);
    return value.isValid() ? value : QVariant(QStringLiteral("error: ") + error);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate)) << path.toStdString();
    ASSERT_EQ(file.write(bytes), bytes.size());
}

int unixMode(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 07777);
}

QStringList filesStartingWith(const QString &folder, const QString &prefix)
{
    return QDir(folder).entryList({prefix + QLatin1Char('*')}, QDir::Files, QDir::Name);
}

} // namespace Mainstay::StoreTest
