namespace RecallHub.Sources.Nmvs;

/// <summary>How the plugin reaches the national system.</summary>
internal enum NmvsMode
{
    /// <summary>Directly, over HTTPS with the pharmacy's client certificate from France MVO.</summary>
    Direct,

    /// <summary>Through the pharmacists' order connector (CPS card), which authenticates: a configurable local endpoint.</summary>
    Connector,
}
