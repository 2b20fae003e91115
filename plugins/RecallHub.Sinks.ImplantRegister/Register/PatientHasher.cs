using System.Security.Cryptography;
using System.Text;
using RecallHub.Abstractions.Patients;

namespace RecallHub.Sinks.ImplantRegister.Register;

/// <summary>
/// The keyed hash of an INS (HMAC-SHA256 with a key derived from the patient key): finds a patient's entries without
/// opening a seal, and cannot be reversed by trying every INS without the key.
/// </summary>
internal sealed class PatientHasher(PatientIdentitySeal seal)
{
    private readonly byte[] _key = seal.DeriveKey("implant-register INS lookup v1");

    /// <summary>The hash of an INS in its compared form (<see cref="InsNumber.Normalize"/>), in hex.</summary>
    public string Hash(string normalizedIns) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(normalizedIns)));
}
