namespace RecallHub.Core.Checking;

/// <summary>May this pack leave the pharmacy?</summary>
public enum CheckVerdict
{
    /// <summary>No active recall concerns it.</summary>
    Allow = 0,

    /// <summary>An active recall concerns it, or may concern it and it must be checked by hand first.</summary>
    Block = 1,
}
