namespace RecallHub.Core.Storage.Sqlite;

/// <summary>How hard a commit pushes its data to disk before it is acknowledged.</summary>
public enum SqliteDurability
{
    /// <summary>
    /// <c>synchronous=NORMAL</c> (the default). In WAL mode a commit returns once its frames are written to the WAL
    /// file (handed to the operating system, not yet flushed to the device). A committed transaction survives the
    /// process being killed (SIGKILL, crash, out of memory); only an operating-system crash or power cut can lose
    /// the last commits, never corrupt the database.
    /// </summary>
    Normal = 0,

    /// <summary>
    /// <c>synchronous=FULL</c>: every commit also flushes the WAL to the device (fsync) before it returns, so a
    /// committed transaction survives a power cut too, at the cost of one fsync per commit.
    /// </summary>
    Full = 1,
}
