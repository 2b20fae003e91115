namespace RecallHub.Abstractions.Patients;

/// <summary>
/// Who received a pack or a device: health data. The hub never stores or forwards it in clear; it travels sealed
/// (<see cref="PatientIdentitySeal"/>).
/// </summary>
/// <param name="Ins">The patient's INS (national health identifier, the NIR form): 13 characters and a 2-digit key, as <see cref="InsNumber.Normalize"/> writes it.</param>
/// <param name="FamilyName">The birth family name, as on the identity document.</param>
/// <param name="GivenNames">The given names, as on the identity document.</param>
/// <param name="BirthDate">The date of birth, when known.</param>
public sealed record PatientIdentity(string Ins, string? FamilyName, string? GivenNames, DateOnly? BirthDate);
