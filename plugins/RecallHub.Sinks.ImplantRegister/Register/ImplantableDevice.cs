namespace RecallHub.Sinks.ImplantRegister.Register;

/// <summary>A device the register records, from the <c>implantable</c> setting.</summary>
/// <param name="UdiDi">Its UDI-DI in compared form: GTIN-14 for GS1, upper case otherwise.</param>
/// <param name="DeviceName">Its trade name.</param>
/// <param name="Manufacturer">Its manufacturer.</param>
/// <param name="BloodDerived">Contains a substance derived from human blood: kept 40 years instead of 10.</param>
internal sealed record ImplantableDevice(string UdiDi, string DeviceName, string Manufacturer, bool BloodDerived);
