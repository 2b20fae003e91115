namespace RecallHub.Core.Storage.Sqlite.Migrations;

/// <summary>
/// Schema version 3: a dispensation or implantation scan may name the patient — sealed by the host with the patient
/// key, never in clear — with the prescriber and the place. Existing scans keep <c>NULL</c>.
/// </summary>
internal static class Migration0003ScanHandover
{
    public const string Sql = """
        -- 'v1.' + base64 of AES-256-GCM nonce|ciphertext|tag (PatientIdentitySeal); only on scans that go to a patient.
        ALTER TABLE pack_scans ADD COLUMN sealed_patient TEXT
            CHECK (sealed_patient IS NULL OR (event IN ('implantation', 'dispensation') AND sealed_patient LIKE 'v1.%'));
        ALTER TABLE pack_scans ADD COLUMN prescriber TEXT;
        ALTER TABLE pack_scans ADD COLUMN place TEXT;
        """;
}
