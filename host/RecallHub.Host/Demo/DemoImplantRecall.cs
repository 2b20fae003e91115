namespace RecallHub.Host.Demo;

/// <summary>A device recall the implant register found implanted patients for.</summary>
/// <param name="RecallId">The hub's recall id.</param>
/// <param name="Title">The recall's title.</param>
/// <param name="PatientsToContact">Distinct patients to contact (the register's <c>recall-patients</c> query).</param>
internal sealed record DemoImplantRecall(long RecallId, string Title, int PatientsToContact);
