namespace RecallHub.Host.Demo;

/// <summary>What the NMVS plugin answered for a box of today's delivery.</summary>
/// <param name="Pack">The box.</param>
/// <param name="Code">The national system's return code.</param>
/// <param name="Message">The plugin's French sentence.</param>
/// <param name="Action">What to do, in French.</param>
internal sealed record DemoNmvsAlert(string Pack, string? Code, string Message, string Action);
