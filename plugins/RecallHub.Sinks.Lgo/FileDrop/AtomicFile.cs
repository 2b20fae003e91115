namespace RecallHub.Sinks.Lgo.FileDrop;

/// <summary>
/// Replaces a file so that a reader sees the old content or the new, never a mix: the bytes go to a temporary file in
/// the same folder (a rename across file systems would copy), are flushed to the disk, and the temporary file is
/// renamed over the target.
/// </summary>
internal static class AtomicFile
{
    // Temporary files start with a dot and end with .tmp, so that an LGO watching *.csv or *.json never picks one up.
    private const string TemporarySuffix = ".tmp";

    /// <summary>Writes <paramref name="content"/> as the whole of <paramref name="path"/>.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="content">Its new content.</param>
    /// <param name="beforeReplace">Called between the flushed temporary file and the rename (tests break in here).</param>
    public static void Write(string path, ReadOnlySpan<byte> content, Action<string>? beforeReplace = null)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        string temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}{TemporarySuffix}");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                // fsync: after a power cut the renamed file must hold the bytes, not zeros.
                stream.Flush(flushToDisk: true);
            }

            beforeReplace?.Invoke(temporary);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Deletes the temporary files a crash left beside <paramref name="path"/>.</summary>
    /// <returns>How many were deleted.</returns>
    public static int RemoveLeftovers(string path)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        int removed = 0;
        foreach (string leftover in Directory.EnumerateFiles(folder, $".{Path.GetFileName(path)}.*{TemporarySuffix}"))
        {
            File.Delete(leftover);
            removed++;
        }

        return removed;
    }
}
