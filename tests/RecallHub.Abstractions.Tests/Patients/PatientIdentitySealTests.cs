using System.Security.Cryptography;
using RecallHub.Abstractions.Patients;

namespace RecallHub.Abstractions.Tests.Patients;

public sealed class PatientIdentitySealTests
{
    private const string Code = "]d201034009302703871728022910A53014\u001d217GH29KXW41Q";

    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private static readonly PatientIdentity Patient = new("184127645108946", "Dupont", "Marie Claire", new DateOnly(1984, 12, 3));

    [Fact]
    public void A_sealed_identity_opens_with_the_same_key_and_code()
    {
        var seal = new PatientIdentitySeal(Key);

        string sealedText = seal.Seal(Patient, Code);

        Assert.StartsWith("v1.", sealedText, StringComparison.Ordinal);
        Assert.DoesNotContain("Dupont", sealedText, StringComparison.Ordinal);
        Assert.Equal(Patient, PatientIdentitySeal.FromBase64(Convert.ToBase64String(Key)).Open(sealedText, Code));
        Assert.NotEqual(sealedText, seal.Seal(Patient, Code)); // a fresh nonce each time
    }

    [Fact]
    public void The_format_is_nonce_ciphertext_and_tag_in_base64_after_v1()
    {
        byte[] raw = Convert.FromBase64String(new PatientIdentitySeal(Key).Seal(Patient, Code)[3..]);
        int json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { ins = Patient.Ins, family_name = Patient.FamilyName, given_names = Patient.GivenNames, birth_date = "1984-12-03" }).Length;

        Assert.Equal(12 + json + 16, raw.Length);
    }

    [Fact]
    public void A_tampered_ciphertext_is_refused()
    {
        var seal = new PatientIdentitySeal(Key);
        byte[] raw = Convert.FromBase64String(seal.Seal(Patient, Code)[3..]);
        raw[20] ^= 1;

        var error = Assert.Throws<CryptographicException>(() => seal.Open("v1." + Convert.ToBase64String(raw), Code));
        Assert.Contains("does not open", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_seal_moved_to_another_scan_is_refused()
    {
        var seal = new PatientIdentitySeal(Key);

        Assert.Throws<CryptographicException>(() => seal.Open(seal.Seal(Patient, Code), Code.Replace("A53014", "A53015", StringComparison.Ordinal)));
    }

    [Fact]
    public void Another_key_does_not_open_it_and_has_another_key_check()
    {
        var seal = new PatientIdentitySeal(Key);
        var other = new PatientIdentitySeal(new byte[32]);

        Assert.Throws<CryptographicException>(() => other.Open(seal.Seal(Patient, Code), Code));
        Assert.NotEqual(seal.KeyCheck, other.KeyCheck);
        Assert.Equal(seal.KeyCheck, new PatientIdentitySeal(Key).KeyCheck);
        Assert.Equal(32, seal.KeyCheck.Length);
    }

    [Theory]
    [InlineData("v2.AAAA", "known version")]
    [InlineData("v1.***", "not base64")]
    [InlineData("v1.AAAA", "too short")]
    public void A_text_that_is_not_a_v1_seal_is_refused_as_a_format_error(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => new PatientIdentitySeal(Key).Open(text, Code));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_of_the_wrong_size_is_refused_without_showing_it()
    {
        Assert.Throws<ArgumentException>(() => new PatientIdentitySeal(new byte[16]));
        var error = Assert.Throws<FormatException>(() => PatientIdentitySeal.FromBase64(Convert.ToBase64String(new byte[16])));
        Assert.Contains("16 bytes", error.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => PatientIdentitySeal.FromBase64("not base64!"));
    }

    [Fact]
    public void Derived_keys_depend_on_the_purpose_and_the_key()
    {
        var seal = new PatientIdentitySeal(Key);

        Assert.Equal(seal.DeriveKey("ins"), new PatientIdentitySeal(Key).DeriveKey("ins"));
        Assert.NotEqual(seal.DeriveKey("ins"), seal.DeriveKey("other"));
        Assert.NotEqual(seal.DeriveKey("ins"), new PatientIdentitySeal(new byte[32]).DeriveKey("ins"));
    }
}
