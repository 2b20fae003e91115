namespace RecallHub.Sources.Nmvs.Client;

/// <summary>The operations of the national system this plugin uses, single-pack and bulk.</summary>
internal enum NmvsOperation
{
    /// <summary>Verify one pack: its state, its batch's and its product's.</summary>
    VerifyPack,

    /// <summary>Dispense (decommission) one pack.</summary>
    DispensePack,

    /// <summary>Undo the dispense of one pack: within 10 days, by the location that dispensed it.</summary>
    UndoDispensePack,

    /// <summary>Verify several packs in one request.</summary>
    VerifyPacks,

    /// <summary>Dispense several packs in one request.</summary>
    DispensePacks,

    /// <summary>Undo the dispense of several packs in one request.</summary>
    UndoDispensePacks,
}
